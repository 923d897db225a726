import { afterEach, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/persistence/index.ts';
import { addDelegates, snapshot, tongliao } from '../../services/congress/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

describeEachDatabase('HTTP: congress export and import', (target) => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('exports one JSON document for administrators and imports it into another installation', async () => {
    const source = await testApp(await openMigrated(target));
    apps.push(source);
    const { congress } = await tongliao(source.context);
    await addDelegates(source.context, congress.id, 5);
    const admin = await clientWithRoles(source, 'secretariat', [{ congressId: '*', role: 'admin' }]);
    const teller = await clientWithRoles(source, 'teller1', [{ congressId: congress.id, role: 'teller' }]);
    expect((await teller.get(`/api/congresses/${congress.id}/export`)).statusCode).toBe(403);
    const exported = await admin.get(`/api/congresses/${congress.id}/export`);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const document = exported.json();
    expect(document).toMatchObject({ format: 'plenum-congress', version: 1, congressId: congress.id });

    const destination = await testApp(await openMigrated(target));
    apps.push(destination);
    const otherAdmin = await clientWithRoles(destination, 'secretariat', [
      { congressId: '*', role: 'admin' },
    ]);
    const before = await snapshot(destination.context.database);
    const broken = await otherAdmin.post('/api/congresses/import', { ...document, version: 2 });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ field: 'version', zh: expect.any(String) });
    expect(await snapshot(destination.context.database)).toEqual(before);
    const imported = await otherAdmin.post('/api/congresses/import', document);
    expect(imported.statusCode).toBe(200);
    expect(imported.json().rows).toMatchObject({ delegates: 5, congresses: 1 });
    expect(canonicalJson((await otherAdmin.get(`/api/congresses/${congress.id}/export`)).json())).toBe(
      canonicalJson(document),
    );
    expect((await otherAdmin.post('/api/congresses/import', document)).statusCode).toBe(409);
  });
});
