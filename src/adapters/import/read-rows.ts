// Reads an uploaded delegate list into rows of trimmed strings, from CSV (papaparse, after
// decoding) or XLSX (exceljs, first worksheet). Knows nothing about delegates; delegate-row.ts
// gives the columns their meaning.

import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { trimSpaces } from '../../core/text/person-name.ts';
import { unneutralised } from '../../core/text/spreadsheet-cell.ts';
import type { Table } from '../../services/congress/delegate-row.ts';
import { decodeText } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import { cellTooLong, IMPORT_LIMITS, tooManyColumns, tooManyRows } from './import-limits.ts';
import { readWorkbookRows } from './read-xlsx.ts';

export type { Table };

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
  // At most one row more than the limit is parsed: a file of millions of empty lines stops there.
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimiter: csvDelimiter(text),
    preview: IMPORT_LIMITS.rows + 1,
  });
  const fatal = parsed.errors[0];
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

/**
 * The separator of a CSV file, from the first line that has one (outside quotation marks): the
 * comma, unless that line has more semicolons (Excel in a European locale) or tabs. Guessing from
 * the whole file, as papaparse does, mistakes a short list whose codes carry Excel's text-keeping
 * tab (\t0001) for a tab-separated one.
 */
function csvDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, 50);
  for (const line of lines) {
    const bare = line.replace(/"[^"]*"/g, '');
    const counts = [',', ';', '\t'].map((d) => ({ d, n: bare.split(d).length - 1 }));
    const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
    if (best.n > 0) return best.d;
  }
  return ',';
}

async function readXlsx(buffer: Buffer): Promise<RawRow[]> {
  return (await readWorkbookRows(buffer)).map((row) => ({
    number: row.number,
    cells: row.cells.map((cell) => (cell ? valueText(cell.value, cell.numFmt) : '')),
  }));
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

/** The bounds of import-limits.ts on what was read (the XLSX reader checked most of them already). */
function checkSize(raw: readonly RawRow[]): void {
  if (raw.length > IMPORT_LIMITS.rows) throw tooManyRows();
  for (const row of raw) {
    let width = row.cells.length;
    while (width > 0 && row.cells[width - 1] === '') width--;
    if (width > IMPORT_LIMITS.columns) throw tooManyColumns();
    if (row.cells.some((cell) => cell.length > IMPORT_LIMITS.cellCharacters)) throw cellTooLong(row.number);
  }
}

/**
 * Lines above the header — a title (党代会代表名单, usually one merged cell), 填报单位 and the
 * like — are passed over: the header is the first row the caller recognises, else the first with
 * at least two filled cells, else (a one-column file) the first row.
 */
function tableFrom(raw: RawRow[], { isHeaderRow }: ReadTableOptions): Table {
  checkSize(raw);
  const rows = raw
    // Cells lose the spaces at their ends, as the delegate form's fields do (never an invisible
    // U+FEFF, which JS's trim would drop here and the form refuses).
    .map((r) => ({ number: r.number, cells: r.cells.map((c) => trimSpaces(unneutralised(c))) }))
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
