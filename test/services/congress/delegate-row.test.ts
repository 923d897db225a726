import { describe, expect, it } from 'vitest';
import { readTable, type Table } from '../../../src/adapters/import/read-rows.ts';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { type ImportPreview, previewImport } from '../../../src/services/congress/delegate-row.ts';
import { delegateWorkbook, gbkCsv, HEADERS, ID, ROWS } from '../../adapters/import/fixtures.ts';

const today = { year: 2025, month: 11, day: 24 };

const BASIC = ['姓名', '性别', '民族', '出生日期', '入党时间', '职务', '代表团', '身份证号'];
const basicRow = (overrides: Partial<Record<(typeof BASIC)[number], string>> = {}): string[] => {
  const row: Record<string, string> = {
    姓名: '王宁',
    性别: '男',
    民族: '汉族',
    出生日期: '1975-03-12',
    入党时间: '1998-10',
    职务: '市委书记',
    代表团: '第一代表团',
    身份证号: ID.wangNing,
    ...overrides,
  };
  return BASIC.map((h) => row[h]!);
};
const table = (rows: string[][], headers = BASIC): Table => ({ headers, rows });
const preview = (t: Table): ImportPreview => previewImport(t, { today });
const errorsOf = (p: ImportPreview) => p.errors.map((e) => ({ row: e.row, field: e.field }));

describe('previewImport: whole files', () => {
  it('accepts the GBK CSV of three delegates', async () => {
    const result = preview(await readTable(gbkCsv(), 'list.csv'));
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(3);
    expect(result.ignoredColumns).toEqual(['序号']);
    expect(result.valid).toEqual([
      {
        name: '王宁',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1975-03-12',
        joinedDate: '1998-10',
        position: '市委书记',
        delegation: '第一代表团',
        idNumber: ID.wangNing,
        votingRights: true,
      },
      {
        name: '李红',
        gender: 'female',
        ethnicity: '汉族',
        birthDate: '1980-05-20',
        joinedDate: '2003-07',
        position: '示范县委书记',
        delegation: '第二代表团',
        idNumber: ID.liHong,
        votingRights: true,
      },
      {
        name: '买买提·艾力',
        gender: 'male',
        ethnicity: '维吾尔族',
        birthDate: '1968-10-01',
        joinedDate: '1990-06',
        position: '市人大常委会副主任',
        delegation: '第二代表团',
        idNumber: ID.maimaiti,
        votingRights: false,
        suspensionReason: '预备党员',
      },
    ]);
  });

  it('reports the workbook’s lost-digit ID number on the row Excel shows', async () => {
    const result = preview(await readTable(await delegateWorkbook(), 'list.xlsx'));
    expect(result.total).toBe(3);
    expect(result.valid.map((d) => [d.name, d.birthDate, d.joinedDate])).toEqual([
      ['王宁', '1975-03-12', '1998-10'],
      ['李红', '1980-05-20', '2003-10'],
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 6, field: 'idNumber' });
    expect(result.errors[0]!.message.en).toMatch(/15 digits/);
    expect(result.errors[0]!.message.zh).toMatch(/文本格式/);
  });
});

describe('previewImport: columns', () => {
  it('recognises English and decorated headers, and derives gender and birth date from the ID', () => {
    const headers = [
      '*Name',
      'Ethnicity',
      'Joined Date',
      'position',
      'DELEGATION',
      'ID number（18位）',
      'Code',
    ];
    const result = preview(
      table([['王宁', 'Han', '1998.10', '市委书记', '第一代表团', ID.wangNing, '001']], headers),
    );
    expect(result.errors).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      gender: 'male',
      birthDate: '1975-03-12',
      ethnicity: '汉族',
      code: '001',
    });
  });

  it('reports each missing required column once, on the header row, and accepts no row', () => {
    const headers = ['序号', '姓名', '民族', '入党时间', '代表团'];
    const result = preview({
      headers,
      rows: [['1', '王宁', '汉族', '1998.10', '第一代表团']],
      headerRowNumber: 2,
      rowNumbers: [3],
    });
    expect(errorsOf(result)).toEqual([
      { row: 2, field: 'position' },
      { row: 2, field: 'idNumber' },
    ]);
    expect(result.errors[0]!.message).toEqual({
      en: 'There is no position column (headed position).',
      zh: '缺少职务列（列名为职务或工作单位及职务）。',
    });
    expect(result.valid).toEqual([]);
  });

  it('refuses two columns for the same field', () => {
    const result = preview(table([[...basicRow(), '书记']], [...BASIC, '工作单位及职务']));
    expect(errorsOf(result)).toEqual([{ row: 1, field: 'position' }]);
    expect(result.valid).toEqual([]);
  });

  it('reports a list with a header and no delegates', () => {
    const result = preview(table([]));
    expect(result).toMatchObject({ total: 0, valid: [], errors: [{ row: 1, field: 'file' }] });
  });
});

describe('previewImport: rows', () => {
  it('rejects a wrong check character in both languages, on row 2 for the first data row', () => {
    const wrong = ID.wangNing.slice(0, 17) + (ID.wangNing[17] === '1' ? '2' : '1');
    const result = preview(table([basicRow({ 身份证号: wrong })]));
    expect(result.valid).toEqual([]);
    expect(result.errors).toEqual([
      {
        row: 2,
        field: 'idNumber',
        message: {
          en: 'The check character (last character) does not match the other 17 digits; a digit is probably mistyped.',
          zh: '校验码（最后一位）与前17位不符，可能有数字录入错误。',
        },
      },
    ]);
  });

  it('checks gender and birth date against the ID number', () => {
    const result = preview(
      table([
        basicRow({ 性别: '女' }),
        basicRow({ 出生日期: '1975-03-13', 身份证号: ID.liHong, 性别: '女' }),
      ]),
    );
    expect(errorsOf(result)).toEqual([
      { row: 2, field: 'gender' },
      { row: 3, field: 'birthDate' },
    ]);
    expect(result.errors[0]!.message.zh).toBe('性别“女”与身份证号码（男）不符。');
  });

  it('accepts a month-only birth date that agrees with the ID, and settles 1975.1 from the ID', () => {
    const october = makeIdNumber('110101', '1975-10-08', 11);
    const result = preview(
      table([basicRow({ 出生日期: '1975年3月' }), basicRow({ 出生日期: '1975.1', 身份证号: october })]),
    );
    expect(result.errors).toEqual([]);
    expect(result.valid.map((d) => d.birthDate)).toEqual(['1975-03-12', '1975-10-08']);
  });

  it('refuses a joining date of 1998.1, which may be January or October', () => {
    const result = preview(table([basicRow({ 入党时间: '1998.1' })]));
    expect(errorsOf(result)).toEqual([{ row: 2, field: 'joinedDate' }]);
    expect(result.errors[0]!.message.en).toMatch(/January or October/);
  });

  it('flags a duplicate ID number on every row that has it', () => {
    const result = preview(
      table([
        basicRow(),
        basicRow({ 姓名: '李红', 性别: '', 出生日期: '', 身份证号: ID.liHong }),
        basicRow({ 职务: '' }),
      ]),
    );
    expect(errorsOf(result)).toEqual([
      { row: 2, field: 'idNumber' },
      { row: 4, field: 'position' },
      { row: 4, field: 'idNumber' },
    ]);
    expect(result.errors[0]!.message).toEqual({
      en: 'The same ID number appears in row 4.',
      zh: '与第4行的身份证号码重复。',
    });
    expect(result.valid.map((d) => d.name)).toEqual(['李红']);
  });

  it('flags duplicate delegate codes', () => {
    const headers = [...BASIC, '代表证号'];
    const result = preview(
      table(
        [
          [...basicRow(), 'A01'],
          [...basicRow({ 身份证号: ID.maimaiti, 出生日期: '' }), 'A01'],
        ],
        headers,
      ),
    );
    expect(errorsOf(result)).toEqual([
      { row: 2, field: 'code' },
      { row: 3, field: 'code' },
    ]);
  });

  it('requires a reason when the vote is suspended, and no reason when it is not', () => {
    const headers = [...BASIC, '表决权', '暂停原因'];
    const result = preview(
      table(
        [
          [...basicRow(), '无', ''],
          [...basicRow({ 身份证号: ID.liHong, 性别: '女', 出生日期: '' }), '有', '留党察看'],
          [...basicRow({ 身份证号: ID.maimaiti, 出生日期: '' }), '', '预备党员'],
          [...basicRow({ 身份证号: makeIdNumber('110101', '1970-01-01', 1), 出生日期: '' }), 'maybe', ''],
        ],
        headers,
      ),
    );
    expect(errorsOf(result)).toEqual([
      { row: 2, field: 'suspensionReason' },
      { row: 3, field: 'suspensionReason' },
      { row: 5, field: 'votingRights' },
    ]);
    // A blank voting cell with a reason means no vote.
    expect(result.valid).toMatchObject([{ votingRights: false, suspensionReason: '预备党员' }]);
  });

  it('names what is wrong with each bad cell', () => {
    const result = preview(
      table(
        [
          basicRow({ 姓名: '', 民族: '汉人', 性别: '未知' }),
          basicRow({ 入党时间: '2026-01' }),
          basicRow({ 入党时间: '1970.05' }),
          basicRow({ 入党时间: '1998', 代表团: '' }),
          basicRow({ 姓名: '王宁（女）' }),
        ].map((row, i) => [...row.slice(0, 7), makeIdNumber('150502', '1975-03-12', 101 + 2 * i)]),
      ),
    );
    expect(result.errors.map((e) => [e.row, e.field, e.message.zh])).toEqual([
      [2, 'name', '姓名不能为空。'],
      [2, 'gender', '性别“未知”应为“男”或“女”。'],
      [2, 'ethnicity', '“汉人”不是56个民族之一。'],
      [3, 'joinedDate', '入党时间“2026-01”晚于今天。'],
      [4, 'joinedDate', '入党时间（1970-05）早于出生日期（1975-03-12）。'],
      [5, 'joinedDate', '“1998”只有年份，请至少填写到月（如1975.03）。'],
      [5, 'delegation', '代表团不能为空。'],
      [6, 'name', '姓名“王宁（女）”中含有括号注释，性别、民族请填在各自的列中。'],
    ]);
    expect(result.valid).toEqual([]);
  });

  it('numbers rows from the table’s own row numbers', () => {
    const result = preview({
      headers: HEADERS,
      rows: [ROWS[0]!, ROWS[1]!.map((c, i) => (i === 7 ? '' : c))],
      headerRowNumber: 3,
      rowNumbers: [4, 9],
    });
    expect(errorsOf(result)).toEqual([{ row: 9, field: 'delegation' }]);
  });
});
