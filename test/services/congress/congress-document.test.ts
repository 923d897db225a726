import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/persistence/index.ts';
import { castAdoptionBallot, closeVote, openVote } from '../../../src/services/congress/adoption-votes.ts';
import { createAgendaItem } from '../../../src/services/congress/agenda.ts';
import { setBodyMembers } from '../../../src/services/congress/bodies.ts';
import {
  type CongressDocument,
  exportCongress,
  importCongress,
} from '../../../src/services/congress/congress-document.ts';
import { createCongress } from '../../../src/services/congress/congresses.ts';
import { issueCredentials } from '../../../src/services/congress/credentials.ts';
import { createSitting, openSitting, setChairs } from '../../../src/services/congress/sittings.ts';
import { addPosition, setAlternates } from '../../../src/services/congress/term-positions.ts';
import { createTerm } from '../../../src/services/congress/terms.ts';
import { createDraft } from '../../../src/services/news/news-items.ts';
import { seedCongress } from '../../support/backup-congress.ts';
import {
  describeEachDatabase,
  disposeTestDatabases,
  openMigrated,
  testDatabase,
  testDatabases,
} from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { ADMIN, addDelegates, serviceContext, snapshot, tongliao } from './fixtures.ts';

/** A congress with something in most of its tables, made through the services. */
async function busyCongress(context: Awaited<ReturnType<typeof serviceContext>>['context']) {
  const { city, congress, builder } = await tongliao(context);
  const ids = await addDelegates(context, congress.id, 12, 3);
  await issueCredentials(context, ADMIN, congress.id);
  await setBodyMembers(
    context,
    ADMIN,
    congress.id,
    'presidium',
    ids.slice(0, 3).map((delegateId) => ({ delegateId })),
  );
  const opening = await createSitting(context, ADMIN, congress.id, { kind: 'opening' });
  await setChairs(context, ADMIN, congress.id, opening.id, ids.slice(0, 2));
  await createAgendaItem(context, ADMIN, congress.id, opening.id, {
    kind: 'report',
    title: '工作报告',
    body: '全文',
    attachments: [{ name: '报告', url: 'https://example.org/r.pdf' }],
  });
  const item = await createAgendaItem(context, ADMIN, congress.id, opening.id, {
    kind: 'adoption-vote',
    title: '通过报告',
    vote: { mode: 'electronic' },
  });
  await openSitting(context, ADMIN, congress.id, opening.id);
  await builder.attendance(opening.id, ids.slice(0, 8));
  await openVote(context, ADMIN, congress.id, item.vote!.id);
  for (const id of ids.slice(0, 5))
    await castAdoptionBallot(
      context,
      { kind: 'delegate', delegateId: id, congressId: congress.id, name: id },
      congress.id,
      item.vote!.id,
      'for',
    );
  await closeVote(context, ADMIN, congress.id, item.vote!.id);
  const term = await createTerm(context, ADMIN, city.id, {
    body: 'committee',
    number: 6,
    startedOn: '2026-09-29',
    electedByCongressId: congress.id,
  });
  await addPosition(context, ADMIN, term.id, {
    personName: '孟宪东',
    position: 'member',
    delegateId: ids[0]!,
  });
  await setAlternates(context, ADMIN, term.id, [{ personName: '王玲', votes: 300 }]);
  await createDraft(context, ADMIN, congress.id, { category: 'news', titleZh: '大会开幕', bodyZh: '正文' });
  return { city, congress, term };
}

describeEachDatabase('congress document', (target) => {
  it('exports every row of the congress and imports it into a fresh database unchanged', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await busyCongress(context);
    // A second congress of the same city stays out of the document.
    await createCongress(context, ADMIN, {
      kind: 'congress',
      organisationId: congress.organisationId,
      number: 7,
    });
    const document = await exportCongress(context, congress.id);
    const count = (table: string) => document.tables[table]!.length;
    expect(
      Object.fromEntries(
        [
          'organisations',
          'terms',
          'term_positions',
          'congresses',
          'delegations',
          'delegates',
          'body_members',
          'sittings',
          'sitting_chairs',
          'agenda_items',
          'adoption_votes',
          'adoption_ballots',
          'adoption_voters',
          'attendance',
          'news_items',
        ].map((t) => [t, count(t)]),
      ),
    ).toEqual({
      organisations: 2,
      terms: 1,
      term_positions: 2,
      congresses: 1,
      delegations: 3,
      delegates: 12,
      body_members: 3,
      sittings: 1,
      sitting_chairs: 2,
      agenda_items: 2,
      adoption_votes: 1,
      adoption_ballots: 5,
      adoption_voters: 5,
      attendance: 8,
      news_items: 1,
    });
    // Tables other services fill are there, empty.
    expect(document.tables.elections).toEqual([]);
    // [issue 13, item 13] Credentials were issued, but no hash of a delegate's code leaves the server.
    const stored = await context.database.db.selectFrom('delegates').select('credential_hash').execute();
    expect(stored.filter((d) => d.credential_hash !== null).length).toBeGreaterThan(0);
    expect(document.tables.delegates!.map((d) => d.credential_hash)).toEqual(Array(12).fill(null));
    const fresh = await openMigrated(target);
    const freshContext = testContext(fresh);
    const result = await importCongress(freshContext, ADMIN, JSON.parse(JSON.stringify(document)));
    expect(result.rows).toMatchObject({ delegates: 12, organisations: 2 });
    expect(canonicalJson(await exportCongress(freshContext, congress.id))).toBe(canonicalJson(document));
    // Twice is refused, and changes nothing.
    const before = await snapshot(fresh);
    await expect(importCongress(freshContext, ADMIN, document)).rejects.toMatchObject({
      code: 'congress-exists',
    });
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('refuses a document with rows of another congress, a changed organisation or unknown columns', async () => {
    const { context } = await serviceContext(target);
    const { congress, city } = await busyCongress(context);
    const document = await exportCongress(context, congress.id);
    const copy = (): CongressDocument => JSON.parse(JSON.stringify(document));
    const fresh = await openMigrated(target);
    const freshContext = testContext(fresh);
    const before = await snapshot(fresh);
    const stray = copy();
    stray.tables.delegates![0]!.congress_id = 'another';
    await expect(importCongress(freshContext, ADMIN, stray)).rejects.toMatchObject({
      field: 'tables.delegates[0].congress_id',
      zh: '引用了本会议以外的数据',
    });
    const extra = copy();
    extra.tables.delegates![0]!.favourite_colour = 'red';
    await expect(importCongress(freshContext, ADMIN, extra)).rejects.toMatchObject({
      field: 'tables.delegates[0]',
    });
    const missing = copy();
    delete missing.tables.attendance;
    await expect(importCongress(freshContext, ADMIN, missing)).rejects.toMatchObject({
      field: 'tables.attendance',
    });
    await expect(
      importCongress(freshContext, ADMIN, { ...copy(), format: 'plenum-backup' }),
    ).rejects.toMatchObject({ field: 'format' });
    expect(await snapshot(fresh)).toEqual(before);
    // An organisation already here is kept when identical, and refused when it differs.
    const [region, cityRow] = [
      document.tables.organisations!.find((o) => o.parent_id === null)!,
      document.tables.organisations!.find((o) => o.id === city.id)!,
    ];
    await fresh.db
      .insertInto('organisations')
      .values([region, { ...cityRow, name: '中共通辽市委' }] as never)
      .execute();
    await expect(importCongress(freshContext, ADMIN, copy())).rejects.toMatchObject({
      code: 'shared-row-differs',
    });
    await fresh.db
      .updateTable('organisations')
      .set({ name: cityRow.name as string })
      .where('id', '=', city.id)
      .execute();
    expect((await importCongress(freshContext, ADMIN, copy())).rows).toMatchObject({
      organisations: 0,
      terms: 1,
      delegates: 12,
    });
  });

  it('carries the tables of elections and attendance as they are (the backup fixture)', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    await seedCongress(database);
    const document = await exportCongress(context, 'a-congress');
    for (const table of [
      'elections',
      'candidates',
      'rounds',
      'paper_entries',
      'electronic_ballots',
      'electronic_voters',
      'round_signoffs',
      'attendance_events',
      'election_methods',
    ]) {
      expect(document.tables[table]!.length, table).toBeGreaterThan(0);
    }
    // Receipts in code-point order whatever the engine's collation.
    expect(document.tables.electronic_ballots!.map((b) => b.receipt)).toEqual(['Zp4M-a', 'a9Tx-a', 'zP4m-a']);
    const fresh = await openMigrated(target);
    await importCongress(testContext(fresh), ADMIN, document);
    expect(canonicalJson(await exportCongress(testContext(fresh), 'a-congress'))).toBe(
      canonicalJson(document),
    );
  });
});

describe('congress document between engines', () => {
  afterEach(disposeTestDatabases);

  it.skipIf(!testDatabases.includes(testDatabase.postgres))(
    'moves a congress from SQLite to PostgreSQL: the export there is identical',
    async () => {
      const source = await openMigrated(testDatabase.sqlite);
      const context = testContext(source);
      const { congress } = await busyCongress(context);
      const document = await exportCongress(context, congress.id);
      const target = await openMigrated(testDatabase.postgres);
      await importCongress(testContext(target), ADMIN, JSON.parse(JSON.stringify(document)));
      expect(canonicalJson(await exportCongress(testContext(target), congress.id))).toBe(
        canonicalJson(document),
      );
    },
  );
});
