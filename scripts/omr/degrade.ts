import { createRaster, type GreyRaster } from '../../src/core/omr/index.ts';

// What a scanner and a careless feed do to a sheet: it is turned (a little, or upside down, or
// sideways), scaled, sheared and shifted; blurred, given noise; the paper is tinted; a streak of dirt
// on the glass runs down the whole image; a corner is torn off.

export interface Placement {
  /** Degrees, clockwise; 180 is upside down, 90 sideways. */
  readonly rotation: number;
  readonly scaleX: number;
  readonly scaleY: number;
  /** x += shear · y (about the centre). */
  readonly shear: number;
  /** Shift in pixels. */
  readonly dx: number;
  readonly dy: number;
}

/**
 * The page placed on the scanner: an output image (the page's size with `overscan` pixels more on
 * every side, as a scanner set to the paper size scans a little beyond it; sideways for a quarter
 * turn) where each pixel is sampled from the page through the inverse of the placement.
 */
export function place(page: GreyRaster, placement: Placement, overscan = 0, background = 252): GreyRaster {
  const quarter = Math.round(placement.rotation / 90) % 2 !== 0;
  const width = (quarter ? page.height : page.width) + 2 * overscan;
  const height = (quarter ? page.width : page.height) + 2 * overscan;
  const out = createRaster(width, height);
  const theta = (placement.rotation * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  // Forward: p' = C_out + R · Sh · S · (p − C_page) + d. Inverse per output pixel.
  const cxp = (page.width - 1) / 2;
  const cyp = (page.height - 1) / 2;
  const cxo = (width - 1) / 2;
  const cyo = (height - 1) / 2;
  const { scaleX, scaleY, shear, dx, dy } = placement;
  // Source coordinates are affine in the output's: step along each output row incrementally.
  const src = page.data;
  const pw = page.width;
  const ph = page.height;
  for (let y = 0; y < height; y++) {
    const uy = y - cyo - dy;
    const ux0 = -cxo - dx;
    // s = M · u with u = (ux, uy); sx = (rx − shear·ry)/scaleX, sy = ry/scaleY.
    let rx = cos * ux0 + sin * uy;
    let ry = -sin * ux0 + cos * uy;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const sy = ry / scaleY + cyp;
      const sx = (rx - shear * ry) / scaleX + cxp;
      rx += cos;
      ry -= sin;
      if (!(sx >= 0 && sy >= 0 && sx <= pw - 1 && sy <= ph - 1)) {
        out.data[row + x] = background;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const x1 = x0 + 1 < pw ? x0 + 1 : x0;
      const y1 = y0 + 1 < ph ? y0 + 1 : y0;
      const fx = sx - x0;
      const fy = sy - y0;
      const top = src[y0 * pw + x0]! + (src[y0 * pw + x1]! - src[y0 * pw + x0]!) * fx;
      const bottom = src[y1 * pw + x0]! + (src[y1 * pw + x1]! - src[y1 * pw + x0]!) * fx;
      out.data[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return out;
}

/** A box blur of radius 1, `passes` times (two passes approximate a Gaussian of σ ≈ 1.15 px). */
export function blur(raster: GreyRaster, passes: number): void {
  const { width, height, data } = raster;
  const tmp = new Uint16Array(width * height);
  for (let pass = 0; pass < passes; pass++) {
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const l = data[row + (x > 0 ? x - 1 : x)]!;
        const r = data[row + (x < width - 1 ? x + 1 : x)]!;
        tmp[row + x] = l + data[row + x]! + r;
      }
    }
    for (let y = 0; y < height; y++) {
      const up = (y > 0 ? y - 1 : y) * width;
      const row = y * width;
      const down = (y < height - 1 ? y + 1 : y) * width;
      for (let x = 0; x < width; x++)
        data[row + x] = Math.round((tmp[up + x]! + tmp[row + x]! + tmp[down + x]!) / 9);
    }
  }
}

/** Tinted paper: every grey scaled by `factor` (paper 255 becomes 255 · factor; black stays black). */
export function tint(raster: GreyRaster, factor: number): void {
  const { data } = raster;
  for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i]! * factor);
}

/** Standard normal values, drawn once (Box–Muller); noise picks among them. */
const NORMAL = (() => {
  const random = (() => {
    let state = 0x9e3779b9;
    return () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
  })();
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i++) {
    table[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  return table;
})();

/** Gaussian noise of `sigma` grey levels. */
export function noise(raster: GreyRaster, sigma: number, random: () => number): void {
  const { data } = raster;
  let state = (random() * 4294967296) >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const v = data[i]! + NORMAL[state & 0xffff]! * sigma;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : (v + 0.5) | 0;
  }
}

/** A streak of dirt on the scanner glass: a column `width` pixels wide darkened to `grey` down the whole image. */
export function streak(raster: GreyRaster, x: number, width: number, grey: number): void {
  for (let y = 0; y < raster.height; y++) {
    for (let k = 0; k < width; k++) {
      const at = y * raster.width + Math.min(raster.width - 1, x + k);
      if (raster.data[at]! > grey) raster.data[at] = grey;
    }
  }
}

/** A corner torn or folded away: the triangle with legs of `size` pixels at an image corner turned to background. */
export function tearCorner(raster: GreyRaster, corner: 0 | 1 | 2 | 3, size: number, background = 252): void {
  const { width, height, data } = raster;
  for (let y = 0; y < Math.min(height, size); y++) {
    for (let x = 0; x < Math.min(width, size - y); x++) {
      const px = corner === 1 || corner === 2 ? width - 1 - x : x;
      const py = corner === 2 || corner === 3 ? height - 1 - y : y;
      data[py * width + px] = background;
    }
  }
}
