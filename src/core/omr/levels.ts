import type { GreyRaster } from './raster.ts';

// The paper and the ink of a scan. Paper is not one grey: tinted stock, a scanner's uneven lamp, a
// fold's shadow. So the paper's brightness is estimated per tile (a high percentile of the tile,
// then the brightest of each tile's neighbours, so that a tile covered by the coloured band or a
// filled box still sees paper next to it), and every darkness is measured against the paper where
// it lies: 0 is paper, 1 is the printed black of the fiducials and the QR code.

export interface Levels {
  /** The printed black (a low percentile of the whole page). */
  readonly black: number;
  /** Tile side in pixels. */
  readonly tile: number;
  readonly columns: number;
  readonly rows: number;
  /** Paper brightness per tile, row by row. */
  readonly paper: Float32Array;
}

/** Fewer grey levels than this between paper and black: no ink can be told from the paper. */
export const MIN_CONTRAST = 60;

function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  const wanted = total * fraction;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value]!;
    if (seen >= wanted) return value;
  }
  return 255;
}

export function estimateLevels(raster: GreyRaster): Levels {
  const { width, height, data } = raster;
  const tile = Math.max(16, Math.round(Math.min(width, height) / 40));
  const columns = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  const raw = new Float32Array(columns * rows);
  const histogram = new Uint32Array(256);
  const whole = new Uint32Array(256);
  let wholeCount = 0;
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < columns; tx++) {
      histogram.fill(0);
      let count = 0;
      const y1 = Math.min(height, (ty + 1) * tile);
      const x1 = Math.min(width, (tx + 1) * tile);
      for (let y = ty * tile; y < y1; y += 2) {
        const row = y * width;
        for (let x = tx * tile; x < x1; x += 2) {
          const value = data[row + x]!;
          histogram[value]!++;
          count++;
        }
      }
      for (let v = 0; v < 256; v++) whole[v]! += histogram[v]!;
      wholeCount += count;
      raw[ty * columns + tx] = percentile(histogram, count, 0.9);
    }
  }
  // Each tile's paper: the brightest of itself and its eight neighbours.
  const paper = new Float32Array(columns * rows);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < columns; tx++) {
      let best = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const y = ty + dy;
        if (y < 0 || y >= rows) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const x = tx + dx;
          if (x < 0 || x >= columns) continue;
          best = Math.max(best, raw[y * columns + x]!);
        }
      }
      paper[ty * columns + tx] = best;
    }
  }
  return { black: percentile(whole, wholeCount, 0.002), tile, columns, rows, paper };
}

/** The paper's brightness at a pixel, interpolated between tile centres. */
export function paperAt(levels: Levels, x: number, y: number): number {
  const { tile, columns, rows, paper } = levels;
  const fx = Math.min(Math.max(x / tile - 0.5, 0), columns - 1);
  const fy = Math.min(Math.max(y / tile - 0.5, 0), rows - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, columns - 1);
  const y1 = Math.min(y0 + 1, rows - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const top = paper[y0 * columns + x0]! * (1 - ax) + paper[y0 * columns + x1]! * ax;
  const bottom = paper[y1 * columns + x0]! * (1 - ax) + paper[y1 * columns + x1]! * ax;
  return top * (1 - ay) + bottom * ay;
}

/** How dark a grey value is against the paper: 0 paper (or lighter), 1 printed black (or darker). */
export function darknessOf(value: number, paper: number, black: number): number {
  const range = paper - black;
  if (range <= 0) return 0;
  const d = (paper - value) / range;
  return d <= 0 ? 0 : Math.min(d, 1);
}
