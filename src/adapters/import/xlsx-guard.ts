// The checks an .xlsx passes before exceljs reads it: what it unpacks to, and the shapes inside
// that cost exceljs far more than their size (rows, far columns, long cells, merged and named
// ranges, which it turns into one object per cell). Each is a plain scan of the unpacked XML.

import {
  cellTooLong,
  IMPORT_LIMITS,
  rangesTooLarge,
  tooManyColumns,
  tooManyRows,
  workbookDamaged,
  workbookTooLarge,
} from './import-limits.ts';
import { unzipWithin, ZipRefused } from './zip-entries.ts';

/** exceljs reads every part whose name matches these, wherever it sits in the archive. */
const WORKSHEET = /xl\/worksheets\/[^/]*\.xml$/;
const SHARED_STRINGS = /xl\/sharedStrings\.xml$/;
const WORKBOOK = /xl\/workbook\.xml$/;

/**
 * Bytes between two tags, escaped as in the file. The exact limit on a cell is applied to the
 * text read (read-rows.ts); this catches the 100 MB cell long before that, with room for three
 * bytes a character and for entities.
 */
const RAW_TEXT_LIMIT = IMPORT_LIMITS.cellCharacters * 12;

/** Refuses, with an ImportFileError saying why, a workbook that is too large to read. */
export async function checkWorkbook(buffer: Buffer): Promise<void> {
  let entries: Awaited<ReturnType<typeof unzipWithin>>;
  try {
    entries = await unzipWithin(buffer, {
      maxBytes: IMPORT_LIMITS.unpackedBytes,
      maxEntries: IMPORT_LIMITS.zipEntries,
    });
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw error.problem === 'damaged' ? workbookDamaged() : workbookTooLarge();
  }
  // The scans look for bytes (Buffer.indexOf), never decoding a large part into a string.
  let rows = 0;
  let rangeCells = 0;
  for (const { name, content: xml } of entries) {
    const worksheet = WORKSHEET.test(name);
    const workbook = WORKBOOK.test(name);
    if (!worksheet && !workbook && !SHARED_STRINGS.test(name)) continue;
    if (longestText(xml) > RAW_TEXT_LIMIT) throw cellTooLong();
    if (worksheet) {
      rows += occurrences(xml, '<row ') + occurrences(xml, '<row>');
      if (rows > IMPORT_LIMITS.rows) throw tooManyRows();
      if (farthestColumn(xml) > IMPORT_LIMITS.columns) throw tooManyColumns();
      rangeCells += rangeArea(
        tags(xml, '<mergeCell '),
        /\bref="([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?"/g,
      );
    }
    if (workbook) {
      rangeCells += rangeArea(
        tags(xml, '<definedName', '</definedName>'),
        /\$([A-Za-z]{1,3})\$(\d+)(?::\$([A-Za-z]{1,3})\$(\d+))?/g,
      );
    }
    if (rangeCells > IMPORT_LIMITS.rangeCells) throw rangesTooLarge();
  }
}

function occurrences(xml: Buffer, text: string): number {
  let n = 0;
  for (let at = xml.indexOf(text); at !== -1; at = xml.indexOf(text, at + text.length)) n++;
  return n;
}

/** The longest run of bytes between a '>' and the next '<'. */
function longestText(xml: Buffer): number {
  let longest = 0;
  for (let at = xml.indexOf(GT); at !== -1; ) {
    const next = xml.indexOf(LT, at);
    longest = Math.max(longest, (next === -1 ? xml.length : next) - at - 1);
    if (next === -1) break;
    at = xml.indexOf(GT, next);
  }
  return longest;
}

const LT = 0x3c;
const GT = 0x3e;

/** Every element starting with `open`, as text up to `close` (default: the end of its start tag). */
function tags(xml: Buffer, open: string, close = '>'): string {
  const found: string[] = [];
  for (let at = xml.indexOf(open); at !== -1; at = xml.indexOf(open, at + open.length)) {
    const end = xml.indexOf(close, at);
    found.push(xml.toString('utf8', at, end === -1 ? xml.length : end));
  }
  return found.join('\n');
}

/** A → 1, Z → 26, AA → 27, XFD → 16,384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** The rightmost column a cell reference (r="GS12") names. */
function farthestColumn(xml: Buffer): number {
  let farthest = 0;
  for (let at = xml.indexOf(' r="'); at !== -1; at = xml.indexOf(' r="', at + 4)) {
    let letters = '';
    for (let i = at + 4; i < at + 8 && i < xml.length; i++) {
      const byte = xml[i]!;
      if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))
        letters += String.fromCharCode(byte);
      else break;
    }
    // Rows carry r="12" (no letters); more than three letters is past Excel's last column.
    if (letters.length > 3) return Number.POSITIVE_INFINITY;
    if (letters !== '') farthest = Math.max(farthest, columnNumber(letters));
  }
  return farthest;
}

/** Cells covered by the ranges the pattern finds (groups: column, row, and the far corner's). */
function rangeArea(text: string, pattern: RegExp): number {
  let area = 0;
  for (const [, c1, r1, c2, r2] of text.matchAll(pattern)) {
    if (c2 === undefined || r2 === undefined) {
      area += 1;
      continue;
    }
    const width = Math.abs(columnNumber(c2) - columnNumber(c1!)) + 1;
    const height = Math.abs(Number(r2) - Number(r1)) + 1;
    area += width * height;
  }
  return area;
}
