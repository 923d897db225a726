import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultParameters,
  type ElectionEvent,
  type ElectionPlan,
  electionState,
  tallyRound,
} from '../../../src/core/rules/index.ts';
import { ballotsWithVotes, buildRound, type SimpleBallot } from './round-builder.ts';

// Candidates whose stroke order is easy to check by hand; property tests vary the ballots.
const NAMES = ['丁一', '于二', '王三', '方四', '石五', '白六', '吕七', '朱八'];
const MARKS = ['for', 'against', 'abstain', 'unreadable'] as const;

const roundArbitrary = fc
  .record({
    candidateCount: fc.integer({ min: 3, max: 8 }),
    seats: fc.integer({ min: 1, max: 4 }),
    expected: fc.integer({ min: 5, max: 60 }),
  })
  .chain(({ candidateCount, seats, expected }) => {
    const candidates = NAMES.slice(0, candidateCount);
    const seatsInRange = Math.min(seats, candidateCount - 1);
    const ballot: fc.Arbitrary<SimpleBallot> = fc.record(
      {
        count: fc.integer({ min: 1, max: 5 }),
        marks: fc.dictionary(fc.constantFrom(...candidates), fc.constantFrom(...MARKS), {
          maxKeys: candidateCount,
        }),
        writeIns: fc.subarray(['赵甲', '钱乙'], { maxLength: 2 }),
      },
      { requiredKeys: ['count', 'marks'] },
    );
    return fc.record({
      candidates: fc.constant(candidates),
      seats: fc.constant(seatsInRange),
      expected: fc.constant(expected),
      present: fc.integer({ min: 0, max: expected }),
      ballots: fc.array(ballot, { maxLength: 25 }),
      customSurplus: fc.constant({ minSurplusPercent: 0 }),
    });
  });

type GeneratedRound = typeof roundArbitrary extends fc.Arbitrary<infer T> ? T : never;

const toRound = (r: GeneratedRound, ballots: readonly SimpleBallot[] = r.ballots) =>
  buildRound({
    seats: r.seats,
    expected: r.expected,
    present: r.present,
    issued: r.present,
    candidates: r.candidates,
    ballots,
    parameters: r.customSurplus,
  });

describe('rules engine properties', () => {
  it('[B4] ballot order never changes a result', () => {
    fc.assert(
      fc.property(roundArbitrary, fc.integer(), (r, seed) => {
        const shuffled = [...r.ballots]
          .map((ballot, i) => ({ ballot, key: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.ballot);
        expect(tallyRound(toRound(r, shuffled))).toEqual(tallyRound(toRound(r)));
      }),
    );
  });

  it('[B1][B2][B3] counts add up: valid + invalid = returned; for + against + abstain = valid for each printed name', () => {
    fc.assert(
      fc.property(roundArbitrary, (r) => {
        const result = tallyRound(toRound(r));
        const returned = r.ballots.reduce((sum, b) => sum + (b.count ?? 1), 0);
        expect(result.validity.returned).toBe(returned);
        if (result.results.length === 0) return;
        expect(result.ballots.valid + result.ballots.invalid).toBe(returned);
        for (const row of result.results.filter((x) => !x.writeIn)) {
          expect(row.for + row.against + row.abstain).toBe(result.ballots.valid);
        }
      }),
    );
  });

  it('[T3][T4] the elected never exceed the seats, and every elected one qualified', () => {
    fc.assert(
      fc.property(roundArbitrary, (r) => {
        const result = tallyRound(toRound(r));
        expect(result.elected.length).toBeLessThanOrEqual(r.seats);
        expect(result.elected.length + result.shortfall).toBe(r.seats);
        for (const name of result.elected) {
          const row = result.results.find((x) => x.name === name)!;
          expect(row.qualified).toBe(true);
          expect(row.for).toBeGreaterThanOrEqual(result.threshold.minimumFor);
        }
      }),
    );
  });

  it('[T3] a tie at the last seat always yields a run-off, never an arbitrary pick', () => {
    fc.assert(
      fc.property(roundArbitrary, (r) => {
        const result = tallyRound(toRound(r));
        if (result.results.length === 0) return;
        const qualified = result.results.filter((x) => x.qualified);
        const elected = result.results.filter((x) => x.elected);
        const notElected = qualified.filter((x) => !x.elected);
        // No qualified candidate left out has as many votes as someone elected.
        const lowestElected = Math.min(...elected.map((x) => x.for));
        for (const left of notElected) {
          expect(left.for).toBeLessThanOrEqual(lowestElected);
          if (left.for === lowestElected) throw new Error('a tied candidate was left out without a run-off');
        }
        if (qualified.length > r.seats) {
          // More qualifiers than seats: either everyone above the cut is seated, or a run-off among the tied.
          if (result.runoff) {
            const tiedVotes = new Set(
              result.runoff.candidates.map((n) => result.results.find((x) => x.name === n)!.for),
            );
            expect(tiedVotes.size).toBe(1);
            expect(result.runoff.candidates.length).toBeGreaterThan(result.runoff.seats);
            expect(result.outcome).toBe('runoff-required');
          } else {
            expect(result.elected.length).toBe(r.seats);
          }
        }
      }),
    );
  });
});

// [T5] Combined ballots with a tie at the last member seat. 120 electors, so the threshold is 61;
// the votes are drawn from few values and the one just below the last member seat is copied onto
// it, so that most cases tie there.
const ELECTORS = { expected: 120, present: 120 } as const;
const COMBINED_NAMES = ['丁一', '于二', '王三', '方四', '石五', '白六', '吕七'];
const combinedArbitrary = fc
  .record({
    seats: fc.integer({ min: 1, max: 3 }),
    alternateSeats: fc.integer({ min: 1, max: 3 }),
    votes: fc.array(fc.constantFrom(40, 61, 66, 72, 88, 95, 104, 118), { minLength: 3, maxLength: 7 }),
    runoffVotes: fc.array(fc.integer({ min: 0, max: 17 }), { minLength: 7, maxLength: 7 }),
  })
  .map((r) => {
    const votes = [...r.votes].sort((a, b) => b - a);
    const seats = Math.min(r.seats, votes.length - 1);
    votes[seats] = votes[seats - 1]!;
    // Keep every ballot within the seats it may mark [B3].
    while (votes.reduce((a, b) => a + b, 0) > 120 * (seats + r.alternateSeats)) votes.pop();
    const names = COMBINED_NAMES.slice(0, votes.length);
    return { ...r, seats, names, votes: Object.fromEntries(names.map((n, i) => [n, votes[i]!])) };
  });

describe('[T5] combined ballots', () => {
  it('[T3][T5] no candidate whose outcome is independent of a run-off waits for it', () => {
    fc.assert(
      fc.property(combinedArbitrary, ({ seats, alternateSeats, names, votes, runoffVotes }) => {
        const plan: ElectionPlan = {
          ruleSet: 'local-congress',
          office: 'committee-member',
          seats,
          alternateSeats,
          parameters: { ...defaultParameters('local-congress', 'committee-member'), minSurplusPercent: 0 },
        };
        const first = tallyRound(
          buildRound({
            seats,
            alternateSeats,
            ...ELECTORS,
            candidates: names,
            ballots: ballotsWithVotes(votes, 120),
            parameters: plan.parameters,
          }),
        );
        const runoff = first.runoff;
        if (!runoff || runoff.office === 'alternate-member') return;
        const tied = new Set(runoff.candidates);
        const losers = runoff.candidates.length - runoff.seats;
        // Only the alternate seats the run-off's losers can take wait for it.
        expect(runoff.alternateSeats ?? 0).toBe(Math.min(losers, alternateSeats));
        for (const name of tied) {
          expect(first.elected).not.toContain(name);
          expect(first.electedAlternates).not.toContain(name);
        }
        // Everyone below the tie is decided now: elected alternate, in the alternate tie, or out.
        const qualified = names.filter((n) => votes[n]! >= first.threshold.minimumFor);
        const tieVotes = votes[runoff.candidates[0]!]!;
        const below = qualified.filter((n) => votes[n]! < tieVotes);
        const leftForBelow = alternateSeats - (runoff.alternateSeats ?? 0);
        const alternateTie = first.alternateRunoff?.candidates ?? [];
        expect(first.electedAlternates!.length + (first.alternateRunoff?.seats ?? 0)).toBe(
          Math.min(leftForBelow, below.length),
        );

        // Hold the run-off with any votes; the independent outcomes must not change.
        const runoffBallots = ballotsWithVotes(
          Object.fromEntries(runoff.candidates.map((n, i) => [n, runoffVotes[i]!])),
          120,
        );
        const second = tallyRound(
          buildRound({
            round: 'runoff',
            seats: runoff.seats,
            ...(runoff.alternateSeats ? { alternateSeats: runoff.alternateSeats } : {}),
            ...ELECTORS,
            candidates: runoff.candidates,
            ballots: runoffBallots,
            parameters: plan.parameters,
          }),
        );
        const events: ElectionEvent[] = [
          {
            type: 'round',
            round: { kind: 'formal', seats, alternateSeats, candidates: names, result: first },
          },
          {
            type: 'round',
            round: {
              kind: 'runoff',
              seats: runoff.seats,
              ...(runoff.alternateSeats ? { alternateSeats: runoff.alternateSeats } : {}),
              candidates: runoff.candidates,
              result: second,
            },
          },
        ];
        const state = electionState(plan, events);
        for (const name of names) {
          if (tied.has(name) || alternateTie.includes(name)) continue;
          expect(state.elected.includes(name), name).toBe(first.elected.includes(name));
          expect(state.electedAlternates.includes(name), name).toBe(first.electedAlternates!.includes(name));
        }
        // [T6] The alternates stay in the order of their first-round votes: the run-off's losers first.
        const firstRoundVotes = state.electedAlternates.map((n) => votes[n]!);
        expect(firstRoundVotes).toEqual([...firstRoundVotes].sort((a, b) => b - a));
        // The run-off's losers become alternates, up to the seats left to them.
        if (second.outcome !== 'runoff-required' && second.outcome !== 'shortfall') {
          const won = new Set(second.elected);
          const lost = runoff.candidates.filter((n) => !won.has(n));
          expect(second.electedAlternates ?? []).toHaveLength(
            Math.min(lost.length, runoff.alternateSeats ?? 0),
          );
          expect(state.elected).toHaveLength(seats);
        }
      }),
      { numRuns: 300 },
    );
  });
});
