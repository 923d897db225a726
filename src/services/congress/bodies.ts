import {
  BODY_KINDS,
  type BodiesView,
  type BodyKind,
  type BodyMember,
  type BodyMemberInput,
  type BodyView,
} from '../../contract/procedure.ts';
import { compareNames } from '../../core/names/index.ts';
import { suggestedPresidiumSize } from '../../core/rules/index.ts';
import type { BodyMembersTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { idsAt, requireOwnedIds } from '../owned-ids.ts';
import { congressRow, type Reader } from './lookups.ts';
import { congressChange } from './publish.ts';

// The congress's bodies [P3]: the presidium (主席团, about a tenth of the delegates, adopted at the
// preparatory meeting), its standing committee (drawn from the presidium) and the credentials
// committee (代表资格审查委员会). Every member is a delegate of this congress.

const BODY_ZH: Readonly<Record<BodyKind, string>> = {
  presidium: '主席团',
  'presidium-standing-committee': '主席团常务委员会',
  'credentials-committee': '代表资格审查委员会',
};

const ROLE_ORDER: Readonly<Record<string, number>> = { chair: 0, 'deputy-chair': 1, member: 2 };

async function membersOf(db: Reader, congressId: string, body: BodyKind): Promise<BodyMember[]> {
  const rows = await db
    .selectFrom('body_members as m')
    .innerJoin('delegates as d', 'd.id', 'm.delegate_id')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select(['m.delegate_id', 'm.role', 'm.rank', 'd.name', 'd.code', 'g.name as delegation'])
    .where('m.congress_id', '=', congressId)
    .where('m.body', '=', body)
    .execute();
  // Chair, deputies, then members; an explicit rank first; otherwise surname-stroke order.
  return rows
    .sort(
      (a, b) =>
        (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3) ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        safeCompare(a.name, b.name),
    )
    .map((row) => ({
      delegateId: row.delegate_id,
      name: row.name,
      code: row.code,
      delegation: row.delegation,
      role: row.role,
      rank: row.rank,
    }));
}

/** Stroke order, or code-point order for a name the stroke data lacks. */
function safeCompare(a: string, b: string): number {
  try {
    return compareNames(a, b);
  } catch {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

export async function presidiumMemberIds(db: Reader, congressId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('body_members')
    .select('delegate_id')
    .where('congress_id', '=', congressId)
    .where('body', '=', 'presidium')
    .execute();
  return new Set(rows.map((row) => row.delegate_id));
}

/** Checks the members without writing: used when a proposal is put to the vote, and again when it is adopted. */
export async function checkBodyMembers(
  db: Reader,
  congressId: string,
  body: BodyKind,
  members: readonly BodyMemberInput[],
  presidium?: Set<string>,
  /** Where the members were in the request, for the error on a stranger. */
  field = 'body.members',
): Promise<void> {
  const congress = await congressRow(db, congressId);
  if (congress.kind === 'plenary') {
    throw conflict(
      'no-presidium',
      'a plenary session has no presidium or credentials committee',
      '全体会议不设主席团和代表资格审查委员会',
    );
  }
  const ids = members.map((m) => m.delegateId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new InputError('members', 'names a delegate twice', '同一代表出现了两次');
  // [P3] members are delegates of this congress: an id of anyone else is bad input.
  await requireOwnedIds(db, 'delegate', congressId, idsAt(field, members, 'delegateId'));
  if (body === 'presidium-standing-committee') {
    const inPresidium = presidium ?? (await presidiumMemberIds(db, congressId));
    const outsider = ids.findIndex((id) => !inPresidium.has(id));
    if (outsider >= 0) {
      throw ruleViolation(
        'P3',
        `members[${outsider}] is not a member of the presidium`,
        `第${outsider + 1}名成员不是主席团成员，不能进入主席团常务委员会`,
      );
    }
  }
  const chairs = members.filter((m) => m.role === 'chair').length;
  if (chairs > 1)
    throw new InputError('members', 'at most one chair', `${BODY_ZH[body]}至多一名主任（主席）`);
}

/**
 * Replaces a body's members inside the caller's transaction (an administrator's edit, or the
 * preparatory meeting adopting a list). Someone leaving the presidium must not still be an
 * executive chair of a sitting to come, or in the presidium's standing committee.
 */
export async function replaceBodyMembers(
  trx: WriteTransaction,
  newId: () => string,
  congressId: string,
  body: BodyKind,
  members: readonly BodyMemberInput[],
): Promise<{ before: BodyMember[]; after: BodyMember[] }> {
  await checkBodyMembers(trx, congressId, body, members);
  const before = await membersOf(trx, congressId, body);
  if (body === 'presidium') {
    const staying = new Set(members.map((m) => m.delegateId));
    const leaving = before.filter((m) => !staying.has(m.delegateId)).map((m) => m.delegateId);
    if (leaving.length > 0) {
      const chair = await trx
        .selectFrom('sitting_chairs as c')
        .innerJoin('sittings as s', 's.id', 'c.sitting_id')
        .innerJoin('delegates as d', 'd.id', 'c.delegate_id')
        .select(['d.name', 's.title'])
        .where('c.delegate_id', 'in', leaving)
        .where('s.status', '!=', 'closed')
        .executeTakeFirst();
      if (chair)
        throw conflict(
          'still-chair',
          `${chair.name} is an executive chair of ${chair.title}`,
          `${chair.name}是“${chair.title}”的执行主席，请先调整执行主席`,
        );
      const standing = await trx
        .selectFrom('body_members as m')
        .innerJoin('delegates as d', 'd.id', 'm.delegate_id')
        .select('d.name')
        .where('m.congress_id', '=', congressId)
        .where('m.body', '=', 'presidium-standing-committee')
        .where('m.delegate_id', 'in', leaving)
        .executeTakeFirst();
      if (standing)
        throw conflict(
          'still-standing',
          `${standing.name} is in the presidium standing committee`,
          `${standing.name}是主席团常务委员会成员，请先调整主席团常务委员会`,
        );
    }
  }
  await trx
    .deleteFrom('body_members')
    .where('congress_id', '=', congressId)
    .where('body', '=', body)
    .execute();
  const rows: BodyMembersTable[] = members.map((m) => ({
    id: newId(),
    congress_id: congressId,
    body,
    role: m.role ?? 'member',
    delegate_id: m.delegateId,
    rank: m.rank ?? null,
  }));
  if (rows.length > 0) await trx.insertInto('body_members').values(rows).execute();
  return { before, after: await membersOf(trx, congressId, body) };
}

export async function setBodyMembers(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  body: BodyKind,
  members: readonly BodyMemberInput[],
): Promise<BodyView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const { before, after } = await replaceBodyMembers(
      trx,
      () => context.random.id(),
      congressId,
      body,
      members,
    );
    return {
      result: { body, members: after },
      audit: { action: 'body.set', subject: `congress:${congressId}/${body}`, before, after },
      events: [congressChange(congressId, { change: 'body', body })],
    };
  });
  return view;
}

export async function listBodies(context: ServiceContext, congressId: string): Promise<BodiesView> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const bodies = await Promise.all(
    BODY_KINDS.map(async (body) => ({ body, members: await membersOf(db, congressId, body) })),
  );
  const count = await db
    .selectFrom('delegates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('congress_id', '=', congressId)
    .executeTakeFirstOrThrow();
  const delegates = Number(count.n);
  return {
    bodies,
    presidiumGuide: {
      rule: 'P3',
      delegates,
      suggested: suggestedPresidiumSize(delegates),
      actual: bodies[0]!.members.length,
    },
  };
}
