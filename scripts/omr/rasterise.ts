import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GreyRaster } from '../../src/core/omr/index.ts';

// A printed PDF as grey page rasters: poppler's pdftoppm (a test-time tool only; Plenum itself never
// renders a PDF at run time), read back from its PGM output.

export function parsePgm(bytes: Buffer): GreyRaster {
  // P5 <width> <height> <maxval> then one byte per pixel.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    if (bytes[pos] === 0x23) {
      while (bytes[pos] !== 0x0a) pos++;
      continue;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    fields.push(bytes.toString('latin1', start, pos));
  }
  pos++;
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error('not an 8-bit PGM');
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: new Uint8Array(bytes.subarray(pos, pos + width * height)) };
}

/** Every page of the PDF at `dpi`, grey. */
export function rasterisePdf(pdf: Buffer, dpi: number): GreyRaster[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-omr-'));
  try {
    const file = path.join(dir, 'ballot.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, path.join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.pgm'))
      .sort()
      .map((name) => parsePgm(readFileSync(path.join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
