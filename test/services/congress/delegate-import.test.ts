import { expect, it } from 'vitest';
import { readDelegateUpload } from '../../../src/adapters/import/delegate-upload.ts';
import { readTable } from '../../../src/adapters/import/read-rows.ts';
import { createCongress } from '../../../src/services/congress/congresses.ts';
import { delegatesCsv, delegatesXlsx } from '../../../src/services/congress/delegate-export.ts';
import {
  commitDelegateImport,
  ImportRefused,
  previewDelegateImport,
} from '../../../src/services/congress/delegate-import.ts';
import { isDelegateHeaderRow, previewImport } from '../../../src/services/congress/delegate-row.ts';
import { createDelegate, listDelegates } from '../../../src/services/congress/delegates.ts';
import { listDelegations } from '../../../src/services/congress/delegations.ts';
import { idNumberFor } from '../../support/builder/index.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, gbkCsv, listRows, listWorkbook, serviceContext, snapshot, tongliao } from './fixtures.ts';

/** The same number with its check character changed: one mistyped digit. */
function mistyped(idNumber: string): string {
  return idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
}

describeEachDatabase('delegate import and export', (target) => {
  it('a GBK CSV with one bad ID number: the preview names the row, the commit writes nothing', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const rows = listRows(417);
    rows[99]![7] = mistyped(rows[99]![7]!);
    const file = await readDelegateUpload(gbkCsv(rows), '代表名单.csv');
    const preview = await previewDelegateImport(context, congress.id, file);
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      total: 417,
      validCount: 416,
      newDelegations: ['第一代表团', '第二代表团', '第三代表团', '第四代表团', '第五代表团', '第六代表团'],
    });
    expect(preview.errors).toEqual([
      {
        row: 101,
        field: 'idNumber',
        en: expect.stringContaining('check character'),
        zh: '校验码（最后一位）与前17位不符，可能有数字录入错误。',
      },
    ]);
    const before = await snapshot(database);
    const refused = commitDelegateImport(context, ADMIN, congress.id, file, preview.sha256);
    await expect(refused).rejects.toBeInstanceOf(ImportRefused);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      zh: '文件中有1处问题，未导入任何代表',
      preview: { errors: [{ row: 101 }] },
    });
    expect(await snapshot(database)).toEqual(before);
  });

  it('a 417-row workbook commits in one transaction, creating its delegations and codes', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const bad = listRows(417);
    bad[416]![7] = mistyped(bad[416]![7]!);
    const badFile = await readDelegateUpload(await listWorkbook(bad), 'list.xlsx');
    const badPreview = await previewDelegateImport(context, congress.id, badFile);
    // Title on row 1, header on row 2: the last delegate is on row 419.
    expect(badPreview.errors).toEqual([expect.objectContaining({ row: 419, field: 'idNumber' })]);
    const before = await snapshot(database);
    await expect(commitDelegateImport(context, ADMIN, congress.id, badFile)).rejects.toBeInstanceOf(
      ImportRefused,
    );
    expect(await snapshot(database)).toEqual(before);

    const file = await readDelegateUpload(await listWorkbook(listRows(417)), 'list.xlsx');
    const preview = await previewDelegateImport(context, congress.id, file);
    expect(preview.errors).toEqual([]);
    // The commit refuses a file other than the one previewed.
    await expect(
      commitDelegateImport(context, ADMIN, congress.id, file, badPreview.sha256),
    ).rejects.toMatchObject({ code: 'upload-changed' });
    const result = await commitDelegateImport(context, ADMIN, congress.id, file, preview.sha256);
    expect(result).toMatchObject({ imported: 417, codes: { first: '0001', last: '0417' } });
    expect(result.delegationsCreated).toHaveLength(6);
    const after = (await snapshot(database)) as Record<string, unknown> & { audit: { seq: number } };
    expect(after).toMatchObject({
      delegates: 417,
      delegations: 6,
      audit: { seq: (before.audit as { seq: number }).seq + 1 },
    });
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('delegate.import');
    expect(entry.after_json).not.toContain(idNumberFor(0));
    const suspended = (await listDelegates(context, ADMIN, congress.id)).find(
      (d) => d.idNumber === idNumberFor(5),
    )!;
    expect(suspended).toMatchObject({ votingRights: false, suspensionReason: '预备党员' });
    // The same list again: every ID number is now taken, each row says so, nothing is written.
    const again = await previewDelegateImport(context, congress.id, file);
    expect(again.errors).toHaveLength(417);
    expect(again.errors[0]).toMatchObject({
      row: 3,
      field: 'idNumber',
      zh: expect.stringContaining('已登记'),
    });
    await expect(commitDelegateImport(context, ADMIN, congress.id, file)).rejects.toMatchObject({
      preview: { validCount: 0 },
    });
    expect((await listDelegations(context, congress.id)).reduce((n, d) => n + d.delegates, 0)).toBe(417);
  });

  it('exports CSV (UTF-8 with BOM) and XLSX that the importer reads back unchanged', async () => {
    const { context } = await serviceContext(target);
    const { city, congress } = await tongliao(context);
    await commitDelegateImport(
      context,
      ADMIN,
      congress.id,
      await readDelegateUpload(gbkCsv(listRows(40)), 'list.csv'),
    );
    await createDelegate(context, ADMIN, congress.id, {
      name: '买买提·艾力',
      ethnicity: '维吾尔族',
      idNumber: idNumberFor(500),
      joinedDate: '2015-06',
      position: '市人大常委会副主任',
      code: 'T-01',
    });
    const csv = await delegatesCsv(context, congress.id);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await delegatesXlsx(context, congress.id);
    const stored = await listDelegates(context, ADMIN, congress.id);
    for (const [fileName, content] of [
      ['delegates.csv', csv],
      ['delegates.xlsx', xlsx],
    ] as const) {
      const table = await readTable(content, fileName, { isHeaderRow: isDelegateHeaderRow });
      const preview = previewImport(table, { today: { year: 2026, month: 9, day: 27 } });
      // The delegate without a delegation is the importer's one complaint: delegation is required.
      expect(preview.errors.map((e) => e.field)).toEqual(['delegation']);
      const read = preview.valid;
      expect(read).toHaveLength(40);
      for (const draft of read) {
        const original = stored.find((d) => d.code === draft.code)!;
        expect(draft).toEqual({
          name: original.name,
          gender: original.gender,
          ethnicity: original.ethnicity,
          birthDate: original.birthDate,
          joinedDate: original.joinedDate,
          position: original.position,
          delegation: original.delegation,
          idNumber: original.idNumber,
          votingRights: original.votingRights,
          ...(original.suspensionReason && { suspensionReason: original.suspensionReason }),
          code: original.code,
        });
      }
    }
    // Into another congress: the exported workbook imports whole, codes and all.
    const other = await createCongress(context, ADMIN, {
      kind: 'congress',
      organisationId: city.id,
      number: 7,
    });
    const withoutStray = await listDelegates(context, ADMIN, congress.id);
    expect(withoutStray).toHaveLength(41);
    const committed = await commitDelegateImport(
      context,
      ADMIN,
      other.id,
      await readDelegateUpload(await delegatesXlsxWithoutStray(context, congress.id), 'delegates.xlsx'),
    );
    expect(committed.imported).toBe(40);
    const copied = await listDelegates(context, ADMIN, other.id);
    expect(copied.map((d) => [d.code, d.name, d.delegation, d.idNumber])).toEqual(
      withoutStray
        .filter((d) => d.delegation !== null)
        .map((d) => [d.code, d.name, d.delegation, d.idNumber]),
    );
  });
});

/** The congress's export, less the delegate without a delegation (the importer requires one). */
async function delegatesXlsxWithoutStray(
  context: Parameters<typeof delegatesXlsx>[0],
  congressId: string,
): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await delegatesXlsx(context, congressId)) as unknown as Parameters<typeof workbook.xlsx.load>[0],
  );
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value === 'T-01') sheet.spliceRows(number, 1);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
