import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Actor } from '../../../src/services/actor.ts';
import {
  castAdoptionBallot,
  closeVote,
  getVote,
  openVote,
} from '../../../src/services/congress/adoption-votes.ts';
import { createAgendaItem } from '../../../src/services/congress/agenda.ts';
import { setBodyMembers } from '../../../src/services/congress/bodies.ts';
import { updateDelegate } from '../../../src/services/congress/delegates.ts';
import { createSitting, openSitting } from '../../../src/services/congress/sittings.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, addDelegates, serviceContext, snapshot, tongliao } from './fixtures.ts';

const delegate = (congressId: string, delegateId: string): Actor => ({
  kind: 'delegate',
  delegateId,
  congressId,
  name: delegateId,
});

describeEachDatabase('electronic adoption votes', (target) => {
  it('delegates present vote once each; ballots carry no voter; the result is counted from them', async () => {
    const { context, database } = await serviceContext(target);
    const { congress, builder } = await tongliao(context);
    const ids = await addDelegates(context, congress.id, 10);
    await updateDelegate(context, ADMIN, congress.id, ids[9]!, {
      votingRights: false,
      suspensionReason: '预备党员',
    });
    const sitting = await createSitting(context, ADMIN, congress.id, { kind: 'plenary' });
    const item = await createAgendaItem(context, ADMIN, congress.id, sitting.id, {
      kind: 'adoption-vote',
      title: '通过关于五届市纪委工作报告的决议',
      vote: { mode: 'electronic' },
    });
    const voteId = item.vote!.id;
    await openSitting(context, ADMIN, congress.id, sitting.id);
    await builder.attendance(sitting.id, [...ids.slice(0, 7), ids[9]!]);
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[0]!), congress.id, voteId, 'for'),
    ).rejects.toMatchObject({ code: 'vote-not-open' });
    await expect(openVote(context, ADMIN, congress.id, voteId, { present: 7 })).rejects.toMatchObject({
      field: 'present',
    });
    expect(await openVote(context, ADMIN, congress.id, voteId)).toMatchObject({
      expected: 9,
      present: 7,
      minimumFor: 4,
    });
    const progress: CongressEvent[] = [];
    context.events.subscribe(congress.id, (event) => progress.push(event));

    const receipts = [];
    for (const [i, choice] of (['for', 'for', 'for', 'for', 'against', 'abstain'] as const).entries()) {
      receipts.push(
        (await castAdoptionBallot(context, delegate(congress.id, ids[i]!), congress.id, voteId, choice))
          .receipt,
      );
    }
    expect(new Set(receipts).size).toBe(6);
    const before = await snapshot(database);
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[0]!), congress.id, voteId, 'against'),
    ).rejects.toMatchObject({ code: 'already-voted', zh: '您已表决，不能重复表决' });
    // Absent (not checked in), no voting rights, another congress's delegate: refused, nothing written.
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[7]!), congress.id, voteId, 'for'),
    ).rejects.toMatchObject({ status: 403, zh: '请先在本会次报到，然后表决' });
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[9]!), congress.id, voteId, 'for'),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      castAdoptionBallot(context, delegate('other', ids[6]!), congress.id, voteId, 'for'),
    ).rejects.toMatchObject({ status: 403 });
    await expect(castAdoptionBallot(context, ADMIN, congress.id, voteId, 'for')).rejects.toMatchObject({
      status: 403,
    });
    expect(await snapshot(database)).toEqual(before);

    expect(await getVote(context, delegate(congress.id, ids[0]!), congress.id, voteId)).toMatchObject({
      youVoted: true,
      voted: 6,
      votesFor: null,
    });
    expect(await getVote(context, delegate(congress.id, ids[6]!), congress.id, voteId)).toMatchObject({
      youVoted: false,
    });
    expect(progress.map((e) => [e.type, (e.data as { voted: number }).voted])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ['voting', n]),
    );
    // [B4] by analogy: a ballot row has its choice and receipt only; who voted is kept apart.
    const ballots = await database.db.selectFrom('adoption_ballots').selectAll().execute();
    expect(Object.keys(ballots[0]!).sort()).toEqual(['choice', 'receipt', 'vote_id']);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'adoption-vote.cast')
      .execute();
    expect(audit.map((a) => a.after_json)).toEqual(Array(6).fill('{"voted":true}'));

    await expect(
      closeVote(context, ADMIN, congress.id, voteId, { votesFor: 1, votesAgainst: 0, votesAbstain: 0 }),
    ).rejects.toMatchObject({ field: 'votesFor' });
    expect(await closeVote(context, ADMIN, congress.id, voteId)).toMatchObject({
      votesFor: 4,
      votesAgainst: 1,
      votesAbstain: 1,
      adopted: true,
      present: 7,
    });
    // [B4] sealed at the close: stored in receipt order, and on PostgreSQL every ballot rewritten
    // by the closing transaction, so that neither position nor writer follows the order of voting.
    const stored = (
      await context.database.db
        .selectFrom('adoption_ballots')
        .select('receipt')
        .where('vote_id', '=', voteId)
        .execute()
    ).map((r) => r.receipt);
    if (context.database.dialect === 'postgres') {
      const { rows } = await sql<{ receipt: string; ctid: string; xmin: string }>`
        select receipt, ctid::text as ctid, xmin::text as xmin from adoption_ballots where vote_id = ${voteId}`.execute(
        context.database.db,
      );
      const position = (ctid: string) => ctid.slice(1, -1).split(',').map(Number) as [number, number];
      const physical = [...rows].sort((a, b) => {
        const [pa, ia] = position(a.ctid);
        const [pb, ib] = position(b.ctid);
        return pa - pb || ia - ib;
      });
      expect(physical.map((r) => r.receipt)).toEqual([...stored].sort());
      expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    } else {
      expect(stored).toEqual([...stored].sort());
    }
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[6]!), congress.id, voteId, 'for'),
    ).rejects.toMatchObject({ code: 'vote-not-open' });
  });

  it('at a presidium meeting only presidium members vote, and the count is theirs', async () => {
    const { context, database } = await serviceContext(target);
    const { congress, builder } = await tongliao(context);
    const ids = await addDelegates(context, congress.id, 12);
    await setBodyMembers(
      context,
      ADMIN,
      congress.id,
      'presidium',
      ids.slice(0, 5).map((delegateId) => ({ delegateId })),
    );
    const meeting = await createSitting(context, ADMIN, congress.id, {
      kind: 'presidium',
      title: '主席团第一次会议',
    });
    const item = await createAgendaItem(context, ADMIN, congress.id, meeting.id, {
      kind: 'adoption-vote',
      title: '通过主席团常务委员会名单',
      vote: {
        mode: 'electronic',
        proposal: {
          kind: 'body',
          body: 'presidium-standing-committee',
          members: ids.slice(0, 2).map((delegateId) => ({ delegateId })),
        },
      },
    });
    await openSitting(context, ADMIN, congress.id, meeting.id);
    await builder.attendance(meeting.id, ids.slice(0, 8));
    expect(await openVote(context, ADMIN, congress.id, item.vote!.id)).toMatchObject({
      expected: 5,
      present: 5,
    });
    await expect(
      castAdoptionBallot(context, delegate(congress.id, ids[6]!), congress.id, item.vote!.id, 'for'),
    ).rejects.toMatchObject({ zh: '您在本事项中没有表决权' });
    for (const id of ids.slice(0, 3))
      await castAdoptionBallot(context, delegate(congress.id, id), congress.id, item.vote!.id, 'for');
    expect(await closeVote(context, ADMIN, congress.id, item.vote!.id)).toMatchObject({
      adopted: true,
      votesFor: 3,
    });
    const standing = await database.db
      .selectFrom('body_members')
      .select('delegate_id')
      .where('body', '=', 'presidium-standing-committee')
      .execute();
    expect(standing.map((s) => s.delegate_id).sort()).toEqual(ids.slice(0, 2).sort());
  });
});
