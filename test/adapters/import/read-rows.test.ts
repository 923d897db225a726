import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../src/adapters/import/import-file-error.ts';
import { readTable } from '../../../src/adapters/import/read-rows.ts';
import { isDelegateHeaderRow } from '../../../src/services/congress/delegate-row.ts';
import { InputError } from '../../../src/services/input-error.ts';
import { csvText, delegateWorkbook, gbkCsv, HEADERS, ID, ROWS, utf8BomCsv } from './fixtures.ts';

describe('readTable: CSV', () => {
  it('reads a GBK file as Chinese Excel saves it', async () => {
    const table = await readTable(gbkCsv(), '代表名单.csv');
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(HEADERS);
    expect(table.rows).toEqual(ROWS.map((r) => r.map((c) => c.trim())));
    expect(table.rowNumbers).toEqual([2, 3, 4]);
    expect(table.headerRowNumber).toBe(1);
  });

  it('reads UTF-8 with a byte-order mark, whatever the case of the extension', async () => {
    const table = await readTable(utf8BomCsv(), 'LIST.CSV');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.headers[1]).toBe('姓名');
    expect(table.rows[2]![1]).toBe('买买提.艾力');
  });

  it('skips blank lines but keeps Excel’s row numbers, and keeps quoted commas and line breaks', async () => {
    const text = csvText([HEADERS, ROWS[0]!, [], ROWS[1]!]).replace('市委书记', '"市委书记,\n市长"');
    const table = await readTable(Buffer.from(text), 'list.csv');
    expect(table.rowNumbers).toEqual([2, 4]);
    expect(table.rows[0]![6]).toBe('市委书记,\n市长');
  });

  it('passes over a title line above the header', async () => {
    const text = `示范市第十三次党代会代表名单,,,\n${csvText()}`;
    const table = await readTable(Buffer.from(text), 'list.csv');
    expect(table.headerRowNumber).toBe(2);
    expect(table.headers).toEqual(HEADERS);
    expect(table.rowNumbers).toEqual([3, 4, 5]);
  });

  it('finds the header below a two-cell note line when told what a header looks like', async () => {
    const text = `填报单位：示范市委组织部,填报日期：2021年9月\n${csvText()}`;
    expect((await readTable(Buffer.from(text), 'list.csv')).headerRowNumber).toBe(1);
    const table = await readTable(Buffer.from(text), 'list.csv', { isHeaderRow: isDelegateHeaderRow });
    expect(table.headerRowNumber).toBe(2);
    expect(table.headers).toEqual(HEADERS);
  });

  it('pads short rows to the header’s width and trims every cell', async () => {
    const table = await readTable(Buffer.from('姓名,民族,代表团\n  王宁 ,\u3000汉族\n'), 'list.csv');
    expect(table.rows).toEqual([['王宁', '汉族', '']]);
  });
});

describe('readTable: XLSX', () => {
  it('reads the first worksheet as the user sees it', async () => {
    const table = await readTable(await delegateWorkbook(), '代表名单.xlsx');
    expect(table.encoding).toBeUndefined();
    expect(table.headerRowNumber).toBe(2);
    expect(table.headers).toEqual(HEADERS);
    expect(table.rowNumbers).toEqual([3, 4, 6]);
    const [wang, li, maimaiti] = table.rows as [string[], string[], string[]];
    expect(wang).toEqual([
      '1',
      '王　宁',
      '男',
      '汉',
      '1975-03',
      '1998.10',
      '市委书记',
      '第一代表团',
      ID.wangNing,
      '有',
      '',
    ]);
    // Rich text, a full date cell, and a two-decimal number shown as typed.
    expect(li.slice(1, 9)).toEqual([
      '李红',
      '女',
      '汉族',
      '1980-05-20',
      '2003.10',
      '示范县委书记',
      '第二代表团',
      ID.liHong,
    ]);
    // A formula's result; an ID number typed as a number is shown the way Excel shows it.
    expect(maimaiti[7]).toBe('第二代表团');
    expect(maimaiti[8]).toMatch(/^6\.5010219681001\d*E\+17$/);
  });

  it('reads a workbook even when it was given a .csv name', async () => {
    const table = await readTable(await delegateWorkbook(), 'list.csv');
    expect(table.headers).toEqual(HEADERS);
  });

  it('reads an empty first cell and a hyperlink cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getRow(1).values = [null, '姓名', '代表团'];
    sheet.getRow(2).values = [null, { text: '王宁', hyperlink: 'mailto:w@example.org' }, '第一代表团'];
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx');
    expect(table.headers).toEqual(['', '姓名', '代表团']);
    expect(table.rows).toEqual([['', '王宁', '第一代表团']]);
  });
});

describe('readTable: refusals', () => {
  const refuses = async (buffer: Buffer, name: string, en: RegExp) => {
    const error = await readTable(buffer, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    // The CLI and HTTP layers report it like any other bad input, on the field "file".
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('file');
    expect((error as ImportFileError).reason.en).toMatch(en);
    expect((error as ImportFileError).reason.zh).not.toBe('');
  };

  it('refuses other formats with a clear error', async () => {
    await refuses(Buffer.from('%PDF-1.7'), 'list.pdf', /Unsupported file type ".pdf"/);
    await refuses(Buffer.from('a\tb'), 'list', /Unsupported file type/);
  });

  it('refuses .xls and password-protected workbooks', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await refuses(ole, 'list.xls', /97–2003/);
    await refuses(ole, 'list.xlsx', /password/);
  });

  it('refuses a damaged workbook and an empty file', async () => {
    await refuses(Buffer.from('not a zip'), 'list.xlsx', /could not be opened/);
    await refuses(Buffer.from(''), 'list.csv', /no rows/);
    await refuses(Buffer.from('\r\n,,\r\n'), 'list.csv', /no rows/);
  });

  it('refuses a CSV with an unclosed quotation mark', async () => {
    await refuses(Buffer.from('姓名,代表团\n"王宁,第一代表团\n'), 'list.csv', /quotation mark/);
  });
});
