import type { GreyRaster, Point, Rect } from '../../src/core/omr/index.ts';
import { fillEllipse, type Pen, stroke } from './pen.ts';

// The marks electors make, drawn into a mark box: ○ of varied size, stroke, ellipticity and closure
// (a gap, or an overshoot that spirals on), × of varied angle and crossing point, and the marks that
// must go to a teller — a tick ✓, a dot, a light (pencil) mark, a filled box, a stray line, a
// partial circle, a ○ struck through with a ×. Coordinates in points; `scale` pixels per point.

export const DEFINITE_MARKS = ['for', 'against', 'empty'] as const;
export const AMBIGUOUS_MARKS = ['tick', 'dot', 'light', 'filled', 'stray', 'partial', 'double'] as const;
export type DeckMark = (typeof DEFINITE_MARKS)[number] | (typeof AMBIGUOUS_MARKS)[number];

type Random = () => number;

const between = (random: Random, a: number, b: number) => a + (b - a) * random();

function pen(random: Random, scale: number, light = false): Pen {
  if (light)
    return {
      width: between(random, 1.0, 1.6) * scale,
      ink: Math.round(255 - between(random, 0.24, 0.36) * 240),
    };
  // Ballpoints and fine liners: lines of 0.25–0.5 mm.
  return { width: between(random, 0.7, 1.4) * scale, ink: Math.round(between(random, 10, 85)) };
}

function toPx(points: readonly Point[], scale: number): Point[] {
  return points.map((p) => ({ x: p.x * scale, y: p.y * scale }));
}

/** An ellipse-ish loop: centre, radii, wobble, start angle, sweep (radians; 2π is closed) and radial drift. */
function loop(random: Random, centre: Point, rx: number, ry: number, sweep: number, drift = 0): Point[] {
  const start = random() * 2 * Math.PI;
  const a2 = between(random, 0, 0.06);
  const a3 = between(random, 0, 0.05);
  const p2 = random() * 2 * Math.PI;
  const p3 = random() * 2 * Math.PI;
  const steps = Math.max(24, Math.ceil((sweep / (2 * Math.PI)) * 72));
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = start + (sweep * i) / steps;
    const wobble = 1 + a2 * Math.sin(2 * t + p2) + a3 * Math.sin(3 * t + p3) + drift * (i / steps);
    points.push({ x: centre.x + rx * wobble * Math.cos(t), y: centre.y + ry * wobble * Math.sin(t) });
  }
  return points;
}

function circleShape(random: Random, box: Rect, fraction = 1): { points: Point[] } {
  const cx = box.x + box.width / 2 + between(random, -0.1, 0.1) * box.width;
  const cy = box.y + box.height / 2 + between(random, -0.08, 0.08) * box.height;
  const maxRy = Math.min(box.height / 2 - 3.2, cy - box.y - 3.2, box.y + box.height - cy - 3.2);
  const ry = Math.max(3, maxRy * between(random, 0.55, 1));
  const maxRx = Math.min(box.width / 2 - 3.5, cx - box.x - 3.5, box.x + box.width - cx - 3.5);
  const rx = Math.max(3, Math.min(maxRx, ry * between(random, 0.9, 1.7)));
  // Closure: a small gap, closed, or an overshoot that drifts in or out.
  const style = random();
  const sweep =
    fraction < 1
      ? 2 * Math.PI * fraction
      : style < 0.3
        ? 2 * Math.PI - between(random, 0, 0.45)
        : style < 0.7
          ? 2 * Math.PI
          : 2 * Math.PI + between(random, 0.1, 0.7);
  const drift = style >= 0.7 ? between(random, -0.09, 0.06) : 0;
  return { points: loop(random, { x: cx, y: cy }, rx, ry, sweep, drift) };
}

function crossStrokes(random: Random, box: Rect): Point[][] {
  const cx = box.x + box.width / 2 + between(random, -0.08, 0.08) * box.width;
  const cy = box.y + box.height / 2 + between(random, -0.06, 0.06) * box.height;
  const strokes: Point[][] = [];
  for (const base of [45, 135]) {
    const angle = ((base + between(random, -16, 16)) * Math.PI) / 180;
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    // Half-length limited by the box (3 pt inside its border).
    const limit = Math.min(
      Math.abs(ux) > 1e-6 ? (box.width / 2 - 3.2 - Math.abs(cx - box.x - box.width / 2)) / Math.abs(ux) : 1e9,
      Math.abs(uy) > 1e-6
        ? (box.height / 2 - 3.2 - Math.abs(cy - box.y - box.height / 2)) / Math.abs(uy)
        : 1e9,
    );
    const half = Math.max(3, limit * between(random, 0.6, 1));
    // Where along the stroke it crosses the other: 35 %–65 % of its length.
    const at = between(random, 0.36, 0.64);
    const from = { x: cx - ux * half * 2 * at, y: cy - uy * half * 2 * at };
    const to = { x: cx + ux * half * 2 * (1 - at), y: cy + uy * half * 2 * (1 - at) };
    // A slight bow.
    const bow = between(random, -0.04, 0.04) * half * 2;
    const mid = { x: (from.x + to.x) / 2 - uy * bow, y: (from.y + to.y) / 2 + ux * bow };
    strokes.push([from, mid, to]);
  }
  return strokes;
}

/** Draws `mark` into the mark box `box` (points) of the page raster. */
export function drawMark(raster: GreyRaster, box: Rect, mark: DeckMark, random: Random, scale: number): void {
  switch (mark) {
    case 'empty':
      return;
    case 'for':
      stroke(raster, toPx(circleShape(random, box).points, scale), pen(random, scale));
      return;
    case 'against':
      for (const s of crossStrokes(random, box)) stroke(raster, toPx(s, scale), pen(random, scale));
      return;
    case 'double': {
      const p = pen(random, scale);
      stroke(raster, toPx(circleShape(random, box).points, scale), p);
      for (const s of crossStrokes(random, box)) stroke(raster, toPx(s, scale), p);
      return;
    }
    case 'partial':
      stroke(
        raster,
        toPx(circleShape(random, box, between(random, 0.35, 0.6)).points, scale),
        pen(random, scale),
      );
      return;
    case 'light': {
      const p = pen(random, scale, true);
      if (random() < 0.5) stroke(raster, toPx(circleShape(random, box).points, scale), p);
      else for (const s of crossStrokes(random, box)) stroke(raster, toPx(s, scale), p);
      return;
    }
    case 'tick': {
      const h = box.height;
      const w = box.width;
      const vx = box.x + w * between(random, 0.38, 0.5);
      const vy = box.y + h * between(random, 0.72, 0.8);
      const short = { x: vx - w * between(random, 0.1, 0.18), y: vy - h * between(random, 0.22, 0.35) };
      const long = { x: vx + w * between(random, 0.22, 0.34), y: box.y + h * between(random, 0.2, 0.28) };
      // The long stroke may start a little before the vertex (a sloppy tick).
      const back = between(random, 0, 0.08);
      const start = { x: vx - (long.x - vx) * back, y: vy - (long.y - vy) * back };
      const p = pen(random, scale);
      stroke(raster, toPx([short, { x: vx, y: vy }], scale), p);
      stroke(raster, toPx([start, long], scale), p);
      return;
    }
    case 'dot': {
      const r = between(random, 0.8, 1.7);
      const cx = box.x + box.width * between(random, 0.3, 0.7);
      const cy = box.y + box.height * between(random, 0.3, 0.7);
      fillEllipse(
        raster,
        { x: cx * scale, y: cy * scale },
        r * scale,
        r * between(random, 0.8, 1.2) * scale,
        between(random, 10, 80),
      );
      return;
    }
    case 'filled': {
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      fillEllipse(
        raster,
        { x: cx * scale, y: cy * scale },
        (box.width / 2 - 2.5) * between(random, 0.7, 1) * scale,
        (box.height / 2 - 2.5) * between(random, 0.75, 1) * scale,
        between(random, 10, 80),
      );
      return;
    }
    case 'stray': {
      const angle = random() * Math.PI;
      const length = Math.min(box.width, box.height) * between(random, 0.45, 0.8);
      const cx = box.x + box.width / 2 + between(random, -0.15, 0.15) * box.width;
      const cy = box.y + box.height / 2 + between(random, -0.15, 0.15) * box.height;
      const ux = (Math.cos(angle) * length) / 2;
      const uy = (Math.sin(angle) * length) / 2;
      stroke(
        raster,
        toPx(
          [
            { x: cx - ux, y: cy - uy },
            { x: cx + ux, y: cy + uy },
          ],
          scale,
        ),
        pen(random, scale),
      );
      return;
    }
  }
}

/** A name written by hand into a write-in box: two or three scribbled characters. */
export function drawWriting(raster: GreyRaster, box: Rect, random: Random, scale: number): void {
  const glyphs = random() < 0.5 ? 2 : 3;
  const size = Math.min(box.height - 6, (box.width - 6) / glyphs);
  const p = pen(random, scale);
  const left = box.x + (box.width - glyphs * size) / 2;
  const top = box.y + (box.height - size) / 2;
  for (let g = 0; g < glyphs; g++) {
    const strokes = 3 + Math.floor(random() * 4);
    for (let s = 0; s < strokes; s++) {
      const a = { x: left + g * size + random() * size, y: top + random() * size };
      const horizontal = random() < 0.5;
      const b = horizontal
        ? { x: a.x + between(random, -0.5, 0.5) * size, y: a.y + between(random, -0.1, 0.1) * size }
        : { x: a.x + between(random, -0.15, 0.15) * size, y: a.y + between(random, -0.5, 0.5) * size };
      const clamp = (q: Point) => ({
        x: Math.min(box.x + box.width - 3, Math.max(box.x + 3, q.x)),
        y: Math.min(box.y + box.height - 3, Math.max(box.y + 3, q.y)),
      });
      stroke(raster, toPx([clamp(a), clamp(b)], scale), p);
    }
  }
}
