import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../../adapters/db/schema.ts';
import { ServiceError } from '../errors.ts';

/** How a desk names a delegate: the code on the card (typed or scanned), or the id a name search returned. */
export type DelegateRef = { readonly code: string } | { readonly delegateId: string };

export interface DelegateAtDesk {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly delegation: string | null;
  /** [Q4] false: attends (列席) but is not an elector. */
  readonly votingRights: boolean;
}

/** The delegate of this congress the desk means, or 404 saying what was not found. */
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
    if (!row)
      throw new ServiceError(404, 'not-found', 'delegate not found in this congress', '本次大会没有该代表');
  }
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    delegation: row.delegation,
    votingRights: row.voting_rights === 1,
  };
}
