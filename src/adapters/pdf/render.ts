import PDFDocument from 'pdfkit';
import type { PrintableDocument } from '../../core/documents/model.ts';
import { BallotRenderer } from './ballot-renderer.ts';
import { PdfCanvas } from './canvas.ts';
import { FlowRenderer } from './flow-renderer.ts';
import { defaultFonts, type FontFiles } from './fonts.ts';

export interface RenderOptions {
  /** Defaults to Noto Sans SC with the installed fallback (fonts.ts). */
  readonly fonts?: FontFiles;
  /** The PDF's creation date (from the caller's clock; pdfkit would read the system clock). */
  readonly createdAt: Date;
}

export interface RenderedPdf {
  readonly pdf: Buffer;
  readonly pages: number;
  /** The model's warnings and the renderer's (characters no font could draw). */
  readonly warnings: readonly string[];
}

/**
 * Renders a document model to PDF. The metadata carries the title, the subject and — under the
 * key PlenumWarnings — every warning, so a printed file keeps the record of what may be wrong in it.
 */
export async function renderPdf(model: PrintableDocument, options: RenderOptions): Promise<RenderedPdf> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: model.title,
      Subject: model.subject,
      Author: 'Plenum',
      Creator: 'Plenum',
      CreationDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const canvas = new PdfCanvas(doc, options.fonts ?? defaultFonts());
  if (model.kind === 'ballot') new BallotRenderer(canvas, model).render();
  else new FlowRenderer(canvas, model).render();
  const warnings = [...model.warnings, ...canvas.glyphWarnings()];
  if (warnings.length > 0) (doc.info as Record<string, unknown>).PlenumWarnings = warnings.join('\n');
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pages, warnings };
}
