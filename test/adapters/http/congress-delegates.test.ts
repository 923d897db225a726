import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { gbkCsv, listRows, listWorkbook, snapshot, tongliao } from '../../services/congress/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

const WANG = makeIdNumber('150502', '1975-03-12', 123);

describeEachDatabase('HTTP: delegates', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setUp() {
    test = await testApp(await openMigrated(target));
    const { congress } = await tongliao(test.context);
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const desk = await clientWithRoles(test, 'desk1', [{ congressId: congress.id, role: 'check-in' }]);
    return { congress, admin, desk, base: `/api/congresses/${congress.id}` };
  }

  it('adds and edits delegates with validation; only administrators see whole ID numbers', async () => {
    const { admin, desk, base } = await setUp();
    const delegation = (await admin.post(`${base}/delegations`, { name: '第一代表团' })).json();
    const created = await admin.post(`${base}/delegates`, {
      name: '王宁',
      ethnicity: '汉族',
      idNumber: WANG,
      joinedDate: '1998-10',
      position: '市委书记',
      delegationId: delegation.id,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: '0001', gender: 'male', idNumber: WANG });
    const listed = (await desk.get(`${base}/delegates?initials=wn`)).json();
    expect(listed).toEqual([
      expect.objectContaining({ name: '王宁', idNumber: `150502********${WANG.slice(-4)}` }),
    ]);
    expect((await desk.get(`${base}/delegates/${created.json().id}`)).json().idNumber).toContain('********');
    const before = await snapshot(test.context.database);
    const bad = await admin.post(`${base}/delegates`, {
      name: '李红',
      ethnicity: '汉族',
      idNumber: `${WANG.slice(0, 16)}00`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'invalid-input',
      field: 'idNumber',
      zh: expect.stringContaining('校验码'),
    });
    const suspend = await admin.patch(`${base}/delegates/${created.json().id}`, { votingRights: false });
    expect(suspend.json().error).toMatchObject({
      field: 'suspensionReason',
      en: 'is required when voting rights are suspended',
      zh: '暂停表决权时必须填写原因',
    });
    const unknown = await admin.post(`${base}/delegates`, {
      name: '李红',
      ethnicity: '汉族',
      gender: '女',
      shoeSize: 38,
    });
    expect(unknown.json().error).toMatchObject({ field: 'body.shoeSize', zh: '未知字段' });
    expect(
      (await desk.post(`${base}/delegates`, { name: '李红', ethnicity: '汉族', gender: '女' })).statusCode,
    ).toBe(403);
    expect((await new Client(test.app).get(`${base}/delegates`)).statusCode).toBe(401);
    expect(await snapshot(test.context.database)).toEqual(before);
  });

  it('previews and commits an uploaded list; a bad file is refused with its rows and writes nothing', async () => {
    const { admin, desk, base } = await setUp();
    const rows = listRows(417);
    rows[200]![7] = `${rows[200]![7]!.slice(0, 17)}${rows[200]![7]![17] === '3' ? '4' : '3'}`;
    const badCsv = { fileName: '代表名单.csv', contentBase64: gbkCsv(rows).toString('base64') };
    const preview = await admin.post(`${base}/delegate-imports/preview`, badCsv);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      total: 417,
      validCount: 416,
      encoding: 'gb18030',
      errors: [
        { row: 202, field: 'idNumber', en: expect.any(String), zh: expect.stringContaining('校验码') },
      ],
    });
    const before = await snapshot(test.context.database);
    const refused = await admin.post(`${base}/delegate-imports/commit`, badCsv);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { code: 'import-refused', zh: '文件中有1处问题，未导入任何代表' },
      preview: { errors: [{ row: 202 }] },
    });
    expect((await desk.post(`${base}/delegate-imports/commit`, badCsv)).statusCode).toBe(403);
    expect(await snapshot(test.context.database)).toEqual(before);
    const notAList = await admin.post(`${base}/delegate-imports/preview`, {
      fileName: 'list.doc',
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notAList.json().error).toMatchObject({
      field: 'file',
      zh: expect.stringContaining('不支持的文件类型'),
    });

    const good = {
      fileName: 'list.xlsx',
      contentBase64: (await listWorkbook(listRows(417))).toString('base64'),
    };
    const sha256 = (await admin.post(`${base}/delegate-imports/preview`, good)).json().sha256;
    const committed = await admin.post(`${base}/delegate-imports/commit`, { ...good, sha256 });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ imported: 417 });
    expect((await desk.get(`${base}/delegates`)).json()).toHaveLength(417);

    const csv = await admin.get(`${base}/delegate-export?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rawPayload.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFF代表证号,姓名,性别,民族,出生日期,入党时间,职务,代表团,公民身份号码,表决权,暂停原因',
    );
    const xlsx = await admin.get(`${base}/delegate-export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]!.rowCount).toBe(418);
    expect((await desk.get(`${base}/delegate-export?format=csv`)).statusCode).toBe(403);
  });

  it('issues credentials once; the delegate logs in with one and reads the sittings, not the list', async () => {
    const { admin, congress, base } = await setUp();
    await admin.post(`${base}/delegates`, { name: '王宁', ethnicity: '汉族', idNumber: WANG });
    const issued = await admin.post(`${base}/delegate-credentials`, {});
    expect(issued.headers['cache-control']).toBe('no-store');
    const [credential] = issued.json();
    const delegate = await new Client(test.app).delegateLogin(congress.id, credential.credential);
    expect((await delegate.get(`${base}/sittings`)).statusCode).toBe(200);
    expect((await delegate.get(`${base}/delegates`)).statusCode).toBe(403);
    expect((await delegate.post(`${base}/delegate-credentials`, {})).statusCode).toBe(403);
    const reissued = await admin.post(`${base}/delegate-credentials`, {
      delegateIds: [credential.delegateId],
    });
    expect(reissued.json()[0].credential).not.toBe(credential.credential);
    // The old credential's session ended with it.
    expect((await delegate.get(`${base}/sittings`)).statusCode).toBe(401);
  });
});
