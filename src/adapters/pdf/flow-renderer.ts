import type {
  Align,
  Block,
  FlowDocument,
  NameGridBlock,
  SignatureBlock,
  TableBlock,
} from '../../core/documents/model.ts';
import { PdfCanvas, type TextStyle } from './canvas.ts';

// Lists, tally sheets and attendance records: A4 portrait, set block by block from the top, a new
// page whenever the next line or table row does not fit (a table repeats its header row), a running
// header and "第 n 页 共 m 页" at the foot of every page.

export const A4 = { width: 595.28, height: 841.89 } as const;

const MARGIN = { left: 62, right: 62, top: 72, bottom: 72 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;

const STYLES = {
  h1: { size: 19, weight: 'bold' },
  h2: { size: 15, weight: 'bold' },
  h3: { size: 12.5, weight: 'bold' },
  note: { size: 12 },
  paragraph: { size: 11.5 },
  table: { size: 10.5 },
  grid: { size: 13 },
  running: { size: 8.5, color: '#555555' },
} as const satisfies Record<string, TextStyle>;

/** Line height as a multiple of the size: Chinese text is set loosely. */
const LEADING = 1.7;

export class FlowRenderer {
  private y = MARGIN.top;

  constructor(
    private readonly canvas: PdfCanvas,
    private readonly model: FlowDocument,
  ) {}

  private get doc() {
    return this.canvas.doc;
  }

  render(): void {
    this.newPage();
    for (const block of this.model.blocks) this.block(block);
    this.runningText();
  }

  private newPage(): void {
    this.doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private room(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage();
  }

  private block(block: Block): void {
    switch (block.kind) {
      case 'heading': {
        const style = block.level === 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
        if (block.level === 3) this.y += 10;
        this.lines(block.text, style, block.level === 3 ? 'left' : 'center', false);
        this.y += block.level === 1 ? 4 : 2;
        return;
      }
      case 'note':
        this.lines(block.text, STYLES.note, 'center', false);
        return;
      case 'paragraph':
        this.y += 3;
        this.lines(
          block.text,
          { ...STYLES.paragraph, weight: block.bold ? 'bold' : 'regular' },
          block.align ?? 'left',
          block.indent ?? false,
        );
        return;
      case 'table':
        this.y += 6;
        this.table(block);
        this.y += 4;
        return;
      case 'name-grid':
        this.nameGrid(block);
        return;
      case 'signatures':
        this.signatures(block);
        return;
      case 'spacer':
        this.y += 14;
        return;
    }
  }

  /** Wrapped text, line by line (each line may move to a new page). */
  private lines(text: string, style: TextStyle, align: Align, indent: boolean): void {
    const lineHeight = style.size * LEADING;
    const indentWidth = indent ? style.size * 2 : 0;
    const lines = this.canvas.wrap(text, CONTENT_WIDTH - indentWidth, style);
    lines.forEach((line, i) => {
      this.room(lineHeight);
      const x = MARGIN.left + (i === 0 ? indentWidth : 0);
      const width = CONTENT_WIDTH - (i === 0 ? indentWidth : 0);
      this.canvas.aligned(
        line,
        x,
        width,
        PdfCanvas.centredBaseline(this.y + lineHeight / 2, style.size),
        style,
        align,
      );
      this.y += lineHeight;
    });
  }

  private table(block: TableBlock): void {
    const style = STYLES.table;
    const padding = 5;
    const lineHeight = style.size * 1.45;
    const total = block.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = block.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const layout = (cells: readonly string[], bold: boolean) => {
      const cellStyle: TextStyle = { ...style, weight: bold ? 'bold' : 'regular' };
      const wrapped = cells.map((cell, i) => this.canvas.wrap(cell, widths[i]! - 2 * padding, cellStyle));
      const height = Math.max(1, ...wrapped.map((l) => l.length)) * lineHeight + 2 * padding;
      return { wrapped, height, cellStyle };
    };
    const header = layout(
      block.columns.map((c) => c.header),
      true,
    );
    const drawRow = (row: ReturnType<typeof layout>, fill: string | null, aligns: readonly Align[]) => {
      if (fill) this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, row.height).fill(fill);
      row.wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => {
          const middle = this.y + padding + k * lineHeight + lineHeight / 2;
          this.canvas.aligned(
            line,
            lefts[i]! + padding,
            widths[i]! - 2 * padding,
            PdfCanvas.centredBaseline(middle, style.size),
            row.cellStyle,
            aligns[i] ?? 'left',
          );
        });
      });
      this.doc.lineWidth(0.6).strokeColor('#000000');
      this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, row.height).stroke();
      for (let i = 1; i < widths.length; i++) {
        this.doc
          .moveTo(lefts[i]!, this.y)
          .lineTo(lefts[i]!, this.y + row.height)
          .stroke();
      }
      this.y += row.height;
    };
    const headerAligns = block.columns.map(() => 'center' as const);
    const cellAligns = block.columns.map((c) => c.align ?? 'left');
    this.room(header.height + lineHeight + 2 * padding);
    drawRow(header, '#EDEDED', headerAligns);
    for (const row of block.rows) {
      const laid = layout(row.cells, row.bold ?? false);
      if (this.y + laid.height > BOTTOM) {
        this.newPage();
        drawRow(header, '#EDEDED', headerAligns);
      }
      drawRow(laid, null, cellAligns);
    }
  }

  /**
   * Names in columns, as the press prints lists: each starts at a column, its annotation after it
   * a little smaller; a name too wide for its column takes the next one too (and a new row when
   * the row is full). Only a name wider than the whole line is set smaller.
   */
  private nameGrid(block: NameGridBlock): void {
    const style = STYLES.grid;
    const rowHeight = style.size * 2.1;
    const columnWidth = CONTENT_WIDTH / block.columns;
    const gutter = style.size;
    let column = 0;
    for (const text of block.names) {
      const at = text.search(/[（(]/u);
      const name = at > 0 ? text.slice(0, at) : text;
      const annotation = at > 0 ? text.slice(at) : '';
      const note: TextStyle = { size: style.size * 0.8 };
      let width = this.canvas.width(name, style) + (annotation ? this.canvas.width(annotation, note) : 0);
      const scale = Math.min(1, (CONTENT_WIDTH - gutter) / width);
      width *= scale;
      // At least a full-width space between one name and the next.
      const span = Math.min(block.columns, Math.ceil((width + gutter) / columnWidth));
      if (column > 0 && column + span > block.columns) {
        this.y += rowHeight;
        column = 0;
      }
      if (column === 0) this.room(rowHeight);
      const baseline = PdfCanvas.centredBaseline(this.y + rowHeight / 2, style.size);
      const x = MARGIN.left + column * columnWidth + gutter / 2;
      const drawn = this.canvas.line(name, x, baseline, { ...style, size: style.size * scale });
      if (annotation) this.canvas.line(annotation, x + drawn, baseline, { size: note.size * scale });
      column += span;
    }
    if (column > 0) this.y += rowHeight;
  }

  /** Two signature lines per row, each a label and a rule to sign on; the date under them, right. */
  private signatures(block: SignatureBlock): void {
    const style = STYLES.paragraph;
    const rowHeight = 40;
    const half = CONTENT_WIDTH / 2;
    this.room(Math.ceil(block.labels.length / 2) * rowHeight + rowHeight);
    for (let i = 0; i < block.labels.length; i += 2) {
      block.labels.slice(i, i + 2).forEach((label, k) => {
        const x = MARGIN.left + k * half;
        const baseline = this.y + rowHeight - 10;
        const width = this.canvas.line(`${label}：`, x, baseline, style);
        this.doc
          .lineWidth(0.6)
          .strokeColor('#000000')
          .moveTo(x + width + 2, baseline + 3)
          .lineTo(x + half - 16, baseline + 3)
          .stroke();
      });
      this.y += rowHeight;
    }
    const date = block.date ?? '　　　　年　　月　　日';
    this.y += 12;
    this.canvas.aligned(date, MARGIN.left, CONTENT_WIDTH - 16, this.y + rowHeight / 2, style, 'right');
    this.y += rowHeight;
  }

  /** The running header and footer with the page numbers, once the page count is known. */
  private runningText(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const style = STYLES.running;
      this.canvas.aligned(
        this.model.runningHeader,
        MARGIN.left,
        CONTENT_WIDTH,
        MARGIN.top - 30,
        style,
        'center',
      );
      this.doc
        .lineWidth(0.4)
        .strokeColor('#999999')
        .moveTo(MARGIN.left, MARGIN.top - 24)
        .lineTo(MARGIN.left + CONTENT_WIDTH, MARGIN.top - 24)
        .stroke();
      const footer = BOTTOM + 34;
      this.canvas.aligned(this.model.runningFooter, MARGIN.left, CONTENT_WIDTH, footer, style, 'left');
      this.canvas.aligned(
        `第 ${i + 1} 页 共 ${range.count} 页`,
        MARGIN.left,
        CONTENT_WIDTH,
        footer,
        style,
        'right',
      );
    }
  }
}
