import { type Corner, FIDUCIAL_SIZE } from '../../core/omr/fiducials.ts';

// The geometry of a paper ballot, in PDF points from the page's top-left corner. Pure, so that the
// scanner computes where every mark box lies from the corner fiducials (src/adapters/scan reads
// this layout; src/core/omr finds the fiducials). Whenever a box, a fiducial or the QR code moves,
// raise BALLOT_LAYOUT_VERSION (src/core/documents/ballot.ts): it is printed in the QR code, and a
// reader refuses a sheet printed with another layout.
//
// Paper: A4 portrait while the grid fits on it, else A3 portrait. Each size is tried with
// comfortable cells first, then tighter ones; the first that holds every candidate and every
// write-in box on one sheet wins (a ballot is never spread over two sheets). A4 holds about 90
// cells (a 45-seat committee with 50 candidates and 45 write-in boxes at the tight setting);
// A3 up to about 500. Beyond that the ballot is refused with the numbers, rather than printed too
// small to mark.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One column of the grid: the box to mark above, the name (or the blank to write one) below. */
export interface BallotCell {
  readonly mark: Rect;
  readonly name: Rect;
}

/** A corner fiducial: its square and which corner it marks (each corner has its own pattern). */
export interface Fiducial extends Rect {
  readonly corner: Corner;
}

export interface BallotLayout {
  readonly paper: 'A4' | 'A3';
  readonly width: number;
  readonly height: number;
  /** The four corner fiducials: top-left, top-right, bottom-left, bottom-right. */
  readonly registration: readonly Fiducial[];
  /** Printed matter lies this far in from every edge; outside it only the fiducials. */
  readonly margin: number;
  readonly band: Rect;
  /** The block between the seal area and the QR code: the congress's title, the ballot's title, the summary. */
  readonly titleBlock: Rect;
  readonly qr: Rect;
  /** The area left for the secretariat's seal (盖章处), left of the titles, as wide as the QR code. */
  readonly seal: Rect;
  readonly instructions: Rect;
  readonly columns: number;
  /** The font size of the names in the grid (each name may still be set smaller to fit). */
  readonly nameSize: number;
  readonly candidates: readonly BallotCell[];
  /** The 另选人 heading above the write-in boxes, or null without write-ins. */
  readonly writeInHeading: Rect | null;
  readonly writeIns: readonly BallotCell[];
  /** The serial number line at the foot of the sheet. */
  readonly footer: Rect;
}

export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
} as const;

/** Cell settings, most comfortable first. */
export interface CellSetting {
  readonly paper: 'A4' | 'A3';
  /** The narrowest cell: the number of columns is the content width over it. */
  readonly minCellWidth: number;
  readonly markHeight: number;
  readonly nameHeight: number;
  /** Write-in boxes leave room for handwriting. */
  readonly writeInNameHeight: number;
  readonly nameSize: number;
}

export const CELL_SETTINGS: readonly CellSetting[] = [
  { paper: 'A4', minCellWidth: 48, markHeight: 30, nameHeight: 24, writeInNameHeight: 28, nameSize: 12 },
  { paper: 'A4', minCellWidth: 44, markHeight: 24, nameHeight: 20, writeInNameHeight: 24, nameSize: 10.5 },
  { paper: 'A3', minCellWidth: 48, markHeight: 30, nameHeight: 24, writeInNameHeight: 28, nameSize: 12 },
  { paper: 'A3', minCellWidth: 42, markHeight: 24, nameHeight: 20, writeInNameHeight: 24, nameSize: 10.5 },
  { paper: 'A3', minCellWidth: 36, markHeight: 20, nameHeight: 17, writeInNameHeight: 20, nameSize: 9 },
];

/** Corner fiducials: 20 pt (about 7 mm), 20 pt in from the paper's edges (printers leave 4–5 mm blank). */
export const REGISTRATION = { size: FIDUCIAL_SIZE, inset: 20 } as const;
const MARGIN = 50;
const BAND_HEIGHT = 30;
const QR_SIZE = 66;
const TITLE_HEIGHT = 84;
const WRITE_IN_HEADING_HEIGHT = 22;
const FOOTER_HEIGHT = 18;
const GAP = 10;

export class BallotTooLargeError extends Error {
  constructor(
    readonly cells: number,
    readonly capacity: number,
  ) {
    super(
      `${cells} boxes (candidates and write-ins) do not fit on one A3 ballot (at most ${capacity}); ` +
        `一张A3选票最多容纳${capacity}栏，本票需要${cells}栏`,
    );
    this.name = 'BallotTooLargeError';
  }
}

function grid(
  count: number,
  top: number,
  left: number,
  columns: number,
  cellWidth: number,
  markHeight: number,
  nameHeight: number,
): BallotCell[] {
  const cells: BallotCell[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / columns);
    const x = left + (i % columns) * cellWidth;
    const y = top + row * (markHeight + nameHeight);
    cells.push({
      mark: { x, y, width: cellWidth, height: markHeight },
      name: { x, y: y + markHeight, width: cellWidth, height: nameHeight },
    });
  }
  return cells;
}

/**
 * Lays out a ballot of `candidates` names and `writeIns` write-in boxes; `instructionsHeight`
 * gives the height the instructions take in a given text width (the caller measures the text).
 */
export function planBallot(
  candidates: number,
  writeIns: number,
  instructionsHeight: (width: number) => number,
  settings: readonly CellSetting[] = CELL_SETTINGS,
): BallotLayout {
  let capacity = 0;
  for (const setting of settings) {
    const { width, height } = PAPER[setting.paper];
    const contentWidth = width - 2 * MARGIN;
    // Cells keep their width; a short list uses fewer columns, centred on the sheet.
    const cellWidth = contentWidth / Math.floor(contentWidth / setting.minCellWidth);
    const columns = Math.max(
      1,
      Math.min(Math.floor(contentWidth / setting.minCellWidth), Math.max(candidates, writeIns)),
    );
    const gridLeft = MARGIN + (contentWidth - columns * cellWidth) / 2;
    const band: Rect = { x: MARGIN, y: MARGIN, width: contentWidth, height: BAND_HEIGHT };
    const titleTop = band.y + band.height + GAP;
    const qr: Rect = { x: MARGIN + contentWidth - QR_SIZE, y: titleTop + 4, width: QR_SIZE, height: QR_SIZE };
    const seal: Rect = { x: MARGIN, y: titleTop + 4, width: QR_SIZE, height: QR_SIZE };
    const titleBlock: Rect = {
      x: MARGIN + QR_SIZE + GAP,
      y: titleTop,
      width: contentWidth - 2 * (QR_SIZE + GAP),
      height: TITLE_HEIGHT,
    };
    const instructions: Rect = {
      x: MARGIN,
      y: titleTop + TITLE_HEIGHT + GAP,
      width: contentWidth,
      height: instructionsHeight(contentWidth),
    };
    const footer: Rect = {
      x: MARGIN,
      y: height - MARGIN - FOOTER_HEIGHT,
      width: contentWidth,
      height: FOOTER_HEIGHT,
    };
    const gridTop = instructions.y + instructions.height + GAP + 4;
    const gridBottom = footer.y - GAP;
    const candidateRows = Math.ceil(candidates / columns);
    const writeInRows = Math.ceil(writeIns / columns);
    const rowHeight = setting.markHeight + setting.nameHeight;
    const writeInRowHeight = setting.markHeight + setting.writeInNameHeight;
    const needed =
      candidateRows * rowHeight +
      (writeIns > 0 ? GAP + WRITE_IN_HEADING_HEIGHT + writeInRows * writeInRowHeight : 0);
    const available = gridBottom - gridTop;
    capacity = Math.max(
      capacity,
      Math.floor(available / writeInRowHeight) * Math.floor(contentWidth / setting.minCellWidth),
    );
    if (needed > available) continue;
    const candidateCells = grid(
      candidates,
      gridTop,
      gridLeft,
      columns,
      cellWidth,
      setting.markHeight,
      setting.nameHeight,
    );
    const headingTop = gridTop + candidateRows * rowHeight + GAP;
    const writeInHeading: Rect | null =
      writeIns > 0
        ? { x: gridLeft, y: headingTop, width: columns * cellWidth, height: WRITE_IN_HEADING_HEIGHT }
        : null;
    const writeInCells = grid(
      writeIns,
      headingTop + WRITE_IN_HEADING_HEIGHT,
      gridLeft,
      columns,
      cellWidth,
      setting.markHeight,
      setting.writeInNameHeight,
    );
    const { size, inset } = REGISTRATION;
    return {
      paper: setting.paper,
      width,
      height,
      registration: [
        { corner: 'top-left', x: inset, y: inset, width: size, height: size },
        { corner: 'top-right', x: width - inset - size, y: inset, width: size, height: size },
        { corner: 'bottom-left', x: inset, y: height - inset - size, width: size, height: size },
        {
          corner: 'bottom-right',
          x: width - inset - size,
          y: height - inset - size,
          width: size,
          height: size,
        },
      ],
      margin: MARGIN,
      band,
      titleBlock,
      qr,
      seal,
      instructions,
      columns,
      nameSize: setting.nameSize,
      candidates: candidateCells,
      writeInHeading,
      writeIns: writeInCells,
      footer,
    };
  }
  throw new BallotTooLargeError(candidates + writeIns, capacity);
}
