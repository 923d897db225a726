import { expect, it } from 'vitest';
import { sortNames } from '../../../src/core/names/index.ts';
import {
  checkCandidacy,
  checkScrutineers,
  type Office,
  resolveParameters,
} from '../../../src/core/rules/index.ts';
import { validateIdNumber } from '../../../src/core/text/id-number.ts';
import { credentialMatches } from '../../../src/persistence/credential-hash.ts';
import { auditHead, verifyAuditChain } from '../../../src/persistence/index.ts';
import { passwordMatches } from '../../../src/services/accounts/passwords.ts';
import { planDemo } from '../../../src/services/demo/plan-demo.ts';
import { DEMO_SEED, demoStatus, seedDemo } from '../../../src/services/demo/seed-demo.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';

const TODAY = { year: 2026, month: 11, day: 1 };

it('the plan is deterministic given the seed', () => {
  const at = '2026-09-27T01:00:00.000Z';
  expect(planDemo(DEMO_SEED, at)).toEqual(planDemo(DEMO_SEED, at));
  expect(planDemo(DEMO_SEED + 1, at).congressId).not.toBe(planDemo(DEMO_SEED, at).congressId);
});

describeEachDatabase('seedDemo', (target) => {
  it('writes the demonstration congress with the counts of a municipal congress', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const summary = await seedDemo(context);
    const db = database.db;
    const count = async (
      table: 'organisations' | 'delegations' | 'sittings' | 'accounts' | 'election_methods',
    ) => (await db.selectFrom(table).selectAll().execute()).length;

    expect(await count('organisations')).toBe(2);
    const congress = await db.selectFrom('congresses').selectAll().executeTakeFirstOrThrow();
    expect(congress).toMatchObject({
      id: summary.congressId,
      title: '中国共产党示范市第十三次代表大会',
      kind: 'congress',
      number: 13,
      rule_set: 'local-congress',
      status: 'preparing',
      starts_on: '2026-11-26',
      ends_on: '2026-11-28',
      venue: '示范市行政中心大礼堂',
    });
    expect(congress.theme).toContain('示范市');
    expect(await count('delegations')).toBe(13);

    const delegates = await db.selectFrom('delegates').selectAll().orderBy('code').execute();
    expect(delegates).toHaveLength(417);
    expect(delegates[0]!.code).toBe('0001');
    expect(delegates.at(-1)!.code).toBe('0417');
    const suspended = delegates.filter((d) => d.voting_rights === 0);
    expect(suspended.length).toBeGreaterThanOrEqual(3);
    expect(suspended.length).toBeLessThanOrEqual(4);
    expect(suspended.every((d) => d.suspension_reason)).toBe(true);
    for (const d of delegates) {
      expect(validateIdNumber(d.id_number!, TODAY), d.name).toMatchObject({
        ok: true,
        birthDate: d.birth_date,
        gender: d.gender,
      });
      expect(d.credential_hash).toMatch(/^[0-9a-f]{3}\$argon2id\$/);
    }

    // The outgoing (12th) committee and discipline commission.
    const terms = await db.selectFrom('terms').selectAll().execute();
    expect(terms.map((t) => `${t.body} ${t.number}`).sort()).toEqual([
      'committee 12',
      'discipline-commission 12',
    ]);
    expect(congress.term_id).toBe(terms.find((t) => t.body === 'committee')!.id);
    const positions = await db.selectFrom('term_positions').selectAll().execute();
    const of = (body: string, position: string) =>
      positions.filter(
        (p) => p.term_id === terms.find((t) => t.body === body)!.id && p.position === position,
      );
    expect(of('committee', 'member')).toHaveLength(45);
    expect(of('committee', 'alternate')).toHaveLength(8);
    expect(of('committee', 'standing-member')).toHaveLength(11);
    expect(of('committee', 'secretary')).toHaveLength(1);
    expect(of('committee', 'deputy-secretary')).toHaveLength(2);
    expect(of('discipline-commission', 'member').length).toBeGreaterThanOrEqual(20);

    // Presidium [P3] (about 10% of the delegates), its standing committee, credentials committee.
    const bodies = await db.selectFrom('body_members').selectAll().execute();
    expect(bodies.filter((b) => b.body === 'presidium')).toHaveLength(42);
    expect(bodies.filter((b) => b.body === 'presidium-standing-committee')).toHaveLength(15);
    expect(bodies.filter((b) => b.body === 'credentials-committee').length).toBeGreaterThanOrEqual(9);
    const byName = new Map(delegates.map((d) => [d.name, d]));
    expect(byName.get(congress.secretary_general!)).toBeDefined();

    // Sittings and the opening's agenda.
    const sittings = await db.selectFrom('sittings').selectAll().orderBy('sort_order').execute();
    expect(sittings.map((s) => s.title)).toEqual(['大会预备会议', '开幕大会', '第二次全体会议', '闭幕大会']);
    expect(sittings.map((s) => s.kind)).toEqual(['preparatory', 'opening', 'plenary', 'closing']);
    const opening = await db
      .selectFrom('agenda_items')
      .selectAll()
      .where('sitting_id', '=', sittings[1]!.id)
      .orderBy('sort_order')
      .execute();
    expect(opening.map((a) => a.kind)).toEqual(['report', 'report', 'written-report']);
    expect(opening[0]!.title).toContain('第十二届委员会工作报告');
    expect(byName.get(opening[0]!.presenter!)?.position).toBe('市委书记');
    expect(opening[0]!.body!.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(opening[2]!.title).toBe('关于党费收缴、使用和管理情况的书面报告');
    const chairs = await db.selectFrom('sitting_chairs').selectAll().execute();
    expect(chairs.length).toBeGreaterThan(20);

    // The election method draft [P4].
    const method = await db.selectFrom('election_methods').selectAll().executeTakeFirstOrThrow();
    expect(method).toMatchObject({ status: 'draft', parameters_json: '{}' });

    // Staff accounts with their roles in this congress.
    const roles = await db
      .selectFrom('account_roles')
      .innerJoin('accounts', 'accounts.id', 'account_roles.account_id')
      .select(['username', 'role', 'congress_id'])
      .execute();
    const inCongress = roles
      .filter((r) => r.congress_id === congress.id)
      .map((r) => `${r.username}:${r.role}`)
      .sort();
    expect(inCongress).toEqual([
      'admin:admin',
      'checkin1:check-in',
      'checkin2:check-in',
      'presiding:presiding',
      'scrutineer1:scrutineer',
      'scrutineer2:scrutineer',
      'teller1:teller',
      'teller2:teller',
      'teller3:teller',
      'teller4:teller',
    ]);
    const admin = await db
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(await passwordMatches(admin.password_hash, 'demo-admin-2026')).toBe(true);

    // Five printed delegate credentials log in: their hashes are the stored ones.
    expect(summary.delegateCodes).toHaveLength(5);
    for (const c of summary.delegateCodes) {
      expect(
        await credentialMatches(
          delegates.find((d) => d.code === c.code)!.credential_hash!,
          congress.id,
          c.credential,
        ),
      ).toBe(true);
    }

    // The audit chain holds, with an entry per part and the closing demo.seed.
    const chain = await verifyAuditChain(db);
    expect(chain.ok).toBe(true);
    const log = await db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute();
    expect(log.length).toBeGreaterThan(10);
    expect(log.at(-1)!.action).toBe('demo.seed');
    expect(log.every((entry) => entry.actor === 'account:system')).toBe(true);
    expect(log.map((e) => e.action)).toContain('delegates.import');
    // No password, not even a hash, reaches the audit log.
    const texts = await db.selectFrom('audit_log').select('after_json').execute();
    expect(
      texts.some((t) => t.after_json?.includes('demo-admin-2026') || t.after_json?.includes('$argon2')),
    ).toBe(false);
  });

  it('[C2] every candidate list has the minimum surplus and [P1] no scrutineer is a candidate', async () => {
    const database = await openMigrated(target);
    await seedDemo(testContext(database));
    const db = database.db;
    const elections = await db.selectFrom('elections').selectAll().orderBy('sort_order').execute();
    expect(elections.map((e) => [e.office, e.seats, e.status])).toEqual([
      ['committee-member', 45, 'preparing'],
      ['alternate-member', 8, 'preparing'],
      ['discipline-member', 25, 'preparing'],
      ['delegate', 30, 'preparing'],
    ]);
    const electors = (
      await db.selectFrom('delegates').select('name').where('voting_rights', '=', 1).execute()
    ).map((d) => d.name);
    for (const election of elections) {
      const candidates = await db
        .selectFrom('candidates')
        .selectAll()
        .where('election_id', '=', election.id)
        .execute();
      const verdict = checkCandidacy({
        round: 'formal',
        seats: election.seats,
        candidates: candidates.length,
        parameters: resolveParameters('local-congress', election.office as Office, {}),
      });
      expect(verdict, election.title).toMatchObject({ rule: 'C2', ok: true });
      expect(
        candidates.every((c) => c.delegate_id && electors.includes(c.name)),
        'candidates are voting delegates',
      ).toBe(true);
      expect(() => sortNames(candidates, (c) => c.name)).not.toThrow();
      const officers = await db
        .selectFrom('election_officers')
        .selectAll()
        .where('election_id', '=', election.id)
        .execute();
      const role = (r: string) => officers.filter((o) => o.role === r);
      expect(role('chief-scrutineer')).toHaveLength(1);
      expect(role('deputy-chief-scrutineer')).toHaveLength(1);
      expect(role('scrutineer')).toHaveLength(8);
      expect(role('teller')).toHaveLength(4);
      expect(role('teller').every((t) => t.account_id)).toBe(true);
      // [P2] the chief scrutineer signs off with scrutineer1, the login that bears their name.
      const scrutineer1 = await db
        .selectFrom('accounts')
        .select(['id', 'display_name'])
        .where('username', '=', 'scrutineer1')
        .executeTakeFirstOrThrow();
      expect(role('chief-scrutineer')[0]).toMatchObject({
        account_id: scrutineer1.id,
        name: scrutineer1.display_name,
      });
      const problems = checkScrutineers({
        scrutineers: officers.filter((o) => o.role !== 'teller').map((o) => o.name),
        candidates: candidates.map((c) => c.name),
        electors,
      });
      expect(problems, election.title).toEqual([]);
    }
    const counts = await Promise.all(
      elections.map(
        async (e) =>
          (await db.selectFrom('candidates').select('id').where('election_id', '=', e.id).execute()).length,
      ),
    );
    expect(counts).toEqual([50, 9, 28, 36]);
  });

  it('is the same congress on every run with the same seed, and refuses a database that has one', async () => {
    const first = await openMigrated(target);
    const second = await openMigrated(target);
    const a = await seedDemo(testContext(first));
    const b = await seedDemo(testContext(second));
    expect(b.congressId).toBe(a.congressId);
    const names = async (database: typeof first) =>
      await database.db
        .selectFrom('delegates')
        .select(['code', 'name', 'id_number', 'credential_hash'])
        .orderBy('code')
        .execute();
    expect(await names(second)).toEqual(await names(first));

    const head = await auditHead(first.db);
    await expect(seedDemo(testContext(first))).rejects.toSatisfy(
      (error) => error instanceof ServiceError && error.code === 'not-empty',
    );
    expect(await auditHead(first.db)).toEqual(head);
  });

  it('demoStatus finds the demo and prints only the logins that still work', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    expect(await demoStatus(context)).toBeNull();
    const seeded = await seedDemo(context);
    const status = await demoStatus(context);
    expect(status?.congressId).toBe(seeded.congressId);
    expect(status?.logins.map((l) => l.username)).toEqual(seeded.logins.map((l) => l.username));
    expect(status?.delegateCodes).toEqual(seeded.delegateCodes);
    // An administrator changes a password and a delegate's credential is reissued.
    await database.db
      .updateTable('accounts')
      .set({ password_hash: 'changed' })
      .where('username', '=', 'teller2')
      .execute();
    await database.db
      .updateTable('delegates')
      .set({ credential_hash: 'reissued' })
      .where('code', '=', seeded.delegateCodes[0]!.code)
      .execute();
    const after = await demoStatus(context);
    expect(after?.logins.map((l) => l.username)).not.toContain('teller2');
    expect(after?.logins).toHaveLength(seeded.logins.length - 1);
    expect(after?.delegateCodes).toHaveLength(4);
  });
});
