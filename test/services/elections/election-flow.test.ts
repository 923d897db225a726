import { afterEach, expect, it } from 'vitest';
import type { Role } from '../../../src/persistence/congress-schema.ts';
import type { Database } from '../../../src/persistence/index.ts';
import type { Actor } from '../../../src/services/actor.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { enterPaperBallot } from '../../../src/services/ballots/paper/paper-entry.ts';
import { electionView } from '../../../src/services/elections/election-view.ts';
import {
  createElection,
  setBallotMode,
  setCandidates,
  setOfficers,
} from '../../../src/services/elections/elections.ts';
import { prepareFirstPlenary } from '../../../src/services/elections/first-plenary.ts';
import { createMethod, recordMethodVote } from '../../../src/services/elections/methods.ts';
import {
  announceRound,
  closeRound,
  countRound,
  openRound,
  reduceSeats,
  signOffRound,
} from '../../../src/services/elections/rounds.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, testContext } from '../../support/http.ts';

const CONGRESS = 'c13';
const SITTING = 's2';
// 20 delegates; the candidates are the first four.
const NAMES = [
  '丁宁',
  '王刚',
  '李强',
  '张伟',
  '赵敏',
  '刘洋',
  '陈静',
  '杨帆',
  '黄磊',
  '周杰',
  '吴昊',
  '徐丽',
  '孙涛',
  '胡军',
  '朱红',
  '高峰',
  '林平',
  '何勇',
  '郭文',
  '马超',
];
const CANDIDATES = ['丁宁', '王刚', '李强', '张伟'];

function account(id: string, role: Role): Actor {
  return {
    kind: 'account',
    accountId: id,
    username: id,
    displayName: id,
    roles: new Map([[CONGRESS, new Set<Role>([role])]]),
  };
}

/** The congress (rows: ids c13 and s2), its 20 delegates and an open sitting; the staff accounts by username. */
async function seed(database: Database): Promise<{ delegates: string[]; ids: Record<string, string> }> {
  const world = buildWorld(database, { at: '2026-09-27T00:00:00.000Z' });
  const congress = await world.congress({
    id: CONGRESS,
    organisation: {
      name: '中国共产党示范市委员会',
      shortName: '示范市委',
      locality: '示范市',
      level: 'city',
    },
    number: 13,
    venue: '大礼堂',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  const delegates = await congress.delegates(NAMES.map((name) => ({ name })));
  await congress.sitting({ id: SITTING, title: '第二次全体会议', sortOrder: 2 });
  const ids: Record<string, string> = {};
  for (const [username, role] of [
    ['tellerA', 'teller'],
    ['tellerB', 'teller'],
    ['scrutineer', 'scrutineer'],
    ['presiding', 'presiding'],
  ] as const) {
    ids[username] = (await world.staff(username, [{ congressId: CONGRESS, role }])).accountId;
  }
  return { delegates: delegates.map((d) => d.id), ids };
}

describeEachDatabase('an election from method to first plenary', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('[P4][Q1][T4][P2][P6][P5] method, check-in, paper round, supplementary round, completion, first plenary', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const { delegates, ids } = await seed(database);
    const teller = (name: string) => account(ids[name]!, 'teller');
    const scrutineer = account(ids.scrutineer!, 'scrutineer');
    const presiding = account(ids.presiding!, 'presiding');

    const { id: electionId } = await createElection(context, SYSTEM, CONGRESS, {
      office: 'committee-member',
      title: '委员',
      seats: 3,
      ballotMode: 'paper',
      sittingId: SITTING,
    });
    const { verdict, ballotOrder } = await setCandidates(
      context,
      SYSTEM,
      CONGRESS,
      electionId,
      CANDIDATES.map((name) => ({ name })),
    );
    expect(verdict).toMatchObject({ rule: 'C2', ok: true });
    expect(ballotOrder).toEqual(['丁宁', '王刚', '李强', '张伟']);
    await expect(
      setOfficers(context, SYSTEM, CONGRESS, electionId, [{ role: 'chief-scrutineer', name: '丁宁' }]),
    ).rejects.toMatchObject({ rule: 'P1' });
    await setOfficers(context, SYSTEM, CONGRESS, electionId, [
      { role: 'chief-scrutineer', name: '赵敏', accountId: ids.scrutineer! },
      { role: 'scrutineer', name: '刘洋' },
      { role: 'teller', name: '陈静' },
    ]);

    // [P4] no ballot before the method is adopted.
    await expect(
      openRound(context, presiding, CONGRESS, electionId, { kind: 'formal' }),
    ).rejects.toMatchObject({ rule: 'P4' });
    const { id: methodId } = await createMethod(context, SYSTEM, CONGRESS, {
      title: '选举办法',
      overrides: {},
    });
    expect(
      await recordMethodVote(context, SYSTEM, CONGRESS, methodId, {
        votesFor: 10,
        votesAgainst: 0,
        votesAbstain: 0,
        expected: 20,
      }),
    ).toMatchObject({ adopted: false });
    const { id: method2 } = await createMethod(context, SYSTEM, CONGRESS, {
      title: '选举办法（修改稿）',
      overrides: {},
    });
    expect(
      await recordMethodVote(context, SYSTEM, CONGRESS, method2, {
        votesFor: 11,
        votesAgainst: 0,
        votesAbstain: 1,
        expected: 20,
      }),
    ).toMatchObject({ adopted: true });

    // [Q1] 10 of 20 present is not more than half.
    for (const i of NAMES.keys()) {
      if (i >= 10) break;
      await checkIn(context, SYSTEM, {
        congressId: CONGRESS,
        sittingId: SITTING,
        delegate: { delegateId: delegates[i]! },
        desk: '1号签到台',
      });
    }
    await expect(
      openRound(context, presiding, CONGRESS, electionId, { kind: 'formal' }),
    ).rejects.toMatchObject({ rule: 'Q1' });
    expect(await database.db.selectFrom('rounds').select('id').execute()).toEqual([]);
    for (const i of [10, 11, 12, 13, 14, 15]) {
      await checkIn(context, SYSTEM, {
        congressId: CONGRESS,
        sittingId: SITTING,
        delegate: { delegateId: delegates[i]! },
        desk: '2号签到台',
      });
    }
    // Until voting begins the secretariat may change its mind about the kind of ballot.
    await setBallotMode(context, SYSTEM, CONGRESS, electionId, 'electronic');
    await setBallotMode(context, SYSTEM, CONGRESS, electionId, 'paper');
    const modeChanges = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'election.ballot-mode')
      .orderBy('seq')
      .execute();
    expect(modeChanges.map((e) => JSON.parse(e.after_json ?? 'null'))).toEqual([
      { ballotMode: 'electronic' },
      { ballotMode: 'paper' },
    ]);
    const { roundId } = await openRound(context, presiding, CONGRESS, electionId, { kind: 'formal' });
    await expect(setBallotMode(context, SYSTEM, CONGRESS, electionId, 'electronic')).rejects.toMatchObject({
      code: 'election-started',
    });

    // 16 ballots over the printed order 丁宁, 王刚, 李强, 张伟; the last one marks four names for three seats.
    const sheets = [
      ...Array.from({ length: 5 }, () => 'FFF-'),
      ...Array.from({ length: 5 }, () => 'FF-F'),
      ...Array.from({ length: 5 }, () => 'F-FF'),
      'FFFF', // over-marked: invalid [B3]
    ];
    for (const [index, marks] of sheets.entries()) {
      for (const pass of ['A', 'B'] as const) {
        await enterPaperBallot(context, teller(pass === 'A' ? 'tellerA' : 'tellerB'), CONGRESS, roundId, {
          pass,
          batchNo: 1,
          sheetNo: index + 1,
          marks,
        });
      }
    }
    await closeRound(context, presiding, CONGRESS, roundId, { ballotsIssued: 16 });
    const result = await countRound(context, teller('tellerA'), CONGRESS, roundId);
    // 丁宁 15, 王刚 10, 李强 10, 张伟 10, and more than half of the 20 expected is 11: only 丁宁 is elected.
    expect(result.ballots).toEqual({ returned: 16, valid: 15, invalid: 1 });
    expect(result.threshold).toEqual({ rule: 'T1', base: 20, minimumFor: 11 });
    expect(result.elected).toEqual(['丁宁']);
    expect(result.outcome).toBe('shortfall');
    // [P2] not announced before a scrutineer signs.
    await expect(announceRound(context, presiding, CONGRESS, roundId)).rejects.toMatchObject({ rule: 'P2' });
    // [P2] a scrutineer of the congress who is not one this election appointed may not sign.
    await expect(
      signOffRound(context, account('another-scrutineer', 'scrutineer'), CONGRESS, roundId),
    ).rejects.toMatchObject({ status: 403, rule: 'P2', code: 'not-appointed-scrutineer' });
    // The sign-off is announced on the stream, so the presiding officer's page need not poll for it.
    const published: unknown[] = [];
    const unsubscribe = context.events.subscribe(CONGRESS, (event) => published.push(event));
    await signOffRound(context, scrutineer, CONGRESS, roundId);
    unsubscribe();
    expect(published).toEqual([
      expect.objectContaining({ type: 'voting', data: { roundId, electionId, status: 'signed-off' } }),
    ]);
    await announceRound(context, presiding, CONGRESS, roundId);

    let view = await electionView(database.db, CONGRESS, electionId, { staff: true });
    expect(view.chain.next).toMatchObject({
      step: 'decide-shortfall',
      seats: 2,
      eligible: ['王刚', '李强', '张伟'],
    });
    // [T4] supplementary round among the non-elected, with the [C2] surplus: 3 candidates for 2 seats.
    const supplementary = await openRound(context, presiding, CONGRESS, electionId, {
      kind: 'supplementary',
      candidates: ['王刚', '李强', '张伟'],
    });
    const second = [
      'FF-',
      'FF-',
      'FF-',
      'FF-',
      'FF-',
      'FF-',
      'F-F',
      'F-F',
      'F-F',
      'F-F',
      'F-F',
      '-FF',
      '-FF',
      '-FF',
      '-FF',
      '-FF',
    ];
    for (const [index, marks] of second.entries()) {
      for (const pass of ['A', 'B'] as const) {
        await enterPaperBallot(
          context,
          teller(pass === 'A' ? 'tellerA' : 'tellerB'),
          CONGRESS,
          supplementary.roundId,
          { pass, batchNo: 1, sheetNo: index + 1, marks },
        );
      }
    }
    await closeRound(context, presiding, CONGRESS, supplementary.roundId, { ballotsIssued: 16 });
    // 王刚 11, 李强 11, 张伟 10 (of the printed order 王刚, 李强, 张伟): both seats filled.
    const supplementaryResult = await countRound(context, teller('tellerB'), CONGRESS, supplementary.roundId);
    expect(supplementaryResult.elected).toEqual(['王刚', '李强']);
    await signOffRound(context, scrutineer, CONGRESS, supplementary.roundId);
    await announceRound(context, presiding, CONGRESS, supplementary.roundId);

    view = await electionView(database.db, CONGRESS, electionId, { staff: true });
    expect(view.status).toBe('complete');
    expect(view.chain.elected).toEqual(['丁宁', '王刚', '李强']);
    const positions = await database.db
      .selectFrom('term_positions')
      .select(['person_name', 'position', 'reporting_status'])
      .execute();
    expect(positions).toHaveLength(3);
    expect(positions.every((p) => p.position === 'member' && p.reporting_status === 'filed')).toBe(true);

    // [T4] there is nothing left to reduce.
    await expect(
      reduceSeats(context, presiding, CONGRESS, electionId, { seats: 1, approvedBy: 'presidium' }),
    ).rejects.toBeInstanceOf(ServiceError);

    // [P5] the first plenary: its electorate is the three new members.
    const plenary = await prepareFirstPlenary(context, SYSTEM, CONGRESS, {
      startsOn: '2026-09-29',
      venue: '大礼堂',
      standingCommitteeSeats: 1,
      deputySecretarySeats: 1,
      ballotMode: 'electronic',
    });
    const roster = await database.db
      .selectFrom('delegates')
      .select(['name', 'voting_rights'])
      .where('congress_id', '=', plenary.plenaryId)
      .execute();
    expect(roster.map((r) => r.name).sort()).toEqual(['丁宁', '李强', '王刚'].sort());
    const plenaryRow = await database.db
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', plenary.plenaryId)
      .executeTakeFirstOrThrow();
    expect(plenaryRow).toMatchObject({
      kind: 'plenary',
      plenary_number: 1,
      rule_set: 'local-plenary',
      title: '中国共产党示范市第十三届委员会第一次全体会议',
    });
    expect(Object.keys(plenary.electionIds).sort()).toEqual([
      'deputy-secretary',
      'secretary',
      'standing-committee',
    ]);
  });
});
