import type { Share } from '../../../core/secrets/shamir.ts';
import type { Database } from '../../../persistence/index.ts';
import { wipe } from './ballot-crypto.ts';

// [B4] Key shares entered and waiting for the threshold: in this process's memory only, never in
// the database or a log. Fewer than the threshold say nothing of the key; a restart forgets them,
// and their holders enter them again. Kept per database (tests open many), per vote.

const kept = new WeakMap<Database, Map<string, Map<number, Share>>>();

function sharesOf(database: Database, voteRef: string): Map<number, Share> {
  let byVote = kept.get(database);
  if (!byVote) {
    byVote = new Map();
    kept.set(database, byVote);
  }
  let shares = byVote.get(voteRef);
  if (!shares) {
    shares = new Map();
    byVote.set(voteRef, shares);
  }
  return shares;
}

/** The shares entered for the vote so far, by x-coordinate (copies: the caller may wipe them). */
export function keptShares(database: Database, voteRef: string): Share[] {
  return [...sharesOf(database, voteRef).values()].map((share) => ({ x: share.x, y: share.y.slice() }));
}

/** Keeps an entered share (after the request that entered it has committed). */
export function keepShare(database: Database, voteRef: string, share: Share): void {
  const shares = sharesOf(database, voteRef);
  const previous = shares.get(share.x);
  if (previous) wipe(previous.y);
  shares.set(share.x, { x: share.x, y: share.y.slice() });
}

/** Forgets (and overwrites) every share entered for the vote: once used, or when the key changes. */
export function forgetShares(database: Database, voteRef: string): void {
  const byVote = kept.get(database);
  const shares = byVote?.get(voteRef);
  if (!shares) return;
  for (const share of shares.values()) wipe(share.y);
  byVote!.delete(voteRef);
}
