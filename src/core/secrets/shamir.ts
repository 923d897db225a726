// Shamir's secret sharing over GF(2^8), byte by byte: a secret of any length is split into n
// shares so that any k of them give the secret back and k-1 of them say nothing about it (for
// each byte, every value of the secret is equally consistent with any k-1 shares). It splits the
// private key of an electronic round among the election's scrutineers [B4]: the key exists whole
// only in memory, at the moment k scrutineers enter their shares.
//
// Pure: the random polynomial coefficients come from the caller (`randomBytes`), as everything
// random in the core does. The field is GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1
// (0x11b); share x-coordinates are 1…n (x = 0 would be the secret itself).

/** One holder's share: its x-coordinate (1…255) and one y byte per secret byte. */
export interface Share {
  readonly x: number;
  readonly y: Uint8Array;
}

const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  // 3 generates the multiplicative group of GF(2^8) under 0x11b.
  let value = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = value;
    LOG[value] = i;
    value ^= (value << 1) ^ (value & 0x80 ? 0x11b : 0);
    value &= 0xff;
  }
  for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255]!;
}

function multiply(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

function divide(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero in GF(256)');
  if (a === 0) return 0;
  return EXP[LOG[a]! + 255 - LOG[b]!]!;
}

/** Most holders one secret may be split among (x runs 1…255). */
export const MAX_SHARES = 255;

/**
 * Splits `secret` into `holders` shares, any `threshold` of which recover it (2 ≤ threshold ≤
 * holders ≤ 255). `randomBytes(n)` must give n uniformly random bytes: (threshold - 1) per secret
 * byte are drawn, the polynomial's coefficients above the constant term.
 */
export function splitSecret(
  secret: Uint8Array,
  threshold: number,
  holders: number,
  randomBytes: (length: number) => Uint8Array,
): Share[] {
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new RangeError('a threshold of at least 2 is needed to split a secret');
  if (!Number.isInteger(holders) || holders < threshold || holders > MAX_SHARES)
    throw new RangeError(`between the threshold (${threshold}) and ${MAX_SHARES} holders are needed`);
  if (secret.length === 0) throw new RangeError('nothing to split');
  const degree = threshold - 1;
  const coefficients = randomBytes(secret.length * degree);
  if (coefficients.length !== secret.length * degree)
    throw new RangeError('randomBytes gave the wrong number of bytes');
  const shares: Share[] = [];
  for (let x = 1; x <= holders; x++) {
    const y = new Uint8Array(secret.length);
    for (let i = 0; i < secret.length; i++) {
      // Horner's rule: ((a_d x + a_{d-1}) x + …) x + secret[i].
      let value = 0;
      for (let j = degree - 1; j >= 0; j--) value = multiply(value, x) ^ coefficients[i * degree + j]!;
      y[i] = multiply(value, x) ^ secret[i]!;
    }
    shares.push({ x, y });
  }
  coefficients.fill(0);
  return shares;
}

/**
 * The secret from `threshold` or more shares (Lagrange interpolation at x = 0). Given fewer than
 * the threshold, or shares of another secret, it returns bytes that are not the secret: the caller
 * checks the result (for a round key, against the stored public key).
 */
export function combineShares(shares: readonly Share[]): Uint8Array {
  if (shares.length === 0) throw new RangeError('no shares to combine');
  const length = shares[0]!.y.length;
  const seen = new Set<number>();
  for (const share of shares) {
    if (!Number.isInteger(share.x) || share.x < 1 || share.x > MAX_SHARES)
      throw new RangeError(`share x-coordinate ${share.x} is outside 1…${MAX_SHARES}`);
    if (seen.has(share.x)) throw new RangeError(`two shares have the x-coordinate ${share.x}`);
    if (share.y.length !== length) throw new RangeError('shares of different lengths');
    seen.add(share.x);
  }
  // Lagrange basis at 0: l_i(0) = Π_{j≠i} x_j / (x_j - x_i); subtraction is XOR in GF(2^8).
  const weights = shares.map((share, i) => {
    let weight = 1;
    shares.forEach((other, j) => {
      if (i !== j) weight = multiply(weight, divide(other.x, other.x ^ share.x));
    });
    return weight;
  });
  const secret = new Uint8Array(length);
  for (let b = 0; b < length; b++) {
    let value = 0;
    shares.forEach((share, i) => {
      value ^= multiply(share.y[b]!, weights[i]!);
    });
    secret[b] = value;
  }
  return secret;
}

/** Shares needed of `holders`: a majority, and never fewer than 2 (no one holder alone). */
export function majorityThreshold(holders: number): number {
  return Math.max(2, Math.floor(holders / 2) + 1);
}
