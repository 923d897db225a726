import type { Client } from '../support/http.ts';

// Paper ballots as the tellers key them: every returned sheet once in pass A (one teller) and once
// in pass B (another teller), batch by batch, each teller keying several sheets at a time.

export type Mark = 'F' | 'A' | '-';

export interface Sheet {
  readonly marks: string;
  readonly writeIns?: readonly string[];
  readonly voidReason?: string;
}

/** A pile of identical ballots: how many, and the mark beside each named candidate (others blank). */
export interface BallotGroup {
  readonly count: number;
  readonly marks: Readonly<Record<string, Mark>>;
  readonly voidReason?: string;
}

/** One mark per printed candidate, in the ballot order of the round. */
export function marksFor(ballotOrder: readonly string[], marks: Readonly<Record<string, Mark>>): string {
  for (const name of Object.keys(marks)) {
    if (!ballotOrder.includes(name))
      throw new Error(`${name} is not on the ballot ${ballotOrder.join('、')}`);
  }
  return ballotOrder.map((name) => marks[name] ?? '-').join('');
}

export function sheetsOf(ballotOrder: readonly string[], groups: readonly BallotGroup[]): Sheet[] {
  return groups.flatMap((group) =>
    Array.from({ length: group.count }, () => ({
      marks: marksFor(ballotOrder, group.marks),
      ...(group.voidReason ? { voidReason: group.voidReason } : {}),
    })),
  );
}

/** Where a sheet goes: batches of `batchSize`, numbered from 1. */
export function position(index: number, batchSize: number): { batchNo: number; sheetNo: number } {
  return { batchNo: Math.floor(index / batchSize) + 1, sheetNo: (index % batchSize) + 1 };
}

export interface KeyingOptions {
  /** /api/congresses/:congressId/rounds/:roundId/paper */
  readonly base: string;
  readonly tellerA: Client;
  readonly tellerB: Client;
  readonly sheets: readonly Sheet[];
  /** What pass B reads where it differs from the paper (a keying mistake). */
  readonly misread?: ReadonlyMap<number, Sheet>;
  readonly batchSize?: number;
  /** Requests in flight per teller. */
  readonly concurrency?: number;
}

/** Keys every sheet in both passes; any answer but 201 Created fails with what the server said. */
export async function keyBothPasses(options: KeyingOptions): Promise<void> {
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 4;
  const pass = async (teller: Client, name: 'A' | 'B') => {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < options.sheets.length; i = next++) {
        const sheet = (name === 'B' ? options.misread?.get(i) : undefined) ?? options.sheets[i]!;
        const response = await teller.post(`${options.base}/entries`, {
          pass: name,
          ...position(i, batchSize),
          ...sheet,
        });
        if (response.statusCode !== 201) {
          throw new Error(`pass ${name}, sheet ${i}: ${response.statusCode} ${response.body}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await Promise.all([pass(options.tellerA, 'A'), pass(options.tellerB, 'B')]);
}
