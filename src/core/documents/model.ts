// What a printed document says, as plain data: the core builds these models from typed inputs
// (pure, no I/O), the PDF adapter (src/adapters/pdf) lays them out on paper. A model never holds a
// coordinate or a font: layout belongs to the renderer, content and order belong here.

export type Align = 'left' | 'center' | 'right';

/** A heading: level 1 is the document's title, 2 a subtitle, 3 a section. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/** A centred line under a heading: （按姓氏笔画为序）, the round, the date. */
export interface NoteBlock {
  readonly kind: 'note';
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly align?: Align;
  /** A first-line indent of two characters, as Chinese prose is set. */
  readonly indent?: boolean;
  readonly bold?: boolean;
}

export interface TableColumn {
  readonly header: string;
  /** Relative width: the renderer shares the text width in these proportions. */
  readonly width: number;
  readonly align?: Align;
}

export interface TableRow {
  readonly cells: readonly string[];
  /** Printed in bold (an elected candidate, a total). */
  readonly bold?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/**
 * Names as the press prints them: in rows of `columns`, each name in its own column, two-character
 * names already padded with a full-width space (王　宁) so that the columns line up.
 */
export interface NameGridBlock {
  readonly kind: 'name-grid';
  readonly names: readonly string[];
  readonly columns: number;
}

/** Lines to sign by hand: 总监票人（签名）：＿＿＿＿, and the date under them. */
export interface SignatureBlock {
  readonly kind: 'signatures';
  readonly labels: readonly string[];
  readonly date: string | null;
}

export interface SpacerBlock {
  readonly kind: 'spacer';
}

export type Block =
  | HeadingBlock
  | NoteBlock
  | ParagraphBlock
  | TableBlock
  | NameGridBlock
  | SignatureBlock
  | SpacerBlock;

/** Metadata every printed document carries. */
export interface DocumentInfo {
  /** The document's title: the PDF's Title and its file name (without .pdf). */
  readonly title: string;
  /** What kind of document it is, in Chinese (选举票, 计票结果报告单, 名单 …): the PDF's Subject. */
  readonly subject: string;
  /** Problems the content itself found (a name outside the stroke data, a draft); the renderer adds its own. */
  readonly warnings: readonly string[];
}

/** A document set as running text: lists, tally sheets, attendance records. A4 portrait. */
export interface FlowDocument extends DocumentInfo {
  readonly kind: 'flow';
  /** Printed small at the top of every page (the congress's title). */
  readonly runningHeader: string;
  /** Printed small at the bottom left of every page, beside the page number. */
  readonly runningFooter: string;
  readonly blocks: readonly Block[];
}

/** One name in the ballot's grid: the name as printed (padded) and its annotation on a second line. */
export interface BallotName {
  readonly name: string;
  readonly annotation: string | null;
}

/** One printed sheet: its serial number and what its QR code says. */
export interface BallotSheet {
  readonly number: number;
  /** The printed serial number, or null when serials are off (the default) [B4]. */
  readonly serial: string | null;
  /** The QR code's text: round, ballot type, layout and page (and the sheet only with serials). */
  readonly qr: string;
}

/**
 * A paper ballot [B1]: a grid with one mark box above each printed name, in ballot order [C3], and
 * as many write-in boxes as an elector may use. Every sheet is the same (but for its serial number,
 * when serials are on).
 */
export interface BallotDocument extends DocumentInfo {
  readonly kind: 'ballot';
  /** The organising body's title, printed above the ballot's own title. */
  readonly congressTitle: string;
  /** The ballot's printed title: 中国共产党示范市第十三届委员会委员选举票. */
  readonly heading: string;
  /** Which ballot this is, for ballots of several colours in one sitting: 委员 red, 候补委员 blue … */
  readonly ballotType: { readonly label: string; readonly colour: string };
  /** 第一轮投票（正式选举）. */
  readonly roundLabel: string;
  /** 应选45名，候选人50名（差额选举）. */
  readonly summary: string;
  readonly instructions: string;
  /** In ballot order: the round's printed list, exactly as rounds.candidates_json holds it. */
  readonly candidates: readonly BallotName[];
  readonly writeIns: { readonly boxes: number; readonly heading: string };
  /** The label of the area left for the secretariat's seal (盖章处). */
  readonly seal: string;
  readonly sheets: readonly BallotSheet[];
}

export type PrintableDocument = FlowDocument | BallotDocument;
