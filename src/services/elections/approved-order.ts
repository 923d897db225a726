import type { Kysely } from 'kysely';
import { sortNames } from '../../core/names/index.ts';
import { type Office, usesApprovedOrder } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/schema.ts';

// [T7] The order in which the standing committee, the secretary and the deputies are published:
// the order the higher committee approved, as the secretariat enters it (candidates' approved
// rank). Where none is entered, the customary one: for the standing committee the secretary and
// the deputies first (in their own approved order, from the same plenary's elections), then the
// others by surname strokes; for the secretary and deputies, by strokes. Every published list —
// the count, the announcement, the console, the list PDF and the news — takes its order from here.

type Reader = Kysely<Schema>;

interface Ranked {
  readonly name: string;
  readonly approved_rank: number | null;
}

/** Ranked candidates by rank, then the others by surname strokes. */
function byRankThenStrokes(candidates: readonly Ranked[]): string[] {
  const ranked = candidates
    .filter((c) => c.approved_rank !== null)
    .sort((a, b) => a.approved_rank! - b.approved_rank!)
    .map((c) => c.name);
  const unranked = sortNames(
    candidates.filter((c) => c.approved_rank === null).map((c) => c.name),
    (name) => name,
    { unknown: 'last' },
  );
  return [...ranked, ...unranked];
}

/**
 * The approved order of an election's candidates ([] for offices published in stroke or vote
 * order). Names not in it (write-ins) follow by strokes in core's publishedOrder.
 */
export async function approvedOrderOf(
  db: Reader,
  election: { readonly id: string; readonly congress_id: string; readonly office: string },
): Promise<string[]> {
  const office = election.office as Office;
  if (!usesApprovedOrder(office)) return [];
  const candidates = await db
    .selectFrom('candidates')
    .select(['name', 'approved_rank'])
    .where('election_id', '=', election.id)
    .execute();
  if (office !== 'standing-committee' || candidates.some((c) => c.approved_rank !== null)) {
    return byRankThenStrokes(candidates);
  }
  // No order entered for the standing committee: the secretary and deputies of the same plenary lead.
  const leaders: string[] = [];
  for (const leading of ['secretary', 'deputy-secretary'] as const) {
    const sibling = await db
      .selectFrom('elections')
      .select('id')
      .where('congress_id', '=', election.congress_id)
      .where('office', '=', leading)
      .executeTakeFirst();
    if (!sibling) continue;
    const their = await db
      .selectFrom('candidates')
      .select(['name', 'approved_rank'])
      .where('election_id', '=', sibling.id)
      .execute();
    leaders.push(...byRankThenStrokes(their));
  }
  const names = new Set(candidates.map((c) => c.name));
  const leading = leaders.filter((name) => names.has(name));
  const others = sortNames(
    candidates.map((c) => c.name).filter((name) => !leading.includes(name)),
    (name) => name,
    { unknown: 'last' },
  );
  return [...leading, ...others];
}
