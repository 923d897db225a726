import { expect, it } from 'vitest';
import type { Actor } from '../../../../src/services/actor.ts';
import { castElectronicBallot } from '../../../../src/services/ballots/electronic/cast.ts';
import { ServiceError } from '../../../../src/services/errors.ts';
import type { CongressEvent } from '../../../../src/services/events.ts';
import { InputError } from '../../../../src/services/input-error.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { testContext } from '../../../support/http.ts';
import { castCounts, closeAndOpen, delegateActor, seedElectronicRound } from './fixtures.ts';

async function refusal(promise: Promise<unknown>): Promise<ServiceError | InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError || error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describeEachDatabase('casting an electronic ballot', (target) => {
  async function setUp(options: Parameters<typeof seedElectronicRound>[1] = {}) {
    const database = await openMigrated(target);
    const context = testContext(database);
    const fixture = await seedElectronicRound(database, options);
    return { database, context, fixture };
  }

  it('[B4] casts and returns a receipt; writes one voter row, one sealed ballot, one audit entry without receipt or marks; publishes counts', async () => {
    const { database, context, fixture } = await setUp();
    const events: CongressEvent[] = [];
    context.events.subscribe(fixture.congressId, (event) => events.push(event));
    const voter = fixture.delegates[0]!;
    const { receipt } = await castElectronicBallot(
      context,
      delegateActor(fixture, voter),
      fixture.congressId,
      fixture.roundId,
      { marks: 'FFA--' },
    );
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await castCounts(database)).toEqual({ ballots: 1, voters: 1, audit: 1 });
    // Sealed to the round's key, under its tracker (the receipt); nothing in the clear.
    const ballot = await database.db.selectFrom('sealed_ballots').selectAll().executeTakeFirstOrThrow();
    expect(ballot).toEqual({ tracker: receipt, round_id: fixture.roundId, ciphertext: expect.any(String) });
    expect(ballot.ciphertext).not.toContain('FFA--');
    expect(Buffer.from(ballot.ciphertext, 'base64').toString('latin1')).not.toContain('FFA--');
    expect(await database.db.selectFrom('electronic_ballots').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('electronic_voters').selectAll().execute()).toEqual([
      { round_id: fixture.roundId, delegate_id: voter.id },
    ]);
    const audit = await database.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor: `delegate:${voter.id}`,
      action: 'ballot.electronic.vote',
      subject: `round:${fixture.roundId}`,
    });
    // [B4] the audit log says who voted (and, being timestamped, when) — never what, never the receipt.
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(receipt);
    expect(auditText).not.toContain(receipt.replaceAll('-', ''));
    expect(auditText).not.toContain('FFA--');
    expect(JSON.parse(audit.after_json!)).toEqual({ voted: true });
    expect(events).toEqual([
      {
        type: 'voting',
        congressId: fixture.congressId,
        data: { roundId: fixture.roundId, voted: 1, issued: fixture.delegates.length + 1 },
      },
    ]);
  });

  it('[B4] stores write-ins as cast, and a blank ballot, sealed to one length; opened after the close as cast', async () => {
    const { database, context, fixture } = await setUp();
    await castElectronicBallot(
      context,
      delegateActor(fixture, fixture.delegates[0]!),
      fixture.congressId,
      fixture.roundId,
      { marks: 'F-A--', writeIns: [' 丁宁 '] },
    );
    await castElectronicBallot(
      context,
      delegateActor(fixture, fixture.delegates[1]!),
      fixture.congressId,
      fixture.roundId,
      { marks: '-----' },
    );
    // A ballot with a name written in is as long as a blank one: the length says nothing.
    const sealed = await database.db.selectFrom('sealed_ballots').select('ciphertext').execute();
    expect(new Set(sealed.map((b) => Buffer.from(b.ciphertext, 'base64').length)).size).toBe(1);
    await closeAndOpen(fixture, context);
    const rows = await database.db
      .selectFrom('electronic_ballots')
      .select(['marks', 'write_ins_json'])
      .execute();
    expect(rows.sort((a, b) => a.marks.localeCompare(b.marks))).toEqual([
      { marks: '-----', write_ins_json: null },
      { marks: 'F-A--', write_ins_json: '["丁宁"]' },
    ]);
  });

  it('refuses a second ballot from the same delegate with 409 and writes nothing', async () => {
    const { database, context, fixture } = await setUp();
    const actor = delegateActor(fixture, fixture.delegates[0]!);
    await castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, { marks: 'F----' });
    const before = await castCounts(database);
    const second = await refusal(
      castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, { marks: 'AAAAA' }),
    );
    expect(second).toMatchObject({
      status: 409,
      code: 'already-voted',
      zh: expect.stringContaining('已在本轮投票'),
    });
    expect(await castCounts(database)).toEqual(before);
    await closeAndOpen(fixture, context);
    expect(
      (await database.db.selectFrom('electronic_ballots').select('marks').execute()).map((b) => b.marks),
    ).toEqual(['F----']);
  });

  it('30 concurrent casts by the same delegate store exactly one ballot', async () => {
    const { database, context, fixture } = await setUp();
    const actor = delegateActor(fixture, fixture.delegates[0]!);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, {
          marks: i % 2 ? 'F----' : '-F---',
        }),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(29);
    for (const r of refused) expect(r.reason).toMatchObject({ status: 409, code: 'already-voted' });
    expect(await castCounts(database)).toEqual({ ballots: 1, voters: 1, audit: 1 });
  });

  it('many delegates voting at once all get distinct receipts, none lost', async () => {
    const { database, context, fixture } = await setUp({ delegates: 40 });
    const receipts = await Promise.all(
      fixture.delegates.map((d, i) =>
        castElectronicBallot(context, delegateActor(fixture, d), fixture.congressId, fixture.roundId, {
          marks: i % 3 ? 'FF-A-' : 'AF---',
        }),
      ),
    );
    expect(new Set(receipts.map((r) => r.receipt)).size).toBe(40);
    expect(await castCounts(database)).toEqual({ ballots: 40, voters: 40, audit: 40 });
  });

  it('casts arriving together share a commit, each judged on its own: refusals write nothing, the rest are stored', async () => {
    const { database, context, fixture } = await setUp({ delegates: 6 });
    const cast = (actor: Actor, marks = 'F-A--') =>
      castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, { marks });
    const [a, b, c] = fixture.delegates;
    const outcomes = await Promise.allSettled([
      cast(delegateActor(fixture, a!)),
      cast(delegateActor(fixture, fixture.absent)), // [Q5] not present at opening
      cast(delegateActor(fixture, b!)),
      cast(delegateActor(fixture, a!)), // the same delegate again, in the same group
      cast(delegateActor(fixture, c!), 'FFFFF'), // [B3] over-marked, not confirmed
      cast(delegateActor(fixture, fixture.suspended)), // [Q4]
      cast(delegateActor(fixture, c!)),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as ServiceError).code))).toEqual([
      'ok',
      'rule-violation',
      'ok',
      'already-voted',
      expect.any(String),
      'rule-violation',
      'ok',
    ]);
    expect(await castCounts(database)).toEqual({ ballots: 3, voters: 3, audit: 3 });
    const voters = await database.db.selectFrom('electronic_voters').select('delegate_id').execute();
    expect(voters.map((v) => v.delegate_id).sort()).toEqual([a!.id, b!.id, c!.id].sort());
  });

  it('[Q5] refuses a delegate who was not present when the vote opened, and writes nothing', async () => {
    const { database, context, fixture } = await setUp();
    const error = await refusal(
      castElectronicBallot(
        context,
        delegateActor(fixture, fixture.absent),
        fixture.congressId,
        fixture.roundId,
        { marks: 'F----' },
      ),
    );
    expect(error).toMatchObject({ status: 422, rule: 'Q5', zh: expect.stringContaining('未登记到会') });
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
  });

  it('[Q4] refuses a delegate without voting rights, and writes nothing', async () => {
    const { database, context, fixture } = await setUp();
    const error = await refusal(
      castElectronicBallot(
        context,
        delegateActor(fixture, fixture.suspended),
        fixture.congressId,
        fixture.roundId,
        { marks: 'F----' },
      ),
    );
    expect(error).toMatchObject({ status: 422, rule: 'Q4' });
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
  });

  it('[Q5] no proxy: a staff account cannot cast, nor a delegate of another congress, nor anyone for a stranger', async () => {
    const { database, context, fixture } = await setUp();
    const admin: Actor = {
      kind: 'account',
      accountId: 'a1',
      username: 'secretariat',
      displayName: '秘书处',
      roles: new Map([['*', new Set(['admin' as const])]]),
    };
    expect(
      await refusal(
        castElectronicBallot(context, admin, fixture.congressId, fixture.roundId, { marks: 'F----' }),
      ),
    ).toMatchObject({ status: 403, rule: 'Q5' });
    const foreign: Actor = {
      kind: 'delegate',
      delegateId: fixture.delegates[0]!.id,
      congressId: 'other-congress',
      name: 'x',
    };
    expect(
      await refusal(
        castElectronicBallot(context, foreign, fixture.congressId, fixture.roundId, { marks: 'F----' }),
      ),
    ).toMatchObject({ status: 403 });
    const stranger: Actor = {
      kind: 'delegate',
      delegateId: 'no-such-delegate',
      congressId: fixture.congressId,
      name: 'x',
    };
    expect(
      await refusal(
        castElectronicBallot(context, stranger, fixture.congressId, fixture.roundId, { marks: 'F----' }),
      ),
    ).toMatchObject({ status: 403 });
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
  });

  it('only while the round is open, only for electronic rounds, only rounds of this congress', async () => {
    const { database, context, fixture } = await setUp();
    const actor = delegateActor(fixture, fixture.delegates[0]!);
    expect(
      await refusal(
        castElectronicBallot(context, actor, fixture.congressId, 'no-such-round', { marks: 'F----' }),
      ),
    ).toMatchObject({ status: 404 });
    await fixture.world.setRoundStatus(fixture.roundId, 'closed');
    expect(
      await refusal(
        castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, { marks: 'F----' }),
      ),
    ).toMatchObject({
      status: 409,
      code: 'round-not-open',
    });
    const paper = await seedElectronicRound(database, { tag: 'p', mode: 'paper' });
    const paperActor = delegateActor(paper, paper.delegates[0]!);
    expect(
      await refusal(
        castElectronicBallot(context, paperActor, paper.congressId, paper.roundId, { marks: 'F----' }),
      ),
    ).toMatchObject({
      status: 409,
      code: 'not-electronic',
    });
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
  });

  it('refuses bad input with the field named in English and Chinese, and writes nothing', async () => {
    const { database, context, fixture } = await setUp();
    const noWriteIns = await seedElectronicRound(database, { tag: 'n', writeIns: false });
    const cast = (marks: string, writeIns?: string[], f = fixture) =>
      refusal(
        castElectronicBallot(context, delegateActor(f, f.delegates[0]!), f.congressId, f.roundId, {
          marks,
          ...(writeIns ? { writeIns } : {}),
        }),
      );
    const cases: Array<[Promise<ServiceError | InputError>, string, string]> = [
      [cast('F---'), 'marks', '5名候选人'],
      [cast('F-----'), 'marks', '5名候选人'],
      [cast('F-X--'), 'marks', '标记只能是'],
      [cast('F-?--'), 'marks', '纸质选票'],
      [cast('F----', ['丁宁'], noWriteIns), 'writeIns', '不设另选他人'],
      [cast('F----', [fixture.candidates[2]!]), 'writeIns[0]', '是候选人'],
      [cast('F----', [`${fixture.candidates[2]!}（女）`]), 'writeIns[0]', '是候选人'],
      [cast('-----', ['丁宁', '丁宁']), 'writeIns[1]', '重复'],
      [cast('-----', ['丁宁', '于波', '马力', '王五']), 'writeIns', '最多填写3人'],
    ];
    for (const [pending, field, zh] of cases) {
      const error = await pending;
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field, zh: expect.stringContaining(zh), en: expect.any(String) });
    }
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
  });

  it('[B3] refuses an over-marked ballot unless the elector confirms it, then stores it as cast', async () => {
    const { database, context, fixture } = await setUp();
    const actor = delegateActor(fixture, fixture.delegates[0]!);
    // 3 seats: four "for" marks, or three and a write-in, are too many.
    for (const input of [{ marks: 'FFFF-' }, { marks: 'FFF--', writeIns: ['丁宁'] }]) {
      const error = await refusal(
        castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, input),
      );
      expect(error).toMatchObject({
        status: 400,
        code: 'ballot-over-marked',
        rule: 'B3',
        en: expect.stringContaining('more "for" marks than seats'),
        zh: expect.stringContaining('无效票'),
      });
    }
    expect(await castCounts(database)).toEqual({ ballots: 0, voters: 0, audit: 0 });
    await castElectronicBallot(context, actor, fixture.congressId, fixture.roundId, {
      marks: 'FFF--',
      writeIns: ['丁宁'],
      confirmInvalid: true,
    });
    await closeAndOpen(fixture, context);
    expect(
      await database.db.selectFrom('electronic_ballots').select(['marks', 'write_ins_json']).execute(),
    ).toEqual([{ marks: 'FFF--', write_ins_json: '["丁宁"]' }]);
  });
});
