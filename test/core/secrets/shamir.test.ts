import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineShares,
  majorityThreshold,
  type Share,
  splitSecret,
} from '../../../src/core/secrets/shamir.ts';

const random = (length: number) => new Uint8Array(randomBytes(length));

/** Every k-element subset of `items`. */
function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, k - 1).map((s) => [first!, ...s]), ...subsets(rest, k)];
}

describe('[B4] Shamir secret sharing over GF(256)', () => {
  it('any k of n shares give the secret back, in any order', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 48 }),
        fc.integer({ min: 2, max: 6 }).chain((k) => fc.tuple(fc.constant(k), fc.integer({ min: k, max: 7 }))),
        fc.uint8Array({ minLength: 400, maxLength: 400 }),
        (secret, [k, n], seed) => {
          let used = 0;
          const shares = splitSecret(secret, k, n, (length) => {
            const out = new Uint8Array(length);
            for (let i = 0; i < length; i++) out[i] = seed[used++ % seed.length]! ^ (i * 31);
            return out;
          });
          expect(shares.map((s) => s.x)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          for (const subset of subsets(shares, k)) {
            expect(combineShares(subset)).toEqual(secret);
            expect(combineShares([...subset].reverse())).toEqual(secret);
          }
          // More than k shares agree as well.
          expect(combineShares(shares)).toEqual(secret);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('k-1 shares say nothing: over every polynomial, a share byte takes each value equally often for any secret', () => {
    // k = 2: share(x) = secret + a·x with a uniform in GF(256). For secrets s and t, the 256
    // possible values of one share are the same set: an observer of one share cannot tell s from t.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 1, max: 5 }),
        (s, t, x) => {
          const values = (secret: number) =>
            Array.from({ length: 256 }, (_, a) => {
              const shares = splitSecret(Uint8Array.of(secret), 2, 5, () => Uint8Array.of(a));
              return shares[x - 1]!.y[0]!;
            }).sort((p, q) => p - q);
          expect(values(s)).toEqual(values(t));
          expect(new Set(values(s)).size).toBe(256);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fewer shares than the threshold do not give the secret (a 32-byte key, 2 of 3 and 3 of 5)', () => {
    for (const [k, n] of [
      [2, 3],
      [3, 5],
    ] as const) {
      const secret = random(32);
      const shares = splitSecret(secret, k, n, random);
      for (const subset of subsets(shares, k - 1)) {
        if (subset.length > 0)
          expect(Buffer.from(combineShares(subset)).equals(Buffer.from(secret))).toBe(false);
      }
    }
  });

  it('refuses what cannot be a sharing: threshold below 2, too few holders, duplicate or foreign x', () => {
    const secret = random(32);
    expect(() => splitSecret(secret, 1, 3, random)).toThrow(/threshold/);
    expect(() => splitSecret(secret, 3, 2, random)).toThrow(/holders/);
    expect(() => splitSecret(secret, 2, 256, random)).toThrow(/holders/);
    expect(() => splitSecret(new Uint8Array(0), 2, 3, random)).toThrow(/nothing/);
    const [a, b] = splitSecret(secret, 2, 3, random) as [Share, Share];
    expect(() => combineShares([a, a])).toThrow(/two shares/);
    expect(() => combineShares([a, { x: 0, y: b.y }])).toThrow(/outside/);
    expect(() => combineShares([a, { x: 2, y: b.y.slice(1) }])).toThrow(/lengths/);
    expect(() => combineShares([])).toThrow(/no shares/);
  });

  it('the field is GF(2^8) with the AES polynomial (0x11b), checked by hand', () => {
    // secret 0x53, coefficient 0xCA: share(x) = 0x53 ^ 0xCA·x.
    const shares = splitSecret(Uint8Array.of(0x53), 2, 2, () => Uint8Array.of(0xca));
    // share(x) = 0x53 ^ 0xCA·x: x = 1 gives 0x53 ^ 0xCA = 0x99.
    expect(shares[0]!.y[0]).toBe(0x99);
    // x = 2: 0xCA·2 = xtime(0xCA) = 0x94 ^ 0x1B = 0x8F; 0x53 ^ 0x8F = 0xDC.
    expect(shares[1]!.y[0]).toBe(0xdc);
    expect(combineShares(shares)).toEqual(Uint8Array.of(0x53));
  });

  it('a majority of the holders, never fewer than two', () => {
    expect([2, 3, 4, 5, 6, 7].map(majorityThreshold)).toEqual([2, 2, 3, 3, 4, 4]);
  });
});
