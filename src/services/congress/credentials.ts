import type { Kysely } from 'kysely';
import type { CredentialReissue, IssuedCredential, OpenVote } from '../../contract/delegates.ts';
import type { CredentialReissuesTable, DelegatesTable } from '../../persistence/congress-schema.ts';
import { hashCredential } from '../../persistence/credential-hash.ts';
import type { Schema, WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ServiceError } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { orderedDelegateRows } from './delegates.ts';
import { congressRow } from './lookups.ts';

// Credentials for electronic voting: a fresh random code per delegate, printed on the delegate
// card (as text and QR code). Only its hash is stored, so the plaintext is shown once, to the
// administrator who issues it; issuing again replaces the code, and the old one stops working.
//
// While an electronic vote is open (a round, or an adoption vote), a new code is a ballot: whoever
// holds it can log in and vote in the delegate's name (issue 13 item 4). Then no one issues a code
// alone: an administrator asks for it with a reason, a scrutineer — another person — approves it
// and receives the code to hand to the delegate, and the presiding page lists every such code,
// to be announced in the hall.

export const CREDENTIAL_LENGTH = 10;

/**
 * Issues credentials to the given delegates (all delegates of the congress when none are named),
 * in list order. Sessions opened with an old credential end with it: a card reported lost must
 * not leave its finder logged in.
 */
export async function issueCredentials(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegateIds?: readonly string[],
): Promise<IssuedCredential[]> {
  // The codes and their slow hashes are made before the write transaction, so that issuing 3,000
  // cards does not hold the database's writers back while argon2 runs (10–15 s at 3,000 on two
  // busy cores); a delegate added meanwhile gets one inside.
  const prepared = await prepareCredentials(context, congressId, delegateIds);
  return auditedWrite(context, actor, async (trx) => {
    await congressRow(trx, congressId);
    const open = await openElectronicVotesOf(trx, congressId);
    if (open.length > 0) {
      throw new ServiceError(
        409,
        'second-person-required',
        `an electronic vote is open (${open.map((v) => v.title).join(', ')}): a new code now could vote in the delegate's name; ask for it (credential-reissues) and have a scrutineer approve it`,
        `电子投票（表决）正在进行（${open.map((v) => v.title).join('、')}）：此时补发凭证可被用于冒名投票，须提出补发申请，由监票人确认后补发`,
        'B4',
      );
    }
    const { rows, delegations } = await orderedDelegateRows(trx, congressId);
    const names = new Map(delegations.map((d) => [d.id, d.name]));
    let chosen = rows;
    if (delegateIds !== undefined) {
      const wanted = new Set(delegateIds);
      chosen = rows.filter((row) => wanted.has(row.id));
      if (chosen.length !== wanted.size) {
        throw new InputError(
          'delegateIds',
          'names a delegate who is not in this congress',
          '包含不属于本次大会的代表',
        );
      }
    }
    const issued: IssuedCredential[] = [];
    for (const row of chosen) {
      const ready = prepared.get(row.id);
      const credential = ready?.credential ?? context.random.code(CREDENTIAL_LENGTH);
      await trx
        .updateTable('delegates')
        .set({ credential_hash: ready?.hash ?? (await hashCredential(congressId, credential)) })
        .where('id', '=', row.id)
        .execute();
      issued.push({
        delegateId: row.id,
        code: row.code,
        name: row.name,
        delegation: row.delegation_id ? (names.get(row.delegation_id) ?? null) : null,
        credential,
      });
    }
    const ids = chosen.map((row) => row.id);
    for (let start = 0; start < ids.length; start += 500) {
      await trx
        .deleteFrom('sessions')
        .where('delegate_id', 'in', ids.slice(start, start + 500))
        .execute();
    }
    return {
      result: issued,
      // Who received a new credential and who had one before; never the codes.
      audit: {
        action: 'delegate.credentials.issue',
        subject: `congress:${congressId}`,
        before: { replaced: chosen.filter((row) => row.credential_hash !== null).map((row) => row.id) },
        after: { issued: ids },
      },
    };
  });
}

const HASH_CHUNK = 64;

/**
 * A fresh code and its stored hash (salted argon2id, 4 ms: persistence/credential-hash.ts) for
 * each delegate the issue will likely cover, by delegate id, hashed in parallel on the argon2
 * thread pool. Read outside the transaction: the transaction decides, this only prepares.
 */
async function prepareCredentials(
  context: ServiceContext,
  congressId: string,
  delegateIds?: readonly string[],
): Promise<Map<string, { credential: string; hash: string }>> {
  // The congress's delegates, so that no list of ids sent makes more hashes than it has.
  const rows = await context.database.db
    .selectFrom('delegates')
    .select('id')
    .where('congress_id', '=', congressId)
    .execute();
  const wanted = delegateIds === undefined ? undefined : new Set(delegateIds);
  const unique = rows.map((row) => row.id).filter((id) => wanted === undefined || wanted.has(id));
  const prepared = new Map<string, { credential: string; hash: string }>();
  for (let i = 0; i < unique.length; i += HASH_CHUNK) {
    await Promise.all(
      unique.slice(i, i + HASH_CHUNK).map(async (id) => {
        const credential = context.random.code(CREDENTIAL_LENGTH);
        prepared.set(id, { credential, hash: await hashCredential(congressId, credential) });
      }),
    );
  }
  return prepared;
}

/** The electronic votes open in the congress now: election rounds, and adoption votes (表决). */
export async function openElectronicVotesOf(db: Kysely<Schema>, congressId: string): Promise<OpenVote[]> {
  const rounds = await db
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .select(['r.id', 'r.seq', 'e.title'])
    .where('e.congress_id', '=', congressId)
    .where('r.mode', '=', 'electronic')
    .where('r.status', '=', 'open')
    .execute();
  const votes = await db
    .selectFrom('adoption_votes as v')
    .innerJoin('agenda_items as i', 'i.id', 'v.agenda_item_id')
    .innerJoin('sittings as s', 's.id', 'i.sitting_id')
    .select(['v.id', 'v.subject'])
    .where('s.congress_id', '=', congressId)
    .where('v.mode', '=', 'electronic')
    .where('v.status', '=', 'open')
    .where('v.opened_at', 'is not', null)
    .execute();
  return [
    ...rounds.map((r) => ({ kind: 'round' as const, id: r.id, title: `${r.title}（第${r.seq}轮）` })),
    ...votes.map((v) => ({ kind: 'adoption-vote' as const, id: v.id, title: v.subject })),
  ];
}

async function accountName(db: Kysely<Schema>, accountId: string): Promise<string> {
  const row = await db
    .selectFrom('accounts')
    .select('display_name')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.display_name ?? accountId;
}

async function reissueView(db: Kysely<Schema>, row: CredentialReissuesTable): Promise<CredentialReissue> {
  const delegate = await db
    .selectFrom('delegates as d')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select(['d.code', 'd.name', 'g.name as delegation'])
    .where('d.id', '=', row.delegate_id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    delegateId: row.delegate_id,
    code: delegate.code,
    name: delegate.name,
    delegation: delegate.delegation,
    reason: row.reason,
    requestedBy: await accountName(db, row.requested_by),
    requestedAt: row.requested_at,
    openVotes: JSON.parse(row.open_votes_json) as OpenVote[],
    status: row.approved_at ? 'approved' : 'pending',
    approvedBy: row.approved_by ? await accountName(db, row.approved_by) : null,
    approvedAt: row.approved_at,
  };
}

function staffAccount(actor: Actor): string {
  if (actor.kind !== 'account')
    throw new ServiceError(403, 'forbidden', 'a staff account is needed', '须使用工作人员账号');
  return actor.accountId;
}

async function delegateOf(
  db: Kysely<Schema>,
  congressId: string,
  delegateId: string,
): Promise<DelegatesTable> {
  const row = await db
    .selectFrom('delegates')
    .selectAll()
    .where('id', '=', delegateId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('delegate', '代表');
  return row;
}

/**
 * An administrator asks for a new credential for one delegate, with the reason (a card lost,
 * forgotten, damaged), while an electronic vote is open. Nothing is issued yet.
 */
export async function requestCredentialReissue(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: { readonly delegateId: string; readonly reason: string },
): Promise<CredentialReissue> {
  const requestedBy = staffAccount(actor);
  return auditedWrite(context, actor, async (trx, at) => {
    await congressRow(trx, congressId);
    const delegate = await delegateOf(trx, congressId, input.delegateId);
    const openVotes = await openElectronicVotesOf(trx, congressId);
    const row: CredentialReissuesTable = {
      id: context.random.id(),
      congress_id: congressId,
      delegate_id: delegate.id,
      reason: input.reason,
      requested_by: requestedBy,
      requested_at: at,
      open_votes_json: JSON.stringify(openVotes),
      approved_by: null,
      approved_at: null,
    };
    await trx.insertInto('credential_reissues').values(row).execute();
    return {
      result: await reissueView(trx, row),
      audit: {
        action: 'delegate.credential.reissue-request',
        subject: `delegate:${delegate.id}`,
        after: { reissue: row.id, reason: input.reason, openVotes },
      },
    };
  });
}

/**
 * A scrutineer approves a new credential asked for by someone else, and receives the code (shown
 * once) to hand to the delegate. The delegate's old code and sessions stop working. The one who
 * asked may not approve: the point is a second person.
 */
export async function approveCredentialReissue(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  reissueId: string,
): Promise<{ reissue: CredentialReissue; credential: IssuedCredential }> {
  const approvedBy = staffAccount(actor);
  return auditedWrite(context, actor, async (trx, at) => {
    const row = await trx
      .selectFrom('credential_reissues')
      .selectAll()
      .where('id', '=', reissueId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!row) throw notFound('credential request', '补发申请');
    if (row.approved_at)
      throw conflict('already-approved', 'this request was already approved', '该补发申请已确认');
    if (row.requested_by === approvedBy) {
      throw new ServiceError(
        403,
        'second-person-required',
        'the one who asked for a new credential may not approve it: another person, a scrutineer, must',
        '补发申请人不能自行确认，须由另一人（监票人）确认',
        'B4',
      );
    }
    const delegate = await delegateOf(trx, congressId, row.delegate_id);
    const credential = await replaceCredential(trx, context, congressId, delegate);
    await trx
      .updateTable('credential_reissues')
      .set({ approved_by: approvedBy, approved_at: at })
      .where('id', '=', reissueId)
      .execute();
    const view = await reissueView(trx, { ...row, approved_by: approvedBy, approved_at: at });
    return {
      result: { reissue: view, credential: { ...credential, delegation: view.delegation } },
      audit: {
        action: 'delegate.credential.reissue-approve',
        subject: `delegate:${delegate.id}`,
        before: { replaced: delegate.credential_hash !== null },
        after: { reissue: reissueId, requestedBy: row.requested_by, approvedBy },
      },
    };
  });
}

/** A new code for the delegate (its hash stored), the old one and its sessions ended. */
async function replaceCredential(
  trx: WriteTransaction,
  context: ServiceContext,
  congressId: string,
  delegate: DelegatesTable,
): Promise<Omit<IssuedCredential, 'delegation'>> {
  const credential = context.random.code(CREDENTIAL_LENGTH);
  await trx
    .updateTable('delegates')
    .set({ credential_hash: await hashCredential(congressId, credential) })
    .where('id', '=', delegate.id)
    .execute();
  await trx.deleteFrom('sessions').where('delegate_id', '=', delegate.id).execute();
  return { delegateId: delegate.id, code: delegate.code, name: delegate.name, credential };
}

/** Every credential asked for while a vote was open, newest first: what the presiding page shows. */
export async function credentialReissues(
  context: ServiceContext,
  congressId: string,
): Promise<CredentialReissue[]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const rows = await db
    .selectFrom('credential_reissues')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map((row) => reissueView(db, row)));
}
