// Reads an uploaded delegate list into rows of trimmed strings, from CSV (papaparse, after
// decoding) or XLSX (exceljs, first worksheet). Knows nothing about delegates; delegate-row.ts
// gives the columns their meaning.

import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';

export interface Table {
  headers: string[];
  rows: string[][];
  /**
   * For each of rows, the row number the user sees in the spreadsheet. Blank rows and any title
   * rows above the header are skipped but still counted, so the numbers match Excel's. When
   * absent (a table built by hand), the header is row 1 and the data follow without gaps.
   */
  rowNumbers?: number[];
  headerRowNumber?: number;
  /** For CSV: the encoding the bytes were decoded from. */
  encoding?: TextEncoding;
}

interface RawRow {
  number: number;
  cells: string[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: Excel 97–2003 .xls, and also every password-protected workbook. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, mark: readonly number[]): boolean =>
  mark.every((b, i) => bytes[i] === b);

export interface ReadTableOptions {
  /**
   * Recognises the header row (delegate-row.ts's isDelegateHeaderRow). Without it, or when no
   * row matches, the header is the first row with at least two filled cells.
   */
  isHeaderRow?: (cells: readonly string[]) => boolean;
}

export async function readTable(
  buffer: Buffer,
  fileName: string,
  options: ReadTableOptions = {},
): Promise<Table> {
  const ext = extname(fileName).toLowerCase();
  if (startsWith(buffer, OLE_SIGNATURE) || ext === '.xls') {
    throw new ImportFileError({
      en: 'This is an Excel 97–2003 (.xls) file or a password-protected workbook; save it as an Excel workbook (.xlsx) without a password.',
      zh: '这是 Excel 97-2003（.xls）文件或加密的工作簿；请另存为不加密码的 Excel 工作簿（.xlsx）。',
    });
  }
  if (ext === '.xlsx' || (ext === '.csv' && startsWith(buffer, ZIP_SIGNATURE))) {
    // A workbook that was merely given a .csv name is still read as the workbook it is.
    return tableFrom(await readXlsx(buffer), options);
  }
  if (ext === '.csv') {
    const { text, encoding } = decodeText(buffer);
    return { ...tableFrom(readCsv(text), options), encoding };
  }
  throw new ImportFileError({
    en: `Unsupported file type "${ext || fileName}"; upload an Excel workbook (.xlsx) or a CSV file (.csv).`,
    zh: `不支持的文件类型“${ext || fileName}”；请上传 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。`,
  });
}

function readCsv(text: string): RawRow[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // A file with a single column has no delimiter to detect; that is not an error.
  const fatal = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw new ImportFileError({
      en: `The CSV file is malformed near row ${row} (${fatal.message}); check for an unclosed quotation mark.`,
      zh: `CSV 文件第${row}行附近格式有误（${fatal.message}），请检查是否有未配对的引号。`,
    });
  }
  // A quoted field may span lines; Excel still shows each record as one row, so count records.
  return parsed.data.map((cells, i) => ({ number: i + 1, cells }));
}

async function readXlsx(buffer: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared Buffer type predates @types/node's generic Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ImportFileError({
      en: 'The file could not be opened as an Excel workbook (.xlsx); it may be damaged.',
      zh: '无法作为 Excel 工作簿（.xlsx）打开，文件可能已损坏。',
    });
  }
  const sheet = workbook.worksheets[0];
  const rows: RawRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell);
    });
    rows.push({ number: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** The text a cell shows, for the kinds of value a delegate list holds. */
function cellText(cell: ExcelJS.Cell): string {
  // A merged range keeps its value in the top-left cell; the others would repeat it (a title
  // merged across the sheet would look like a header with many columns).
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null, numFmt);
  if ('error' in value) return value.error;
  return '';
}

/**
 * Excel keeps 15 significant digits, so an 18-digit ID number typed into a number cell has
 * already lost its last digits inside the file. Such a value is written the way Excel displays
 * it (1.10101197503121E+17) so that it can never pass for an ID number; id-number.ts explains
 * the problem to the user. Fixed-decimal and zero-padded formats are applied because the user
 * sees 1975.10 or 007, not 1975.1 or 7.
 */
function numberText(n: number, numFmt: string | undefined): string {
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential(14)
      .replace(/\.?0+e/, 'e')
      .toUpperCase();
  const fixed = numFmt === undefined ? null : /^0\.(0+)$/.exec(numFmt);
  if (fixed) return n.toFixed(fixed[1]!.length);
  if (numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0) {
    return String(n).padStart(numFmt.length, '0');
  }
  return String(n);
}

/**
 * exceljs turns date serials into Dates at UTC midnight, so the UTC fields are the calendar date.
 * A format without a day (yyyy"年"m"月", yyyy.mm) means the user entered only a month: 1975年3月
 * must stay '1975-03', not become the first of the month.
 */
function dateText(d: Date, numFmt: string | undefined): string {
  const yyyy = String(d.getUTCFullYear()).padStart(4, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const tokens = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const monthOnly = tokens !== '' && /y/i.test(tokens) && !/d/i.test(tokens);
  return monthOnly ? `${yyyy}-${mm}` : `${yyyy}-${mm}-${dd}`;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c === '');

/**
 * Lines above the header — a title (党代会代表名单, usually one merged cell), 填报单位 and the
 * like — are passed over: the header is the first row the caller recognises, else the first with
 * at least two filled cells, else (a one-column file) the first row.
 */
function tableFrom(raw: RawRow[], { isHeaderRow }: ReadTableOptions): Table {
  const rows = raw
    .map((r) => ({ number: r.number, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => !isBlank(r.cells));
  const recognised = isHeaderRow ? rows.findIndex((r) => isHeaderRow(r.cells)) : -1;
  const headerIndex =
    recognised >= 0
      ? recognised
      : Math.max(
          0,
          rows.findIndex((r) => r.cells.filter((c) => c !== '').length >= 2),
        );
  const header = rows[headerIndex];
  if (!header) {
    throw new ImportFileError({ en: 'The file contains no rows.', zh: '文件中没有任何数据行。' });
  }
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === '') width--;
  const headers = header.cells.slice(0, width);
  const data = rows.slice(headerIndex + 1);
  return {
    headers,
    rows: data.map((r) =>
      r.cells.length < width ? [...r.cells, ...Array(width - r.cells.length).fill('')] : r.cells,
    ),
    rowNumbers: data.map((r) => r.number),
    headerRowNumber: header.number,
  };
}
