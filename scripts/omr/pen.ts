import type { GreyRaster, Point } from '../../src/core/omr/index.ts';

// Pen strokes on a page raster, anti-aliased: each pixel takes the darker of what it holds and the
// pen's ink weighted by how much of the pixel the stroke covers (ink over ink does not darken more,
// as with a ballpoint).

export interface Pen {
  /** Stroke width in pixels. */
  readonly width: number;
  /** The ink's grey (0 black … 255 white). */
  readonly ink: number;
}

function segment(raster: GreyRaster, a: Point, b: Point, pen: Pen): void {
  const half = pen.width / 2;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - half - 1));
  const x1 = Math.min(raster.width - 1, Math.ceil(Math.max(a.x, b.x) + half + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - half - 1));
  const y1 = Math.min(raster.height - 1, Math.ceil(Math.max(a.y, b.y) + half + 1));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let t = length2 > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / length2 : 0;
      t = t < 0 ? 0 : Math.min(t, 1);
      const distance = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
      const cover = Math.min(1, half + 0.5 - distance);
      if (cover <= 0) continue;
      const value = 255 - cover * (255 - pen.ink);
      const at = y * raster.width + x;
      if (value < raster.data[at]!) raster.data[at] = value;
    }
  }
}

/** A polyline. */
export function stroke(raster: GreyRaster, points: readonly Point[], pen: Pen): void {
  for (let i = 1; i < points.length; i++) segment(raster, points[i - 1]!, points[i]!, pen);
  if (points.length === 1) segment(raster, points[0]!, points[0]!, pen);
}

/** A filled ellipse (a dot, a filled box). */
export function fillEllipse(raster: GreyRaster, centre: Point, rx: number, ry: number, ink: number): void {
  const x0 = Math.max(0, Math.floor(centre.x - rx - 1));
  const x1 = Math.min(raster.width - 1, Math.ceil(centre.x + rx + 1));
  const y0 = Math.max(0, Math.floor(centre.y - ry - 1));
  const y1 = Math.min(raster.height - 1, Math.ceil(centre.y + ry + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const r = Math.hypot((x - centre.x) / rx, (y - centre.y) / ry);
      // About one pixel of soft edge.
      const cover = Math.min(1, Math.max(0, (1 - r) * Math.min(rx, ry) + 0.5));
      if (cover <= 0) continue;
      const value = 255 - cover * (255 - ink);
      const at = y * raster.width + x;
      if (value < raster.data[at]!) raster.data[at] = value;
    }
  }
}
