// A grey raster as the reader sees a scanned page: one byte per pixel, 0 black to 255 white,
// rows top to bottom. Pure data: the scan adapter decodes files into it (src/adapters/scan).

export interface GreyRaster {
  readonly width: number;
  readonly height: number;
  /** width × height bytes, row by row. Pixel (i, j) has its centre at coordinates (i, j). */
  readonly data: Uint8Array;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function createRaster(width: number, height: number, fill = 255): GreyRaster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`a raster needs a positive whole size, got ${width} × ${height}`);
  }
  const data = new Uint8Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/** The raster's value at (x, y) by bilinear interpolation; `outside` beyond its edges. */
export function sampleBilinear(raster: GreyRaster, x: number, y: number, outside = 255): number {
  const { width, height, data } = raster;
  if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) return outside;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = x0 + 1 < width ? x0 + 1 : x0;
  const y1 = y0 + 1 < height ? y0 + 1 : y0;
  const fx = x - x0;
  const fy = y - y0;
  const row0 = y0 * width;
  const row1 = y1 * width;
  const top = data[row0 + x0]! + (data[row0 + x1]! - data[row0 + x0]!) * fx;
  const bottom = data[row1 + x0]! + (data[row1 + x1]! - data[row1 + x0]!) * fx;
  return top + (bottom - top) * fy;
}

/** Grows a rectangle by `margin` on every side. */
export function grow(rect: Rect, margin: number): Rect {
  return {
    x: rect.x - margin,
    y: rect.y - margin,
    width: rect.width + 2 * margin,
    height: rect.height + 2 * margin,
  };
}
