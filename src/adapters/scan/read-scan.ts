import { BALLOT_LAYOUT_VERSION, type BallotDocument, parseBallotQr } from '../../core/documents/index.ts';
import {
  type CellReading,
  cropRegion,
  grow,
  type LocatedSheet,
  locateSheet,
  needsReview,
  qrImage,
  reject,
  type SheetGeometry,
  scoreSheet,
} from '../../core/omr/index.ts';
import type {
  PageOutcome,
  ScannedCell,
  ScannedFile,
  ScannedPage,
} from '../../services/ballots/scanned/scan-reader.ts';
import { InputError } from '../../services/input-error.ts';
import { ballotLayout } from '../pdf/index.ts';
import { sheetGeometry } from './ballot-geometry.ts';
import { openScan, rasterPng, ScanFileError, type ScanPage } from './decode-scan.ts';
import { readQrText } from './qr-reader.ts';

// The scanner's reader: decodes a file page by page (decode-scan.ts), reads each page with the
// pure reader of src/core/omr against the layout the round's ballot is printed with, and decodes the
// QR code (zxing-wasm) to check that the sheet is this round's, of this ballot type, layout and
// page. Boxes that go to review are cut out as PNG for the tellers.

const geometries = new Map<string, SheetGeometry>();

/** The geometry a ballot is printed with (computed once per ballot text and size). */
export function geometryFor(ballot: BallotDocument): SheetGeometry {
  const key = JSON.stringify([ballot.candidates.length, ballot.writeIns.boxes, ballot.instructions]);
  let geometry = geometries.get(key);
  if (!geometry) {
    geometry = sheetGeometry(ballotLayout(ballot));
    if (geometries.size > 64) geometries.clear();
    geometries.set(key, geometry);
  }
  return geometry;
}

/** The round and ballot type a ballot's sheets name in their QR codes. */
export function expectedOf(ballot: BallotDocument): { roundId: string; office: string } {
  const qr = parseBallotQr(ballot.sheets[0]!.qr);
  if (!qr) throw new Error('the ballot model carries no QR payload');
  return { roundId: qr.roundId, office: qr.office };
}

/** Crops are cut at 3 pixels per point (216 dpi), with 5 points around the cell. */
const CROP_SCALE = 3;
const CROP_MARGIN = 5;

/** Reads one decoded page against the expected ballot. */
export async function readPage(
  page: ScanPage,
  expected: { readonly roundId: string; readonly office: string; readonly geometry: SheetGeometry },
  options: { readonly crops?: boolean } = {},
): Promise<PageOutcome> {
  const { raster } = page;
  const located = locateSheet(raster, expected.geometry, { dpi: page.dpi });
  if (located.status === 'rejected') return located;
  const text = await readQrText(qrImage(raster, expected.geometry, located));
  const qrCheck = checkQr(text, expected);
  if (qrCheck) return qrCheck;
  const sheet = parseBallotQr(text!)!.sheet;
  const scored = scoreSheet(raster, expected.geometry, located);
  if (scored.status === 'rejected') return scored;
  const cells: ScannedCell[] = [];
  for (const reading of scored.cells) {
    const review = needsReview(reading);
    cells.push({
      kind: reading.cell.kind,
      index: reading.cell.index,
      verdict: reading.mark.verdict,
      reason: reading.mark.reason,
      suggestion: reading.mark.suggestion,
      written: reading.written,
      review,
      crop: review && options.crops !== false ? await cellCrop(raster, located, reading) : null,
    });
  }
  return { status: 'read', rotation: located.rotation, sheet, registration: scored.registration, cells };
}

function checkQr(
  text: string | null,
  expected: { readonly roundId: string; readonly office: string },
): PageOutcome | null {
  if (text === null) return reject('qr-unreadable', 'the QR code could not be read');
  const qr = parseBallotQr(text);
  if (!qr) return reject('qr-foreign', 'the QR code is not a Plenum ballot’s (or is of an older layout)');
  if (qr.roundId !== expected.roundId)
    return reject('qr-foreign', `the sheet was printed for round ${qr.roundId}, not this one`);
  if (qr.office !== expected.office)
    return reject('qr-mismatch', `the sheet is a ${qr.office} ballot, this round’s are ${expected.office}`);
  if (qr.layout !== BALLOT_LAYOUT_VERSION)
    return reject(
      'qr-mismatch',
      `the sheet was printed with layout ${qr.layout}; this reader reads layout ${BALLOT_LAYOUT_VERSION}`,
    );
  if (qr.page !== 1)
    return reject('qr-mismatch', `the sheet says it is page ${qr.page}; the ballot has one page`);
  return null;
}

async function cellCrop(
  raster: ScanPage['raster'],
  located: LocatedSheet,
  reading: CellReading,
): Promise<Buffer> {
  const { cell, offset } = reading;
  const outline = {
    x: cell.mark.x + offset.dx,
    y: cell.mark.y + offset.dy,
    width: cell.mark.width,
    height: cell.name.y + cell.name.height - cell.mark.y,
  };
  return rasterPng(cropRegion(raster, located, grow(outline, CROP_MARGIN), CROP_SCALE));
}

/** The services' ScanReader: every page of the file, read against the round's ballot. */
export async function readScanFile(file: Buffer, ballot: BallotDocument): Promise<ScannedFile> {
  let scan: Awaited<ReturnType<typeof openScan>>;
  try {
    scan = await openScan(file);
  } catch (error) {
    if (error instanceof ScanFileError) throw new InputError('file', error.en, error.zh);
    throw error;
  }
  const expected = { ...expectedOf(ballot), geometry: geometryFor(ballot) };
  const pages: ScannedPage[] = [];
  for (let n = 1; n <= scan.pages; n++) {
    let page: ScanPage;
    try {
      page = await scan.page(n);
    } catch (error) {
      if (error instanceof ScanFileError)
        throw new InputError('file', `page ${n}: ${error.en}`, `第${n}页：${error.zh}`);
      throw error;
    }
    pages.push({
      page: n,
      sha256: page.sha256,
      width: page.raster.width,
      height: page.raster.height,
      dpi: page.dpi,
      outcome: await readPage(page, expected),
    });
  }
  return { mediaType: scan.mediaType, pages };
}
