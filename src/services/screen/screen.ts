import type { Kysely } from 'kysely';
import type { AttendanceCounts } from '../../contract/attendance.ts';
import {
  type ScreenResult,
  type ScreenSetting,
  type ScreenShow,
  type ScreenView,
  screenSettingSchema,
} from '../../contract/screen.ts';
import type { RoundResult } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { attendanceCounts } from '../attendance/attendance-counts.ts';
import { sittingOfCongress } from '../attendance/sitting-lookup.ts';
import { auditedWrite } from '../audited-write.ts';
import { turnoutOf } from '../ballots/electronic/turnout.ts';
import type { ServiceContext } from '../context.ts';
import { notFound, ruleViolation } from '../errors.ts';
import {
  attendanceSitting,
  type FollowFacts,
  type FollowSitting,
  followChoice,
  nextHallSitting,
} from './follow.ts';

// The big screen's state per congress (contract: src/contract/screen.ts). The setting is kept in
// the database — one row of `meta` per congress, `screen:<congressId>` — so that the screens served
// by every instance show the same; what it shows is worked out from the congress's record whenever
// a screen asks. Setting it is audited and announced on the stream ('screen'), and the screens
// read it again.

const FOLLOW: ScreenSetting = { mode: 'follow' };

interface Stored {
  readonly setting: ScreenSetting;
  readonly setAt: string;
  readonly setBy: string;
}

const metaKey = (congressId: string) => `screen:${congressId}`;

async function storedSetting(db: Kysely<Schema>, congressId: string): Promise<Stored | null> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', metaKey(congressId))
    .executeTakeFirst();
  if (!row) return null;
  try {
    const raw = JSON.parse(row.value) as { setting?: unknown; setAt?: unknown; setBy?: unknown };
    const setting = screenSettingSchema.safeParse(raw.setting);
    if (!setting.success) return null;
    return { setting: setting.data, setAt: String(raw.setAt ?? ''), setBy: String(raw.setBy ?? '') };
  } catch {
    return null;
  }
}

async function congressOf(db: Kysely<Schema>, congressId: string) {
  const congress = await db
    .selectFrom('congresses')
    .select(['id', 'title', 'status', 'rule_set', 'kind'])
    .where('id', '=', congressId)
    .executeTakeFirst();
  if (!congress) throw notFound('congress', '大会');
  return congress;
}

/** The congress's sittings as the follow logic reads them, with arrivals at the next one. */
async function followSittings(db: Kysely<Schema>, congressId: string): Promise<FollowSitting[]> {
  const rows = await db
    .selectFrom('sittings')
    .select(['id', 'kind', 'status', 'sort_order', 'opened_at'])
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const sittings = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    sortOrder: row.sort_order,
    openedAt: row.opened_at,
    arrived: 0,
  }));
  const next = nextHallSitting(sittings);
  if (!next) return sittings;
  const arrived = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sitting_id', '=', next.id)
    .where('status', '=', 'present')
    .executeTakeFirstOrThrow();
  return sittings.map((s) => (s.id === next.id ? { ...s, arrived: Number(arrived.n) } : s));
}

async function roundsOf(db: Kysely<Schema>, congressId: string) {
  return db
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .select([
      'r.id',
      'r.election_id',
      'r.seq',
      'r.kind',
      'r.mode',
      'r.status',
      'r.present',
      'r.sitting_id',
      'r.opened_at',
      'r.announced_at',
      'r.result_json',
      'e.title',
      'e.sort_order',
    ])
    .where('e.congress_id', '=', congressId)
    .execute();
}
type RoundFact = Awaited<ReturnType<typeof roundsOf>>[number];

async function countsOf(
  db: Kysely<Schema>,
  congress: Awaited<ReturnType<typeof congressOf>>,
  sittingId: string,
): Promise<AttendanceCounts> {
  const sitting = await sittingOfCongress(db, congress.id, sittingId);
  return attendanceCounts(db, sitting);
}

/** An announced round as the screen lists it, with everyone its election has elected so far. */
function resultOf(round: RoundFact, rounds: readonly RoundFact[]): ScreenResult | null {
  if (round.status !== 'announced' || !round.result_json || !round.announced_at) return null;
  const result = JSON.parse(round.result_json) as RoundResult;
  const electedInElection = rounds
    .filter((r) => r.election_id === round.election_id && r.status === 'announced' && r.result_json)
    .reduce((n, r) => n + (JSON.parse(r.result_json!) as RoundResult).elected.length, 0);
  return {
    electionId: round.election_id,
    electionTitle: round.title,
    roundId: round.id,
    seq: round.seq,
    kind: round.kind,
    outcome: result.outcome,
    elected: result.elected.map((name) => ({
      name,
      votes: result.results.find((r) => r.name === name)?.for ?? 0,
    })),
    electedAlternates: [...(result.electedAlternates ?? [])],
    runoff: result.runoff !== null,
    // The tally counts a run-off's seats as unfilled too; the hall hears of them as a run-off.
    shortfall: result.shortfall - (result.runoff?.seats ?? 0),
    electedInElection,
    announcedAt: round.announced_at,
  };
}

/** What the screen shows now, and what it needs to show it. */
export async function screenView(db: Kysely<Schema>, congressId: string): Promise<ScreenView> {
  const congress = await congressOf(db, congressId);
  const stored = await storedSetting(db, congressId);
  const setting = stored?.setting ?? FOLLOW;
  return {
    congressId,
    title: congress.title,
    setting,
    setAt: stored?.setAt || null,
    setBy: stored?.setBy || null,
    show: await showOf(db, congress, setting),
  };
}

async function showOf(
  db: Kysely<Schema>,
  congress: Awaited<ReturnType<typeof congressOf>>,
  setting: ScreenSetting,
): Promise<ScreenShow> {
  if (setting.mode === 'slide') return { kind: 'slide', title: setting.title, lines: [...setting.lines] };
  if (setting.mode === 'blank') return { kind: 'blank' };
  const sittings = await followSittings(db, congress.id);
  if (setting.mode === 'attendance') {
    const sitting = setting.sittingId
      ? sittings.find((s) => s.id === setting.sittingId)
      : attendanceSitting(sittings);
    if (sitting) return { kind: 'attendance', counts: await countsOf(db, congress, sitting.id) };
  }
  const rounds = await roundsOf(db, congress.id);
  if (setting.mode === 'result') {
    const round = rounds.find((r) => r.id === setting.roundId);
    const result = round ? resultOf(round, rounds) : null;
    if (result) return { kind: 'result', result };
  }
  const facts: FollowFacts = {
    congressClosed: congress.status === 'closed',
    sittings,
    rounds: rounds.map((r) => ({
      id: r.id,
      status: r.status,
      openedAt: r.opened_at,
      announcedAt: r.announced_at,
      electionOrder: r.sort_order,
      seq: r.seq,
    })),
  };
  const choice = followChoice(facts);
  switch (choice.kind) {
    case 'closed':
    case 'welcome':
      return { kind: choice.kind };
    case 'attendance':
      return { kind: 'attendance', counts: await countsOf(db, congress, choice.sittingId) };
    case 'result': {
      const result = resultOf(rounds.find((r) => r.id === choice.roundId)!, rounds);
      return result ? { kind: 'result', result } : { kind: 'welcome' };
    }
    case 'voting': {
      const round = rounds.find((r) => r.id === choice.roundId)!;
      return {
        kind: 'voting',
        round: {
          electionId: round.election_id,
          electionTitle: round.title,
          roundId: round.id,
          seq: round.seq,
          kind: round.kind,
          mode: round.mode,
          present: round.present ?? 0,
          voted: round.mode === 'electronic' ? (await turnoutOf(db, round.id)).voted : null,
        },
        counts: round.sitting_id ? await countsOf(db, congress, round.sitting_id) : null,
      };
    }
  }
}

/**
 * Sets what the screen shows. A result must be announced first [P2]; a sitting must be the
 * congress's. Audited, and announced on the stream so that every screen reads it again.
 */
export async function setScreen(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  setting: ScreenSetting,
): Promise<ScreenView> {
  await auditedWrite(context, actor, async (trx, at) => {
    await congressOf(trx, congressId);
    if (setting.mode === 'result') {
      const round = await trx
        .selectFrom('rounds as r')
        .innerJoin('elections as e', 'e.id', 'r.election_id')
        .select(['r.status'])
        .where('r.id', '=', setting.roundId)
        .where('e.congress_id', '=', congressId)
        .executeTakeFirst();
      if (!round) throw notFound('round', '投票轮次');
      if (round.status !== 'announced')
        throw ruleViolation(
          'P2',
          'only an announced result may be shown on the big screen',
          '选举结果宣布后方可在大屏幕上显示',
        );
    }
    if (setting.mode === 'attendance' && setting.sittingId)
      await sittingOfCongress(trx, congressId, setting.sittingId);
    const before = await storedSetting(trx, congressId);
    const stored: Stored = {
      setting,
      setAt: at,
      setBy: actor.kind === 'account' ? actor.displayName : actor.kind === 'delegate' ? actor.name : '',
    };
    const value = JSON.stringify(stored);
    if (before) await trx.updateTable('meta').set({ value }).where('key', '=', metaKey(congressId)).execute();
    else
      await trx
        .insertInto('meta')
        .values({ key: metaKey(congressId), value })
        .execute();
    return {
      result: undefined,
      audit: {
        action: 'screen.set',
        subject: `congress:${congressId}`,
        before: before?.setting ?? FOLLOW,
        after: setting,
      },
      events: [{ type: 'screen', congressId, data: setting }],
    };
  });
  return screenView(context.database.db, congressId);
}
