import { CORNERS, type Corner, FIDUCIAL_PATTERNS, type FoundFiducial, findFiducial } from './fiducials.ts';
import {
  applyHomography,
  type Homography,
  type LocalScale,
  localScale,
  solveHomography,
} from './homography.ts';
import { darknessOf, estimateLevels, type Levels, MIN_CONTRAST, paperAt } from './levels.ts';
import { type BoxSamples, hasWriting, type MarkScore, scoreMark } from './marks.ts';
import { createRaster, type GreyRaster, type Rect, sampleBilinear } from './raster.ts';
import type { SheetCell, SheetGeometry } from './sheet-geometry.ts';

// Reading one scanned sheet against the layout that printed it, in three steps:
//   locateSheet  levels of paper and ink, the four fiducials, the orientation they show, the
//                homography from the page to the scan, and the checks on its scale;
//   qrImage      the QR code's area cut out upright, for the adapter's decoder;
//   scoreSheet   scanner streaks, the registration of every box (its printed border found where
//                the homography puts it), and the score of every mark box and write-in box.
// A sheet that fails a check is rejected whole with the reason: never guessed.

export type RejectionReason =
  | 'unreadable-image'
  | 'no-contrast'
  | 'fiducial-missing'
  | 'fiducials-unrecognised'
  | 'scale-off'
  | 'registration-off'
  | 'streak'
  | 'qr-unreadable'
  | 'qr-foreign'
  | 'qr-mismatch';

export interface Rejection {
  readonly status: 'rejected';
  readonly reason: RejectionReason;
  /** What was found, in English (the service adds both languages by reason). */
  readonly detail: string;
}

export type Rotation = 0 | 90 | 180 | 270;

export interface LocatedSheet {
  readonly status: 'located';
  readonly levels: Levels;
  /** Page points → scan pixels. */
  readonly transform: Homography;
  /** How far the page is turned clockwise in the scan. */
  readonly rotation: Rotation;
  readonly scale: LocalScale;
}

export interface ReadOptions {
  /** The scan's resolution when the file states it; the scale check compares against it. */
  readonly dpi?: number | null | undefined;
}

export function reject(reason: RejectionReason, detail: string): Rejection {
  return { status: 'rejected', reason, detail };
}

/** Scale tolerances: ±6 % against the stated resolution, 4 % between the axes, 3° of skew. */
const SCALE_TOLERANCE = 0.06;
const ANISOTROPY_TOLERANCE = 0.04;
const SKEW_TOLERANCE = 0.05;

export function locateSheet(
  raster: GreyRaster,
  geometry: SheetGeometry,
  options: ReadOptions = {},
): LocatedSheet | Rejection {
  const levels = estimateLevels(raster);
  const sortedPaper = [...levels.paper].sort((a, b) => a - b);
  const paper = sortedPaper[Math.floor(sortedPaper.length / 2)]!;
  if (paper - levels.black < MIN_CONTRAST) {
    return reject('no-contrast', `paper ${Math.round(paper)} and ink ${levels.black} are too close`);
  }
  const pageLong = Math.max(geometry.width, geometry.height);
  const dpi = options.dpi && options.dpi > 20 ? options.dpi : null;
  const nominal = dpi ? dpi / 72 : Math.max(raster.width, raster.height) / pageLong;
  const size = geometry.fiducials[0]!.size;
  const reach = Math.max(
    ...geometry.fiducials.map((f) =>
      Math.max(
        Math.min(f.center.x, geometry.width - f.center.x),
        Math.min(f.center.y, geometry.height - f.center.y),
      ),
    ),
  );
  // Room for a sheet shifted, turned by a few degrees, or scanned with a border around it.
  const side = (reach + size / 2 + 80) * nominal;
  const { width: w, height: h } = raster;
  const imageCorners = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  const windows = (side: number) => [
    { x0: 0, y0: 0, x1: side, y1: side },
    { x0: w - side, y0: 0, x1: w, y1: side },
    { x0: w - side, y0: h - side, x1: w, y1: h },
    { x0: 0, y0: h - side, x1: side, y1: h },
  ];
  // A corner not found in its window is looked for again in one twice as large (a sheet scanned
  // with a wide border, or printed smaller than it should be).
  const found: Array<FoundFiducial | null> = windows(side).map(
    (window, i) =>
      findFiducial(raster, levels, window, size * nominal, imageCorners[i]!) ??
      findFiducial(raster, levels, windows(side * 2)[i]!, size * nominal, imageCorners[i]!),
  );
  const missing = CORNERS.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    return reject('fiducial-missing', `no fiducial found at the scan's ${missing.join(', ')} corner(s)`);
  }
  const patterns = found.map((f) => f!.pattern);
  const turn = [0, 1, 2, 3].find((k) =>
    patterns.every((pattern, i) => pattern === FIDUCIAL_PATTERNS[CORNERS[(i + k) % 4]!]),
  );
  if (turn === undefined) {
    return reject(
      'fiducials-unrecognised',
      `the corner patterns read ${patterns.join(', ')}: not this ballot's`,
    );
  }
  const byCorner = new Map<Corner, SheetGeometry['fiducials'][number]>(
    geometry.fiducials.map((f) => [f.corner, f]),
  );
  const from = CORNERS.map((_, i) => byCorner.get(CORNERS[(i + turn) % 4]!)!.center);
  const to = found.map((f) => f!.center);
  const transform = solveHomography(from, to);
  if (!transform) return reject('fiducials-unrecognised', 'the fiducials lie on a line');
  const scale = localScale(transform, { x: geometry.width / 2, y: geometry.height / 2 });
  const mean = (scale.sx + scale.sy) / 2;
  if (
    dpi &&
    (Math.abs(scale.sx / nominal - 1) > SCALE_TOLERANCE || Math.abs(scale.sy / nominal - 1) > SCALE_TOLERANCE)
  ) {
    return reject(
      'scale-off',
      `the sheet measures ${percent(scale.sx / nominal)} × ${percent(scale.sy / nominal)} of its size at ${dpi} dpi`,
    );
  }
  if (Math.abs(scale.sx / scale.sy - 1) > ANISOTROPY_TOLERANCE || Math.abs(scale.skew) > SKEW_TOLERANCE) {
    return reject(
      'scale-off',
      `the sheet is stretched (${percent(scale.sx / scale.sy)} across against down) or skewed (${(Math.acos(Math.min(1, Math.abs(scale.skew))) * 180) / Math.PI}°)`,
    );
  }
  const measured = found.reduce((s, f) => s + f!.size, 0) / 4 / size;
  if (measured / mean < 0.85 || measured / mean > 1.2) {
    return reject('scale-off', `the fiducials measure ${percent(measured / mean)} of their printed size`);
  }
  const rotation = (((4 - turn) % 4) * 90) as Rotation;
  return { status: 'located', levels, transform, rotation, scale };
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** A region of the page cut out upright at `perPoint` pixels per point (for a teller, or the QR decoder). */
export function cropRegion(
  raster: GreyRaster,
  located: LocatedSheet,
  rect: Rect,
  perPoint: number,
): GreyRaster {
  const width = Math.max(1, Math.round(rect.width * perPoint));
  const height = Math.max(1, Math.round(rect.height * perPoint));
  const out = createRaster(width, height);
  const h = located.transform;
  for (let y = 0; y < height; y++) {
    const py = rect.y + (y + 0.5) / perPoint;
    for (let x = 0; x < width; x++) {
      const px = rect.x + (x + 0.5) / perPoint;
      const w = h[6] * px + h[7] * py + h[8];
      const ix = (h[0] * px + h[1] * py + h[2]) / w;
      const iy = (h[3] * px + h[4] * py + h[5]) / w;
      out.data[y * width + x] = Math.round(sampleBilinear(raster, ix, iy));
    }
  }
  return out;
}

/** The QR code's area with its quiet zone, upright, at the scan's own resolution (at least 3 px/pt). */
export function qrImage(raster: GreyRaster, geometry: SheetGeometry, located: LocatedSheet): GreyRaster {
  const q = geometry.qr;
  const quiet = 8;
  const perPoint = Math.max(3, (located.scale.sx + located.scale.sy) / 2);
  return cropRegion(
    raster,
    located,
    { x: q.x - quiet, y: q.y - quiet, width: q.width + 2 * quiet, height: q.height + 2 * quiet },
    perPoint,
  );
}

/** Samples per point when a box is scored: a fixed grid, whatever the scan's resolution. */
export const SAMPLES_PER_POINT = 3;

/**
 * Darkness samples of a page rectangle, `perPoint` samples per point. Over a box the homography is
 * affine to well under a hundredth of a pixel, so the scan coordinates are stepped linearly from the
 * rectangle's corner.
 */
export function sampleRect(
  raster: GreyRaster,
  located: LocatedSheet,
  rect: Rect,
  perPoint = SAMPLES_PER_POINT,
): BoxSamples {
  const width = Math.max(1, Math.round(rect.width * perPoint));
  const height = Math.max(1, Math.round(rect.height * perPoint));
  const step = 1 / perPoint;
  const darkness = new Float32Array(width * height);
  const h = located.transform;
  const origin = applyHomography(h, rect.x + 0.5 * step, rect.y + 0.5 * step);
  const right = applyHomography(h, rect.x + (width - 0.5) * step, rect.y + 0.5 * step);
  const down = applyHomography(h, rect.x + 0.5 * step, rect.y + (height - 0.5) * step);
  const ux = width > 1 ? (right.x - origin.x) / (width - 1) : 0;
  const uy = width > 1 ? (right.y - origin.y) / (width - 1) : 0;
  const vx = height > 1 ? (down.x - origin.x) / (height - 1) : 0;
  const vy = height > 1 ? (down.y - origin.y) / (height - 1) : 0;
  const centre = applyHomography(h, rect.x + rect.width / 2, rect.y + rect.height / 2);
  const paper = paperAt(located.levels, centre.x, centre.y);
  const black = located.levels.black;
  const range = paper - black;
  const { width: rw, height: rh, data } = raster;
  for (let y = 0; y < height; y++) {
    let ix = origin.x + vx * y;
    let iy = origin.y + vy * y;
    const row = y * width;
    for (let x = 0; x < width; x++, ix += ux, iy += uy) {
      let value = 255;
      if (ix >= 0 && iy >= 0 && ix <= rw - 1 && iy <= rh - 1) {
        const x0 = ix | 0;
        const y0 = iy | 0;
        const x1 = x0 + 1 < rw ? x0 + 1 : x0;
        const y1 = y0 + 1 < rh ? y0 + 1 : y0;
        const fx = ix - x0;
        const fy = iy - y0;
        const a = data[y0 * rw + x0]!;
        const b = data[y0 * rw + x1]!;
        const c = data[y1 * rw + x0]!;
        const d = data[y1 * rw + x1]!;
        const top = a + (b - a) * fx;
        value = top + (c + (d - c) * fx - top) * fy;
      }
      const dk = range > 0 ? (paper - value) / range : 0;
      darkness[row + x] = dk <= 0 ? 0 : Math.min(dk, 1);
    }
  }
  return { width, height, step, darkness };
}

/** Mean darkness along a page segment from (x0, y0) to (x1, y1), `n` points. */
function lineDarkness(
  raster: GreyRaster,
  located: LocatedSheet,
  paper: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  n: number,
): number {
  const h = located.transform;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) / n;
    const px = x0 + (x1 - x0) * t;
    const py = y0 + (y1 - y0) * t;
    const w = h[6] * px + h[7] * py + h[8];
    const ix = (h[0] * px + h[1] * py + h[2]) / w;
    const iy = (h[3] * px + h[4] * py + h[5]) / w;
    sum += darknessOf(sampleBilinear(raster, ix, iy), paper, located.levels.black);
  }
  return sum / n;
}

/** How far (in points) a printed border lies from where the homography puts it; null when not found. */
function borderOffset(
  raster: GreyRaster,
  located: LocatedSheet,
  paper: number,
  vertical: boolean,
  at: number,
  from: number,
  to: number,
): number | null {
  const reachPt = 3;
  const stepPt = 0.25;
  const profile: number[] = [];
  for (let d = -reachPt; d <= reachPt + 1e-9; d += stepPt) {
    profile.push(
      vertical
        ? lineDarkness(raster, located, paper, at + d, from, at + d, to, 16)
        : lineDarkness(raster, located, paper, from, at + d, to, at + d, 16),
    );
  }
  let best = 0;
  for (let i = 1; i < profile.length; i++) if (profile[i]! > profile[best]!) best = i;
  const sorted = [...profile].sort((a, b) => a - b);
  const floor = sorted[Math.floor(sorted.length / 2)]!;
  if (profile[best]! < 0.3 || profile[best]! - floor < 0.2) return null;
  // Parabolic refinement around the peak.
  let offset = best;
  if (best > 0 && best < profile.length - 1) {
    const a = profile[best - 1]!;
    const b = profile[best]!;
    const c = profile[best + 1]!;
    const denominator = a - 2 * b + c;
    if (denominator < 0) offset = best + (0.5 * (a - c)) / denominator;
  }
  return -reachPt + offset * stepPt;
}

export interface CellReading {
  readonly cell: SheetCell;
  readonly mark: MarkScore;
  /** Write-in boxes: whether the name box holds writing. */
  readonly written: boolean | null;
  /** Where the cell's printed border was found, relative to the homography's prediction (points). */
  readonly offset: { readonly dx: number; readonly dy: number };
}

export interface ScoredSheet {
  readonly status: 'read';
  readonly cells: readonly CellReading[];
  /** The largest border offset found, in points. */
  readonly registration: number;
}

/** Registration: a border further than this from its predicted place rejects the sheet. */
const MAX_OFFSET = 2.2;
/** Mark boxes are read this far inside their printed border. */
const MARK_INSET = 2.4;
const NAME_INSET = 2.2;

export function scoreSheet(
  raster: GreyRaster,
  geometry: SheetGeometry,
  located: LocatedSheet,
): ScoredSheet | Rejection {
  const streak = findStreak(raster, geometry, located);
  if (streak) return streak;
  const cells: CellReading[] = [];
  let unfound = 0;
  let worst = 0;
  for (const cell of geometry.cells) {
    const outline = {
      x: cell.mark.x,
      y: cell.mark.y,
      width: cell.mark.width,
      height: cell.name.y + cell.name.height - cell.mark.y,
    };
    const centre = applyHomography(
      located.transform,
      outline.x + outline.width / 2,
      outline.y + outline.height / 2,
    );
    const paper = paperAt(located.levels, centre.x, centre.y);
    const top = outline.y + 2;
    const bottom = outline.y + outline.height - 2;
    const left = outline.x + 2;
    const right = outline.x + outline.width - 2;
    const xs = [
      borderOffset(raster, located, paper, true, outline.x, top, bottom),
      borderOffset(raster, located, paper, true, outline.x + outline.width, top, bottom),
    ].filter((v): v is number => v !== null);
    const ys = [
      borderOffset(raster, located, paper, false, outline.y, left, right),
      borderOffset(raster, located, paper, false, outline.y + outline.height, left, right),
    ].filter((v): v is number => v !== null);
    if (xs.length === 0 || ys.length === 0) unfound++;
    const dx = xs.length === 0 ? 0 : xs.reduce((s, v) => s + v, 0) / xs.length;
    const dy = ys.length === 0 ? 0 : ys.reduce((s, v) => s + v, 0) / ys.length;
    worst = Math.max(worst, Math.abs(dx), Math.abs(dy));
    const markRect = {
      x: cell.mark.x + dx + MARK_INSET,
      y: cell.mark.y + dy + MARK_INSET,
      width: cell.mark.width - 2 * MARK_INSET,
      height: cell.mark.height - 2 * MARK_INSET,
    };
    const mark = scoreMark(sampleRect(raster, located, markRect));
    let written: boolean | null = null;
    if (cell.kind === 'write-in') {
      written = hasWriting(
        sampleRect(raster, located, {
          x: cell.name.x + dx + NAME_INSET,
          y: cell.name.y + dy + NAME_INSET,
          width: cell.name.width - 2 * NAME_INSET,
          height: cell.name.height - 2 * NAME_INSET,
        }),
      );
    }
    cells.push({ cell, mark, written, offset: { dx, dy } });
  }
  if (worst > MAX_OFFSET) {
    return reject(
      'registration-off',
      `a box's printed border lies ${worst.toFixed(1)} pt from where the fiducials put it`,
    );
  }
  if (unfound > Math.max(1, geometry.cells.length * 0.2)) {
    return reject(
      'registration-off',
      `the printed borders of ${unfound} of ${geometry.cells.length} boxes were not found`,
    );
  }
  return { status: 'read', cells, registration: worst };
}

/**
 * A scanner streak: a line of dirt on the glass draws a straight line along the whole sheet, through
 * the blank margins on both sides. Found in opposite margin strips (top and bottom, or left and right)
 * and followed across the page; if it passes through a mark box or a write-in box, the sheet is
 * rejected (the box cannot be trusted). A streak that crosses no box is harmless.
 */
export function findStreak(
  raster: GreyRaster,
  geometry: SheetGeometry,
  located: LocatedSheet,
): Rejection | null {
  const { width: W, height: H, margin } = geometry;
  const inner = 8;
  const outer = margin - 8;
  const pairs: Array<{ along: 'x' | 'y'; a: number[]; b: number[]; aAt: number; bAt: number }> = [
    {
      along: 'x',
      a: stripStreaks(raster, located, 'x', margin, W - margin, inner, outer),
      b: stripStreaks(raster, located, 'x', margin, W - margin, H - outer, H - inner),
      aAt: (inner + outer) / 2,
      bAt: H - (inner + outer) / 2,
    },
    {
      along: 'y',
      a: stripStreaks(raster, located, 'y', margin, H - margin, inner, outer),
      b: stripStreaks(raster, located, 'y', margin, H - margin, W - outer, W - inner),
      aAt: (inner + outer) / 2,
      bAt: W - (inner + outer) / 2,
    },
  ];
  for (const pair of pairs) {
    const span = pair.bAt - pair.aAt;
    for (const a of pair.a) {
      for (const b of pair.b) {
        if (Math.abs(a - b) > span * Math.tan((5 * Math.PI) / 180)) continue;
        // The line: position along the strip as a function of the cross coordinate.
        const at = (cross: number) => a + ((b - a) * (cross - pair.aAt)) / span;
        for (const cell of geometry.cells) {
          const boxes = cell.kind === 'write-in' ? [cell.mark, cell.name] : [cell.mark];
          for (const box of boxes) {
            const crossFrom = pair.along === 'x' ? box.y : box.x;
            const crossTo = pair.along === 'x' ? box.y + box.height : box.x + box.width;
            const lo = pair.along === 'x' ? box.x : box.y;
            const hi = pair.along === 'x' ? box.x + box.width : box.y + box.height;
            const p1 = at(crossFrom);
            const p2 = at(crossTo);
            if (Math.max(p1, p2) >= lo - 1 && Math.min(p1, p2) <= hi + 1) {
              const what =
                cell.kind === 'write-in'
                  ? `write-in box ${cell.index + 1}`
                  : `the box of column ${cell.index + 1}`;
              return reject('streak', `a scanner streak runs through ${what}`);
            }
          }
        }
      }
    }
  }
  return null;
}

/**
 * Positions along a blank margin strip where a line crosses it from side to side. The strip runs
 * along `along` from `from` to `to`, and across from `c0` to `c1` (page points).
 */
function stripStreaks(
  raster: GreyRaster,
  located: LocatedSheet,
  along: 'x' | 'y',
  from: number,
  to: number,
  c0: number,
  c1: number,
): number[] {
  const step = 0.5;
  const n = Math.max(1, Math.floor((to - from) / step));
  const rows = Math.max(1, Math.floor(c1 - c0));
  const dark = new Uint8Array(n * rows);
  const h = located.transform;
  const mid =
    along === 'x'
      ? applyHomography(h, (from + to) / 2, (c0 + c1) / 2)
      : applyHomography(h, (c0 + c1) / 2, (from + to) / 2);
  const paper = paperAt(located.levels, mid.x, mid.y);
  for (let r = 0; r < rows; r++) {
    const cross = c0 + r + 0.5;
    for (let i = 0; i < n; i++) {
      const pos = from + (i + 0.5) * step;
      const px = along === 'x' ? pos : cross;
      const py = along === 'x' ? cross : pos;
      const w = h[6] * px + h[7] * py + h[8];
      const ix = (h[0] * px + h[1] * py + h[2]) / w;
      const iy = (h[3] * px + h[4] * py + h[5]) / w;
      if (darknessOf(sampleBilinear(raster, ix, iy), paper, located.levels.black) > 0.3) dark[r * n + i] = 1;
    }
  }
  // A position is crossed when (nearly) every row has dark within ±1.5 pt of it.
  const reach = 3;
  const hits: number[] = [];
  for (let i = 0; i < n; i++) {
    let rowsHit = 0;
    for (let r = 0; r < rows; r++) {
      for (let k = Math.max(0, i - reach); k <= Math.min(n - 1, i + reach); k++) {
        if (dark[r * n + k]) {
          rowsHit++;
          break;
        }
      }
    }
    if (rowsHit >= rows * 0.85) hits.push(from + (i + 0.5) * step);
  }
  // One position per run of neighbours.
  const streaks: number[] = [];
  let run: number[] = [];
  for (const hit of hits) {
    if (run.length > 0 && hit - run[run.length - 1]! > step * 1.5) {
      streaks.push(run[Math.floor(run.length / 2)]!);
      run = [];
    }
    run.push(hit);
  }
  if (run.length > 0) streaks.push(run[Math.floor(run.length / 2)]!);
  return streaks;
}
