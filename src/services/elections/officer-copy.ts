import type { Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { type OfficerInput, setOfficers } from './elections.ts';
import { loadElection } from './round-queries.ts';

export interface OfficerCopy {
  /** The elections that now have the same scrutineers and tellers. */
  readonly copiedTo: string[];
  /** Those that refused them ([P1]: a scrutineer stands in that election…), with the reason. */
  readonly skipped: Array<{ electionId: string; title: string; reason: { en: string; zh: string } }>;
}

/**
 * One set of scrutineers [P1] and tellers [P2] for several ballots: a plenary approves its
 * scrutineers once for its three elections, a congress usually once for the sitting's ballots.
 * Copies an election's officers (with the logins linked to them) to the congress's other
 * elections not yet complete, each through setOfficers — its own checks and audit entry — so an
 * election where a scrutineer stands as a candidate keeps its own officers and is reported.
 */
export async function copyOfficers(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
): Promise<OfficerCopy> {
  const db = context.database.db;
  const source = await loadElection(db, congressId, electionId);
  const rows = await db
    .selectFrom('election_officers')
    .select(['role', 'name', 'delegate_id', 'account_id'])
    .where('election_id', '=', source.id)
    .orderBy('role')
    .orderBy('name')
    .execute();
  const officers: OfficerInput[] = rows.map((o) => ({
    role: o.role,
    name: o.name,
    ...(o.delegate_id ? { delegateId: o.delegate_id } : {}),
    ...(o.account_id ? { accountId: o.account_id } : {}),
  }));
  const targets = await db
    .selectFrom('elections')
    .select(['id', 'title'])
    .where('congress_id', '=', congressId)
    .where('id', '!=', source.id)
    .where('status', '!=', 'complete')
    .orderBy('sort_order')
    .execute();
  const copy: OfficerCopy = { copiedTo: [], skipped: [] };
  for (const target of targets) {
    try {
      await setOfficers(context, actor, congressId, target.id, officers);
      copy.copiedTo.push(target.id);
    } catch (refused) {
      if (!(refused instanceof ServiceError || refused instanceof InputError)) throw refused;
      copy.skipped.push({
        electionId: target.id,
        title: target.title,
        reason: { en: refused.en, zh: refused.zh },
      });
    }
  }
  return copy;
}
