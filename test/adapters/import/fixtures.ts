// Delegate-list files built in memory, as secretaries' spreadsheet programs would save them.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';

export const ID = {
  wangNing: makeIdNumber('150502', '1975-03-12', 123), // male
  liHong: makeIdNumber('150502', '1980-05-20', 246), // female
  maimaiti: makeIdNumber('650102', '1968-10-01', 351), // male
};

export const HEADERS = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '入党时间',
  '工作单位及职务',
  '代表团',
  '公民身份号码',
  '表决权',
  '暂停原因',
];

export const ROWS = [
  ['1', '王　宁', '男', '汉', '1975.03', '1998.10', '市委书记', '第一代表团', ID.wangNing, '有', ''],
  ['2', '李红', '女', '汉族', '1980-05-20', '2003年7月', '示范县委书记', '第二代表团', ID.liHong, '有', ''],
  [
    '3',
    '买买提.艾力',
    '男',
    '维吾尔族',
    '1968年10月',
    '1990.06',
    '市人大常委会副主任',
    '第二代表团',
    ID.maimaiti,
    '无',
    '预备党员',
  ],
];

export function csvText(rows: string[][] = [HEADERS, ...ROWS]): string {
  // Excel writes CRLF line ends and quotes only where needed.
  return (
    rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
      .join('\r\n') + '\r\n'
  );
}

export const gbkCsv = (rows?: string[][]): Buffer => iconv.encode(csvText(rows), 'gbk');
export const utf8BomCsv = (rows?: string[][]): Buffer =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')]);

/**
 * A workbook as a secretariat makes one: a merged title row, the header on row 2, a blank row,
 * dates as real date cells (one formatted month-only), a number cell with two decimals, rich
 * text, a formula, and one ID number typed into a number cell (its last digits lost).
 */
export async function delegateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名单');
  sheet.getCell('A1').value = '示范市第十三次党代会代表名单';
  sheet.mergeCells('A1:K1');
  sheet.getRow(2).values = HEADERS;

  sheet.getRow(3).values = [
    1,
    '王　宁',
    '男',
    '汉',
    new Date(Date.UTC(1975, 2, 1)),
    '1998.10',
    '市委书记',
    '第一代表团',
    ID.wangNing,
    '有',
    '',
  ];
  sheet.getCell('E3').numFmt = 'yyyy"年"m"月"';

  sheet.getRow(4).values = [
    2,
    null,
    '女',
    '汉族',
    new Date(Date.UTC(1980, 4, 20)),
    2003.1,
    '示范县委书记',
    '第二代表团',
    ID.liHong,
    '有',
  ];
  sheet.getCell('B4').value = { richText: [{ text: '李', font: { bold: true } }, { text: '红' }] };
  sheet.getCell('E4').numFmt = 'yyyy-mm-dd';
  sheet.getCell('F4').numFmt = '0.00';

  // Row 5 left blank.
  sheet.getRow(6).values = [
    3,
    '买买提·艾力',
    '男',
    '维吾尔族',
    '1968年10月',
    1990.06,
    '市人大常委会副主任',
    null,
    Number(ID.maimaiti),
    '无',
    '预备党员',
  ];
  sheet.getCell('H6').value = { formula: '"第二"&"代表团"', result: '第二代表团' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
