import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { enterPaperBallot } from '../../../src/services/ballots/paper/paper-entry.ts';
import { resolvePaperSheet } from '../../../src/services/ballots/paper/paper-resolution.ts';
import { paperComparison } from '../../../src/services/ballots/paper/paper-views.ts';
import { electionView } from '../../../src/services/elections/election-view.ts';
import { setOfficers } from '../../../src/services/elections/elections.ts';
import { staffLogins } from '../../../src/services/elections/officer-logins.ts';
import { announceRound, signOffRound } from '../../../src/services/elections/rounds.ts';
import { buildWorld } from '../../support/builder/index.ts';
import type { StaffActor } from '../../support/builder/world.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, testContext } from '../../support/http.ts';

// [P2] The count is signed off by the scrutineers appointed for that election [P1], each with the
// login the secretariat linked to them; the signature is shown with the person's name (issue 12,
// defect 6: scrutineer1 signed the first plenary's tally though its chief scrutineer was another).

const NAMES = ['丁宁', '王刚', '李强', '张伟', '赵敏', '刘洋', '陈静', '杨帆', '黄磊', '周杰'];

async function counted(
  database: Database,
  officers: (accounts: Record<string, string>) => object[],
  open = false,
) {
  const world = buildWorld(database);
  const congress = await world.congress({ id: 'c1', number: 13 });
  await congress.delegates(NAMES.map((name) => ({ name })));
  const sitting = await congress.sitting({ title: '第二次全体会议' });
  await congress.method();
  const staff: Record<string, StaffActor> = {};
  for (const [username, role] of [
    ['scrutineer1', 'scrutineer'],
    ['scrutineer2', 'scrutineer'],
    ['teller1', 'teller'],
    ['teller2', 'teller'],
  ] as const) {
    staff[username] = await world.staff(username, [{ congressId: 'c1', role }]);
  }
  const accounts = Object.fromEntries(Object.entries(staff).map(([u, a]) => [u, a.accountId]));
  const election = await congress.election({
    seats: 2,
    candidates: ['丁宁', '王刚', '李强'],
    sitting: sitting.id,
    officers: officers(accounts) as never,
  });
  const round = await election.round(
    open ? {} : { status: 'counted', ballots: [{ marks: { 丁宁: 'for', 王刚: 'for' }, count: 8 }] },
  );
  return { election, round, accounts, staff };
}

describeEachDatabase('[P2] sign-off by the election’s own scrutineers', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('[P2] refuses every scrutineer login while no appointed scrutineer is linked to one', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { round, staff } = await counted(database, () => [
      { role: 'chief-scrutineer', name: '赵敏' },
      { role: 'scrutineer', name: '刘洋' },
    ]);
    await expect(signOffRound(context, staff.scrutineer1!, 'c1', round.id)).rejects.toMatchObject({
      status: 403,
      code: 'not-appointed-scrutineer',
      rule: 'P2',
    });
    const stored = await database.db
      .selectFrom('rounds')
      .select('status')
      .where('id', '=', round.id)
      .execute();
    expect(stored).toEqual([{ status: 'counted' }]);
  });

  it('[P2] the linked scrutineer signs; another scrutineer login of the congress is refused; the view names the person', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { round, election, staff } = await counted(database, (a) => [
      { role: 'chief-scrutineer', name: '赵敏', account: a.scrutineer1 },
      { role: 'scrutineer', name: '刘洋' },
    ]);
    await expect(signOffRound(context, staff.scrutineer2!, 'c1', round.id)).rejects.toMatchObject({
      code: 'not-appointed-scrutineer',
    });
    await signOffRound(context, staff.scrutineer1!, 'c1', round.id);
    const staffView = await electionView(database.db, 'c1', election.id, { staff: true });
    expect(staffView.rounds[0]).toMatchObject({
      status: 'signed-off',
      signedOffBy: [{ role: 'chief-scrutineer', name: '赵敏' }],
    });
    // The public sees no signatures.
    const publicView = await electionView(database.db, 'c1', election.id, { staff: false });
    expect(publicView.rounds[0]).not.toHaveProperty('signedOffBy');
    const entry = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'round.sign-off')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ name: '赵敏', role: 'chief-scrutineer' });
    await announceRound(context, SYSTEM, 'c1', round.id);
  });

  it('[P1] links only scrutineer logins to scrutineers and teller logins to tellers, one login per scrutineer', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { election, accounts } = await counted(database, () => [
      { role: 'chief-scrutineer', name: '赵敏' },
    ]);
    await expect(
      setOfficers(context, SYSTEM, 'c1', election.id, [
        { role: 'chief-scrutineer', name: '赵敏', accountId: accounts.teller1! },
      ]),
    ).rejects.toMatchObject({ field: 'officers[0].accountId' });
    await expect(
      setOfficers(context, SYSTEM, 'c1', election.id, [
        { role: 'chief-scrutineer', name: '赵敏', accountId: accounts.scrutineer1! },
        { role: 'scrutineer', name: '刘洋', accountId: accounts.scrutineer1! },
      ]),
    ).rejects.toMatchObject({ field: 'officers[1].accountId' });
    await expect(
      setOfficers(context, SYSTEM, 'c1', election.id, [
        { role: 'chief-scrutineer', name: '赵敏' },
        { role: 'teller', name: '陈静', accountId: accounts.scrutineer2! },
      ]),
    ).rejects.toMatchObject({ field: 'officers[1].accountId' });
    await setOfficers(context, SYSTEM, 'c1', election.id, [
      { role: 'chief-scrutineer', name: '赵敏', accountId: accounts.scrutineer1! },
      { role: 'deputy-chief-scrutineer', name: '刘洋', accountId: accounts.scrutineer2! },
      { role: 'teller', name: '陈静', accountId: accounts.teller1! },
    ]);
    const logins = await staffLogins(database.db, 'c1');
    expect(logins.map((l) => [l.username, l.roles])).toEqual([
      ['scrutineer1', ['scrutineer']],
      ['scrutineer2', ['scrutineer']],
      ['teller1', ['teller']],
      ['teller2', ['teller']],
    ]);
  });

  it('[P2] a resolution and the two passes are shown with the people’s names, not their logins', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { round, staff } = await counted(
      database,
      (a) => [
        { role: 'chief-scrutineer', name: '赵敏', account: a.scrutineer1 },
        { role: 'teller', name: '陈静', account: a.teller1 },
        { role: 'teller', name: '杨帆', account: a.teller2 },
      ],
      true,
    );
    for (const [pass, teller, marks] of [
      ['A', staff.teller1!, 'FF-'],
      ['B', staff.teller2!, 'F-F'],
    ] as const) {
      await enterPaperBallot(context, teller, 'c1', round.id, { pass, batchNo: 1, sheetNo: 1, marks });
    }
    await resolvePaperSheet(context, staff.scrutineer1!, 'c1', round.id, {
      batchNo: 1,
      sheetNo: 1,
      marks: 'FF-',
    });
    const comparison = await paperComparison(context, staff.scrutineer1!, 'c1', round.id, {});
    expect(comparison.batches[0]!.disagreements[0]).toMatchObject({
      a: { enteredBy: '陈静' },
      b: { enteredBy: '杨帆' },
      resolution: { resolvedBy: '赵敏' },
    });
  });
});
