import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import type { GreyRaster } from '../../core/omr/raster.ts';

// The QR decoder: ZXing-C++ compiled to WebAssembly (zxing-wasm), with its .wasm file read from
// node_modules — never fetched from a CDN, which is the package's default in browsers. Loaded once
// per process, on the first sheet.

let prepared: Promise<void> | null = null;

function prepare(): Promise<void> {
  prepared ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = readFileSync(file);
    const wasmBinary = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return prepared;
}

const OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  maxNumberOfSymbols: 1,
};

/** The text of the QR code in a grey image (the QR area cut out upright by the reader), or null. */
export async function readQrText(image: GreyRaster): Promise<string | null> {
  await prepare();
  const { width, height, data } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  // An ImageData-shaped object: Node has no ImageData, and zxing-wasm reads width, height and data.
  const imageData = { width, height, data: rgba, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  const results = await readBarcodes(imageData, OPTIONS);
  const found = results.find((r) => r.isValid && r.format === 'QRCode');
  return found ? found.text : null;
}
