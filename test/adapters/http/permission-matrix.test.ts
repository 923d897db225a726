import { afterAll, beforeAll, expect, it } from 'vitest';
import { allRoutes } from '../../../src/adapters/http/routes/index.ts';
import type { Role } from '../../../src/persistence/congress-schema.ts';
import { credentialHash } from '../../../src/services/accounts/account-service.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { Client, clientWithRoles, type TestApp, testApp } from '../../support/http.ts';

// Every route × every role: a role the route allows is never refused for its role (401/403); a
// role it does not allow always is. Bodies are empty, so allowed calls stop at validation or at
// the state of the congress: the matrix tests authorization, nothing else.
const STAFF_ROLES: Role[] = ['admin', 'check-in', 'teller', 'scrutineer', 'presiding'];
const CONGRESS = 'matrix-congress';
const DELEGATE_CODE = 'MATRIX-CODE-1';

// Logging out would end the session the matrix relies on; the session tests cover it.
const SKIP = new Set(['DELETE /api/session']);

describeEachDatabase('permission matrix', (target) => {
  let test: TestApp;
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    test = await testApp(await openMigrated(target));
    const congress = await buildWorld(test.context.database).congress({ id: CONGRESS, number: 13 });
    await congress.delegates([{ id: 'd1', name: '王宁', credential: DELEGATE_CODE }]);
    // Each staff account holds its role in the congress and in every congress ('*'), so that the
    // matrix covers the routes outside a congress too (organisations, terms, news templates).
    for (const role of STAFF_ROLES) {
      clients.set(
        role,
        await clientWithRoles(test, `matrix-${role}`, [
          { congressId: CONGRESS, role },
          { congressId: '*', role },
        ]),
      );
    }
    clients.set('delegate', await new Client(test.app).delegateLogin(CONGRESS, DELEGATE_CODE));
    clients.set('public', new Client(test.app));
  });
  afterAll(async () => test?.close());

  it('walks every route with every role', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { endpoint: definition } of allRoutes) {
      const key = `${definition.method} ${definition.path}`;
      if (SKIP.has(key)) continue;
      const url = definition.path.replace(':congressId', CONGRESS).replace(/:[A-Za-z]+/g, 'no-such-id');
      for (const [role, client] of clients) {
        if (role === 'delegate') await keepDelegateLoggedIn();
        const allowed =
          definition.allow === 'anyone' ||
          definition.allow.includes(role) ||
          definition.allow.includes('public');
        if (definition.response === 'stream' && allowed) continue; // a stream stays open; its own test covers it
        const response = await client.request(
          definition.method,
          url,
          definition.method === 'GET' ? undefined : {},
        );
        checked += 1;
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allowed && refused && response.json().error?.code !== 'csrf')
          failures.push(`${key} as ${role}: refused ${response.statusCode}`);
        if (!allowed && !refused) failures.push(`${key} as ${role}: not refused (${response.statusCode})`);
        if (!allowed && role === 'public' && response.statusCode !== 401)
          failures.push(`${key} as public: ${response.statusCode}, expected 401`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(allRoutes.length);

    // A role held in one congress gives nothing outside it.
    const local = await clientWithRoles(test, 'matrix-local-admin', [
      { congressId: CONGRESS, role: 'admin' },
    ]);
    expect((await local.get('/api/organisations')).statusCode).toBe(403);
    expect((await local.get('/api/congresses/another-congress/elections')).statusCode).toBe(403);
    expect([401, 403]).not.toContain((await local.get(`/api/congresses/${CONGRESS}/elections`)).statusCode);
  });

  /** Re-issuing credentials (an allowed admin call) ends the delegate's session: log in again. */
  async function keepDelegateLoggedIn(): Promise<void> {
    const session = await clients.get('delegate')!.get('/api/session');
    if (session.json().kind === 'delegate') return;
    await test.context.database.db
      .updateTable('delegates')
      .set({ credential_hash: credentialHash(CONGRESS, DELEGATE_CODE) })
      .where('id', '=', 'd1')
      .execute();
    clients.set('delegate', await new Client(test.app).delegateLogin(CONGRESS, DELEGATE_CODE));
  }

  it('every route states who may call it', () => {
    for (const { endpoint: definition } of allRoutes) {
      expect(
        definition.allow === 'anyone' || definition.allow.length > 0,
        `${definition.method} ${definition.path}`,
      ).toBe(true);
    }
  });
});
