import { pinyin } from 'pinyin-pro';
import type {
  DelegateFilter,
  DelegateInput,
  DelegateView,
  DelegateWithPhoto,
} from '../../contract/delegates.ts';
import { sortNames } from '../../core/names/index.ts';
import type { CongressesTable, DelegatesTable, DelegationsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { isMeeting } from '../meetings/meeting-lookup.ts';
import { today } from './dates.ts';
import {
  CODE_PATTERN,
  type DelegateFieldsInput,
  delegateFields,
  fieldsAsInput,
  nextCodes,
} from './delegate-values.ts';
import { congressRow, delegateRow, type Reader } from './lookups.ts';
import { auditableDelegate, maskIdNumber, seesIdNumbers } from './privacy.ts';

// The delegates of a congress: create, edit, remove, and the list every desk works from, in
// delegation order and surname-stroke order (姓氏笔画为序) within each delegation.

/** Pinyin initials, reading a polyphonic surname as a surname (单 shàn, 曾 zēng). */
export function pinyinInitials(name: string): string {
  return pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'removed',
  })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function delegateView(
  row: DelegatesTable,
  delegation: string | null,
  wholeIdNumber: boolean,
): DelegateView {
  return {
    id: row.id,
    congressId: row.congress_id,
    code: row.code,
    name: row.name,
    initials: pinyinInitials(row.name),
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    joinedDate: row.joined_date,
    position: row.position,
    delegationId: row.delegation_id,
    delegation,
    idNumber: wholeIdNumber ? row.id_number : maskIdNumber(row.id_number),
    votingRights: row.voting_rights === 1,
    suspensionReason: row.suspension_reason,
    hasPhoto: row.photo !== null,
    hasCredential: row.credential_hash !== null,
    createdAt: row.created_at,
  };
}

/**
 * Delegates in the order of every printed list: by delegation (its sort order), those without a
 * delegation last, and by surname strokes within a delegation. Names with a character the stroke
 * data lacks go to the end of their delegation rather than failing the whole list.
 */
export function orderDelegates<T extends Pick<DelegatesTable, 'name' | 'delegation_id'>>(
  rows: readonly T[],
  delegations: readonly Pick<DelegationsTable, 'id' | 'name' | 'sort_order'>[],
): T[] {
  const order = [...delegations].sort(
    (a, b) => a.sort_order - b.sort_order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const groups = [...order.map((d) => d.id), null];
  return groups.flatMap((id) =>
    sortNames(
      rows.filter((row) => row.delegation_id === id),
      (row) => row.name,
      { unknown: 'last' },
    ),
  );
}

async function delegationsOf(db: Reader, congressId: string): Promise<DelegationsTable[]> {
  return db.selectFrom('delegations').selectAll().where('congress_id', '=', congressId).execute();
}

/** The congress's delegates in list order, as rows (for lists, exports and printed cards). */
export async function orderedDelegateRows(
  db: Reader,
  congressId: string,
): Promise<{ rows: DelegatesTable[]; delegations: DelegationsTable[] }> {
  const delegations = await delegationsOf(db, congressId);
  const rows = await db.selectFrom('delegates').selectAll().where('congress_id', '=', congressId).execute();
  return { rows: orderDelegates(rows, delegations), delegations };
}

export async function listDelegates(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  filter: DelegateFilter = {},
): Promise<DelegateView[]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const { rows, delegations } = await orderedDelegateRows(db, congressId);
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  const whole = seesIdNumbers(actor, congressId);
  const initials = filter.initials?.toLowerCase();
  return rows
    .filter((row) => filter.delegationId === undefined || row.delegation_id === filter.delegationId)
    .filter((row) => filter.name === undefined || row.name.includes(filter.name))
    .map((row) => delegateView(row, row.delegation_id ? (names.get(row.delegation_id) ?? null) : null, whole))
    .filter((view) => initials === undefined || view.initials.startsWith(initials));
}

export async function getDelegate(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegateId: string,
): Promise<DelegateWithPhoto> {
  const db = context.database.db;
  const row = await delegateRow(db, congressId, delegateId);
  return { ...(await viewOf(db, row, seesIdNumbers(actor, congressId))), photo: row.photo };
}

async function viewOf(db: Reader, row: DelegatesTable, whole: boolean): Promise<DelegateView> {
  const delegation = row.delegation_id
    ? await db.selectFrom('delegations').select('name').where('id', '=', row.delegation_id).executeTakeFirst()
    : undefined;
  return delegateView(row, delegation?.name ?? null, whole);
}

async function checkDelegation(
  trx: WriteTransaction,
  congressId: string,
  delegationId: string | null | undefined,
): Promise<void> {
  if (!delegationId) return;
  const found = await trx
    .selectFrom('delegations')
    .select('id')
    .where('id', '=', delegationId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!found)
    throw new InputError('delegationId', 'no such delegation in this congress', '本次大会没有该代表团');
}

/** Codes and ID numbers are unique within a congress. */
async function checkUnique(
  trx: WriteTransaction,
  congressId: string,
  row: Pick<DelegatesTable, 'code' | 'id_number'>,
  selfId?: string,
): Promise<void> {
  let byCode = trx
    .selectFrom('delegates')
    .select('name')
    .where('congress_id', '=', congressId)
    .where('code', '=', row.code);
  if (selfId) byCode = byCode.where('id', '!=', selfId);
  const codeHolder = await byCode.executeTakeFirst();
  if (codeHolder)
    throw conflict(
      'code-taken',
      `delegate code ${row.code} is taken by ${codeHolder.name}`,
      `代表证号${row.code}已由${codeHolder.name}使用`,
    );
  if (row.id_number === null) return;
  let byId = trx
    .selectFrom('delegates')
    .select('name')
    .where('congress_id', '=', congressId)
    .where('id_number', '=', row.id_number);
  if (selfId) byId = byId.where('id', '!=', selfId);
  const idHolder = await byId.executeTakeFirst();
  if (idHolder)
    throw conflict(
      'id-number-taken',
      `this ID number is already ${idHolder.name}'s`,
      `该身份证号码已登记为${idHolder.name}的号码`,
    );
}

function checkCode(code: string): string {
  const trimmed = code.trim();
  if (!CODE_PATTERN.test(trimmed)) {
    throw new InputError(
      'code',
      'must be 1–20 letters, digits or hyphens',
      '代表证号应为1至20位字母、数字或连字符',
    );
  }
  return trimmed;
}

async function codesInUse(trx: WriteTransaction, congressId: string): Promise<string[]> {
  return (
    await trx.selectFrom('delegates').select('code').where('congress_id', '=', congressId).execute()
  ).map((r) => r.code);
}

/**
 * A meeting of a sitting committee (a plenary or a standing committee meeting of a term) takes
 * its roster from the term's register [M1]: a person typed in here would vote without being a
 * member, and be counted in the news as one. Its people are changed in the register, and
 * non-members attend by category (attendee groups), never as delegates.
 */
export function refuseRosterFromRegister(congress: CongressesTable): void {
  if (isMeeting(congress)) {
    throw conflict(
      'roster-from-register',
      "this meeting's roster comes from the committee's register: change the register, and record non-members as attendees by category",
      '本次会议的出席名单取自委员会名册，不能另行添加人员：请在名册中办理，非委员按类别登记为列席人员',
    );
  }
}

export async function createDelegate(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: DelegateInput,
): Promise<DelegateView> {
  const fields = delegateFields(input, today(context));
  return auditedWrite(context, actor, async (trx, at) => {
    refuseRosterFromRegister(await congressRow(trx, congressId));
    await checkDelegation(trx, congressId, input.delegationId);
    const code =
      input.code !== undefined ? checkCode(input.code) : nextCodes(await codesInUse(trx, congressId), 1)[0]!;
    const row: DelegatesTable = {
      id: context.random.id(),
      congress_id: congressId,
      delegation_id: input.delegationId ?? null,
      code,
      ...fields,
      credential_hash: null,
      account_id: null,
      created_at: at,
    };
    await checkUnique(trx, congressId, row);
    await trx.insertInto('delegates').values(row).execute();
    return {
      result: await viewOf(trx, row, seesIdNumbers(actor, congressId)),
      audit: { action: 'delegate.create', subject: `delegate:${row.id}`, after: auditableDelegate(row) },
    };
  });
}

export async function updateDelegate(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegateId: string,
  patch: Partial<DelegateInput>,
): Promise<DelegateView> {
  const day = today(context);
  return auditedWrite(context, actor, async (trx) => {
    const before = await delegateRow(trx, congressId, delegateId);
    // The edit is checked as a whole: a new ID number must still agree with the gender kept.
    const merged: { -readonly [K in keyof DelegateFieldsInput]: DelegateFieldsInput[K] } = {
      ...fieldsAsInput(before),
      ...definedOnly(patch),
    };
    // A new ID number brings its own gender and date of birth unless the edit gives them too.
    if (patch.idNumber && patch.gender === undefined) merged.gender = null;
    if (patch.idNumber && patch.birthDate === undefined) merged.birthDate = null;
    if (patch.votingRights === true && patch.suspensionReason === undefined) merged.suspensionReason = null;
    const fields = delegateFields(merged, day);
    if (patch.delegationId !== undefined) await checkDelegation(trx, congressId, patch.delegationId);
    const after: DelegatesTable = {
      ...before,
      ...fields,
      delegation_id: patch.delegationId !== undefined ? patch.delegationId : before.delegation_id,
      code: patch.code !== undefined ? checkCode(patch.code) : before.code,
    };
    await checkUnique(trx, congressId, after, delegateId);
    await trx.updateTable('delegates').set(after).where('id', '=', delegateId).execute();
    return {
      result: await viewOf(trx, after, seesIdNumbers(actor, congressId)),
      audit: {
        action: 'delegate.update',
        subject: `delegate:${delegateId}`,
        before: auditableDelegate(before),
        after: auditableDelegate(after),
      },
    };
  });
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Removes a delegate entered by mistake. One who already has a record in the congress (a body,
 * a chair, attendance, a vote, a candidacy) is kept: suspend their voting rights instead.
 */
export async function deleteDelegate(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegateId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const before = await delegateRow(trx, congressId, delegateId);
    const references = [
      ['body_members', '主席团等机构'],
      ['sitting_chairs', '执行主席'],
      ['attendance', '出席记录'],
      ['adoption_voters', '表决记录'],
      ['electronic_voters', '投票记录'],
      ['round_presence', '投票出席记录'],
      ['candidates', '候选人名单'],
    ] as const;
    for (const [table, zh] of references) {
      const found = await trx
        .selectFrom(table)
        .select('delegate_id')
        .where('delegate_id', '=', delegateId)
        .executeTakeFirst();
      if (found) {
        throw conflict(
          'delegate-has-records',
          `the delegate appears in ${table.replaceAll('_', ' ')}; suspend the voting rights instead`,
          `该代表已有${zh}，不能删除，可改为暂停其表决权`,
        );
      }
    }
    await trx.deleteFrom('sessions').where('delegate_id', '=', delegateId).execute();
    await trx.deleteFrom('delegates').where('id', '=', delegateId).execute();
    return {
      result: undefined,
      audit: {
        action: 'delegate.delete',
        subject: `delegate:${delegateId}`,
        before: auditableDelegate(before),
      },
    };
  });
}
