import { type FontFiles, fontBytes, type Weight } from './fonts.ts';
import { breakLines, fontRuns } from './text-layout.ts';

// Text on a pdfkit page with a fallback face for the characters the primary face lacks. Every
// piece of text goes through here: it is split into runs by glyph coverage (fontkit's
// hasGlyphForCodePoint on the faces pdfkit opened), each run is drawn in its face on a common
// baseline, and code points no face has are collected for the document's warnings.

export interface TextStyle {
  readonly size: number;
  readonly weight?: Weight;
  readonly color?: string;
}

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Face {
  /** The registered pdfkit font name. */
  readonly name: string;
  /** The file (and face in a collection): coverage is cached by it across documents. */
  readonly key: string;
  readonly glyphs: GlyphSource;
}

/** Glyph coverage per face file and code point, shared by every document of the process. */
const coverage = new Map<string, Map<number, boolean>>();

function covers(face: Face, codePoint: number): boolean {
  let known = coverage.get(face.key);
  if (!known) {
    known = new Map();
    coverage.set(face.key, known);
  }
  let has = known.get(codePoint);
  if (has === undefined) {
    has = face.glyphs.hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}

/**
 * The fontkit font behind pdfkit's current font. pdfkit keeps it in a field its typings do not
 * declare (`_font.font`); reading it is checked, so a change in pdfkit fails loudly here.
 */
function currentGlyphSource(doc: PDFKit.PDFDocument): GlyphSource {
  const font = (doc as unknown as { _font?: { font?: Partial<GlyphSource> } })._font?.font;
  if (!font || typeof font.hasGlyphForCodePoint !== 'function') {
    throw new Error('pdfkit: the current font exposes no fontkit font (hasGlyphForCodePoint)');
  }
  return font as GlyphSource;
}

/** Code points at or below U+0020 are spacing and control: never looked up, never a fallback. */
const CONTROL_LIMIT = 0x20;

export class PdfCanvas {
  private readonly faces = new Map<string, Face | null>();
  /** Code points no face could draw, in the order met. */
  readonly missing = new Set<number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontFiles,
  ) {}

  /** The primary face, or the fallback (opened only when a character needs it). */
  private face(weight: Weight, fallback: boolean): Face | null {
    const name = `${fallback ? 'fallback' : 'primary'}-${weight}`;
    const known = this.faces.get(name);
    if (known !== undefined) return known;
    const source = fallback ? this.fonts.fallback?.[weight] : this.fonts.primary[weight];
    if (!source) {
      this.faces.set(name, null);
      return null;
    }
    if (source.family) this.doc.registerFont(name, fontBytes(source.path), source.family);
    else this.doc.registerFont(name, fontBytes(source.path));
    this.doc.font(name);
    const face: Face = {
      name,
      key: `${source.path}#${source.family ?? ''}`,
      glyphs: currentGlyphSource(this.doc),
    };
    this.faces.set(name, face);
    return face;
  }

  private runs(text: string, weight: Weight) {
    const primary = this.face(weight, false)!;
    return fontRuns(text, (codePoint) => {
      if (codePoint <= CONTROL_LIMIT || covers(primary, codePoint)) return primary;
      const fallback = this.face(weight, true);
      if (fallback && covers(fallback, codePoint)) return fallback;
      this.missing.add(codePoint);
      return primary;
    });
  }

  /** The width of a line of text in points. */
  width(text: string, style: TextStyle): number {
    let width = 0;
    for (const run of this.runs(text, style.weight ?? 'regular')) {
      width += this.doc.font(run.face.name).fontSize(style.size).widthOfString(run.text);
    }
    return width;
  }

  /** Draws one line with its baseline at `baseline`, starting at x; returns its width. */
  line(text: string, x: number, baseline: number, style: TextStyle): number {
    let cursor = x;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of this.runs(text, style.weight ?? 'regular')) {
      this.doc.font(run.face.name).fontSize(style.size);
      this.doc.text(run.text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cursor += this.doc.widthOfString(run.text);
    }
    return cursor - x;
  }

  /** One line aligned in the span [x, x + width]. */
  aligned(
    text: string,
    x: number,
    width: number,
    baseline: number,
    style: TextStyle,
    align: 'left' | 'center' | 'right',
  ): void {
    const w = align === 'left' ? 0 : this.width(text, style);
    const start = align === 'left' ? x : align === 'center' ? x + (width - w) / 2 : x + width - w;
    this.line(text, start, baseline, style);
  }

  /** The largest size from `size` down to `minimum` at which the text fits the width on one line. */
  fit(text: string, width: number, style: TextStyle, minimum: number): number {
    const natural = this.width(text, style);
    if (natural <= width) return style.size;
    return Math.max(minimum, Math.floor(((style.size * width) / natural) * 4) / 4);
  }

  /** The lines the text takes in the width. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    return breakLines(text, width, (piece) => this.width(piece, style));
  }

  /**
   * The baseline that centres Chinese text of this size vertically on y: the ideographic em box
   * runs from 0.88 em above the baseline to 0.12 em below it, so its middle is 0.38 em up.
   */
  static centredBaseline(y: number, size: number): number {
    return y + 0.38 * size;
  }

  /** Warnings for characters no face could draw. */
  glyphWarnings(): string[] {
    const where = this.fonts.fallback
      ? 'Noto Sans SC or the fallback font'
      : 'Noto Sans SC (no fallback font installed)';
    return [...this.missing].map((codePoint) => {
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `no glyph for U+${hex} “${String.fromCodePoint(codePoint)}” in ${where}: printed as a box / 字库缺字`;
    });
  }
}
