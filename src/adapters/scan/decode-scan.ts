import { createHash } from 'node:crypto';
import sharp, { type SharpOptions } from 'sharp';
import type { GreyRaster } from '../../core/omr/raster.ts';
import { openPdf, PdfImageError } from './pdf-images.ts';

// A scan file's pages as grey rasters: multi-page PDF (its page images: see pdf-images.ts), TIFF
// (every page), PNG or JPEG, colour or grey, at whatever resolution the scanner used. sharp decodes
// the images (libvips with libjpeg, libpng and libtiff inside its npm package: no system library).

export type ScanMediaType = 'application/pdf' | 'image/tiff' | 'image/png' | 'image/jpeg';

export const SCAN_MEDIA_TYPES: readonly ScanMediaType[] = [
  'application/pdf',
  'image/tiff',
  'image/png',
  'image/jpeg',
];

/** Refused as unreadable (not a file of these types, damaged, an unsupported PDF image). */
export class ScanFileError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'ScanFileError';
  }
}

/** The file's type from its first bytes (never from its name). */
export function sniffScan(bytes: Buffer): ScanMediaType | null {
  if (bytes.length < 8) return null;
  if (bytes.toString('latin1', 0, 1024).includes('%PDF-')) return 'application/pdf';
  if (bytes[0] === 0x89 && bytes.toString('latin1', 1, 4) === 'PNG') return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const tiff = bytes.toString('latin1', 0, 4);
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'image/tiff';
  return null;
}

export interface ScanPage {
  /** 1-based. */
  readonly page: number;
  readonly raster: GreyRaster;
  /** The resolution the file states, or null. */
  readonly dpi: number | null;
  /** SHA-256 of the page's pixels (size and grey values): the same image, however it is encoded. */
  readonly sha256: string;
}

/** Pixels beyond this are refused (a 600 dpi A3 scan is 70 million). */
const MAX_PIXELS = 80_000_000;

export function pixelHash(raster: GreyRaster): string {
  return createHash('sha256').update(`${raster.width}x${raster.height}:`).update(raster.data).digest('hex');
}

async function toGrey(
  input: Buffer,
  options: SharpOptions = {},
): Promise<{ raster: GreyRaster; dpi: number | null }> {
  const image = sharp(input, { limitInputPixels: MAX_PIXELS, ...options });
  const meta = await image.metadata();
  const { data, info } = await image
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1)
    throw new ScanFileError('the image could not be read as grey', '无法将图像转为灰度');
  const density = meta.density && meta.density > 20 ? meta.density : null;
  return {
    raster: {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    },
    dpi: density,
  };
}

export interface OpenedScan {
  readonly mediaType: ScanMediaType;
  readonly pages: number;
  /** Decodes one page (1-based): pages are decoded one at a time, so a long PDF never fills memory. */
  page(page: number): Promise<ScanPage>;
}

function unreadable(error: unknown): ScanFileError {
  if (error instanceof ScanFileError) return error;
  if (error instanceof PdfImageError) return new ScanFileError(error.en, error.zh);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ScanFileError(`the scan could not be read: ${message}`, `无法读取扫描文件：${message}`);
}

export async function openScan(bytes: Buffer): Promise<OpenedScan> {
  const mediaType = sniffScan(bytes);
  if (!mediaType) {
    throw new ScanFileError(
      'not a scan: send PDF, TIFF, PNG or JPEG',
      '不是扫描文件：请上传PDF、TIFF、PNG或JPEG格式',
    );
  }
  try {
    if (mediaType === 'application/pdf') {
      const pdf = openPdf(bytes);
      if (pdf.pages === 0) throw new ScanFileError('the PDF has no pages', 'PDF文件没有页面');
      return {
        mediaType,
        pages: pdf.pages,
        async page(page) {
          try {
            const { image, widthPt, heightPt } = pdf.page(page - 1);
            let raster: GreyRaster;
            if (image.kind === 'grey')
              raster = { width: image.width, height: image.height, data: image.pixels };
            else raster = (await toGrey(image.bytes)).raster;
            // The resolution follows from the image's pixels over the page's size.
            const long = Math.max(raster.width, raster.height) / (Math.max(widthPt, heightPt) / 72);
            return { page, raster, dpi: Math.round(long), sha256: pixelHash(raster) };
          } catch (error) {
            throw unreadable(error);
          }
        },
      };
    }
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    const pages = mediaType === 'image/tiff' ? (meta.pages ?? 1) : 1;
    return {
      mediaType,
      pages,
      async page(page) {
        try {
          const { raster, dpi } = await toGrey(bytes, pages > 1 ? { page: page - 1 } : {});
          return { page, raster, dpi, sha256: pixelHash(raster) };
        } catch (error) {
          throw unreadable(error);
        }
      },
    };
  } catch (error) {
    throw unreadable(error);
  }
}

/** A page as an image for a teller's screen: JPEG or PNG as stored where possible, else PNG. */
export async function pageForDisplay(
  bytes: Buffer,
  page: number,
): Promise<{ bytes: Buffer; mediaType: string }> {
  const mediaType = sniffScan(bytes);
  if (mediaType === 'image/jpeg' || (mediaType === 'image/png' && page === 1)) {
    return { bytes, mediaType };
  }
  const scan = await openScan(bytes);
  if (page < 1 || page > scan.pages)
    throw new ScanFileError(`the file has no page ${page}`, `文件没有第${page}页`);
  const { raster } = await scan.page(page);
  const png = await sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), {
    raw: { width: raster.width, height: raster.height, channels: 1 },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { bytes: png, mediaType: 'image/png' };
}

/** A grey raster as PNG (the crops of the boxes a teller reviews). */
export async function rasterPng(raster: GreyRaster): Promise<Buffer> {
  return sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), {
    raw: { width: raster.width, height: raster.height, channels: 1 },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
