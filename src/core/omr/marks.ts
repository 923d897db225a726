// Scoring one mark box from its darkness samples (0 paper … 1 printed black, on a square grid of
// `step` points). A box is read as a definite ○ (for), a definite × (against) or empty only when
// its ink leaves no doubt; everything else — light, partial, a tick ✓, a dot, a stray line, a
// filled box, two marks over each other — is marginal and goes to a teller [B1]. The tests are
// shape tests, never a nearest guess: a ring must be closed enough, hollow and of even radius; a
// cross must be two straight strokes, one rising and one falling, crossing each other near their
// middles. A tick fails the cross test (its strokes meet at their ends), so it is never read as ×.

export type MarkVerdict = 'for' | 'against' | 'empty' | 'marginal';
export type MarginalReason = 'light' | 'dot' | 'filled' | 'tick' | 'stray' | 'partial' | 'unclear';
export type MarkSuggestion = 'for' | 'against' | 'abstain' | null;

export interface BoxSamples {
  readonly width: number;
  readonly height: number;
  /** Points per sample. */
  readonly step: number;
  /** width × height darkness values, row by row. */
  readonly darkness: Float32Array;
}

export interface MarkScore {
  readonly verdict: MarkVerdict;
  /** Why a box is marginal. */
  readonly reason: MarginalReason | null;
  /** For a marginal box, what its shape most resembles (for the statistics, never shown to a teller first). */
  readonly suggestion: MarkSuggestion;
  /** Ink and faint ink in square points. */
  readonly ink: number;
  readonly faint: number;
}

/**
 * Ink is measured against the mark's own darkest part (a pen's ink, blurred by the scan, is not
 * the printed black): samples darker than INK_SHARE of the mark's peak, and at least FAINT.
 * Darker than FAINT but below that: faint ink. A mark whose peak is below LIGHT is light all
 * over (a pencil barely touching the paper) and goes to review.
 */
export const FAINT = 0.16;
export const INK_SHARE = 0.45;
export const LIGHT = 0.42;
/** Ink components smaller than this (square points) are dust or noise. */
const SPECK = 0.9;
/** Less ink (dark or faint) than this (square points) is an empty box. */
const EMPTY = 1.2;
/** Less dark ink than this is a dot or a light touch, not a mark to read. */
const MARK = 1.5;

interface Ink {
  /** The ink kept after removing specks, one byte per sample. */
  readonly mask: Uint8Array;
  /** Sample indices of the ink kept after removing specks. */
  readonly points: Int32Array;
  readonly count: number;
  /** Any ink, dark or faint, after removing specks (samples). */
  readonly any: number;
  /** Faint samples away from any ink, in samples. */
  readonly faintAlone: number;
  /** The mark's darkest part (the 98th percentile of its ink and faint ink). */
  readonly peak: number;
}

/** Scratch arrays reused from box to box (the reader is synchronous), grown as needed. */
let scratchSize = 0;
let scratchSeen = new Uint8Array(0);
let scratchStack = new Int32Array(0);
let scratchMembers = new Int32Array(0);

/** Connected components (8-neighbours) of `mask`; those smaller than `minimum` samples are cleared. */
function dropSpecks(mask: Uint8Array, width: number, height: number, minimum: number): void {
  if (scratchSize < mask.length) {
    scratchSize = mask.length;
    scratchSeen = new Uint8Array(scratchSize);
    scratchStack = new Int32Array(scratchSize);
    scratchMembers = new Int32Array(scratchSize);
  }
  const seen = scratchSeen;
  seen.fill(0, 0, mask.length);
  const stack = scratchStack;
  const members = scratchMembers;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    let n = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const at = stack[--top]!;
      members[n++] = at;
      const x = at % width;
      const y = (at - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const next = yy * width + xx;
          if (mask[next] && !seen[next]) {
            seen[next] = 1;
            stack[top++] = next;
          }
        }
      }
    }
    if (n < minimum) for (let i = 0; i < n; i++) mask[members[i]!] = 0;
  }
}

function findInk(box: BoxSamples, level?: number): Ink {
  const { width, height, darkness, step } = box;
  const perPt2 = 1 / (step * step);
  const n = width * height;
  const any = new Uint8Array(n);
  const histogram = new Uint32Array(64);
  let faintCount = 0;
  for (let i = 0; i < n; i++) {
    const d = darkness[i]!;
    if (d > FAINT) {
      any[i] = 1;
      histogram[Math.min(63, Math.floor(d * 64))]!++;
      faintCount++;
    }
  }
  dropSpecks(any, width, height, Math.ceil(SPECK * perPt2));
  let anyCount = 0;
  for (let i = 0; i < n; i++) anyCount += any[i]!;
  let peak = 0;
  if (faintCount > 0) {
    let seen = 0;
    for (let k = 63; k >= 0; k--) {
      seen += histogram[k]!;
      if (seen >= faintCount * 0.02) {
        peak = (k + 0.5) / 64;
        break;
      }
    }
  }
  const threshold = level ?? Math.max(FAINT, INK_SHARE * peak);
  const ink = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (any[i] && darkness[i]! > threshold) ink[i] = 1;
  dropSpecks(ink, width, height, Math.ceil(SPECK * perPt2));
  // Faint samples more than `halo` samples from any ink: the blurred edge of a stroke is not faint ink.
  const halo = Math.max(2, Math.round(0.7 / step));
  const near = dilate(ink, width, height, halo);
  let count = 0;
  for (let i = 0; i < n; i++) count += ink[i]!;
  const points = new Int32Array(count);
  let k = 0;
  let faintAlone = 0;
  for (let i = 0; i < n; i++) {
    if (ink[i]) points[k++] = i;
    else if (any[i] && !near[i]) faintAlone++;
  }
  return { mask: ink, points, count, any: anyCount, faintAlone, peak };
}

/** The mask grown by `r` samples in every direction (a square): two separable passes. */
function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let last = -1e9;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) last = x;
      if (x - last <= r) rows[row + x] = 1;
    }
    last = 1e9;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[row + x]) last = x;
      if (last - x <= r) rows[row + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let last = -1e9;
    for (let y = 0; y < height; y++) {
      if (rows[y * width + x]) last = y;
      if (y - last <= r) out[y * width + x] = 1;
    }
    last = 1e9;
    for (let y = height - 1; y >= 0; y--) {
      if (rows[y * width + x]) last = y;
      if (last - y <= r) out[y * width + x] = 1;
    }
  }
  return out;
}

interface Weighted {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly ws: Float64Array;
  readonly total: number;
}

function weighted(box: BoxSamples, points: Int32Array): Weighted {
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ws = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const at = points[i]!;
    const x = at % box.width;
    xs[i] = x * box.step;
    ys[i] = ((at - x) / box.width) * box.step;
    ws[i] = Math.min(1, box.darkness[at]!);
    total += ws[i]!;
  }
  return { xs, ys, ws, total };
}

export interface RingTest {
  readonly ring: boolean;
  /** Ring-like (even radius, hollow) but not closed enough. */
  readonly partial: boolean;
}

/**
 * ○: the ink, normalised by its own ellipse (principal axes from the second moments), lies at an
 * even radius (relative spread ≤ 0.22), leaves the middle empty, goes most of the way round (at most
 * a 50° gap), and is not tiny or a sliver.
 */
export function ringTest(p: Weighted): RingTest {
  const { xs, ys, ws, total } = p;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < xs.length; i++) {
    cx += xs[i]! * ws[i]!;
    cy += ys[i]! * ws[i]!;
  }
  cx /= total;
  cy /= total;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - cx;
    const dy = ys[i]! - cy;
    sxx += ws[i]! * dx * dx;
    syy += ws[i]! * dy * dy;
    sxy += ws[i]! * dx * dy;
  }
  sxx /= total;
  syy /= total;
  sxy /= total;
  const trace = sxx + syy;
  const root = Math.sqrt(Math.max(0, ((sxx - syy) / 2) ** 2 + sxy * sxy));
  const l1 = trace / 2 + root;
  const l2 = Math.max(trace / 2 - root, 1e-9);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const a = Math.sqrt(2 * l1);
  const b = Math.sqrt(2 * l2);
  const no = { ring: false, partial: false };
  if (b < 1.6 || a / b > 4) return no;
  const sectors = new Float64Array(36);
  let sum = 0;
  let sumSq = 0;
  let inner = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - cx;
    const dy = ys[i]! - cy;
    const u = (dx * ux + dy * uy) / a;
    const v = (-dx * uy + dy * ux) / b;
    const rho = Math.hypot(u, v);
    const w = ws[i]!;
    sum += w * rho;
    sumSq += w * rho * rho;
    if (rho < 0.5) inner += w;
    if (rho > 0.55 && rho < 1.45) {
      const sector = Math.floor(((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * 36) % 36;
      sectors[sector]! += w;
    }
  }
  const mean = sum / total;
  const spread = Math.sqrt(Math.max(0, sumSq / total - mean * mean)) / mean;
  const hollow = inner / total;
  // A sector is covered when it holds a fair share of a ring's ink (a tenth of the average).
  const share = (total / 36) * 0.1;
  let covered = 0;
  let gap = 0;
  let longest = 0;
  for (let k = 0; k < 72; k++) {
    if (sectors[k % 36]! > share) {
      if (k < 36) covered++;
      gap = 0;
    } else {
      gap++;
      longest = Math.max(longest, gap);
    }
  }
  longest = Math.min(longest, 36);
  const ringLike = spread <= 0.22 && hollow <= 0.04;
  const closed = longest <= 5 && covered >= 29;
  return { ring: ringLike && closed, partial: ringLike && !closed };
}

export interface LineFit {
  /** Share of the ink within reach of the first line, of the first two lines. */
  readonly one: number;
  readonly two: number;
  /** The two lines cross each other near their middles (a cross), or meet near an end (a tick, a V). */
  readonly crossing: boolean;
  /** One line rises and the other falls, each at 10°–80° from the horizontal. */
  readonly diagonal: boolean;
}

const ANGLES = 90;
const BIN = 0.5;
const COS = Float64Array.from({ length: ANGLES }, (_, i) => Math.cos((i * Math.PI) / ANGLES));
const SIN = Float64Array.from({ length: ANGLES }, (_, i) => Math.sin((i * Math.PI) / ANGLES));

interface Line {
  readonly angle: number;
  readonly distance: number;
}

function strongestLine(p: Weighted, use: Uint8Array, exclude: number | null, reach: number): Line | null {
  const { xs, ys, ws } = p;
  let best: Line | null = null;
  let bestWeight = 0;
  let maxD = 0;
  for (let i = 0; i < xs.length; i++) maxD = Math.max(maxD, Math.hypot(xs[i]!, ys[i]!));
  const offset = Math.ceil(maxD / BIN) + 2;
  const size = 2 * offset + 1;
  const acc = new Float64Array(size);
  const prefix = new Float64Array(size + 1);
  // A band as wide as the reach on either side of the line.
  const half = Math.round(reach / BIN);
  for (let t = 0; t < ANGLES; t++) {
    if (exclude !== null) {
      const diff = Math.abs(t - exclude) % ANGLES;
      if (Math.min(diff, ANGLES - diff) < 15) continue;
    }
    acc.fill(0);
    const c = COS[t]!;
    const s = SIN[t]!;
    for (let i = 0; i < xs.length; i++) {
      if (!use[i]) continue;
      acc[Math.round((xs[i]! * c + ys[i]! * s) / BIN) + offset]! += ws[i]!;
    }
    for (let k = 0; k < size; k++) prefix[k + 1] = prefix[k]! + acc[k]!;
    for (let k = 0; k < size; k++) {
      const window = prefix[Math.min(size, k + half + 1)]! - prefix[Math.max(0, k - half)]!;
      if (window > bestWeight) {
        bestWeight = window;
        best = { angle: t, distance: (k - offset) * BIN };
      }
    }
  }
  return best;
}

function distanceTo(line: Line, x: number, y: number): number {
  return Math.abs(x * COS[line.angle]! + y * SIN[line.angle]! - line.distance);
}

/** Whether the mask has ink within `reach` points of (x, y) (points from the box's corner). */
function inkNear(box: BoxSamples, mask: Uint8Array, x: number, y: number, reach: number): boolean {
  const r = Math.max(1, Math.round(reach / box.step));
  const cx = Math.round(x / box.step);
  const cy = Math.round(y / box.step);
  for (let yy = Math.max(0, cy - r); yy <= Math.min(box.height - 1, cy + r); yy++) {
    for (let xx = Math.max(0, cx - r); xx <= Math.min(box.width - 1, cx + r); xx++) {
      if (mask[yy * box.width + xx]) return true;
    }
  }
  return false;
}

/**
 * Two straight strokes: how much of the ink they explain and where they meet. A cross also needs
 * ink where they meet, and four arms — each stroke reaching out on both sides of the crossing, by a
 * quarter of its length (and 3 pt) at least, with ink all along (a partial circle fitted by two lines
 * fails here).
 */
export function lineTest(p: Weighted, box: BoxSamples, mask: Uint8Array): LineFit {
  const { xs, ys, ws, total } = p;
  const reach = 1.1;
  const all = new Uint8Array(xs.length).fill(1);
  const first = strongestLine(p, all, null, reach);
  const none: LineFit = { one: 0, two: 0, crossing: false, diagonal: false };
  if (!first) return none;
  const rest = new Uint8Array(xs.length);
  let one = 0;
  for (let i = 0; i < xs.length; i++) {
    if (distanceTo(first, xs[i]!, ys[i]!) <= reach) one += ws[i]!;
    else rest[i] = 1;
  }
  const second = strongestLine(p, rest, first.angle, reach);
  if (!second) return { ...none, one: one / total };
  let two = 0;
  for (let i = 0; i < xs.length; i++) {
    if (distanceTo(first, xs[i]!, ys[i]!) <= reach || distanceTo(second, xs[i]!, ys[i]!) <= reach)
      two += ws[i]!;
  }
  // Where the lines meet: n1·p = d1, n2·p = d2.
  const c1 = COS[first.angle]!;
  const s1 = SIN[first.angle]!;
  const c2 = COS[second.angle]!;
  const s2 = SIN[second.angle]!;
  const det = c1 * s2 - s1 * c2;
  let crossing = false;
  if (Math.abs(det) > 1e-6) {
    const px = (first.distance * s2 - second.distance * s1) / det;
    const py = (c1 * second.distance - c2 * first.distance) / det;
    crossing =
      inkNear(box, mask, px, py, 1) &&
      [first, second].every((line) => {
        // Along the line (direction perpendicular to its normal): the extent of its own ink.
        const dx = -SIN[line.angle]!;
        const dy = COS[line.angle]!;
        const ts: number[] = [];
        let support = 0;
        for (let i = 0; i < xs.length; i++) {
          if (distanceTo(line, xs[i]!, ys[i]!) <= reach) {
            ts.push(xs[i]! * dx + ys[i]! * dy);
            support += ws[i]!;
          }
        }
        if (ts.length < 4 || support < 0.12 * total) return false;
        ts.sort((a, b) => a - b);
        const lo = ts[Math.floor(ts.length * 0.02)]!;
        const hi = ts[Math.ceil(ts.length * 0.98) - 1]!;
        const length = hi - lo;
        if (length < 4) return false;
        const tp = px * dx + py * dy;
        const at = (tp - lo) / length;
        if (at < 0.2 || at > 0.8) return false;
        // Both arms: long enough, and inked all along.
        for (const [from, to] of [
          [tp, hi],
          [tp, lo],
        ] as const) {
          const arm = Math.abs(to - from);
          if (arm < Math.max(3, 0.25 * length)) return false;
          const sign = to > from ? 1 : -1;
          let steps = 0;
          let inked = 0;
          for (let t = 0.5; t <= arm; t += 0.5) {
            steps++;
            if (inkNear(box, mask, px + dx * sign * t, py + dy * sign * t, 0.7)) inked++;
          }
          if (steps > 0 && inked < 0.8 * steps) return false;
        }
        return true;
      });
  }
  // Directions of the strokes (normal angle + 90°), in degrees from the horizontal, y down.
  const direction = (line: Line) => ((line.angle * 180) / ANGLES + 90) % 180;
  const d1 = direction(first);
  const d2 = direction(second);
  const falling = (d: number) => d >= 10 && d <= 80;
  const rising = (d: number) => d >= 100 && d <= 170;
  const diagonal = (falling(d1) && rising(d2)) || (rising(d1) && falling(d2));
  return { one: one / total, two: two / total, crossing, diagonal };
}

function marginal(reason: MarginalReason, suggestion: MarkSuggestion, ink: number, faint: number): MarkScore {
  return { verdict: 'marginal', reason, suggestion, ink, faint };
}

/** What a box says. */
export function scoreMark(box: BoxSamples): MarkScore {
  const perSample = box.step * box.step;
  const found = findInk(box);
  const ink = found.count * perSample;
  const faint = found.faintAlone * perSample;
  const any = found.any * perSample;
  if (any < EMPTY) return { verdict: 'empty', reason: null, suggestion: null, ink, faint };
  if (found.peak < LIGHT) return marginal('light', lightSuggestion(box), ink, faint);
  const p = weighted(box, found.points);
  const extent = extentOf(p);
  if (ink < MARK) return marginal(extent < 4 ? 'dot' : 'light', null, ink, faint);
  if (faint > 4 && faint > 0.35 * ink) return marginal('light', lightSuggestion(box), ink, faint);
  const area = box.width * box.height * perSample;
  if (ink > 0.3 * area) return marginal('filled', null, ink, faint);
  if (extent < 4) return marginal('dot', null, ink, faint);
  const ring = ringTest(p);
  if (ring.ring) return { verdict: 'for', reason: null, suggestion: 'for', ink, faint };
  const lines = lineTest(p, box, found.mask);
  if (lines.two >= 0.9 && lines.crossing && lines.diagonal && lines.one < 0.9) {
    return { verdict: 'against', reason: null, suggestion: 'against', ink, faint };
  }
  if (ring.partial) return marginal('partial', 'for', ink, faint);
  if (lines.one >= 0.88) return marginal('stray', null, ink, faint);
  if (lines.two >= 0.88 && !lines.crossing) return marginal('tick', null, ink, faint);
  return marginal('unclear', lines.two >= 0.88 && lines.crossing ? 'against' : null, ink, faint);
}

function extentOf(p: Weighted): number {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < p.xs.length; i++) {
    minX = Math.min(minX, p.xs[i]!);
    maxX = Math.max(maxX, p.xs[i]!);
    minY = Math.min(minY, p.ys[i]!);
    maxY = Math.max(maxY, p.ys[i]!);
  }
  return p.xs.length === 0 ? 0 : Math.max(maxX - minX, maxY - minY);
}

/** A light mark's likely meaning, from its faint ink read as if it were dark. */
function lightSuggestion(box: BoxSamples): MarkSuggestion {
  const found = findInk(box, FAINT);
  if (found.count * box.step * box.step < MARK) return 'abstain';
  const p = weighted(box, found.points);
  if (ringTest(p).ring) return 'for';
  const lines = lineTest(p, box, found.mask);
  if (lines.two >= 0.9 && lines.crossing && lines.diagonal) return 'against';
  return null;
}

/** Whether a write-in box holds writing: ink beyond specks, or faint writing. */
export function hasWriting(box: BoxSamples): boolean {
  return findInk(box).any * box.step * box.step >= EMPTY;
}

/** The shape tests' figures for one box (for tuning and for tests). */
export function debugMark(box: BoxSamples): { ring: RingTest; lines: LineFit; peak: number } {
  const found = findInk(box);
  const p = weighted(box, found.points);
  return { ring: ringTest(p), lines: lineTest(p, box, found.mask), peak: found.peak };
}
