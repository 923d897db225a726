import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { verifyAuditChain } from '../../../src/persistence/index.ts';
import { roundKeyStatus } from '../../../src/services/ballots/electronic/key-shares.ts';
import { enterPaperBallot } from '../../../src/services/ballots/paper/paper-entry.ts';
import {
  ballotMaker,
  keepRehearsalShares,
  rehearsalAllowed,
  rehearsalState,
  rehearseCheckIns,
  rehearseElectronicVotes,
  rehearseKeyShares,
  rehearsePaperKeying,
} from '../../../src/services/demo/rehearsal.ts';
import { DEMO_ACTOR, seedDemo } from '../../../src/services/demo/seed-demo.ts';
import { setBallotMode } from '../../../src/services/elections/elections.ts';
import { closeRound, countRound, openRound } from '../../../src/services/elections/rounds.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import {
  accountActor,
  adoptDemoMethod,
  adoptDemoScrutineers,
  openDemoPlenary,
} from '../../support/demo-congress.ts';
import { testContext } from '../../support/http.ts';

// 演练: in the demo congress one administrator can let the rest of the hall act — check in, vote
// on their phones, key the paper ballots — through the same services, so a newcomer can run the
// congress alone. A real congress refuses.

it('[B3] rehearsal ballots are plausible, valid and the same on every run of a round', () => {
  const make = ballotMaker('round-1', 9, 8);
  const ballots = Array.from({ length: 500 }, make);
  for (const marks of ballots) {
    expect(marks).toMatch(/^[FA-]{9}$/);
    expect([...marks].filter((m) => m === 'F').length).toBeLessThanOrEqual(8);
  }
  const again = ballotMaker('round-1', 9, 8);
  expect(Array.from({ length: 500 }, again)).toEqual(ballots);
  // Support differs between candidates, so a differential election has losers.
  const forCounts = Array.from({ length: 9 }, (_, j) => ballots.filter((b) => b[j] === 'F').length);
  expect(Math.max(...forCounts) - Math.min(...forCounts)).toBeGreaterThan(100);
});

describeEachDatabase('rehearsal in the demo congress', (target) => {
  let database: Database;
  afterEach(async () => database?.close());

  it('the rest of the hall checks in, votes electronically and keys paper ballots; a real congress refuses', async () => {
    database = await openMigrated(target);
    const context = testContext(database);
    const db = database.db;
    const { congressId } = await seedDemo(context);
    const staff = (username: string) => accountActor(db, username);
    const presiding = await staff('presiding');
    const plenary = { id: await openDemoPlenary(context, congressId) };

    // Of 303 arriving, the demo's usual few ask for leave with a reason: the reports carry 请假.
    expect(await rehearseCheckIns(context, DEMO_ACTOR, congressId, plenary.id, 303)).toEqual({
      checkedIn: 300,
      onLeave: 3,
    });
    const attendance = await db
      .selectFrom('attendance')
      .select(['delegate_id', 'status', 'leave_reason'])
      .where('sitting_id', '=', plenary.id)
      .execute();
    expect(attendance.filter((row) => row.status === 'present')).toHaveLength(300);
    expect(attendance.filter((row) => row.status === 'leave').map((row) => row.leave_reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^因(事|病)/)]),
    );

    await adoptDemoMethod(context, congressId, 300);
    await adoptDemoScrutineers(context, congressId);
    const election = (office: string) =>
      db
        .selectFrom('elections')
        .select('id')
        .where('congress_id', '=', congressId)
        .where('office', '=', office)
        .executeTakeFirstOrThrow();

    // Electronic: all 300 present electors vote; a repeated request finds nobody left to vote.
    const delegates = await election('delegate');
    await setBallotMode(context, DEMO_ACTOR, congressId, delegates.id, 'electronic');
    // [B4] The opening hands out the scrutineers' shares of the round key; the rehearsal holds
    // them (in memory, as the opening's route does) to stand in for the scrutineers after the close.
    const electronic = await openRound(context, presiding, congressId, delegates.id, { kind: 'formal' });
    expect(electronic.key?.shares.length).toBeGreaterThanOrEqual(electronic.key?.threshold ?? Infinity);
    await keepRehearsalShares(context, congressId, electronic.roundId, electronic.key);
    expect(await rehearseElectronicVotes(context, DEMO_ACTOR, congressId, electronic.roundId)).toEqual({
      cast: 300,
    });
    expect(await rehearseElectronicVotes(context, DEMO_ACTOR, congressId, electronic.roundId)).toEqual({
      cast: 0,
    });
    // Shares are refused while voting is open: the ballots stay sealed until the close.
    await expect(
      rehearseKeyShares(context, DEMO_ACTOR, congressId, electronic.roundId),
    ).rejects.toMatchObject({ status: 409, code: 'round-still-open' });
    await closeRound(context, presiding, congressId, electronic.roundId, {});
    // Sealed, the round cannot be counted until the shares open it.
    await expect(countRound(context, DEMO_ACTOR, congressId, electronic.roundId)).rejects.toMatchObject({
      status: 409,
      code: 'ballots-sealed',
    });
    expect(await roundKeyStatus(context, congressId, electronic.roundId)).toMatchObject({
      sealed: 300,
      opened: false,
    });
    const opened = await rehearseKeyShares(context, DEMO_ACTOR, congressId, electronic.roundId);
    expect(opened).toMatchObject({ sealed: 300, opened: true, threshold: electronic.key!.threshold });
    const counted = await countRound(context, DEMO_ACTOR, congressId, electronic.roundId);
    expect(counted.ballots).toEqual({ returned: 300, valid: 300, invalid: 0 });

    // Paper: 300 sheets handed out, keyed twice by two tellers, in agreement.
    const alternates = await election('alternate-member');
    const paper = await openRound(context, presiding, congressId, alternates.id, { kind: 'formal' });
    await closeRound(context, presiding, congressId, paper.roundId, { ballotsIssued: 300 });
    // teller1 has keyed the first sheet in pass A: its pass B goes to another teller [P2].
    await enterPaperBallot(context, await staff('teller1'), congressId, paper.roundId, {
      pass: 'A',
      batchNo: 1,
      sheetNo: 1,
      marks: 'FFFFFFFF-',
    });
    const waiting = await rehearsalState(db, congressId);
    expect(waiting.rounds).toEqual([
      expect.objectContaining({ roundId: paper.roundId, mode: 'paper', pending: 300 }),
    ]);
    expect(await rehearsePaperKeying(context, DEMO_ACTOR, congressId, paper.roundId)).toEqual({
      sheets: 300,
    });
    expect((await rehearsalState(db, congressId)).rounds[0]).toMatchObject({ pending: 0 });
    expect(await rehearsePaperKeying(context, DEMO_ACTOR, congressId, paper.roundId)).toEqual({ sheets: 0 });
    const entries = await db
      .selectFrom('paper_entries')
      .select(['pass', 'entered_by'])
      .where('round_id', '=', paper.roundId)
      .execute();
    expect(entries).toHaveLength(600);
    const firstSheet = await db
      .selectFrom('paper_entries')
      .select(['pass', 'marks', 'entered_by'])
      .where('round_id', '=', paper.roundId)
      .where('batch_no', '=', 1)
      .where('sheet_no', '=', 1)
      .orderBy('pass')
      .execute();
    expect(firstSheet.map((e) => e.marks)).toEqual(['FFFFFFFF-', 'FFFFFFFF-']);
    expect(firstSheet[1]!.entered_by).not.toBe(firstSheet[0]!.entered_by);
    const paperResult = await countRound(context, DEMO_ACTOR, congressId, paper.roundId);
    expect(paperResult.ballots.returned).toBe(300);

    const requests = await db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', 'like', 'rehearsal.%')
      .orderBy('seq')
      .execute();
    expect(requests.map((r) => r.action)).toEqual([
      'rehearsal.check-in',
      'rehearsal.vote',
      'rehearsal.vote',
      'rehearsal.key-shares',
      'rehearsal.paper-keying',
      'rehearsal.paper-keying',
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Another congress of the same organisation is real: refused, and nothing written.
    const demo = await db
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', congressId)
      .executeTakeFirstOrThrow();
    await buildWorld(context.database).congress({
      id: 'real-congress',
      organisation: demo.organisation_id,
      number: 14,
      status: demo.status,
    });
    expect(await rehearsalAllowed(db, 'real-congress')).toBe(false);
    const entriesBefore = await db.selectFrom('audit_log').select('seq').execute();
    await expect(
      rehearseCheckIns(context, DEMO_ACTOR, 'real-congress', plenary.id, 10),
    ).rejects.toMatchObject({ status: 409, code: 'not-a-rehearsal' });
    expect(await db.selectFrom('audit_log').select('seq').execute()).toHaveLength(entriesBefore.length);
    expect(await rehearsalState(db, 'real-congress')).toEqual({ allowed: false, sittings: [], rounds: [] });
  });
});
