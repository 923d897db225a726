import { afterEach, expect, it } from 'vitest';
import { contentDisposition } from '../../../src/adapters/http/routes/document-routes.ts';
import type { Role } from '../../../src/persistence/congress-schema.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';
import { CONGRESS, ELECTION, ROUND, SITTING, seedDocumentCongress } from '../pdf/document-fixtures.ts';
import { compact, pdfText } from '../pdf/pdf-tools.ts';

const STAFF: Role[] = ['admin', 'check-in', 'teller', 'scrutineer', 'presiding'];
const DELEGATE_CODE = 'DOC-CODE-0001';
const BASE = `/api/congresses/${CONGRESS}`;

/** Each document route and who may have it (the committee election is complete and announced). */
const ROUTES: ReadonlyArray<{ url: string; allow: readonly Role[]; filename: string }> = [
  {
    url: `${BASE}/rounds/${ROUND.committee}/ballots.pdf?sheets=3`,
    allow: ['admin'],
    filename: '中国共产党示范市第十三届委员会委员选举票.pdf',
  },
  {
    url: `${BASE}/rounds/${ROUND.committee}/tally-sheet.pdf`,
    allow: ['admin', 'scrutineer', 'presiding', 'teller'],
    filename: '中国共产党示范市第十三届委员会委员选举计票结果报告单（第一轮正式选举）.pdf',
  },
  {
    url: `${BASE}/elections/${ELECTION.committee}/list.pdf`,
    allow: [...STAFF, 'delegate', 'public'],
    filename: '中国共产党示范市第十三届委员会委员名单.pdf',
  },
  {
    url: `${BASE}/delegates.pdf`,
    allow: ['admin'],
    filename: '中国共产党示范市第十三次代表大会代表名单.pdf',
  },
  {
    url: `${BASE}/sittings/${SITTING}/attendance.pdf`,
    allow: ['admin', 'presiding', 'check-in'],
    filename: '第二次全体会议出席情况记录.pdf',
  },
];

/** The file name a client reads from filename*=UTF-8''… */
function filenameOf(disposition: string | undefined): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]!) : undefined;
}

describeEachDatabase('document routes', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function setUp(): Promise<Map<Role, Client>> {
    const database = await openMigrated(target);
    await seedDocumentCongress(database, { credentials: { 王宁: DELEGATE_CODE } });
    test = await testApp(database);
    const clients = new Map<Role, Client>();
    for (const role of STAFF)
      clients.set(role, await clientWithRoles(test, `doc-${role}`, [{ congressId: CONGRESS, role }]));
    clients.set('delegate', await new Client(test.app).delegateLogin(CONGRESS, DELEGATE_CODE));
    clients.set('public', new Client(test.app));
    return clients;
  }

  it('each document: PDF with its Chinese file name to the roles allowed, refused to the others', async () => {
    const clients = await setUp();
    const failures: string[] = [];
    for (const route of ROUTES) {
      for (const [role, client] of clients) {
        const response = await client.get(route.url);
        const where = `${route.url} as ${role}`;
        if (!route.allow.includes(role)) {
          const expected = role === 'public' ? 401 : 403;
          if (response.statusCode !== expected)
            failures.push(`${where}: ${response.statusCode}, expected ${expected}`);
          continue;
        }
        if (response.statusCode !== 200) {
          failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          continue;
        }
        if (response.headers['content-type'] !== 'application/pdf')
          failures.push(`${where}: ${response.headers['content-type']}`);
        if (!response.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')))
          failures.push(`${where}: not a PDF`);
        const filename = filenameOf(response.headers['content-disposition'] as string);
        if (filename !== route.filename) failures.push(`${where}: file name ${filename}`);
        if (response.headers['cache-control'] !== 'no-store') failures.push(`${where}: cacheable`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('ballots: as many sheets as asked; bad counts and unknown parameters refused', async () => {
    const admin = (await setUp()).get('admin')!;
    const three = await admin.get(`${BASE}/rounds/${ROUND.committee}/ballots.pdf?sheets=3&from=10`);
    expect(three.headers['x-document-pages']).toBe('3');
    // [B4] No serial unless asked for; then numbered from `from`.
    expect(pdfText(three.rawPayload)).not.toContain('编号');
    const numbered = await admin.get(
      `${BASE}/rounds/${ROUND.committee}/ballots.pdf?sheets=3&from=10&serials=1`,
    );
    expect(pdfText(numbered.rawPayload)).toContain('编号：RcMTe1x9-0012');
    // Without a count: one sheet per elector present when the round opened (45 at this vote).
    const all = await admin.get(`${BASE}/rounds/${ROUND.deputy}/ballots.pdf`);
    expect(all.headers['x-document-pages']).toBe('45');
    for (const query of ['sheets=0', 'sheets=5001', 'sheets=abc', 'from=0', 'copies=2']) {
      const refused = await admin.get(`${BASE}/rounds/${ROUND.committee}/ballots.pdf?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().error.code).toBe('invalid-input');
    }
    expect((await admin.get(`${BASE}/rounds/no-such-round/ballots.pdf?sheets=1`)).statusCode).toBe(404);
    // Roles are held per congress: this congress's admin is nobody in another.
    expect(
      (await admin.get(`/api/congresses/other-congress/rounds/${ROUND.committee}/ballots.pdf?sheets=1`))
        .statusCode,
    ).toBe(403);
  });

  it('the list of an election under way: a draft for admin and presiding, not yet published for anyone else', async () => {
    const clients = await setUp();
    const url = `${BASE}/elections/${ELECTION.discipline}/list.pdf`;
    for (const role of ['admin', 'presiding'] as const) {
      const draft = await clients.get(role)!.get(url);
      expect(draft.statusCode).toBe(200);
      expect(filenameOf(draft.headers['content-disposition'] as string)).toContain('（草稿）');
      expect(draft.headers['x-document-warnings']).toBe('1');
    }
    for (const role of ['public', 'delegate', 'scrutineer'] as const) {
      const refused = await clients.get(role)!.get(url);
      expect(refused.statusCode, role).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'not-published',
        zh: '选举结束并宣布结果后方可公布当选名单',
      });
    }
  });

  it('lists leave out the annotations on request', async () => {
    const admin = (await setUp()).get('admin')!;
    const plain = await admin.get(`${BASE}/elections/${ELECTION.committee}/list.pdf?annotate=0`);
    expect(compact(pdfText(plain.rawPayload))).not.toContain('（女）');
    const annotated = await admin.get(`${BASE}/delegates.pdf`);
    expect(compact(pdfText(annotated.rawPayload))).toContain('李丽（女）');
    expect((await admin.get(`${BASE}/delegates.pdf?annotate=maybe`)).statusCode).toBe(400);
  });
});

it('Content-Disposition carries an ASCII name and the Chinese one (RFC 5987)', () => {
  expect(contentDisposition('选举票（第一轮）.pdf', 'ballots.pdf')).toBe(
    'inline; filename="ballots.pdf"; filename*=UTF-8\'\'%E9%80%89%E4%B8%BE%E7%A5%A8%EF%BC%88%E7%AC%AC%E4%B8%80%E8%BD%AE%EF%BC%89.pdf',
  );
  expect(contentDisposition("a'b(c)*.pdf", 'x.pdf')).toContain("filename*=UTF-8''a%27b%28c%29%2A.pdf");
});
