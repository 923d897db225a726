import type { Point } from './raster.ts';

// A plane projective transform (homography) as nine numbers, row by row, h[8] = 1 after solving:
//   x' = (h0·x + h1·y + h2) / (h6·x + h7·y + h8),   y' = (h3·x + h4·y + h5) / (h6·x + h7·y + h8).
// The reader maps the page's coordinates (PDF points from the top-left corner, as the layout that
// printed the ballot gives them) to the scan's pixels with the homography fixed by the four corner
// fiducials: rotation, skew, scale and a little perspective at once.

export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/** Solves A·x = b (n × n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) {
      if (Math.abs(m[row]![column]!) > Math.abs(m[pivot]![column]!)) pivot = row;
    }
    if (Math.abs(m[pivot]![column]!) < 1e-12) return null;
    [m[column], m[pivot]] = [m[pivot]!, m[column]!];
    const top = m[column]!;
    for (let row = column + 1; row < n; row++) {
      const current = m[row]!;
      const factor = current[column]! / top[column]!;
      if (factor === 0) continue;
      for (let k = column; k <= n; k++) current[k] = current[k]! - factor * top[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= m[row]![k]! * x[k]!;
    x[row] = sum / m[row]![row]!;
  }
  return x;
}

/**
 * The homography taking each `from` point to the `to` point of the same index (four pairs, no
 * three of them on a line); null when the points are degenerate.
 */
export function solveHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== 4 || to.length !== 4) throw new RangeError('a homography needs four point pairs');
  // Normalise both sets (centroid at 0, mean distance √2) for a well-conditioned system.
  const normaliser = (points: readonly Point[]) => {
    const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
    const mean = points.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
    const k = mean > 0 ? Math.SQRT2 / mean : 1;
    return { cx, cy, k };
  };
  const nf = normaliser(from);
  const nt = normaliser(to);
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const x = (from[i]!.x - nf.cx) * nf.k;
    const y = (from[i]!.y - nf.cy) * nf.k;
    const u = (to[i]!.x - nt.cx) * nt.k;
    const v = (to[i]!.y - nt.cy) * nt.k;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solveLinear(a, b);
  if (!h) return null;
  // Undo the normalisation: H = T_to⁻¹ · Hn · T_from.
  const hn = [...h, 1];
  const tFrom = [nf.k, 0, -nf.k * nf.cx, 0, nf.k, -nf.k * nf.cy, 0, 0, 1];
  const tToInverse = [1 / nt.k, 0, nt.cx, 0, 1 / nt.k, nt.cy, 0, 0, 1];
  const result = multiply(multiply(tToInverse, hn), tFrom);
  const scale = result[8]!;
  if (Math.abs(scale) < 1e-15) return null;
  return result.map((value) => value / scale) as unknown as Homography;
}

function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += a[r * 3 + k]! * b[k * 3 + c]!;
      out[r * 3 + c] = sum;
    }
  }
  return out;
}

export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return { x: (h[0] * x + h[1] * y + h[2]) / w, y: (h[3] * x + h[4] * y + h[5]) / w };
}

/** The inverse transform (the adjugate, scaled to h[8] = 1); null when singular. */
export function invertHomography(h: Homography): Homography | null {
  const [a, b, c, d, e, f, g, i, j] = h;
  const inverse = [
    e * j - f * i,
    c * i - b * j,
    b * f - c * e,
    f * g - d * j,
    a * j - c * g,
    c * d - a * f,
    d * i - e * g,
    b * g - a * i,
    a * e - b * d,
  ];
  const det = a * inverse[0]! + b * inverse[3]! + c * inverse[6]!;
  if (Math.abs(det) < 1e-15 || Math.abs(inverse[8]!) < 1e-15) return null;
  const scale = inverse[8]!;
  return inverse.map((value) => value / scale) as unknown as Homography;
}

/** How the transform stretches the page around a point: pixels per unit along x and y, and the skew. */
export interface LocalScale {
  /** Length of the image of a unit step along x. */
  readonly sx: number;
  /** Length of the image of a unit step along y. */
  readonly sy: number;
  /** The cosine of the angle between the two images: 0 when they stay perpendicular. */
  readonly skew: number;
  /** The angle of the x step's image, in degrees (0: level, 180: upside down). */
  readonly rotation: number;
}

export function localScale(h: Homography, at: Point): LocalScale {
  const w = h[6] * at.x + h[7] * at.y + h[8];
  const px = (h[0] * at.x + h[1] * at.y + h[2]) / w;
  const py = (h[3] * at.x + h[4] * at.y + h[5]) / w;
  // The Jacobian of the projective map at the point.
  const dxdx = (h[0] - px * h[6]) / w;
  const dydx = (h[3] - py * h[6]) / w;
  const dxdy = (h[1] - px * h[7]) / w;
  const dydy = (h[4] - py * h[7]) / w;
  const sx = Math.hypot(dxdx, dydx);
  const sy = Math.hypot(dxdy, dydy);
  return {
    sx,
    sy,
    skew: (dxdx * dxdy + dydx * dydy) / (sx * sy),
    rotation: (Math.atan2(dydx, dxdx) * 180) / Math.PI,
  };
}
