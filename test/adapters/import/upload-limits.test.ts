import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../src/adapters/import/import-file-error.ts';
import { IMPORT_LIMITS } from '../../../src/adapters/import/import-limits.ts';
import { readTable } from '../../../src/adapters/import/read-rows.ts';
import {
  farColumn,
  hugeMerge,
  longCell,
  manyRows,
  unpacksTo,
  wholeColumnValidation,
  workbook,
} from './bombs.ts';

// Issue 13, item 6: a 618 KB workbook of 5,000,000 rows stalled every request for 43 s and two at
// once exhausted the heap; a 123 KB one with a 100 MB cell stalled 12.5 s. Every such file is now
// refused, quickly, with a reason in both languages, before exceljs reads it (and exceljs itself
// runs in a worker thread with a memory and time limit).

async function refusal(
  content: Buffer,
  fileName = 'list.xlsx',
): Promise<{ error: ImportFileError; ms: number }> {
  const started = performance.now();
  const error = await readTable(content, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(error, 'refused').toBeInstanceOf(ImportFileError);
  const refused = error as ImportFileError;
  expect(refused.field).toBe('file');
  expect(refused.reason.zh).not.toBe('');
  return { error: refused, ms };
}

/** Far below the 43 s (or the endless hang) each of these cost before, even on a busy machine. */
const QUICK_MS = 10_000;

describe('uploads too large to read are refused before parsing (issue 13, item 6)', () => {
  it('a workbook that unpacks beyond the limit, even when its directory claims otherwise', async () => {
    const honest = await refusal(unpacksTo(IMPORT_LIMITS.unpackedBytes + 1024));
    expect(honest.error.reason.en).toMatch(/unpacks to more than 32 MB/);
    expect(honest.ms).toBeLessThan(QUICK_MS);
    const liar = await refusal(unpacksTo(64 * 1024 * 1024, 1000));
    expect(liar.error.reason.en).toMatch(/unpacks to more than 32 MB/);
    expect(liar.ms).toBeLessThan(QUICK_MS);
  });

  it('more rows than any delegate list, in a small file', async () => {
    const { error, ms } = await refusal(manyRows(IMPORT_LIMITS.rows + 10));
    expect(error.reason.en).toMatch(/more than 20,000 rows/);
    expect(error.reason.zh).toMatch(/超过20,000行/);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a cell far longer than any field', async () => {
    const { error, ms } = await refusal(longCell(5_000_000));
    expect(error.reason.en).toMatch(/more than 2,000 characters/);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a cell in the last column, and a merge or a named range over the whole sheet', async () => {
    expect((await refusal(farColumn())).error.reason.en).toMatch(/beyond column 200/);
    const merged = await refusal(hugeMerge());
    expect(merged.error.reason.en).toMatch(/merges or names more than/);
    expect(merged.ms).toBeLessThan(QUICK_MS);
  });

  it('reads a list whose sheet validates whole columns (exceljs would expand every cell)', async () => {
    const started = performance.now();
    const table = await readTable(wholeColumnValidation(), 'list.xlsx');
    expect(table.headers).toEqual(['姓名', '代表团']);
    expect(performance.now() - started).toBeLessThan(QUICK_MS * 2);
  });

  it('several hostile uploads at once are all refused, and an ordinary list still reads', async () => {
    const workbookOk = new ExcelJS.Workbook();
    const sheet = workbookOk.addWorksheet('代表名单');
    sheet.addRow(['姓名', '代表团']);
    sheet.addRow(['王宁', '第一代表团']);
    const ok = Buffer.from(await workbookOk.xlsx.writeBuffer());
    const results = await Promise.allSettled([
      readTable(unpacksTo(64 * 1024 * 1024), 'a.xlsx'),
      readTable(manyRows(IMPORT_LIMITS.rows + 10), 'b.xlsx'),
      readTable(hugeMerge(), 'c.xlsx'),
      readTable(longCell(5_000_000), 'd.xlsx'),
      readTable(ok, 'ok.xlsx'),
    ]);
    expect(results.slice(0, 4).map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(results[4]).toMatchObject({ status: 'fulfilled', value: { rows: [['王宁', '第一代表团']] } });
  });

  it('a damaged archive is refused as damaged, not as a crash', async () => {
    const good = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    const cut = good.subarray(0, good.length - 30);
    expect((await refusal(cut)).error.reason.en).toMatch(/could not be opened/);
  });
});

describe('CSV uploads too large to read', () => {
  it('millions of empty lines are refused after the limit, not parsed', async () => {
    const { error, ms } = await refusal(Buffer.from(`姓名,代表团\n${'\n'.repeat(5_000_000)}`), 'list.csv');
    expect(error.reason.en).toMatch(/more than 20,000 rows/);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a cell far longer than any field, and a row far wider than any list', async () => {
    const long = await refusal(Buffer.from(`姓名,代表团\n${'王'.repeat(100_000)},第一代表团\n`), 'list.csv');
    expect(long.error.reason.en).toMatch(/in row 2 holds more than 2,000 characters/);
    const wide = await refusal(Buffer.from(`姓名,代表团\n王宁${',x'.repeat(300)}\n`), 'list.csv');
    expect(wide.error.reason.en).toMatch(/beyond column 200/);
  });
});
