import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { BallotLayout } from '../../src/adapters/pdf/ballot-layout.ts';
import { ballotLayout, renderPdf } from '../../src/adapters/pdf/index.ts';
import { sheetGeometry } from '../../src/adapters/scan/ballot-geometry.ts';
import { type BallotDocument, buildBallot } from '../../src/core/documents/index.ts';
import type { GreyRaster, RejectionReason, SheetGeometry } from '../../src/core/omr/index.ts';
import type { Office } from '../../src/core/rules/index.ts';
import { seededRandom } from '../bench/prng.ts';
import { blur, noise, type Placement, place, streak, tearCorner, tint } from './degrade.ts';
import { AMBIGUOUS_MARKS, type DeckMark, drawMark, drawWriting } from './pen-marks.ts';
import { rasterisePdf } from './rasterise.ts';

// The synthetic test deck (issue 14): ballots printed by the real renderer, rasterised, marked by a
// simulated pen, then put through a simulated scanner — turned, scaled, sheared, blurred, noisy,
// tinted, JPEG-compressed, fed upside down or sideways — and saved as JPEG, PNG, TIFF or image PDF.
// Some sheets are spoiled on purpose: a torn corner (a fiducial missing), another round's ballot (a
// foreign QR code), a scanner streak through a box, a sheet printed at the wrong scale. Every
// sheet's truth is known, so a reading can be scored box by box. Deterministic from the seed.

export interface DeckBallotSpec {
  readonly key: string;
  readonly roundId: string;
  readonly office: Office;
  readonly title: string;
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly writeIns: boolean;
  readonly serials: boolean;
  /** Share of the deck's sheets. */
  readonly weight: number;
}

const SURNAMES = [...'丁于马王方石田白刘孙杨李何张陈林罗周郑赵胡钟徐高郭黄曹梁彭董蒋韩谢赖雷'];
const GIVEN = [...'宁刚强伟敏洋静军平华英明辉芳丽红建国文志勇杰涛斌超霞燕玲'];

function names(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
    const given = Array.from(
      { length: random() < 0.4 ? 1 : 2 },
      () => GIVEN[Math.floor(random() * GIVEN.length)]!,
    ).join('');
    out.add(surname + given);
  }
  return [...out];
}

export const DECK_BALLOTS: readonly DeckBallotSpec[] = [
  {
    key: 'committee',
    roundId: 'DeckCommitteeRound0001',
    office: 'committee-member',
    title: '中国共产党示范市第十三届委员会委员',
    candidates: names(7, 1),
    seats: 5,
    writeIns: true,
    serials: false,
    weight: 0.45,
  },
  {
    key: 'large',
    roundId: 'DeckLargeRound00000002',
    office: 'alternate-member',
    title: '中国共产党示范市第十三届委员会候补委员',
    candidates: names(50, 2),
    seats: 45,
    writeIns: true,
    serials: false,
    weight: 0.3,
  },
  {
    key: 'deputy',
    roundId: 'DeckDeputyRound0000003',
    office: 'deputy-secretary',
    title: '中国共产党示范市第十三届委员会副书记',
    candidates: names(3, 3),
    seats: 3,
    writeIns: false,
    serials: false,
    weight: 0.08,
  },
  {
    key: 'serial',
    roundId: 'DeckSerialRound0000004',
    office: 'discipline-member',
    title: '中国共产党示范市第十三届纪律检查委员会委员',
    candidates: names(9, 4),
    seats: 7,
    writeIns: true,
    serials: true,
    weight: 0.1,
  },
  {
    key: 'a3',
    roundId: 'DeckA3Round00000000005',
    office: 'delegate',
    title: '出席中国共产党某省第十二次代表大会代表',
    candidates: names(130, 5),
    seats: 110,
    writeIns: true,
    serials: false,
    weight: 0.07,
  },
];

const SERIAL_SHEETS = 24;

export function deckBallot(spec: DeckBallotSpec, roundId = spec.roundId, sheets = 1): BallotDocument {
  return buildBallot({
    congressTitle: '中国共产党示范市第十三次代表大会',
    electionTitle: spec.title,
    office: spec.office,
    round: { id: roundId, seq: 1, kind: 'formal', seats: spec.seats, advance: null },
    candidates: spec.candidates,
    writeInsAllowed: spec.writeIns,
    sheets: { first: 1, count: sheets },
    serials: spec.serials,
  });
}

export interface PreparedBallot {
  readonly spec: DeckBallotSpec;
  readonly model: BallotDocument;
  readonly layout: BallotLayout;
  readonly geometry: SheetGeometry;
  readonly templates: ReadonlyMap<number, readonly GreyRaster[]>;
  /** The same ballot printed for another round (its QR code names that round). */
  readonly foreign: GreyRaster;
}

const CREATED = new Date('2026-09-28T00:00:00.000Z');

export async function prepareBallot(spec: DeckBallotSpec, dpis: readonly number[]): Promise<PreparedBallot> {
  const model = deckBallot(spec);
  const layout = ballotLayout(model);
  const templates = new Map<number, GreyRaster[]>();
  for (const dpi of dpis) {
    const printed = await renderPdf(deckBallot(spec, spec.roundId, spec.serials ? SERIAL_SHEETS : 1), {
      createdAt: CREATED,
    });
    templates.set(dpi, rasterisePdf(printed.pdf, dpi));
  }
  const foreignPdf = await renderPdf(deckBallot(spec, `${spec.roundId.slice(0, -4)}XXXX`), {
    createdAt: CREATED,
  });
  const foreign = rasterisePdf(foreignPdf.pdf, dpis[0]!)[0]!;
  return { spec, model, layout, geometry: sheetGeometry(layout), templates, foreign };
}

export interface CellTruth {
  readonly kind: 'candidate' | 'write-in';
  readonly index: number;
  readonly mark: DeckMark;
  /** Write-in boxes: a name written. */
  readonly written: boolean;
}

export type Spoil = 'torn-corner' | 'foreign-qr' | 'streak-through-box' | 'scale-off' | 'off-the-glass';

export interface SheetTruth {
  readonly ballot: string;
  /** null: the sheet must be read; else why it must be rejected. */
  readonly spoil: Spoil | null;
  readonly cells: readonly CellTruth[];
  /** What was done to it, for the report. */
  readonly conditions: readonly string[];
}

export const EXPECTED_REJECTION: Readonly<Record<Spoil, RejectionReason>> = {
  'torn-corner': 'fiducial-missing',
  'foreign-qr': 'qr-foreign',
  'streak-through-box': 'streak',
  'scale-off': 'scale-off',
  // Turned and scaled past the scanned area: a fiducial is cut off by the scan's edge.
  'off-the-glass': 'fiducial-missing',
};

export interface DeckFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly ballot: string;
  /** One per page. */
  readonly truths: readonly SheetTruth[];
}

export interface DeckOptions {
  /** Sheets in all (pages of multi-page files included). */
  readonly sheets: number;
  readonly seed?: number;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, a: number, b: number) => a + (b - a) * random();

function chooseMark(random: Random): DeckMark {
  const r = random();
  if (r < 0.4) return 'for';
  if (r < 0.6) return 'against';
  if (r < 0.88) return 'empty';
  return pick(random, AMBIGUOUS_MARKS);
}

interface Encoded {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly extension: string;
}

async function encode(
  raster: GreyRaster,
  dpi: number,
  format: 'jpeg' | 'jpeg-colour' | 'png' | 'tiff',
  random: Random,
): Promise<Encoded> {
  const raw = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length);
  if (format === 'jpeg-colour') {
    // Cream paper: the blue channel lower than the red.
    const rgb = Buffer.alloc(raster.data.length * 3);
    const g = between(random, 0.95, 1);
    const b = between(random, 0.82, 0.93);
    for (let i = 0; i < raster.data.length; i++) {
      const v = raster.data[i]!;
      rgb[i * 3] = v;
      rgb[i * 3 + 1] = Math.round(v * g);
      rgb[i * 3 + 2] = Math.round(v * b);
    }
    const bytes = await sharp(rgb, { raw: { width: raster.width, height: raster.height, channels: 3 } })
      .withMetadata({ density: dpi })
      .jpeg({ quality: Math.round(between(random, 60, 92)) })
      .toBuffer();
    return { bytes, mediaType: 'image/jpeg', extension: 'jpg' };
  }
  const image = sharp(raw, { raw: { width: raster.width, height: raster.height, channels: 1 } }).withMetadata(
    { density: dpi },
  );
  if (format === 'png')
    return {
      bytes: await image.png({ compressionLevel: 3 }).toBuffer(),
      mediaType: 'image/png',
      extension: 'png',
    };
  if (format === 'tiff')
    return {
      bytes: await image.tiff({ compression: 'lzw' }).toBuffer(),
      mediaType: 'image/tiff',
      extension: 'tif',
    };
  return {
    bytes: await image.jpeg({ quality: Math.round(between(random, 55, 95)) }).toBuffer(),
    mediaType: 'image/jpeg',
    extension: 'jpg',
  };
}

/** An image-only PDF (what a scanner writes): one JPEG (or Flate from PNG) per page, at the page's size. */
export async function imagePdf(
  pages: ReadonlyArray<{ image: Buffer; widthPt: number; heightPt: number }>,
): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  for (const page of pages) {
    doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
    doc.image(page.image, 0, 0, { width: page.widthPt, height: page.heightPt });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

interface MadeSheet {
  readonly raster: GreyRaster;
  readonly dpi: number;
  readonly truth: SheetTruth;
  readonly quarter: boolean;
}

/** One marked, scanned sheet of `ballot`. */
export function makeSheet(
  ballot: PreparedBallot,
  random: Random,
  index: number,
  options: { dpi?: number } = {},
): MadeSheet {
  const dpi = options.dpi ?? 200;
  const scale = dpi / 72;
  const templates = ballot.templates.get(dpi)!;
  const conditions: string[] = [];
  let spoil: Spoil | null = null;
  const roll = random();
  if (roll < 0.025) spoil = 'torn-corner';
  else if (roll < 0.05) spoil = 'foreign-qr';
  else if (roll < 0.07) spoil = 'streak-through-box';
  else if (roll < 0.085) spoil = 'scale-off';
  const template = spoil === 'foreign-qr' ? ballot.foreign : templates[index % templates.length]!;
  const page: GreyRaster = {
    width: template.width,
    height: template.height,
    data: new Uint8Array(template.data),
  };
  const cells: CellTruth[] = [];
  const writeIns = ballot.geometry.cells.filter((c) => c.kind === 'write-in');
  const written = new Set<number>();
  if (writeIns.length > 0 && random() < 0.25) {
    const n = 1 + Math.floor(random() * 2);
    for (let i = 0; i < n; i++) written.add(Math.floor(random() * writeIns.length));
  }
  for (const cell of ballot.geometry.cells) {
    if (cell.kind === 'candidate') {
      const mark = chooseMark(random);
      drawMark(page, cell.mark, mark, random, scale);
      cells.push({ kind: 'candidate', index: cell.index, mark, written: false });
    } else if (written.has(cell.index)) {
      const mark: DeckMark = random() < 0.8 ? 'for' : random() < 0.5 ? 'empty' : 'against';
      drawWriting(page, cell.name, random, scale);
      drawMark(page, cell.mark, mark, random, scale);
      cells.push({ kind: 'write-in', index: cell.index, mark, written: true });
    } else {
      cells.push({ kind: 'write-in', index: cell.index, mark: 'empty', written: false });
    }
  }
  // The feed.
  const turn = random();
  const base = turn < 0.07 ? 180 : turn < 0.1 ? (random() < 0.5 ? 90 : 270) : 0;
  if (base !== 0) conditions.push(`turned ${base}°`);
  const uniform = spoil === 'scale-off' ? between(random, 0.86, 0.9) : between(random, 0.97, 1.03);
  const quarter = base === 90 || base === 270;
  const overscan = Math.round(28 * scale);
  const scanWidth = (quarter ? page.height : page.width) + 2 * overscan;
  const scanHeight = (quarter ? page.width : page.height) + 2 * overscan;
  let placement: Placement = {
    rotation: base + between(random, -3, 3),
    scaleX: uniform,
    scaleY: uniform * between(random, 0.99, 1.01),
    shear: between(random, -0.015, 0.015),
    dx: between(random, -6, 6) * scale,
    dy: between(random, -6, 6) * scale,
  };
  // Where a page point lands in the scan (for the fiducials and the streaks).
  const forward = (px: number, py: number) => {
    const theta = (placement.rotation * Math.PI) / 180;
    const sx = (px * scale - (page.width - 1) / 2) * placement.scaleX;
    const sy = (py * scale - (page.height - 1) / 2) * placement.scaleY;
    const hx = sx + placement.shear * sy;
    return {
      x: Math.cos(theta) * hx - Math.sin(theta) * sy + (scanWidth - 1) / 2 + placement.dx,
      y: Math.sin(theta) * hx + Math.cos(theta) * sy + (scanHeight - 1) / 2 + placement.dy,
    };
  };
  // A large sheet turned 3° and scaled up can reach past the scanned area. A feeder's guides keep
  // the sheet on the glass when it fits: shift it so that every fiducial lies at least CLEAR pixels
  // inside the scan. When it cannot fit, a fiducial is off the scan and the sheet must be rejected.
  const CLEAR = 4 * scale;
  const corners = ballot.geometry.fiducials.flatMap((f) =>
    [-1, 1].flatMap((sx) =>
      [-1, 1].map((sy) => forward(f.center.x + (sx * f.size) / 2, f.center.y + (sy * f.size) / 2)),
    ),
  );
  const shiftInto = (low: number, high: number, size: number) => {
    const needLow = CLEAR - low;
    const needHigh = high - (size - 1 - CLEAR);
    if (needLow > 0 && needHigh > 0) return null;
    return needLow > 0 ? needLow : needHigh > 0 ? -needHigh : 0;
  };
  const shiftX = shiftInto(
    Math.min(...corners.map((c) => c.x)),
    Math.max(...corners.map((c) => c.x)),
    scanWidth,
  );
  const shiftY = shiftInto(
    Math.min(...corners.map((c) => c.y)),
    Math.max(...corners.map((c) => c.y)),
    scanHeight,
  );
  if (shiftX === null || shiftY === null) {
    if (!spoil) spoil = 'off-the-glass';
  } else if (shiftX !== 0 || shiftY !== 0) {
    placement = { ...placement, dx: placement.dx + shiftX, dy: placement.dy + shiftY };
    conditions.push('pushed back onto the glass');
  }
  conditions.push(
    `rotation ${placement.rotation.toFixed(1)}°, scale ${(uniform * 100).toFixed(1)} %, shear ${(placement.shear * 100).toFixed(1)} %`,
  );
  // The scanner scans 10 mm beyond the paper's size on every side (a sheet turned by 3° reaches
  // 5 mm beyond its own corners).
  const scan = place(page, placement, overscan);
  const passes = random() < 0.4 ? 0 : random() < 0.65 ? 1 : 2;
  if (passes > 0) {
    blur(scan, passes);
    conditions.push(`blur ×${passes}`);
  }
  if (random() < 0.3) {
    const factor = between(random, 0.8, 0.95);
    tint(scan, factor);
    conditions.push(`tinted ${factor.toFixed(2)}`);
  }
  const sigma = between(random, 0, 6);
  noise(scan, sigma, random);
  conditions.push(`noise σ ${sigma.toFixed(1)}`);
  if (spoil === 'streak-through-box' && !quarter) {
    const cell = pick(
      random,
      ballot.geometry.cells.filter((c) => c.kind === 'candidate'),
    );
    const at = forward(cell.mark.x + cell.mark.width / 2, cell.mark.y + cell.mark.height / 2);
    streak(scan, Math.round(at.x), 2, Math.round(between(random, 40, 120)));
    conditions.push('streak through a box');
  } else if (spoil === 'streak-through-box') {
    spoil = null;
  } else if (!spoil && !quarter && random() < 0.03) {
    // A harmless streak: in the margin beside the grid, crossing no box.
    const g = ballot.geometry;
    const left = Math.min(...g.cells.map((c) => c.mark.x));
    if (left - g.margin > 12) {
      const at = forward(between(random, g.margin + 4, left - 6), g.height / 2);
      streak(scan, Math.round(at.x), 2, Math.round(between(random, 40, 120)));
      conditions.push('streak beside the grid');
    }
  }
  if (spoil === 'torn-corner') {
    // Tear the image corner far enough to take the fiducial that landed there, whole.
    const corner = Math.floor(random() * 4) as 0 | 1 | 2 | 3;
    const cx = corner === 1 || corner === 2 ? scan.width - 1 : 0;
    const cy = corner === 2 || corner === 3 ? scan.height - 1 : 0;
    const reach = Math.min(
      ...ballot.geometry.fiducials.map((f) => {
        const at = forward(f.center.x, f.center.y);
        return Math.abs(at.x - cx) + Math.abs(at.y - cy);
      }),
    );
    tearCorner(scan, corner, Math.round(reach + 22 * scale));
    conditions.push('corner torn off');
  }
  if (spoil === 'foreign-qr') conditions.push("another round's ballot");
  if (spoil === 'scale-off') conditions.push('printed at the wrong scale');
  if (spoil === 'off-the-glass') conditions.push('a corner off the scanned area');
  return { raster: scan, dpi, truth: { ballot: ballot.spec.key, spoil, cells, conditions }, quarter };
}

/** The ballot whose cumulative weight first passes `at` (0 ≤ at < total weight). */
function pickWeighted(ballots: readonly PreparedBallot[], at: number): PreparedBallot {
  let left = at;
  for (const ballot of ballots) {
    left -= ballot.spec.weight;
    if (left < 0) return ballot;
  }
  return ballots[0]!;
}

/** The deck: `sheets` sheets as files, deterministic from the seed. */
export async function* generateDeck(
  ballots: readonly PreparedBallot[],
  options: DeckOptions,
): AsyncGenerator<DeckFile> {
  const random = seededRandom(options.seed ?? 14);
  const total = ballots.reduce((s, b) => s + b.spec.weight, 0);
  let made = 0;
  let file = 0;
  while (made < options.sheets) {
    const ballot = pickWeighted(ballots, random() * total);
    const dpis = [...ballot.templates.keys()];
    const dpi = dpis.length > 1 && random() < 0.25 ? dpis[1]! : dpis[0]!;
    const format = random();
    file++;
    if (format < 0.12) {
      // A multi-page scanner PDF of two to four sheets.
      const pages = Math.min(options.sheets - made, 2 + Math.floor(random() * 3));
      const truths: SheetTruth[] = [];
      const images: Array<{ image: Buffer; widthPt: number; heightPt: number }> = [];
      for (let p = 0; p < pages; p++) {
        const sheet = makeSheet(ballot, random, made + p, { dpi });
        const encoded = await encode(sheet.raster, dpi, random() < 0.8 ? 'jpeg' : 'png', random);
        // A scanner's PDF page is the scanned area: the image's pixels at its resolution.
        images.push({
          image: encoded.bytes,
          widthPt: (sheet.raster.width / dpi) * 72,
          heightPt: (sheet.raster.height / dpi) * 72,
        });
        truths.push(sheet.truth);
      }
      made += pages;
      yield {
        name: `sheet-${String(file).padStart(4, '0')}.pdf`,
        bytes: await imagePdf(images),
        mediaType: 'application/pdf',
        ballot: ballot.spec.key,
        truths,
      };
      continue;
    }
    const sheet = makeSheet(ballot, random, made, { dpi });
    const kind = format < 0.7 ? 'jpeg' : format < 0.82 ? 'jpeg-colour' : format < 0.92 ? 'png' : 'tiff';
    const encoded = await encode(sheet.raster, dpi, kind, random);
    made++;
    yield {
      name: `sheet-${String(file).padStart(4, '0')}.${encoded.extension}`,
      bytes: encoded.bytes,
      mediaType: encoded.mediaType,
      ballot: ballot.spec.key,
      truths: [sheet.truth],
    };
  }
}
