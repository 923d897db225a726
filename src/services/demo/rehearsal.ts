import type { Kysely } from 'kysely';
import type { RoundKeyShares, RoundKeyStatus } from '../../contract/ballot-keys.ts';
import type { RehearsalState } from '../../contract/rehearsal.ts';
import type { Database, Schema } from '../../persistence/index.ts';
import { rolesOfAccount } from '../accounts/account-service.ts';
import type { Actor } from '../actor.ts';
import { checkIn } from '../attendance/check-in.ts';
import { recordLeave } from '../attendance/leave.ts';
import { auditedWrite } from '../audited-write.ts';
import { castElectronicBallot } from '../ballots/electronic/cast.ts';
import { enterKeyShares } from '../ballots/electronic/key-shares.ts';
import { enterPaperBallot } from '../ballots/paper/paper-entry.ts';
import type { ServiceContext } from '../context.ts';
import { loadRound, roundCandidates } from '../elections/round-queries.ts';
import { conflict } from '../errors.ts';
import { requireOwnedIds } from '../owned-ids.ts';
import { DEMO_META_KEY } from './seed-demo.ts';
import { seededRandom } from './seeded-random.ts';

// 演练: in the demonstration congress, and in the first plenary it leads to, the secretariat can
// let the rest of the hall act, so that one person can run the congress from the first check-in
// to the first plenary's results: the other delegates check in, the other electors vote on their
// phones, the other tellers key the paper ballots. Each act goes through the service the hall
// would use (its own transaction, its own checks and audit entry, its own events); the request
// itself is audited as rehearsal.* by the administrator who made it. A real congress refuses it.

/** Sheets per batch of simulated paper keying, as the tellers bundle them. */
const SHEETS_PER_BATCH = 50;

/** Whether the congress is the demo's, or a plenary of the committee the demo congress elected. */
export async function rehearsalAllowed(db: Kysely<Schema>, congressId: string): Promise<boolean> {
  const marker = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_META_KEY)
    .executeTakeFirst();
  if (!marker) return false;
  const demoCongressId = (JSON.parse(marker.value) as { congressId: string }).congressId;
  if (congressId === demoCongressId) return true;
  const plenary = await db
    .selectFrom('congresses as c')
    .innerJoin('terms as t', 't.id', 'c.term_id')
    .select('t.elected_by_congress_id')
    .where('c.id', '=', congressId)
    .executeTakeFirst();
  return plenary?.elected_by_congress_id === demoCongressId;
}

/** What the hall could still do, for the rehearsal panel: open sittings and rounds under way. */
export async function rehearsalState(db: Kysely<Schema>, congressId: string): Promise<RehearsalState> {
  if (!(await rehearsalAllowed(db, congressId))) return { allowed: false, sittings: [], rounds: [] };
  const open = await db
    .selectFrom('sittings')
    .select(['id', 'title'])
    .where('congress_id', '=', congressId)
    .where('status', '=', 'open')
    .orderBy('sort_order')
    .execute();
  const sittings = await Promise.all(
    open.map(async (sitting) => ({
      ...sitting,
      absent: (await electorsNotArrived(db, congressId, sitting.id)).length,
    })),
  );
  const underWay = await db
    .selectFrom('rounds as r')
    .innerJoin('elections as e', 'e.id', 'r.election_id')
    .select(['r.id', 'r.seq', 'r.mode', 'r.status', 'r.ballots_issued', 'r.present', 'e.title'])
    .where('e.congress_id', '=', congressId)
    .where((eb) =>
      eb.or([
        eb('r.status', '=', 'open'),
        eb.and([eb('r.status', '=', 'closed'), eb('r.mode', '=', 'paper')]),
      ]),
    )
    .orderBy('e.sort_order')
    .execute();
  const rounds = await Promise.all(
    underWay.map(async (round) => {
      const pending =
        round.mode === 'electronic'
          ? (await electorsYetToVote(db, round.id)).length
          : paperPending(await paperEntries(db, round.id), round.ballots_issued ?? round.present ?? 0);
      return {
        roundId: round.id,
        election: round.title,
        seq: round.seq,
        mode: round.mode,
        // Open, or a paper round closed and still being keyed (the query asks for no other).
        status: round.status === 'open' ? ('open' as const) : ('closed' as const),
        pending,
      };
    }),
  );
  return { allowed: true, sittings, rounds };
}

/**
 * The delegates with a vote who have neither checked in, nor asked for leave, nor left after
 * checking in, by code: whom the rehearsal may check in. (absent-delegates.ts gives the same people
 * for the secretariat to chase, sorted by delegation and strokes, which a count does not need.)
 */
async function electorsNotArrived(db: Kysely<Schema>, congressId: string, sittingId: string) {
  const roster = await db
    .selectFrom('delegates')
    .select(['id', 'code'])
    .where('congress_id', '=', congressId)
    .where('voting_rights', '=', 1)
    .orderBy('code')
    .execute();
  const accounted = await db
    .selectFrom('attendance')
    .select('delegate_id')
    .where('sitting_id', '=', sittingId)
    .where((eb) => eb.or([eb('status', '!=', 'absent'), eb('checked_out_at', 'is not', null)]))
    .execute();
  const seen = new Set(accounted.map((row) => row.delegate_id));
  return roster.filter((delegate) => !seen.has(delegate.id));
}

/** The electors present at the opening of the round who have not voted in it, by code. */
function electorsYetToVote(db: Kysely<Schema>, roundId: string) {
  return db
    .selectFrom('round_presence as p')
    .innerJoin('delegates as d', 'd.id', 'p.delegate_id')
    .leftJoin('electronic_voters as v', (join) =>
      join.onRef('v.delegate_id', '=', 'p.delegate_id').on('v.round_id', '=', roundId),
    )
    .select(['d.id', 'd.name'])
    .where('p.round_id', '=', roundId)
    .where('v.delegate_id', 'is', null)
    .orderBy('d.code')
    .execute();
}

function paperPending(entries: readonly PaperEntry[], handedOut: number): number {
  const plan = keyingPlan(entries, handedOut);
  return plan.halfKeyed.length + plan.newSheets;
}

async function requireRehearsal(db: Kysely<Schema>, congressId: string): Promise<void> {
  if (!(await rehearsalAllowed(db, congressId)))
    throw conflict(
      'not-a-rehearsal',
      'only the demonstration congress can be rehearsed; in a real congress every delegate acts in person',
      '只有演示数据中的大会可以演练；正式会议须由代表本人签到、投票',
    );
}

/**
 * About one delegate in a hundred, the same ones in every rehearsal of the demo, asks for leave
 * instead of checking in (因事 or 因病, with a note): a real hall has them, and the reports then
 * carry the 请假 sentence (应到417名，因事因病请假4人，实到413名).
 */
const LEAVE_REASONS = [
  { reason: 'personal', note: '出差' },
  { reason: 'illness', note: '住院治疗' },
  { reason: 'personal', note: undefined },
  { reason: 'illness', note: undefined },
] as const;

function rehearsalLeave(code: string): (typeof LEAVE_REASONS)[number] | null {
  let hash = 0;
  for (const unit of code) hash = (hash * 31 + unit.charCodeAt(0)) % 1_000_003;
  return hash % 100 === 7 ? LEAVE_REASONS[hash % LEAVE_REASONS.length]! : null;
}

/**
 * The delegates who have neither checked in nor asked for leave arrive, `count` of them (by
 * code): most check in, about one in a hundred asks for leave with a reason.
 */
export async function rehearseCheckIns(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
  count: number,
): Promise<{ checkedIn: number; onLeave: number }> {
  const db = context.database.db;
  await requireRehearsal(db, congressId);
  await requireOwnedIds(db, 'sitting', congressId, [{ field: 'body.sittingId', id: sittingId }]);
  const absent = (await electorsNotArrived(db, congressId, sittingId)).slice(0, count);
  let onLeave = 0;
  for (const delegate of absent) {
    const leave = rehearsalLeave(delegate.code);
    if (leave) {
      onLeave += 1;
      await recordLeave(context, actor, {
        congressId,
        sittingId,
        delegate: { delegateId: delegate.id },
        kind: leave.reason,
        note: leave.note,
        desk: '演练',
      });
    } else {
      await checkIn(context, actor, {
        congressId,
        sittingId,
        delegate: { delegateId: delegate.id },
        desk: '演练',
      });
    }
  }
  await recordRehearsal(context, actor, {
    action: 'rehearsal.check-in',
    subject: `sitting:${sittingId}`,
    after: { checkedIn: absent.length - onLeave, onLeave },
  });
  return { checkedIn: absent.length - onLeave, onLeave };
}

/** Every elector present in the open electronic round who has not voted yet casts a ballot. */
export async function rehearseElectronicVotes(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<{ cast: number }> {
  const db = context.database.db;
  await requireRehearsal(db, congressId);
  const round = await loadRound(db, congressId, roundId);
  if (round.mode !== 'electronic' || round.status !== 'open')
    throw conflict('round-not-open', 'voting in this electronic round is not open', '本轮电子投票未在进行中');
  const voters = await electorsYetToVote(db, roundId);
  const ballots = ballotMaker(roundId, roundCandidates(round).length, round.seats);
  // Together, as phones in a hall do: the casts share group commits.
  await Promise.all(
    voters.map((voter) =>
      castElectronicBallot(
        context,
        { kind: 'delegate', delegateId: voter.id, congressId, name: voter.name },
        congressId,
        roundId,
        { marks: ballots() },
      ),
    ),
  );
  await recordRehearsal(context, actor, {
    action: 'rehearsal.vote',
    subject: `round:${roundId}`,
    after: { cast: voters.length },
  });
  return { cast: voters.length };
}

/**
 * The paper ballots of a round that are not keyed twice yet are keyed by the congress's tellers
 * [P2]: a sheet keyed in one pass only gets its other pass from a teller who did not key that
 * batch's first (copied from the pass keyed, as the paper says the same); the sheets handed out
 * and not keyed at all are keyed in new batches, pass A by one teller and pass B by another.
 * The passes agree; a disagreement is the hall's to make.
 */
export async function rehearsePaperKeying(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<{ sheets: number }> {
  const db = context.database.db;
  await requireRehearsal(db, congressId);
  const round = await loadRound(db, congressId, roundId);
  if (round.mode !== 'paper' || (round.status !== 'open' && round.status !== 'closed'))
    throw conflict('round-not-keyable', 'this round has no paper ballots to key', '本轮没有待录入的纸质选票');
  const plan = keyingPlan(await paperEntries(db, roundId), round.ballots_issued ?? round.present ?? 0);
  const staff = await tellers(db, congressId);
  for (const half of plan.halfKeyed) {
    const other = half.pass === 'A' ? 'B' : 'A';
    const keyedThatPass = new Set(plan.keyers.get(`${half.batch_no}:${half.pass}`));
    const teller = staff.find((t) => t.kind === 'account' && !keyedThatPass.has(t.accountId));
    if (!teller) throw tooFewTellers();
    await enterPaperBallot(context, teller, congressId, roundId, {
      pass: other,
      batchNo: half.batch_no,
      sheetNo: half.sheet_no,
      marks: half.marks,
      writeIns: half.write_ins_json ? (JSON.parse(half.write_ins_json) as string[]) : undefined,
      voidReason: half.void_reason,
    });
  }
  const ballots = ballotMaker(roundId, roundCandidates(round).length, round.seats);
  for (let i = 0; i < plan.newSheets; i++) {
    const sheet = {
      batchNo: plan.firstNewBatch + Math.floor(i / SHEETS_PER_BATCH),
      sheetNo: 1 + (i % SHEETS_PER_BATCH),
      marks: ballots(),
    };
    await Promise.all([
      enterPaperBallot(context, staff[0]!, congressId, roundId, { ...sheet, pass: 'A' }),
      enterPaperBallot(context, staff[1]!, congressId, roundId, { ...sheet, pass: 'B' }),
    ]);
  }
  const sheets = plan.halfKeyed.length + plan.newSheets;
  await recordRehearsal(context, actor, {
    action: 'rehearsal.paper-keying',
    subject: `round:${roundId}`,
    after: { sheets },
  });
  return { sheets };
}

type PaperEntry = Awaited<ReturnType<typeof paperEntries>>[number];

function paperEntries(db: Kysely<Schema>, roundId: string) {
  return db
    .selectFrom('paper_entries')
    .select(['pass', 'batch_no', 'sheet_no', 'marks', 'write_ins_json', 'void_reason', 'entered_by'])
    .where('round_id', '=', roundId)
    .orderBy('batch_no')
    .orderBy('sheet_no')
    .execute();
}

/** What is left to key: sheets with one pass, and how many handed out were never keyed. */
function keyingPlan(entries: readonly PaperEntry[], handedOut: number) {
  const bySheet = new Map<string, PaperEntry[]>();
  const keyers = new Map<string, string[]>();
  for (const entry of entries) {
    const sheet = `${entry.batch_no}:${entry.sheet_no}`;
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), entry]);
    const pass = `${entry.batch_no}:${entry.pass}`;
    keyers.set(pass, [...(keyers.get(pass) ?? []), entry.entered_by]);
  }
  const halfKeyed = [...bySheet.values()].filter((passes) => passes.length === 1).map((passes) => passes[0]!);
  return {
    halfKeyed,
    keyers,
    newSheets: Math.max(0, handedOut - bySheet.size),
    firstNewBatch: Math.max(0, ...entries.map((e) => e.batch_no)) + 1,
  };
}

const tooFewTellers = () =>
  conflict('too-few-tellers', 'double entry needs two teller accounts', '双人录入需要两个计票人账号');

/** The congress's teller accounts (by username), as the services see them; at least two. */
async function tellers(db: Kysely<Schema>, congressId: string): Promise<Actor[]> {
  const accounts = await db
    .selectFrom('accounts as a')
    .innerJoin('account_roles as r', 'r.account_id', 'a.id')
    .select(['a.id', 'a.username', 'a.display_name'])
    .where('r.role', '=', 'teller')
    .where('r.congress_id', 'in', [congressId, '*'])
    .where('a.disabled', '=', 0)
    .orderBy('a.username')
    .distinct()
    .execute();
  if (accounts.length < 2) throw tooFewTellers();
  return Promise.all(
    accounts.map(
      async (a): Promise<Actor> => ({
        kind: 'account',
        accountId: a.id,
        username: a.username,
        displayName: a.display_name,
        roles: await rolesOfAccount(db, a.id),
      }),
    ),
  );
}

/**
 * Plausible ballots for a rehearsal, the same on every run of the same round: as in a hall that
 * follows the list, as many candidates as there are seats (picked at random) have strong support
 * (90–97%) and the others weak (30–50%), so a rehearsal ends in an election, not a run-off, in all
 * but the rarest case. An elector marks ○ (F) with the candidate's support, else × (A) or leaves
 * the name unmarked (-); a ballot with more ○ than seats drops its least-supported ones, so every
 * ballot is valid [B3].
 */
export function ballotMaker(roundId: string, candidates: number, seats: number): () => string {
  let seed = 0;
  for (const char of roundId) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) >>> 0;
  const random = seededRandom(seed);
  const strong = Math.min(seats, candidates);
  const weak = candidates - strong;
  const support = random.shuffle(
    Array.from({ length: candidates }, (_, rank) =>
      rank < strong
        ? 0.97 - (0.07 * rank) / Math.max(1, strong - 1)
        : 0.5 - (0.2 * (rank - strong)) / Math.max(1, weak - 1),
    ),
  );
  const weakestFirst = [...support.keys()].sort((a, b) => support[a]! - support[b]!);
  return () => {
    const marks = support.map((p) => (random.chance(p) ? 'F' : random.chance(0.5) ? 'A' : '-'));
    let over = marks.filter((m) => m === 'F').length - seats;
    for (const i of weakestFirst) {
      if (over <= 0) break;
      if (marks[i] === 'F') {
        marks[i] = '-';
        over--;
      }
    }
    return marks.join('');
  };
}

/** The administrator's request, on record beside the acts it set going. */
function recordRehearsal(
  context: ServiceContext,
  actor: Actor,
  audit: { action: string; subject: string; after: unknown },
): Promise<void> {
  return auditedWrite(context, actor, async () => ({ result: undefined, audit }));
}

// [B4] The scrutineers' key shares, in a rehearsal only. An electronic round's opening hands each
// scrutineer their share of the round key, never stored (ballots/sealed/round-key.ts); one person
// running the demo cannot type six shares at each count. In a rehearsal congress, and only there,
// the shares the opening handed out are also kept in this process's memory (never in the
// database), so that the rehearsal can stand in for the scrutineers: the count of a sealed round
// first has them enter their shares, through the ordinary service, audited as
// rehearsal.key-shares. A server restart forgets them (then the printed shares are entered). A
// real congress keeps nothing.

const rehearsalShares = new WeakMap<Database, Map<string, readonly string[]>>();

/** After an opening (the route's): keeps the round's shares if the congress is a rehearsal. */
export async function keepRehearsalShares(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  key: RoundKeyShares | undefined,
): Promise<void> {
  if (!key || !(await rehearsalAllowed(context.database.db, congressId))) return;
  let byRound = rehearsalShares.get(context.database);
  if (!byRound) {
    byRound = new Map();
    rehearsalShares.set(context.database, byRound);
  }
  byRound.set(
    roundId,
    key.shares.slice(0, key.threshold).map((share) => share.code),
  );
}

/** The rehearsal's scrutineers enter their shares of a closed round's key: its ballots are opened. */
export async function rehearseKeyShares(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundKeyStatus> {
  await requireRehearsal(context.database.db, congressId);
  const codes = rehearsalShares.get(context.database)?.get(roundId);
  if (!codes) {
    throw conflict(
      'shares-not-kept',
      "this server did not open the round (or was restarted since): enter the scrutineers' printed shares",
      '本轮投票不是由当前服务开启的（或服务已重启）：请输入监票人打印的密钥分片',
    );
  }
  const status = await enterKeyShares(context, actor, congressId, roundId, codes);
  rehearsalShares.get(context.database)?.delete(roundId);
  await recordRehearsal(context, actor, {
    action: 'rehearsal.key-shares',
    subject: `round:${roundId}`,
    after: { shares: codes.length, opened: status.opened },
  });
  return status;
}

/** Before a count: in a rehearsal whose round is sealed and whose shares are kept, they open it first. */
export async function openForRehearsalCount(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<void> {
  const kept = rehearsalShares.get(context.database);
  if (!kept?.has(roundId)) return;
  const round = await loadRound(context.database.db, congressId, roundId);
  // Opened already (the scrutineers typed their shares, as in the hall): the kept ones go.
  if (round.decrypted_at) kept.delete(roundId);
  if (round.mode !== 'electronic' || round.status !== 'closed' || round.decrypted_at) return;
  await rehearseKeyShares(context, actor, congressId, roundId);
}
