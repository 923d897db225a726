import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import type { Schema } from './schema.ts';

// [B4] and issue 13 item 3: the ballots that are counted are sealed into the audit chain. The
// entry that closes an electronic round records a digest of its sealed ballots (trackers and
// ciphertexts); the entry that records their opening by the scrutineers' shares records a digest
// of the opened ballots (marks and names written in); an electronic adoption vote's closing entry
// records one of its ballots' choices. The chain protects the digests and the digests protect the
// ballots: a ballot changed, added or removed afterwards (in the database, or in a backup before it
// is restored) no longer matches, and verifyBallotSeals names the entry it contradicts.
//
// A digest is over the set, not the order: the rows are sorted in a canonical order first, so it
// says nothing about the order in which anything was cast or stored.

/** What a sealing entry records of a set of ballots. */
export interface BallotSetSeal {
  readonly ballots: number;
  /** sha256 (hex) of the canonical JSON of the sorted set. */
  readonly digest: string;
}

/** Byte order of strings (UTF-8), whatever the engine's collation. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function sealOf(items: string[]): BallotSetSeal {
  items.sort(byBytes);
  return {
    ballots: items.length,
    digest: createHash('sha256').update(canonicalJson(items), 'utf8').digest('hex'),
  };
}

/** Sealed ballots: each [tracker, ciphertext]. */
export function sealedSetSeal(rows: ReadonlyArray<{ tracker: string; ciphertext: string }>): BallotSetSeal {
  return sealOf(rows.map((row) => canonicalJson([row.tracker, row.ciphertext])));
}

/** Opened ballots of a round: each [marks, names written in as cast]. */
export function countedSetSeal(
  rows: ReadonlyArray<{ marks: string; writeIns: readonly string[] }>,
): BallotSetSeal {
  return sealOf(rows.map((row) => canonicalJson([row.marks, [...row.writeIns]])));
}

/** Opened adoption ballots: each choice. */
export function choiceSetSeal(rows: ReadonlyArray<{ choice: string }>): BallotSetSeal {
  return sealOf(rows.map((row) => row.choice));
}

/** The stored sealed ballots of a round, as sealed. */
export async function storedSealedSeal(db: Kysely<Schema>, roundId: string): Promise<BallotSetSeal> {
  return sealedSetSeal(
    await db
      .selectFrom('sealed_ballots')
      .select(['tracker', 'ciphertext'])
      .where('round_id', '=', roundId)
      .execute(),
  );
}

/** The stored opened ballots of a round, as counted. */
export async function storedCountedSeal(db: Kysely<Schema>, roundId: string): Promise<BallotSetSeal> {
  const rows = await db
    .selectFrom('electronic_ballots')
    .select(['marks', 'write_ins_json'])
    .where('round_id', '=', roundId)
    .execute();
  return countedSetSeal(
    rows.map((row) => ({
      marks: row.marks,
      writeIns: row.write_ins_json ? (JSON.parse(row.write_ins_json) as string[]) : [],
    })),
  );
}

/** The stored ballots of an electronic adoption vote, as counted at its close. */
export async function storedChoiceSeal(db: Kysely<Schema>, voteId: string): Promise<BallotSetSeal> {
  return choiceSetSeal(
    await db.selectFrom('adoption_ballots').select('choice').where('vote_id', '=', voteId).execute(),
  );
}

/** The audit actions whose entries seal ballots, and what each records (in `after`). */
export const SEALING_ACTIONS = ['round.close', 'round.decrypt', 'adoption-vote.close'] as const;

export type SealVerification =
  | { readonly ok: true; readonly seals: number }
  | { readonly ok: false; readonly seals: number; readonly brokenAt: number; readonly reason: string };

interface SealingEntry {
  readonly seq: number;
  readonly action: string;
  readonly subject: string;
  readonly after_json: string | null;
}

/**
 * Recomputes every sealed set recorded in the audit log (or only those of one subject, round:<id>)
 * from the ballots stored now, oldest entry first, and stops at the first that no longer matches.
 * Entries written before sealing existed (no digest in them) are passed over.
 */
export async function verifyBallotSeals(
  db: Kysely<Schema>,
  options: { readonly subject?: string } = {},
): Promise<SealVerification> {
  let query = db
    .selectFrom('audit_log')
    .select(['seq', 'action', 'subject', 'after_json'])
    .where('action', 'in', [...SEALING_ACTIONS]);
  if (options.subject !== undefined) query = query.where('subject', '=', options.subject);
  const entries: SealingEntry[] = await query.orderBy('seq').execute();
  let seals = 0;
  for (const entry of entries) {
    const after = entry.after_json ? (JSON.parse(entry.after_json) as Record<string, unknown>) : {};
    const id = entry.subject.slice(entry.subject.indexOf(':') + 1);
    const checks: Array<[string, BallotSetSeal, () => Promise<BallotSetSeal>]> = [];
    if (entry.action === 'adoption-vote.close') {
      const counted = recorded(after.counted);
      if (counted) checks.push(['ballots', counted, () => storedChoiceSeal(db, id)]);
    } else {
      const sealed = recorded(after.sealed);
      const counted = recorded(after.counted);
      if (sealed) checks.push(['sealed ballots', sealed, () => storedSealedSeal(db, id)]);
      if (counted) checks.push(['opened ballots', counted, () => storedCountedSeal(db, id)]);
    }
    for (const [what, seal, stored] of checks) {
      const now = await stored();
      seals += 1;
      if (now.digest !== seal.digest) {
        return {
          ok: false,
          seals,
          brokenAt: entry.seq,
          reason:
            `the ${what} of ${entry.subject} no longer match the digest sealed in entry ${entry.seq} ` +
            `(${seal.ballots} ballots sealed, ${now.ballots} stored): they were changed after the seal`,
        };
      }
    }
  }
  return { ok: true, seals };
}

function recorded(value: unknown): BallotSetSeal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ballots, digest } = value as Record<string, unknown>;
  return typeof ballots === 'number' && typeof digest === 'string' ? { ballots, digest } : undefined;
}
