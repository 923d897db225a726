import { expect, it } from 'vitest';
import { sittingAttendanceCounts } from '../../../src/services/attendance/attendance-counts.ts';
import { getCongress } from '../../../src/services/congress/congresses.ts';
import { listDelegates } from '../../../src/services/congress/delegates.ts';
import { listDelegations } from '../../../src/services/congress/delegations.ts';
import { listSittings } from '../../../src/services/congress/sittings.ts';
import { electionView } from '../../../src/services/elections/election-view.ts';
import { listMethods } from '../../../src/services/elections/methods.ts';
import { countRound } from '../../../src/services/elections/rounds.ts';
import { votesFor } from '../../core/rules/round-builder.ts';
import { describeEachDatabase, openMigrated } from '../databases.ts';
import { SYSTEM } from '../http.ts';
import { buildWorld, personNames, type Via, type World } from './index.ts';
import { insertRows, paperEntryRow } from './rows.ts';

// The builder writes in rows mode what the services write: the same world built both ways reads
// the same through the services (ids and times aside), and rows mode leaves the audit log empty.

async function aCongress(world: World) {
  const congress = await world.congress({
    number: 15,
    venue: '县会议中心',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  const delegations = await congress.delegations(['机关代表团', '教育代表团']);
  const delegates = await congress.delegates(6, { delegations });
  await congress.delegates([{ name: '列席人', votingRights: false, suspensionReason: '预备党员' }]);
  const sitting = await congress.sitting({ title: '第二次全体会议' });
  await congress.attendance(sitting.id, [
    ...delegates.slice(0, 5),
    { delegate: delegates[5]!, status: 'leave', leaveReason: '因病：住院' },
  ]);
  await congress.method({ overrides: { 'committee-member': { writeIns: false } } });
  const election = await congress.election({
    title: '选举县委委员',
    seats: 2,
    sitting: sitting.id,
    candidates: delegates.slice(0, 3),
    officers: [
      { role: 'chief-scrutineer', name: delegates[4]!.name },
      { role: 'teller', name: '计票人甲' },
    ],
  });
  return { congress, sitting, election };
}

/** Ids and times stand as placeholders (null where there is none): the services choose them. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      /^id$|Id$/.test(key)
        ? [key, v === null ? null : 'id']
        : /At$/.test(key)
          ? [key, v === null ? null : 'at']
          : [key, scrub(v)],
    ),
  );
}

/** What the services read of the world. */
async function seen(world: World, built: Awaited<ReturnType<typeof aCongress>>) {
  const { context } = world;
  const db = context.database.db;
  const id = built.congress.id;
  const delegations = await listDelegations(context, id);
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  return scrub({
    congress: await getCongress(context, id),
    delegations,
    delegates: (await listDelegates(context, SYSTEM, id)).map((d) => ({
      ...d,
      delegation: d.delegationId ? names.get(d.delegationId) : null,
    })),
    sittings: await listSittings(context, id),
    attendance: await sittingAttendanceCounts(db, id, built.sitting.id),
    methods: await listMethods(db, id),
    election: await electionView(db, id, built.election.id, { staff: true }),
  });
}

async function builtBy(target: Parameters<typeof openMigrated>[0], via: Via) {
  const database = await openMigrated(target);
  const world = buildWorld(database, { via });
  const built = await aCongress(world);
  const audit = await database.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
  return { world, built, seen: await seen(world, built), audit: audit.map((a) => a.action) };
}

describeEachDatabase('the test builder', (target) => {
  it('builds in rows what the services build: the same congress, delegates, sitting, attendance, method and election', async () => {
    const rows = await builtBy(target, 'rows');
    const services = await builtBy(target, 'services');
    expect(rows.seen).toEqual(services.seen);
    expect(rows.seen).toMatchObject({
      congress: {
        title: '中国共产党某县第十五次代表大会',
        status: 'in-session',
        ruleSet: 'local-congress',
      },
      attendance: { expected: 6, present: 5 },
    });
    expect(rows.built.congress.id).toBe('w-congress-1');
    expect(rows.audit).toEqual([]);
    expect(services.audit).toContain('congress.create');
    expect(services.audit).toContain('attendance.check-in');
  });

  it('writes a round in the state asked for; a counted one holds what countRound would count', async () => {
    const database = await openMigrated(target);
    const world = buildWorld(database);
    const { congress, election } = await aCongress(world);
    const [a, b, c] = election.candidates.map((x) => x.name);
    const ballots = [votesFor(3, a!, b!), votesFor(2, b!, c!)];
    const counted = await election.round({ status: 'counted', present: 5, ballots });
    expect(counted.result?.elected).toEqual([b]);
    // countRound over the same ballots, stored as a paper round's agreed sheets, stores the same.
    await database.db.updateTable('rounds').set({ status: 'closed' }).where('id', '=', counted.id).execute();
    const sheets = ballots.flatMap((ballot) =>
      Array.from({ length: ballot.count ?? 1 }, () =>
        counted.candidates.map((name) => (ballot.marks?.[name] === 'for' ? 'F' : '-')).join(''),
      ),
    );
    const teller = await world.staff('teller', [{ congressId: congress.id, role: 'teller' }]);
    await world.write((trx) =>
      insertRows(
        trx,
        'paper_entries',
        sheets.flatMap((marks, i) =>
          (['A', 'B'] as const).map((pass) =>
            paperEntryRow({
              id: `${pass}-${i}`,
              round_id: counted.id,
              pass,
              sheet_no: i + 1,
              marks,
              entered_by: teller.accountId,
            }),
          ),
        ),
      ),
    );
    expect(await countRound(world.context, SYSTEM, congress.id, counted.id)).toEqual(counted.result);
    const open = await election.round({ kind: 'supplementary', candidates: [a!, c!], seats: 1 });
    expect(open).toMatchObject({ status: 'open', candidates: [a, c], result: null });
  });

  it('a meeting of the committee takes its roster from the term’s register', async () => {
    const world = buildWorld(await openMigrated(target));
    const city = await world.organisation({
      name: '中共某市委员会',
      shortName: '市委',
      locality: '某市',
      level: 'city',
    });
    const term = await world.term({ organisation: city.id, number: 8 });
    await world.positions(
      term.id,
      personNames(5).map((person) => ({ person, position: 'member' as const })),
    );
    const { congress, sittingId } = await world.meeting(term.id, {
      committee: 'plenary',
      heldAt: '2026-09-20T09:00',
    });
    expect(congress).toMatchObject({ kind: 'plenary', termId: term.id });
    expect(await congress.electors()).toBe(5);
    expect(sittingId).toEqual(expect.any(String));
  });
});
