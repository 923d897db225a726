import { expect, it } from 'vitest';
import { defaultParameters, tallyRound } from '../../../../src/core/rules/index.ts';
import { inReadTransaction } from '../../../../src/persistence/index.ts';
import { myBallot } from '../../../../src/services/ballots/electronic/ballot-form.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import { electronicBallotSource } from '../../../../src/services/ballots/electronic/electronic-ballot-source.ts';
import {
  publishedBallots,
  recountPublished,
  verifyReceipt,
} from '../../../../src/services/ballots/electronic/publication.ts';
import { notYetVoted, votingProgress } from '../../../../src/services/ballots/electronic/turnout.ts';
import { ServiceError } from '../../../../src/services/errors.ts';
import { InputError } from '../../../../src/services/input-error.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { testContext } from '../../../support/http.ts';
import { closeAndOpen, delegateActor, openBallots, seedElectronicRound } from './fixtures.ts';

describeEachDatabase('electronic ballots: publication, receipts, progress, the ballot form', (target) => {
  async function votedRound() {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, { delegates: 24, candidates: 6, seats: 4 });
    const ballots: Array<{ marks: string; writeIns?: string[]; confirmInvalid?: boolean }> = [
      { marks: 'FFFA--' },
      { marks: 'FF-AAF' },
      { marks: 'F-F-F-', writeIns: ['丁宁'] },
      { marks: '------' },
      { marks: 'FFFFF-', confirmInvalid: true },
      { marks: 'AAAAAA' },
      { marks: 'FA-FA-', writeIns: ['丁宁', '于波'] },
    ];
    const receipts: string[] = [];
    // 20 of 24 vote (the last four do not), cycling through the ballots above.
    for (const [i, delegate] of fixture.delegates.slice(0, 20).entries()) {
      const { receipt } = await castElectronicBallot(
        context,
        delegateActor(fixture, delegate),
        fixture.congressId,
        fixture.roundId,
        ballots[i % ballots.length]!,
      );
      receipts.push(receipt);
    }
    return { database, context, fixture, receipts };
  }

  it('[B4] a receipt is a tracker: after the close it is found on the board, with its sealed ballot and never the marks', async () => {
    const { context, fixture, receipts } = await votedRound();
    const before = await verifyReceipt(context, fixture.congressId, fixture.roundId, receipts[2]!).catch(
      (e: unknown) => e,
    );
    expect(before).toMatchObject({
      status: 409,
      code: 'ballots-not-published',
      en: 'ballots are published after voting closes',
    });
    await expect(publishedBallots(context, fixture.congressId, fixture.roundId)).rejects.toMatchObject({
      status: 409,
    });
    await closeAndOpen(fixture, context);
    const mine = await verifyReceipt(
      context,
      fixture.congressId,
      fixture.roundId,
      receipts[2]!.replaceAll('-', '').toLowerCase(),
    );
    // Issue 13 item 5: what a voter can show of their receipt proves that the ballot was counted,
    // never how it was marked ('F-F-F-' with 丁宁 written in).
    expect(mine).toEqual({ tracker: receipts[2], onBoard: true, ciphertext: expect.any(String), sealed: 20 });
    expect(Object.keys(mine).sort()).toEqual(['ciphertext', 'onBoard', 'sealed', 'tracker']);
    expect(JSON.stringify(mine)).not.toMatch(/F-F-F-|丁宁|choices|marks/);
    await expect(
      verifyReceipt(context, fixture.congressId, fixture.roundId, 'AAAA-BBBB-CCCC'),
    ).rejects.toMatchObject({ status: 404 });
    await expect(verifyReceipt(context, fixture.congressId, fixture.roundId, 'short')).rejects.toBeInstanceOf(
      InputError,
    );
    // A receipt of one round is not found through another congress.
    await expect(
      verifyReceipt(context, 'other-congress', fixture.roundId, receipts[2]!),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('[B4] the board pairs no receipt with a content: sealed ballots by tracker, opened ballots by content', async () => {
    const { context, fixture, receipts } = await votedRound();
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    // Closed, not yet opened: the sealed ballots only.
    const sealedOnly = await publishedBallots(context, fixture.congressId, fixture.roundId);
    expect(sealedOnly).toMatchObject({ opened: false, ballots: [], openedSeal: null });
    expect(sealedOnly.sealed.map((b) => b.tracker)).toEqual([...receipts].sort());
    await openBallots(fixture, context);
    const board = await publishedBallots(context, fixture.congressId, fixture.roundId);
    expect(board.opened).toBe(true);
    expect(board.sealed).toEqual(sealedOnly.sealed);
    expect(board.ballots).toHaveLength(20);
    // Sorted by content: the same ballots are neighbours, whatever the order they were cast in.
    const marks = board.ballots.map((b) => b.marks);
    expect(marks).toEqual([...marks].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    for (const ballot of board.ballots)
      expect(Object.keys(ballot).sort()).toEqual(['choices', 'marks', 'valid', 'writeIns']);
    // The seals the audit chain recorded, for anyone to check against the lists.
    expect(board.sealedSeal).toMatchObject({ ballots: 20, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(board.openedSeal).toMatchObject({ ballots: 20, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('the published list, recounted by anyone, equals the official count from the ballot source', async () => {
    const { database, context, fixture } = await votedRound();
    await closeAndOpen(fixture, context);
    const published = await publishedBallots(context, fixture.congressId, fixture.roundId);
    expect(published.ballots).toHaveLength(20);
    expect(published).toMatchObject({
      candidates: fixture.candidates,
      seats: 4,
      maxFor: 4,
      status: 'closed',
    });

    const round = await database.db
      .selectFrom('rounds')
      .selectAll()
      .where('id', '=', fixture.roundId)
      .executeTakeFirstOrThrow();
    const box = await inReadTransaction(database, (db) => electronicBallotSource.ballotBox(db, round));
    const official = tallyRound({
      ruleSet: 'local-congress',
      office: 'committee-member',
      round: 'formal',
      seats: 4,
      electors: { expected: round.expected!, present: round.present! },
      ballotsIssued: round.ballots_issued!,
      candidates: fixture.candidates,
      ballots: box,
      parameters: {
        ...defaultParameters('local-congress', 'committee-member'),
        minSurplusPercent: 0,
        minSurplusCount: 0,
      },
    });
    expect(official.outcome).not.toBe('void');
    const recount = recountPublished(published);
    expect({ returned: recount.returned, valid: recount.valid, invalid: recount.invalid }).toEqual(
      official.ballots,
    );
    expect(recount.invalid).toBe(3); // the over-marked ballot, cast three times in the cycle
    for (const row of official.results) {
      const mine = row.writeIn
        ? recount.writeIns.find((w) => w.name === row.name)
        : recount.candidates.find((c) => c.name === row.name);
      expect(mine, row.name).toBeDefined();
      expect(mine!.for).toBe(row.for);
      if (!row.writeIn) expect(mine).toMatchObject({ against: row.against, abstain: row.abstain });
    }
    expect(recount.writeIns.map((w) => w.name).sort()).toEqual(
      official.results
        .filter((r) => r.writeIn)
        .map((r) => r.name)
        .sort(),
    );
  });

  it('the ballot source refuses an open round and a box whose ballots and voters disagree', async () => {
    const { database, fixture } = await votedRound();
    const load = async () => {
      const round = await database.db
        .selectFrom('rounds')
        .selectAll()
        .where('id', '=', fixture.roundId)
        .executeTakeFirstOrThrow();
      return inReadTransaction(database, (db) => electronicBallotSource.ballotBox(db, round));
    };
    await expect(load()).rejects.toMatchObject({ status: 409, code: 'round-not-closed' });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    // [B4] Sealed until the scrutineers' shares open the ballots.
    await expect(load()).rejects.toMatchObject({ status: 409, code: 'ballots-sealed', rule: 'B4' });
    await openBallots(fixture, testContext(database));
    const box = await load();
    expect(box).toMatchObject({ size: 20, candidateCount: 6 });
    await database.db
      .insertInto('electronic_voters')
      .values({ round_id: fixture.roundId, delegate_id: fixture.delegates[23]!.id })
      .execute();
    await expect(load()).rejects.toMatchObject({ status: 409, code: 'ballots-inconsistent' });
  });

  it('progress counts, and the names (only) of those who have not voted', async () => {
    const { context, fixture } = await votedRound();
    // 24 voting delegates and one whose rights were suspended after opening were present.
    expect(await votingProgress(context, fixture.congressId, fixture.roundId)).toEqual({
      roundId: fixture.roundId,
      status: 'open',
      issued: 25,
      voted: 20,
      notYetVoted: 5,
    });
    const waiting = await notYetVoted(context, fixture.congressId, fixture.roundId);
    const expected = [...fixture.delegates.slice(20), fixture.suspended];
    expect(waiting.map((d) => d.name).sort()).toEqual(expected.map((d) => d.name).sort());
    for (const entry of waiting) expect(Object.keys(entry).sort()).toEqual(['delegation', 'name']);
    // By delegation (in the congress's order), then by surname strokes.
    const order = ['机关代表团', '教育代表团', '卫生代表团', '企业代表团'];
    const ranks = waiting.map((w) => order.indexOf(w.delegation!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await expect(notYetVoted(context, fixture.congressId, 'no-such-round')).rejects.toMatchObject({
      status: 404,
    });
  });

  it("the delegate's ballot form: candidates in ballot order, seats, write-in slots, voted or not — never a receipt", async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database);
    const actor = delegateActor(fixture, fixture.delegates[0]!);
    const form = await myBallot(context, actor, fixture.congressId, fixture.roundId);
    expect(form).toMatchObject({
      roundId: fixture.roundId,
      title: '选举中国共产党某县第十五届委员会委员',
      kind: 'formal',
      kindLabel: { zh: '正式选举' },
      seats: 3,
      maxFor: 3,
      writeInSlots: 3,
      hasVoted: false,
      mayVote: true,
      status: 'open',
    });
    expect(form.candidates.map((c) => c.name)).toEqual(fixture.candidates);
    expect(form.candidates[0]).toMatchObject({ gender: '女' });
    expect(form.instructions.zh).toContain('多于3人的为无效票');
    const { receipt } = await castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, {
      marks: 'F----',
    });
    const after = await myBallot(context, actor, fixture.congressId, fixture.roundId);
    expect(after).toMatchObject({
      hasVoted: true,
      mayVote: false,
      reason: { zh: '您已在本轮投票，不能重复投票' },
    });
    expect(JSON.stringify(after)).not.toContain(receipt);
    expect(
      await myBallot(context, delegateActor(fixture, fixture.absent), fixture.congressId, fixture.roundId),
    ).toMatchObject({ mayVote: false, hasVoted: false });
    expect(
      await myBallot(context, delegateActor(fixture, fixture.suspended), fixture.congressId, fixture.roundId),
    ).toMatchObject({ mayVote: false });
    const noWriteIns = await seedElectronicRound(database, { tag: 'n', writeIns: false });
    expect(
      await myBallot(
        context,
        delegateActor(noWriteIns, noWriteIns.delegates[0]!),
        noWriteIns.congressId,
        noWriteIns.roundId,
      ),
    ).toMatchObject({ writeInSlots: 0 });
    await expect(
      myBallot(context, { kind: 'public' }, fixture.congressId, fixture.roundId),
    ).rejects.toBeInstanceOf(ServiceError);
  });
});
