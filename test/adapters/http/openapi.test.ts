import { afterEach, expect, it } from 'vitest';
import { allRoutes } from '../../../src/adapters/http/routes/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { type TestApp, testApp } from '../../support/http.ts';

// The OpenAPI document is generated from the contract: every endpoint once, who may call it, and
// the shape of its answer; the committee's year has its own tags (issue 11).

// biome-ignore lint/suspicious/noExplicitAny: the document is JSON, checked by the assertions
type Json = any;

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describeEachDatabase('the OpenAPI document', (target) => {
  it('lists every endpoint once, with who may call it and the schema of its answer', async () => {
    test = await testApp(await openMigrated(target));
    const document: Json = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          key: `${method.toUpperCase()} ${path}`,
          operation,
        })),
    );
    expect(operations).toHaveLength(allRoutes.length);
    for (const { key, operation } of operations) {
      expect(operation['x-allow'], key).toBeDefined();
      const success = operation.responses['200'] ?? operation.responses['204'];
      expect(success, key).toBeDefined();
      if (operation.responses['200']?.content?.['application/json']) {
        expect(operation.responses['200'].content['application/json'].schema, key).toMatchObject({});
      }
    }
    const tags = new Set(operations.flatMap(({ operation }) => operation.tags as string[]));
    for (const tag of ['register', 'meetings', 'topics', 'decisions', 'follow-up'])
      expect(tags).toContain(tag);
    // A view's schema is there in full: the register names its people and meetings.
    const register =
      document.paths['/api/terms/{termId}/register'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(register.properties)).toEqual(
      expect.arrayContaining(['term', 'counts', 'current', 'people', 'former', 'vacancies', 'meetings']),
    );
  });
});
