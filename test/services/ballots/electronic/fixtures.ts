import { ballotOrder } from '../../../../src/core/rules/index.ts';
import type { Database } from '../../../../src/persistence/index.ts';
import type { Actor } from '../../../../src/services/actor.ts';
import { enterKeyShare } from '../../../../src/services/ballots/electronic/key-shares.ts';
import { newRoundKey } from '../../../../src/services/ballots/sealed/round-key.ts';
import type { RandomSource, ServiceContext } from '../../../../src/services/context.ts';
import { cryptoRandom } from '../../../../src/services/context.ts';
import { type BuiltDelegate, buildWorld, personNames, type World } from '../../../support/builder/index.ts';
import { SYSTEM, testContext } from '../../../support/http.ts';
import { rowCounts } from '../../../support/row-counts.ts';

// An electronic round under way, built by the test builder in rows mode (the tests count the
// ballots, voters and audit entries a cast writes from zero): a county congress with delegations
// and delegates holding credential codes, an adopted method, an electronic election with its
// candidates, an open sitting, and an open round with its round_presence. The benchmark
// (scripts/bench/evote-bench.ts) seeds its 3,000 delegates with it too.

export interface SeedOptions {
  /** Keeps the ids of two seeded congresses apart. */
  readonly tag?: string;
  /** Delegates present at opening, with a vote (default 12). */
  readonly delegates?: number;
  /** Printed candidates (default 5). */
  readonly candidates?: number;
  readonly seats?: number;
  /** The election method allows write-ins (default true, the rule sets' default). */
  readonly writeIns?: boolean;
  readonly mode?: 'paper' | 'electronic';
  readonly kind?: 'formal' | 'preliminary' | 'runoff' | 'supplementary';
}

export type SeededDelegate = BuiltDelegate & {
  /** The credential code on the delegate's card (what they log in with). */
  readonly credential: string;
};

export interface ElectronicFixture {
  /** The world the round was built in: setRoundStatus(roundId, 'closed') closes it. */
  readonly world: World;
  readonly congressId: string;
  readonly electionId: string;
  readonly sittingId: string;
  readonly roundId: string;
  /** Printed candidates in ballot order (the first a woman). */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Present when the vote opened, with a vote. */
  readonly delegates: readonly SeededDelegate[];
  /** Has a vote but was not present when the vote opened (no round_presence row). */
  readonly absent: SeededDelegate;
  /** Was present at opening, then lost the vote (voting_rights 0) [Q4]. */
  readonly suspended: SeededDelegate;
  /**
   * [B4] The round key's shares, as openRound hands them to the scrutineers (总监票人 and two
   * 监票人: two of the three open the ballots); none for a paper round.
   */
  readonly shares: readonly string[];
}

/** The election's scrutineers who hold the round key's shares. */
export const KEY_HOLDERS = [
  { name: '总监票人', role: 'chief-scrutineer' },
  { name: '监票人甲', role: 'scrutineer' },
  { name: '监票人乙', role: 'scrutineer' },
] as const;

export async function seedElectronicRound(
  database: Database,
  options: SeedOptions = {},
): Promise<ElectronicFixture> {
  const tag = options.tag ?? 'e';
  const world = buildWorld(database, { tag, at: '2026-09-26T08:00:00.000Z' });
  const present = options.delegates ?? 12;
  const candidateCount = options.candidates ?? 5;
  const seats = options.seats ?? Math.max(1, candidateCount - 2);
  const congress = await world.congress({
    number: 15,
    venue: '县会议中心',
    startsOn: '2026-09-26',
    endsOn: '2026-09-28',
  });
  const delegations = await congress.delegations(['机关代表团', '教育代表团', '卫生代表团', '企业代表团']);
  // The code on the card is the delegate's id (e-del-1): the audit log labels voters with it.
  const all = (await congress.delegates(
    Array.from({ length: present + 2 }, (_, i) => ({
      code: `${tag}-del-${i + 1}`,
      credential: `${tag}${String(i + 1).padStart(5, '0')}K`.toUpperCase(),
    })),
    { delegations },
  )) as SeededDelegate[];
  const delegates = all.slice(0, present);
  const absent = all[present]!;
  const suspended = all[present + 1]!;
  const sitting = await congress.sitting({ title: '第二次全体会议', sortOrder: 2 });
  await congress.method();
  // The candidates' names come after the delegates'; the first printed is a woman.
  const candidates = ballotOrder('committee-member', personNames(candidateCount, present + 2));
  const election = await congress.election({
    title: '选举中国共产党某县第十五届委员会委员',
    seats,
    mode: options.mode ?? 'electronic',
    sitting: sitting.id,
    parameters: options.writeIns === false ? { writeIns: false } : {},
    candidates: candidates.map((name, i) => ({ name, gender: i === 0 ? '女' : '男', ethnicity: '汉族' })),
  });
  // Present when the vote opened: the voting delegates, and the one whose rights were suspended since.
  const round = await election.round({ kind: options.kind ?? 'formal', present: [...delegates, suspended] });
  await congress.suspend(suspended);
  // [B4] As openRound does for an electronic round: its key, the private half split among the scrutineers.
  let shares: string[] = [];
  if ((options.mode ?? 'electronic') === 'electronic') {
    const key = await newRoundKey(cryptoRandom, `round:${round.id}`, KEY_HOLDERS);
    await database.db
      .updateTable('rounds')
      .set({ public_key: key.publicKey, key_json: JSON.stringify(key.record) })
      .where('id', '=', round.id)
      .execute();
    shares = key.shares.shares.map((share) => share.code);
  }
  return {
    world,
    congressId: congress.id,
    electionId: election.id,
    sittingId: sitting.id,
    roundId: round.id,
    candidates: round.candidates,
    seats,
    delegates,
    absent,
    suspended,
    shares,
  };
}

/**
 * [B4] After the close: two of the scrutineers enter their shares (through the service, audited),
 * which opens the round's sealed ballots so that it can be counted and its board recounted.
 */
export async function openBallots(
  fixture: Pick<ElectronicFixture, 'congressId' | 'roundId' | 'shares'>,
  context: ServiceContext,
  shares: readonly string[] = fixture.shares.slice(0, 2),
): Promise<void> {
  for (const share of shares)
    await enterKeyShare(context, SYSTEM, fixture.congressId, fixture.roundId, share);
}

/** Closes the round as closeRound does (sealed, the WAL truncated) and opens its ballots with two shares. */
export async function closeAndOpen(
  fixture: Pick<ElectronicFixture, 'world' | 'congressId' | 'roundId' | 'shares'>,
  context: ServiceContext = testContext(fixture.world.database),
): Promise<void> {
  await fixture.world.setRoundStatus(fixture.roundId, 'closed');
  await openBallots(fixture, context);
}

export function delegateActor(
  fixture: Pick<ElectronicFixture, 'congressId'>,
  delegate: Pick<BuiltDelegate, 'id' | 'name'>,
): Actor {
  return { kind: 'delegate', delegateId: delegate.id, congressId: fixture.congressId, name: delegate.name };
}

/** Randomness whose receipt codes are given in advance (ids and bytes stay random). */
export function scriptedRandom(codes: readonly string[]): RandomSource {
  const queue = [...codes];
  return {
    id: cryptoRandom.id,
    bytes: cryptoRandom.bytes,
    code(length) {
      const next = queue.shift();
      if (next === undefined || next.length !== length)
        throw new Error(`no scripted code of length ${length} left`);
      return next;
    },
  };
}

/** Rows in the tables a cast writes to (the sealed ballots), and the audit log. */
export function castCounts(database: Database) {
  return rowCounts(database, {
    ballots: 'sealed_ballots',
    voters: 'electronic_voters',
    audit: 'audit_log',
  });
}
