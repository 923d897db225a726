import ExcelJS from 'exceljs';
import { genderZh, parseGender } from '../../core/text/gender-ethnicity.ts';
import { neutraliseFormula } from '../../core/text/spreadsheet-cell.ts';
import type { ServiceContext } from '../context.ts';
import { orderedDelegateRows } from './delegates.ts';
import { congressRow } from './lookups.ts';

// The delegate list as a spreadsheet, in list order, under the headers the importer reads, so an
// exported file can be edited and imported into another congress. Whole ID numbers: exports are
// for administrators only.

const HEADERS = [
  '代表证号',
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '入党时间',
  '职务',
  '代表团',
  '公民身份号码',
  '表决权',
  '暂停原因',
] as const;

async function exportRows(context: ServiceContext, congressId: string): Promise<string[][]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const { rows, delegations } = await orderedDelegateRows(db, congressId);
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  return rows.map((row) => {
    const gender = parseGender(row.gender);
    return [
      row.code,
      row.name,
      gender ? genderZh(gender) : row.gender,
      row.ethnicity,
      row.birth_date ?? '',
      row.joined_date ?? '',
      row.position ?? '',
      row.delegation_id ? (names.get(row.delegation_id) ?? '') : '',
      row.id_number ?? '',
      row.voting_rights === 1 ? '有' : '无',
      row.suspension_reason ?? '',
    ];
  });
}

/** Columns Excel would read as numbers (18-digit ID numbers lose digits; code 0001 loses zeros). */
const TEXT_COLUMNS = new Set([0, 8]);

/**
 * A cell as the CSV carries it. Anything a spreadsheet would run as a formula (=HYPERLINK(…),
 * +cmd|…, @SUM(…), -1+2) gets an apostrophe first (spreadsheet-cell.ts); the importer takes it off.
 * A code or ID number of digits only gets a leading tab, which makes Excel keep it as text (an
 * 18-digit number would lose its last digits, 0001 its zeros); the importer trims it away.
 */
function csvCell(value: string, column: number, asText: boolean): string {
  const safe = neutraliseFormula(value);
  const text = asText && TEXT_COLUMNS.has(column) && /^\d+$/.test(safe) ? `\t${safe}` : safe;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark, CRLF line ends: what Excel on a Chinese Windows opens correctly. */
export async function delegatesCsv(context: ServiceContext, congressId: string): Promise<Buffer> {
  const rows = [[...HEADERS], ...(await exportRows(context, congressId))];
  const text =
    rows
      .map((cells, row) => cells.map((cell, column) => csvCell(cell, column, row > 0)).join(','))
      .join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function delegatesXlsx(context: ServiceContext, congressId: string): Promise<Buffer> {
  const rows = await exportRows(context, congressId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名单');
  sheet.addRow([...HEADERS]).font = { bold: true };
  // Every value is written as text, so ID numbers and codes stay exactly as stored.
  for (const cells of rows) sheet.addRow(cells);
  for (const column of TEXT_COLUMNS) sheet.getColumn(column + 1).numFmt = '@';
  sheet.columns.forEach((column, index) => {
    column.width = [10, 12, 6, 10, 12, 10, 30, 16, 22, 8, 16][index] ?? 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
