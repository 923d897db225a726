import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyRound } from '../../../src/core/rules/index.ts';
import { buildRound, type SimpleBallot } from './round-builder.ts';

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
