import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DelegateAtDesk } from '../../contract/attendance.ts';
import type { Schema } from '../../persistence/schema.ts';
import { ServiceError } from '../errors.ts';
import { InputError } from '../input-error.ts';

/** How a desk names a delegate: the code on the card (typed or scanned), or the id a name search returned. */
export type DelegateRef = { readonly code: string } | { readonly delegateId: string };

/** The delegate of this congress the desk means; 404 for a code not found, 400 for a stranger's id. */
export async function findDelegate(
  db: Kysely<Schema>,
  congressId: string,
  ref: DelegateRef,
): Promise<DelegateAtDesk> {
  const base = db
    .selectFrom('delegates as d')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .select(['d.id', 'd.name', 'd.code', 'd.voting_rights', 'g.name as delegation'])
    .where('d.congress_id', '=', congressId);
  let row: Awaited<ReturnType<typeof base.executeTakeFirst>>;
  if ('code' in ref) {
    const code = ref.code.trim();
    // Exact first (the index); then without regard to case, since a scanner or a keyboard in
    // caps lock changes the case of a printed code, never its characters.
    row =
      (await base.where('d.code', '=', code).executeTakeFirst()) ??
      (await base.where(sql`upper(d.code)`, '=', code.toUpperCase()).executeTakeFirst());
    if (!row)
      throw new ServiceError(
        404,
        'not-found',
        `no delegate with code ${code} in this congress`,
        `本次大会没有编号为${code}的代表`,
      );
  } else {
    row = await base.where('d.id', '=', ref.delegateId).executeTakeFirst();
    // An id comes from a search in this congress: another congress's (or none) is bad input.
    if (!row)
      throw new InputError('body.delegateId', 'is not a delegate of this congress', '不是本次会议的代表');
  }
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    delegation: row.delegation,
    votingRights: row.voting_rights === 1,
  };
}

export type { DelegateAtDesk };
