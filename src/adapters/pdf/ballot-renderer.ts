import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { BallotDocument, BallotName, BallotSheet } from '../../core/documents/model.ts';
import { FIDUCIAL_PATTERNS, patternLayers } from '../../core/omr/fiducials.ts';
import { type BallotCell, type BallotLayout, type Fiducial, planBallot, type Rect } from './ballot-layout.ts';
import { PdfCanvas, type TextStyle } from './canvas.ts';
import { defaultFonts, type FontFiles } from './fonts.ts';

// Paper ballots: one page per sheet, every sheet identical (but for its serial number and QR code
// when serials are on). Layout in ballot-layout.ts; this file only draws.

const INSTRUCTIONS: TextStyle = { size: 10.5 };
const INSTRUCTIONS_LEADING = 1.6;
const INSTRUCTIONS_PADDING = 8;
const INSTRUCTIONS_LABEL = '说明：';

/**
 * A name too wide for its box on two lines: a transliterated name breaks after the separator
 * nearest its middle (阿不都· / 热合曼), any other name in the middle.
 */
export function nameLines(name: string, fits: (text: string) => boolean): string[] {
  const characters = [...name];
  const middle = characters.length / 2;
  const separators = characters.flatMap((c, i) => (c === '·' || c === '•' || c === '・' ? [i + 1] : []));
  const at =
    separators.length > 0
      ? separators.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best))
      : Math.ceil(middle);
  const lines = [characters.slice(0, at).join(''), characters.slice(at).join('')].filter(
    (line) => line !== '',
  );
  return lines.every(fits) || separators.length === 0
    ? lines
    : [characters.slice(0, Math.ceil(middle)).join(''), characters.slice(Math.ceil(middle)).join('')];
}

/** The layout of a ballot and its instructions broken into lines, measured with the canvas's fonts. */
function measure(canvas: PdfCanvas, model: BallotDocument): { layout: BallotLayout; lines: string[] } {
  let lines: string[] = [];
  const layout = planBallot(model.candidates.length, model.writeIns.boxes, (width) => {
    lines = canvas.wrap(
      INSTRUCTIONS_LABEL + model.instructions,
      width - 2 * INSTRUCTIONS_PADDING,
      INSTRUCTIONS,
    );
    return lines.length * INSTRUCTIONS.size * INSTRUCTIONS_LEADING + 2 * INSTRUCTIONS_PADDING;
  });
  // The lines measured for the paper chosen (the last call was for it).
  return { layout, lines };
}

/**
 * The layout a ballot is printed with, without printing it: what a scanner reads the sheet by. The
 * same measurement as the renderer's, with the same fonts, so every box is where the printer put it.
 */
export function ballotLayout(model: BallotDocument, fonts: FontFiles = defaultFonts()): BallotLayout {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  return measure(new PdfCanvas(doc, fonts), model).layout;
}

export class BallotRenderer {
  readonly layout: BallotLayout;
  private readonly instructionLines: string[];

  constructor(
    private readonly canvas: PdfCanvas,
    private readonly model: BallotDocument,
  ) {
    const { layout, lines } = measure(canvas, model);
    this.layout = layout;
    this.instructionLines = lines;
  }

  private get doc() {
    return this.canvas.doc;
  }

  render(): void {
    for (const sheet of this.model.sheets) this.sheet(sheet);
  }

  private sheet(sheet: BallotSheet): void {
    const { layout, model } = this;
    this.doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    for (const fiducial of layout.registration) this.fiducial(fiducial);
    this.band();
    this.titles();
    this.seal();
    this.qr(sheet.qr, layout.qr);
    if (sheet.serial !== null) {
      this.canvas.aligned(
        sheet.serial,
        layout.qr.x - 20,
        layout.qr.width + 40,
        layout.qr.y + layout.qr.height + 14,
        { size: 8, color: '#333333' },
        'center',
      );
    }
    this.instructions();
    layout.candidates.forEach((cell, i) => {
      this.cell(cell);
      this.name(model.candidates[i]!, cell.name);
    });
    if (layout.writeInHeading) {
      const heading = layout.writeInHeading;
      this.canvas.line(
        model.writeIns.heading,
        heading.x,
        PdfCanvas.centredBaseline(heading.y + heading.height / 2, 11),
        { size: 11, weight: 'bold' },
      );
      for (const cell of layout.writeIns) this.cell(cell);
    }
    const footer = layout.footer;
    const baseline = PdfCanvas.centredBaseline(footer.y + footer.height / 2, 9);
    if (sheet.serial !== null) {
      this.canvas.aligned(`编号：${sheet.serial}`, footer.x, footer.width, baseline, { size: 9 }, 'left');
    }
    this.canvas.aligned(
      `${model.ballotType.label}选举票 · ${model.roundLabel}`,
      footer.x,
      footer.width,
      baseline,
      { size: 9 },
      'right',
    );
  }

  /**
   * A corner fiducial: a black square with its middle ring and core black or white by the corner's
   * pattern (src/core/omr/fiducials.ts), so the scanner knows each corner from the others.
   */
  private fiducial(fiducial: Fiducial): void {
    const { middle, core } = patternLayers(FIDUCIAL_PATTERNS[fiducial.corner]);
    const square = (inset: number, colour: string) =>
      this.doc
        .rect(fiducial.x + inset, fiducial.y + inset, fiducial.width - 2 * inset, fiducial.height - 2 * inset)
        .fill(colour);
    const unit = fiducial.width / 6;
    square(0, '#000000');
    square(unit, middle ? '#000000' : '#FFFFFF');
    square(2 * unit, core ? '#000000' : '#FFFFFF');
  }

  /** The seal area (盖章处): a dashed circle with its label in light grey, for the stamp to go over. */
  private seal(): void {
    const { seal } = this.layout;
    const radius = seal.width / 2 - 2;
    const cx = seal.x + seal.width / 2;
    const cy = seal.y + seal.height / 2;
    this.doc
      .save()
      .lineWidth(0.6)
      .dash(3, { space: 3 })
      .strokeColor('#9E9E9E')
      .circle(cx, cy, radius)
      .stroke();
    this.doc.undash().restore();
    this.canvas.aligned(
      this.model.seal,
      seal.x,
      seal.width,
      PdfCanvas.centredBaseline(cy, 9),
      { size: 9, color: '#9E9E9E' },
      'center',
    );
  }

  /** The coloured band that tells this ballot from the sitting's others, with its label. */
  private band(): void {
    const { band } = this.layout;
    const { ballotType, roundLabel } = this.model;
    this.doc.rect(band.x, band.y, band.width, band.height).fill(ballotType.colour);
    const baseline = PdfCanvas.centredBaseline(band.y + band.height / 2, 16);
    this.canvas.line(`${ballotType.label}选举票`, band.x + 12, baseline, {
      size: 16,
      weight: 'bold',
      color: '#FFFFFF',
    });
    this.canvas.aligned(
      roundLabel,
      band.x,
      band.width - 12,
      PdfCanvas.centredBaseline(band.y + band.height / 2, 12),
      {
        size: 12,
        weight: 'bold',
        color: '#FFFFFF',
      },
      'right',
    );
  }

  private titles(): void {
    const block = this.layout.titleBlock;
    const congress: TextStyle = { size: 11 };
    this.canvas.aligned(this.model.congressTitle, block.x, block.width, block.y + 14, congress, 'center');
    const heading: TextStyle = { size: 20, weight: 'bold' };
    const size = this.canvas.fit(this.model.heading, block.width, heading, 15);
    if (this.canvas.width(this.model.heading, { ...heading, size }) <= block.width) {
      this.canvas.aligned(
        this.model.heading,
        block.x,
        block.width,
        block.y + 46,
        { ...heading, size },
        'center',
      );
    } else {
      // A very long title takes two lines at the smallest size.
      const lines = this.canvas.wrap(this.model.heading, block.width, { ...heading, size: 15 });
      lines.slice(0, 2).forEach((line, i) => {
        this.canvas.aligned(
          line,
          block.x,
          block.width,
          block.y + 36 + i * 19,
          { ...heading, size: 15 },
          'center',
        );
      });
    }
    this.canvas.aligned(this.model.summary, block.x, block.width, block.y + 74, { size: 11 }, 'center');
  }

  private instructions(): void {
    const box = this.layout.instructions;
    this.doc.lineWidth(0.6).strokeColor('#000000').rect(box.x, box.y, box.width, box.height).stroke();
    const lineHeight = INSTRUCTIONS.size * INSTRUCTIONS_LEADING;
    this.instructionLines.forEach((line, i) => {
      const middle = box.y + INSTRUCTIONS_PADDING + i * lineHeight + lineHeight / 2;
      const baseline = PdfCanvas.centredBaseline(middle, INSTRUCTIONS.size);
      const x = box.x + INSTRUCTIONS_PADDING;
      if (i === 0 && line.startsWith(INSTRUCTIONS_LABEL)) {
        const width = this.canvas.line(INSTRUCTIONS_LABEL, x, baseline, { ...INSTRUCTIONS, weight: 'bold' });
        this.canvas.line(line.slice(INSTRUCTIONS_LABEL.length), x + width, baseline, INSTRUCTIONS);
      } else {
        this.canvas.line(line, x, baseline, INSTRUCTIONS);
      }
    });
  }

  /** The mark box above and the name box below, both ruled. */
  private cell(cell: BallotCell): void {
    this.doc.lineWidth(0.8).strokeColor('#000000');
    this.doc.rect(cell.mark.x, cell.mark.y, cell.mark.width, cell.mark.height + cell.name.height).stroke();
    this.doc
      .lineWidth(0.5)
      .moveTo(cell.name.x, cell.name.y)
      .lineTo(cell.name.x + cell.name.width, cell.name.y)
      .stroke();
  }

  /** A printed name, centred in its box, set smaller (or on two lines) when it is too wide. */
  private name(name: BallotName, box: Rect): void {
    const inner = box.width - 4;
    const base: TextStyle = { size: this.layout.nameSize };
    const nameBottom = name.annotation ? box.y + box.height * 0.62 : box.y + box.height;
    const middle = (box.y + nameBottom) / 2;
    const size = this.canvas.fit(name.name, inner, base, 7);
    if (this.canvas.width(name.name, { size }) <= inner) {
      this.canvas.aligned(
        name.name,
        box.x + 2,
        inner,
        PdfCanvas.centredBaseline(middle, size),
        { size },
        'center',
      );
    } else {
      const small = Math.max(6.5, Math.min(size, (nameBottom - box.y) / 2.3));
      const lines = nameLines(name.name, (text) => this.canvas.width(text, { size: small }) <= inner);
      lines.forEach((line, i) => {
        const y = middle + (i - (lines.length - 1) / 2) * small * 1.15;
        this.canvas.aligned(
          line,
          box.x + 2,
          inner,
          PdfCanvas.centredBaseline(y, small),
          { size: small },
          'center',
        );
      });
    }
    if (name.annotation) {
      const annotationSize = this.canvas.fit(
        name.annotation,
        inner,
        { size: Math.min(8, base.size * 0.7) },
        5.5,
      );
      const annotationMiddle = (nameBottom + box.y + box.height) / 2 - 1;
      this.canvas.aligned(
        name.annotation,
        box.x + 2,
        inner,
        PdfCanvas.centredBaseline(annotationMiddle, annotationSize),
        { size: annotationSize, color: '#333333' },
        'center',
      );
    }
  }

  /** A QR code drawn as vector squares (crisp at any resolution), runs of dark modules merged. */
  private qr(text: string, box: Rect): void {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const { size } = code.modules;
    const module = box.width / size;
    for (let row = 0; row < size; row++) {
      let start = -1;
      for (let column = 0; column <= size; column++) {
        const dark = column < size && code.modules.get(row, column) === 1;
        if (dark && start === -1) start = column;
        if (!dark && start !== -1) {
          this.doc.rect(box.x + start * module, box.y + row * module, (column - start) * module, module);
          start = -1;
        }
      }
    }
    this.doc.fill('#000000');
  }
}
