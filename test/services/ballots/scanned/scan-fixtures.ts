import sharp from 'sharp';
import { seededRandom } from '../../../../scripts/bench/prng.ts';
import { blur, noise, place } from '../../../../scripts/omr/degrade.ts';
import { type DeckMark, drawMark, drawWriting } from '../../../../scripts/omr/pen-marks.ts';
import { rasterisePdf } from '../../../../scripts/omr/rasterise.ts';
import { renderPdf } from '../../../../src/adapters/pdf/index.ts';
import { geometryFor } from '../../../../src/adapters/scan/read-scan.ts';
import type { GreyRaster, SheetGeometry } from '../../../../src/core/omr/index.ts';
import type { Database } from '../../../../src/persistence/index.ts';
import { loadScanRound } from '../../../../src/services/ballots/scanned/scan-store.ts';
import type { ServiceContext } from '../../../../src/services/context.ts';
import { ballotSheets } from '../../../../src/services/documents/election-documents.ts';
import { buildWorld, type StaffActor, staffAccount } from '../../../support/builder/index.ts';
import { testContext } from '../../../support/http.ts';

// A congress with a paper election to scan: five candidates for three seats (write-ins allowed),
// two tellers and a scrutineer with accounts, the round open; and the means to print its ballots
// with the real renderer, mark them with a simulated pen and scan them (the synthetic deck's tools).

export const CANDIDATES = ['丁宁', '王刚', '李强', '张伟', '赵敏'] as const;
export const SEATS = 3;
export const DPI = 200;

export interface ScanSetup {
  readonly database: Database;
  readonly context: ServiceContext;
  readonly congressId: string;
  readonly roundId: string;
  readonly world: ReturnType<typeof buildWorld>;
  readonly teller1: StaffActor;
  readonly teller2: StaffActor;
  readonly scrutineer: StaffActor;
}

export async function scanCongress(database: Database, tag = 'w'): Promise<ScanSetup> {
  const context = testContext(database);
  const world = buildWorld(database, { context, tag });
  const congress = await world.congress({});
  const teller1 = await staffAccount(context, 'teller1', [{ congressId: congress.id, role: 'teller' }]);
  const teller2 = await staffAccount(context, 'teller2', [{ congressId: congress.id, role: 'teller' }]);
  const scrutineer = await staffAccount(context, 'scrutineer1', [
    { congressId: congress.id, role: 'scrutineer' },
  ]);
  const delegates = await congress.delegates(
    Array.from({ length: 20 }, (_, i) => (i < CANDIDATES.length ? { name: CANDIDATES[i]! } : {})),
  );
  const sitting = await congress.sitting();
  await congress.method();
  const election = await congress.election({
    seats: SEATS,
    candidates: delegates.slice(0, CANDIDATES.length),
    sitting: sitting.id,
    officers: [
      { role: 'chief-scrutineer', name: '监票人甲' },
      { role: 'teller', name: '计票人甲', account: teller1.accountId },
      { role: 'teller', name: '计票人乙', account: teller2.accountId },
    ],
  });
  const round = await election.round({ status: 'open' });
  return {
    database,
    context,
    congressId: congress.id,
    roundId: round.id,
    world,
    teller1,
    teller2,
    scrutineer,
  };
}

/** The round's ballots as printed (the real renderer), rasterised at `dpi`: one raster per sheet. */
export async function printedSheets(
  setup: Pick<ScanSetup, 'context' | 'congressId' | 'roundId'>,
  options: { readonly sheets?: number; readonly serials?: boolean; readonly dpi?: number } = {},
): Promise<{ pages: GreyRaster[]; geometry: SheetGeometry; candidates: string[] }> {
  const file = await ballotSheets(
    setup.context,
    setup.congressId,
    setup.roundId,
    { sheets: options.sheets ?? 1, serials: options.serials ?? false },
    renderPdf,
  );
  const { printed } = await loadScanRound(setup.context.database.db, setup.congressId, setup.roundId);
  return {
    pages: rasterisePdf(file.pdf, options.dpi ?? DPI),
    geometry: geometryFor(printed),
    candidates: printed.candidates.map((c) => c.name.replace(/\u3000/g, '')),
  };
}

export interface SheetMarks {
  /** One per printed candidate, in ballot order. */
  readonly marks: readonly DeckMark[];
  /** Write-in boxes with a name written, and the mark above each. */
  readonly writeIns?: ReadonlyArray<{ readonly box: number; readonly mark: DeckMark }>;
}

/** A printed sheet marked by the simulated pen, then scanned: turned a little (or upside down), blurred, noisy. */
export function markAndScan(
  page: GreyRaster,
  geometry: SheetGeometry,
  sheet: SheetMarks,
  options: { readonly seed?: number; readonly upsideDown?: boolean; readonly dpi?: number } = {},
): GreyRaster {
  const random = seededRandom(options.seed ?? 1);
  const scale = (options.dpi ?? DPI) / 72;
  const marked: GreyRaster = { width: page.width, height: page.height, data: new Uint8Array(page.data) };
  const candidates = geometry.cells.filter((c) => c.kind === 'candidate');
  const writeIns = geometry.cells.filter((c) => c.kind === 'write-in');
  sheet.marks.forEach((mark, i) => {
    drawMark(marked, candidates[i]!.mark, mark, random, scale);
  });
  for (const w of sheet.writeIns ?? []) {
    drawWriting(marked, writeIns[w.box]!.name, random, scale);
    drawMark(marked, writeIns[w.box]!.mark, w.mark, random, scale);
  }
  const scan = place(
    marked,
    {
      rotation: (options.upsideDown ? 180 : 0) + (random() - 0.5) * 3,
      scaleX: 1 + (random() - 0.5) * 0.02,
      scaleY: 1 + (random() - 0.5) * 0.02,
      shear: (random() - 0.5) * 0.01,
      dx: (random() - 0.5) * 10,
      dy: (random() - 0.5) * 10,
    },
    Math.round(28 * scale),
  );
  blur(scan, 1);
  noise(scan, 3, random);
  return scan;
}

function raw(raster: GreyRaster) {
  return sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), {
    raw: { width: raster.width, height: raster.height, channels: 1 },
  }).withMetadata({ density: DPI });
}

export const jpeg = (raster: GreyRaster) => raw(raster).jpeg({ quality: 85 }).toBuffer();
export const png = (raster: GreyRaster) => raw(raster).png().toBuffer();
export const tiff = (raster: GreyRaster) => raw(raster).tiff({ compression: 'lzw' }).toBuffer();
