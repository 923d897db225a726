import { darknessOf, type Levels, paperAt } from './levels.ts';
import type { GreyRaster, Point } from './raster.ts';

// The four corner fiducials. Each is a black square of FIDUCIAL_SIZE points made of three concentric
// squares — the outer ring always black (what the reader finds), the middle ring and the core
// black or white — so that each corner has its own pattern and a sheet fed upside down or sideways
// is recognised from the corners alone:
//
//   top-left  solid       ■        top-right    hollow      □ (middle and core white)
//   bottom-left bullseye  ▣ (middle white, core black)   bottom-right thick ring (core white)
//
// No pattern maps to another under rotation, and none looks like a QR finder pattern at the size
// looked for (a finder is 7 modules, 14 pt on the ballot; a fiducial 20 pt).

export type Corner = 'top-left' | 'top-right' | 'bottom-right' | 'bottom-left';
/** Clockwise from the top-left, as a rotation moves them. */
export const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];

export type FiducialPattern = 'solid' | 'hollow' | 'bullseye' | 'thick-ring';

export const FIDUCIAL_PATTERNS: Readonly<Record<Corner, FiducialPattern>> = {
  'top-left': 'solid',
  'top-right': 'hollow',
  'bottom-right': 'thick-ring',
  'bottom-left': 'bullseye',
};

/** Side of a fiducial in points (about 7 mm). */
export const FIDUCIAL_SIZE = 20;

const LAYERS: Readonly<Record<FiducialPattern, { readonly middle: boolean; readonly core: boolean }>> = {
  solid: { middle: true, core: true },
  hollow: { middle: false, core: false },
  bullseye: { middle: false, core: true },
  'thick-ring': { middle: true, core: false },
};

/**
 * What to print for a pattern: the outer square is black; the middle square (two thirds of the
 * side) and the core (one third) are black or white as the pattern says.
 */
export function patternLayers(pattern: FiducialPattern): {
  readonly middle: boolean;
  readonly core: boolean;
} {
  return LAYERS[pattern];
}

function patternOf(middle: boolean, core: boolean): FiducialPattern {
  if (middle) return core ? 'solid' : 'thick-ring';
  return core ? 'bullseye' : 'hollow';
}

export interface FoundFiducial {
  /** The centre in pixels (the centroid of the outer square's ink). */
  readonly center: Point;
  /** Side in pixels (the mean of the component's width and height). */
  readonly size: number;
  readonly pattern: FiducialPattern;
}

export interface Window {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

interface Component {
  count: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  sumX: number;
  sumY: number;
  edge: boolean;
}

const INK = 0.5;

/**
 * The fiducial in a window of the scan (a corner of the image), or null: the dark connected
 * component of about the expected size, square and solid enough, not cut by the window's edge, that
 * lies nearest the image corner `toward`.
 */
export function findFiducial(
  raster: GreyRaster,
  levels: Levels,
  window: Window,
  expectedSize: number,
  toward: Point,
): FoundFiducial | null {
  const x0 = Math.max(0, Math.floor(window.x0));
  const y0 = Math.max(0, Math.floor(window.y0));
  const x1 = Math.min(raster.width, Math.ceil(window.x1));
  const y1 = Math.min(raster.height, Math.ceil(window.y1));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 4 || h < 4) return null;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = (y + y0) * raster.width;
    const paper = paperAt(levels, x0 + w / 2, y + y0);
    // Darker than halfway between the paper and the black: a grey value to compare bytes with.
    const below = paper - INK * (paper - levels.black);
    for (let x = 0; x < w; x++) {
      if (raster.data[row + x + x0]! < below) ink[y * w + x] = 1;
    }
  }
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const components: Component[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!ink[start] || label[start]) continue;
    const id = components.length + 1;
    const c: Component = {
      count: 0,
      minX: w,
      minY: h,
      maxX: 0,
      maxY: 0,
      sumX: 0,
      sumY: 0,
      edge: false,
    };
    let top = 0;
    stack[top++] = start;
    label[start] = id;
    while (top > 0) {
      const at = stack[--top]!;
      const x = at % w;
      const y = (at - x) / w;
      c.count++;
      c.sumX += x;
      c.sumY += y;
      if (x < c.minX) c.minX = x;
      if (x > c.maxX) c.maxX = x;
      if (y < c.minY) c.minY = y;
      if (y > c.maxY) c.maxY = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) c.edge = true;
      if (x > 0 && ink[at - 1] && !label[at - 1]) {
        label[at - 1] = id;
        stack[top++] = at - 1;
      }
      if (x < w - 1 && ink[at + 1] && !label[at + 1]) {
        label[at + 1] = id;
        stack[top++] = at + 1;
      }
      if (y > 0 && ink[at - w] && !label[at - w]) {
        label[at - w] = id;
        stack[top++] = at - w;
      }
      if (y < h - 1 && ink[at + w] && !label[at + w]) {
        label[at + w] = id;
        stack[top++] = at + w;
      }
    }
    components.push(c);
  }
  let best: { c: Component; distance: number } | null = null;
  for (const c of components) {
    if (c.edge) continue;
    const cw = c.maxX - c.minX + 1;
    const ch = c.maxY - c.minY + 1;
    if (cw < 0.78 * expectedSize || cw > 1.3 * expectedSize) continue;
    if (ch < 0.78 * expectedSize || ch > 1.3 * expectedSize) continue;
    if (Math.max(cw, ch) / Math.min(cw, ch) > 1.2) continue;
    if (c.count < 0.4 * cw * ch) continue;
    const cx = x0 + c.sumX / c.count;
    const cy = y0 + c.sumY / c.count;
    const distance = Math.hypot(cx - toward.x, cy - toward.y);
    if (!best || distance < best.distance) best = { c, distance };
  }
  if (!best) return null;
  const { c } = best;
  const center = { x: x0 + c.sumX / c.count, y: y0 + c.sumY / c.count };
  const size = (c.maxX - c.minX + 1 + (c.maxY - c.minY + 1)) / 2;
  const unit = size / 6;
  const paper = paperAt(levels, center.x, center.y);
  const mean = (points: ReadonlyArray<readonly [number, number]>) => {
    let sum = 0;
    let n = 0;
    for (const [dx, dy] of points) {
      for (let oy = -1; oy <= 1; oy++) {
        for (let ox = -1; ox <= 1; ox++) {
          const x = Math.round(center.x + dx * unit + ox);
          const y = Math.round(center.y + dy * unit + oy);
          if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) continue;
          sum += darknessOf(raster.data[y * raster.width + x]!, paper, levels.black);
          n++;
        }
      }
    }
    return n === 0 ? 0 : sum / n;
  };
  // A whole square: the outer ring dark all round (a torn or covered fiducial is not one), and the
  // ink's centroid at the middle of its extent.
  const o = 2.5;
  const ring = [
    [o, 0],
    [-o, 0],
    [0, o],
    [0, -o],
    [o, o],
    [o, -o],
    [-o, o],
    [-o, -o],
  ] as const;
  if (ring.some((point) => mean([point]) < 0.5)) return null;
  const middleX = x0 + (c.minX + c.maxX) / 2;
  const middleY = y0 + (c.minY + c.maxY) / 2;
  if (Math.hypot(middleX - center.x, middleY - center.y) > 0.06 * size) return null;
  // The middle ring lies 1 to 2 units from the centre (Chebyshev distance), the core within 1.
  const m = 1.5;
  const middle = mean([
    [m, 0],
    [-m, 0],
    [0, m],
    [0, -m],
    [m, m],
    [m, -m],
    [-m, m],
    [-m, -m],
  ]);
  const core = mean([
    [0, 0],
    [0.4, 0],
    [-0.4, 0],
    [0, 0.4],
    [0, -0.4],
  ]);
  return { center, size, pattern: patternOf(middle > 0.5, core > 0.5) };
}
