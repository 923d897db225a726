// How large an uploaded delegate list may be, checked before any parser sees it (issue 13, item 6).
// The largest congress, the national one, has about 2,300 delegates and a dozen columns; a file far
// beyond these bounds is not a delegate list, and reading it anyway would stall the server for
// everyone in the hall (a 618 KB workbook unpacks to 5,000,000 rows). Each refusal says in both
// languages what was too large and what to do about it.

import { ImportFileError } from './import-file-error.ts';

export const IMPORT_LIMITS = {
  /** Rows in the file, blank ones included (Excel's CSV keeps the empty formatted rows as ,,,). */
  rows: 20_000,
  /** The rightmost column (GR); a delegate list has about a dozen. */
  columns: 200,
  /** Characters in one cell; the longest field of a delegate (a position) has at most 200. */
  cellCharacters: 2_000,
  /** Bytes an .xlsx unpacks to, all its parts together. */
  unpackedBytes: 32 * 1024 * 1024,
  /** Parts of an .xlsx (sheets, styles, pictures…). */
  zipEntries: 1_000,
  /** Cells covered by merged ranges and named ranges (exceljs makes an object for each). */
  rangeCells: 500_000,
  /** Reading a workbook that passed these checks: at most this long, in this much memory. */
  readMilliseconds: 20_000,
  readHeapMegabytes: 256,
} as const;

const thousands = (n: number) => n.toLocaleString('en-US');

export const tooManyRows = () =>
  new ImportFileError({
    en: `The file has more than ${thousands(IMPORT_LIMITS.rows)} rows, far more than any delegate list; delete the empty rows below the list, or check that this is the right file.`,
    zh: `文件超过${thousands(IMPORT_LIMITS.rows)}行，远多于任何代表名单；请删除名单下方的空行，或确认上传的文件是否正确。`,
  });

export const tooManyColumns = () =>
  new ImportFileError({
    en: `The sheet has cells beyond column ${IMPORT_LIMITS.columns}, far more than a delegate list has; delete the columns to the right of the list.`,
    zh: `工作表在第${IMPORT_LIMITS.columns}列之后仍有单元格，远多于代表名单的列数；请删除名单右侧的列。`,
  });

export const cellTooLong = (row?: number) =>
  new ImportFileError({
    en: `A cell${row === undefined ? '' : ` in row ${row}`} holds more than ${thousands(IMPORT_LIMITS.cellCharacters)} characters; no field of a delegate list is that long.`,
    zh: `${row === undefined ? '' : `第${row}行`}有单元格超过${thousands(IMPORT_LIMITS.cellCharacters)}个字符，代表名单中没有这么长的栏目。`,
  });

export const workbookTooLarge = () =>
  new ImportFileError({
    en: `The workbook unpacks to more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB, far more than a delegate list; copy the list alone into a new workbook (no pictures, no other sheets), or save it as CSV.`,
    zh: `该工作簿解压后超过${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB，远大于代表名单；请把名单单独复制到新工作簿（不含图片和其他工作表），或另存为 CSV。`,
  });

export const rangesTooLarge = () =>
  new ImportFileError({
    en: `The workbook merges or names more than ${thousands(IMPORT_LIMITS.rangeCells)} cells (a range over whole columns or the whole sheet); unmerge the cells outside the list and remove such named ranges and print areas.`,
    zh: `该工作簿合并或命名的单元格超过${thousands(IMPORT_LIMITS.rangeCells)}个（整列或整张表的区域）；请取消名单以外的合并单元格，并删除此类名称和打印区域。`,
  });

export const workbookTooSlow = () =>
  new ImportFileError({
    en: `The workbook could not be read within ${IMPORT_LIMITS.readMilliseconds / 1000} seconds and ${IMPORT_LIMITS.readHeapMegabytes} MB; copy the list alone into a new workbook, or save it as CSV.`,
    zh: `该工作簿无法在${IMPORT_LIMITS.readMilliseconds / 1000}秒、${IMPORT_LIMITS.readHeapMegabytes} MB 内读完；请把名单单独复制到新工作簿，或另存为 CSV。`,
  });

export const workbookDamaged = () =>
  new ImportFileError({
    en: 'The file could not be opened as an Excel workbook (.xlsx); it may be damaged.',
    zh: '无法作为 Excel 工作簿（.xlsx）打开，文件可能已损坏。',
  });
