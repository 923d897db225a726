import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeTables } from '../../src/persistence/catalog.ts';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATION_NAMES,
  migrate,
  schemaVersion,
} from '../../src/persistence/migrate.ts';
import { describeEachDatabase, openAt } from '../support/databases.ts';

describeEachDatabase('migrations', (target) => {
  it('apply on an empty database, and a second run applies nothing', async () => {
    const database = await target.open();
    expect(await schemaVersion(database)).toBeUndefined();

    const first = await migrate(database);
    expect(first.applied).toEqual(MIGRATION_NAMES);
    expect(first.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = (await describeTables(database.db)).map((table) => table.name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_head', 'audit_log', 'meta', 'delegates', 'electronic_ballots']),
    );

    const second = await migrate(database);
    expect(second).toEqual({ applied: [], schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('find the applied history again after reopening', async () => {
    const place = await target.place();
    const first = await openAt(place.config);
    await migrate(first);
    await first.close();

    const again = await openAt(place.config);
    expect(await schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    expect((await migrate(again)).applied).toEqual([]);
  });

  it('refuse a schema version they do not know', async () => {
    const database = await target.open();
    await expect(migrate(database, { to: '9999-from-the-future' })).rejects.toThrow(/unknown schema version/);
  });

  if (target.name === 'postgres') {
    it('keep every table, Kysely bookkeeping included, in the database schema', async () => {
      const database = await target.open();
      await migrate(database);
      const { rows } = await sql<{ table_schema: string; table_name: string }>`
        select table_schema, table_name from information_schema.tables
        where table_name in ('audit_log', 'audit_head', 'meta', 'kysely_migration', 'kysely_migration_lock')
          and table_schema = ${database.schema}
        order by table_name`.execute(database.db);
      expect(rows.map((row) => row.table_name)).toEqual([
        'audit_head',
        'audit_log',
        'kysely_migration',
        'kysely_migration_lock',
        'meta',
      ]);
      expect(database.schema).toMatch(/^t_[0-9a-f]{12}$/);
    });
  }
});
