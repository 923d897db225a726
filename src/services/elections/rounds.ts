import type { Kysely } from 'kysely';
import type { Schema, WriteTransaction } from '../../adapters/db/index.ts';
import { InputError } from '../../adapters/shared/input-error.ts';
import {
  ballotOrder,
  checkProposedRound,
  checkQuorum,
  checkScrutineers,
  mayAnnounce,
  type Office,
  type RoundKind,
  type RoundResult,
  type RuleSetId,
  sortByStrokes,
  tallyRound,
  usesApprovedOrder,
} from '../../core/rules/index.ts';
import type { Actor } from '../actor.ts';
import { snapshotPresence } from '../attendance/presence.ts';
import { auditedWrite } from '../audited-write.ts';
import { sealElectronicBallots } from '../ballots/electronic/index.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden, notFound, ruleViolation, ServiceError } from '../errors.ts';
import { ballotSources } from './ballot-sources.ts';
import { loadChain } from './chain-events.ts';
import { completeElectionIfDone } from './complete-election.ts';
import {
  electionParameters,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
} from './round-queries.ts';

export interface OpenRoundInput {
  readonly kind: RoundKind;
  /** Defaults to what the chain requires next. */
  readonly seats?: number;
  readonly advance?: number;
  /** Defaults to the fixed list the chain requires, or the election's candidate list. */
  readonly candidates?: readonly string[];
  /** The sitting in which the vote is held; defaults to the election's sitting. */
  readonly sittingId?: string;
}

/**
 * Opens a round for voting. Refused unless: the election method was adopted [P4]; no other
 * round of the election is under way; the round is the one the chain requires ([C4], [T3], [T4])
 * and its list satisfies [C1]/[C2]; a chief scrutineer is appointed and no scrutineer is a
 * candidate [P1]; the sitting is open and has a quorum [Q1]–[Q3]. The voting delegates present
 * at this moment are recorded with the round.
 */
export async function openRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  input: OpenRoundInput,
): Promise<{ roundId: string }> {
  const opened = await auditedWrite(context, actor, async (trx, at) => {
    const election = await loadElection(trx, congressId, electionId);
    const congress = await trx
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', congressId)
      .executeTakeFirstOrThrow();
    await requireAdoptedMethod(trx, election.method_id);
    const unfinished = await trx
      .selectFrom('rounds')
      .select(['id', 'seq', 'status'])
      .where('election_id', '=', election.id)
      .where('status', '!=', 'announced')
      .executeTakeFirst();
    if (unfinished) {
      throw conflict(
        'round-under-way',
        `round ${unfinished.seq} is still ${unfinished.status}`,
        `第${unfinished.seq}轮投票尚未宣布结果`,
      );
    }
    const { plan, state } = await loadChain(trx, election);
    const next = state.next;
    const required = next.step === 'round' && next.candidates !== 'open' ? next.candidates : undefined;
    const registered = await trx
      .selectFrom('candidates')
      .select(['name', 'approved_rank'])
      .where('election_id', '=', election.id)
      .execute();
    const names = input.candidates ?? required ?? registered.map((c) => c.name);
    const seats =
      input.seats ??
      (next.step === 'round'
        ? next.seats
        : next.step === 'decide-shortfall' && next.stage === 'election'
          ? next.seats
          : plan.seats);
    const advance =
      input.advance ??
      (next.step === 'round'
        ? next.advance
        : next.step === 'decide-shortfall' && next.stage === 'preliminary'
          ? next.seats
          : undefined);
    const problems = checkProposedRound(plan, state, {
      kind: input.kind,
      seats,
      ...(advance === undefined ? {} : { advance }),
      candidates: names,
    });
    if (problems.length > 0) {
      const first = problems[0]!;
      throw ruleViolation(
        first.rule,
        problems.map((p) => p.en).join('; '),
        problems.map((p) => p.zh).join('；'),
      );
    }
    // [P1] scrutineers are never candidates in this round; a chief scrutineer presides over the count.
    const officers = await trx
      .selectFrom('election_officers')
      .selectAll()
      .where('election_id', '=', election.id)
      .execute();
    const scrutineers = officers.filter((o) => o.role !== 'teller');
    if (!officers.some((o) => o.role === 'chief-scrutineer')) {
      throw ruleViolation('P1', 'appoint a chief scrutineer before voting', '投票前应确定总监票人');
    }
    // The same electors as setOfficers checks: delegates with a vote [Q4].
    const electorNames = await trx
      .selectFrom('delegates')
      .select('name')
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .execute();
    const p1 = checkScrutineers({
      scrutineers: scrutineers.map((s) => s.name),
      candidates: names,
      electors: electorNames.map((e) => e.name),
    });
    if (p1.length > 0)
      throw ruleViolation('P1', p1.map((p) => p.en).join('; '), p1.map((p) => p.zh).join('；'));
    if (election.ballot_mode === 'paper' && !officers.some((o) => o.role === 'teller')) {
      throw ruleViolation('P2', 'designate tellers before a paper ballot', '纸质投票前应指定计票人');
    }

    const sittingId = input.sittingId ?? election.sitting_id;
    if (!sittingId)
      throw new InputError('sittingId', 'name the sitting in which the vote is held', '请指定进行投票的会议');
    const sitting = await trx
      .selectFrom('sittings')
      .select(['id', 'status'])
      .where('id', '=', sittingId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!sitting) throw notFound('sitting', '会议');
    if (sitting.status !== 'open')
      throw conflict('sitting-not-open', 'the sitting is not open', '该次会议尚未开始');

    const roundId = context.random.id();
    const seq =
      (
        await trx
          .selectFrom('rounds')
          .select('seq')
          .where('election_id', '=', election.id)
          .orderBy('seq', 'desc')
          .executeTakeFirst()
      )?.seq ?? 0;
    const approvedOrder = usesApprovedOrder(election.office as Office)
      ? approvedNames(registered, names)
      : names;
    const printed = ballotOrder(election.office as Office, approvedOrder);
    await trx
      .insertInto('rounds')
      .values({
        id: roundId,
        election_id: election.id,
        seq: seq + 1,
        kind: input.kind,
        mode: election.ballot_mode,
        status: 'open',
        candidates_json: JSON.stringify(printed),
        seats,
        advance: advance ?? null,
        expected: null,
        present: null,
        ballots_issued: null,
        sitting_id: sittingId,
        opened_at: at,
        closed_at: null,
        result_json: null,
        signed_off_at: null,
        announced_at: null,
      })
      .execute();
    // Who was present when the vote opened; [Q1]–[Q3] voting starts only with a quorum.
    const electors = await snapshotPresence(trx, { roundId, sittingId });
    const quorum = checkQuorum(congress.rule_set as RuleSetId, electionParameters(election), electors);
    if (!quorum.met) {
      throw ruleViolation(
        quorum.rule,
        `no quorum: ${quorum.present} present of ${quorum.expected}, at least ${quorum.minimumPresent} needed`,
        `不足法定人数：应到${quorum.expected}人，实到${quorum.present}人，至少需要${quorum.minimumPresent}人`,
      );
    }
    await trx
      .updateTable('rounds')
      .set({ expected: electors.expected, present: electors.present })
      .where('id', '=', roundId)
      .execute();
    await trx.updateTable('elections').set({ status: 'in-progress' }).where('id', '=', election.id).execute();
    return {
      result: { roundId, electionId: election.id, seq: seq + 1, electors },
      audit: {
        action: 'round.open',
        subject: `round:${roundId}`,
        after: {
          election: election.id,
          seq: seq + 1,
          kind: input.kind,
          seats,
          advance,
          candidates: printed,
          electors,
          quorum,
        },
      },
    };
  });
  context.events.publish({
    type: 'voting',
    congressId,
    data: {
      roundId: opened.roundId,
      electionId: opened.electionId,
      status: 'open',
      seq: opened.seq,
      ...opened.electors,
    },
  });
  return { roundId: opened.roundId };
}

/** For approved-order offices: the registered approved ranks, then anyone else by strokes. */
function approvedNames(
  registered: ReadonlyArray<{ name: string; approved_rank: number | null }>,
  names: readonly string[],
): string[] {
  const rank = new Map(registered.map((c) => [c.name, c.approved_rank ?? Number.MAX_SAFE_INTEGER]));
  const unranked = sortByStrokes(
    names.filter((n) => !rank.has(n) || rank.get(n) === Number.MAX_SAFE_INTEGER),
  );
  const ranked = names
    .filter((n) => rank.has(n) && rank.get(n) !== Number.MAX_SAFE_INTEGER)
    .sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...ranked, ...unranked];
}

async function requireAdoptedMethod(db: Kysely<Schema>, methodId: string | null): Promise<void> {
  const method = methodId
    ? await db.selectFrom('election_methods').select(['status']).where('id', '=', methodId).executeTakeFirst()
    : undefined;
  if (method?.status !== 'adopted') {
    throw ruleViolation(
      'P4',
      'the election method must be adopted by vote before any ballot',
      '选举办法须经表决通过后方可投票',
    );
  }
}

/**
 * Closes voting. Paper: the tellers' count of ballots handed out is recorded now [B2]; electronic:
 * every elector present when the round opened was issued a ballot.
 */
export async function closeRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  input: { readonly ballotsIssued?: number },
): Promise<void> {
  const closed = await auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'open')
      throw conflict('round-not-open', 'the round is not open', '本轮投票未在进行中');
    let issued = round.present ?? 0;
    if (round.mode === 'paper') {
      if (input.ballotsIssued === undefined) {
        throw new InputError('ballotsIssued', 'enter the number of ballots handed out', '请填写发出的选票数');
      }
      if (input.ballotsIssued > (round.present ?? 0)) {
        throw new InputError(
          'ballotsIssued',
          `more ballots issued than the ${round.present} electors present`,
          `发出选票数多于实到的${round.present}人`,
        );
      }
      issued = input.ballotsIssued;
    }
    await trx
      .updateTable('rounds')
      .set({ status: 'closed', closed_at: at, ballots_issued: issued })
      .where('id', '=', roundId)
      .execute();
    // [B4] Rewrite the electronic ballots in receipt order, so that nothing stored follows the order of voting.
    if (round.mode === 'electronic') await sealElectronicBallots(trx, roundId);
    return {
      result: { electionId: round.election_id, issued },
      audit: { action: 'round.close', subject: `round:${roundId}`, after: { ballotsIssued: issued } },
    };
  });
  context.events.publish({
    type: 'voting',
    congressId,
    data: { roundId, electionId: closed.electionId, status: 'closed', ballotsIssued: closed.issued },
  });
}

/** Counts a closed round with the rules engine; may be repeated until a scrutineer signs off. */
export async function countRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundResult> {
  const counted = await auditedWrite(context, actor, async (trx) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'closed' && round.status !== 'counted') {
      throw conflict('round-not-closed', 'close the round before counting', '请先结束投票再计票');
    }
    const election = await loadElection(trx, congressId, round.election_id);
    const result = await tally(trx, election, round);
    await trx
      .updateTable('rounds')
      .set({ status: 'counted', result_json: JSON.stringify(result) })
      .where('id', '=', roundId)
      .execute();
    return {
      result: { result, electionId: election.id },
      audit: {
        action: 'round.count',
        subject: `round:${roundId}`,
        after: { outcome: result.outcome, ballots: result.ballots, elected: result.elected },
      },
    };
  });
  context.events.publish({
    type: 'voting',
    congressId,
    data: { roundId, electionId: counted.electionId, status: 'counted' },
  });
  return counted.result;
}

async function tally(
  trx: WriteTransaction,
  election: Awaited<ReturnType<typeof loadElection>>,
  round: RoundRow,
): Promise<RoundResult> {
  const box = await ballotSources[round.mode].ballotBox(trx, round);
  const { state } = await loadChain(trx, election);
  const candidates = roundCandidates(round);
  const registered = await trx
    .selectFrom('candidates')
    .select(['name', 'approved_rank'])
    .where('election_id', '=', election.id)
    .execute();
  const office = election.office as Office;
  return tallyRound({
    ruleSet: election.rule_set as RuleSetId,
    office,
    round: round.kind,
    seats: round.seats,
    ...(round.advance ? { advance: round.advance } : {}),
    afterPreliminary: state.next.step === 'round' && state.next.afterPreliminary,
    electors: { expected: round.expected ?? 0, present: round.present ?? 0 },
    ballotsIssued: round.ballots_issued ?? 0,
    candidates,
    approvedOrder: usesApprovedOrder(office) ? approvedNames(registered, candidates) : candidates,
    ballots: box,
    parameters: electionParameters(election),
  });
}

/**
 * [P2] A scrutineer confirms the count. Only an account holding the scrutineer role in this
 * congress may sign, once; the first signature makes the result announceable. When the
 * election's scrutineers (总监票人, 监票人) are linked to accounts, only those accounts may sign:
 * the count is confirmed by the scrutineers this election appointed [P1], not by any scrutineer
 * of the congress. (An election whose scrutineers are not linked to accounts accepts any
 * scrutineer account of the congress: the secretariat decides by linking them.)
 */
export async function signOffRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<void> {
  if (actor.kind !== 'account') throw forbidden();
  const signed = await auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'counted' && round.status !== 'signed-off') {
      throw conflict('round-not-counted', 'count the round before signing off', '计票完成后方可签字确认');
    }
    const appointed = await trx
      .selectFrom('election_officers')
      .select('account_id')
      .where('election_id', '=', round.election_id)
      .where('role', '!=', 'teller')
      .where('account_id', 'is not', null)
      .execute();
    if (appointed.length > 0 && !appointed.some((o) => o.account_id === actor.accountId)) {
      throw new ServiceError(
        403,
        'not-appointed-scrutineer',
        "only this election's appointed scrutineers may sign off its count",
        '只有本次选举确定的总监票人、监票人才能签字确认计票结果',
        'P2',
      );
    }
    const already = await trx
      .selectFrom('round_signoffs')
      .select('id')
      .where('round_id', '=', roundId)
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!already) {
      await trx
        .insertInto('round_signoffs')
        .values({
          id: context.random.id(),
          round_id: roundId,
          account_id: actor.accountId,
          role: 'scrutineer',
          signed_at: at,
        })
        .execute();
    }
    await trx
      .updateTable('rounds')
      .set({ status: 'signed-off', signed_off_at: round.signed_off_at ?? at })
      .where('id', '=', roundId)
      .execute();
    return {
      result: { electionId: round.election_id },
      audit: { action: 'round.sign-off', subject: `round:${roundId}`, after: { by: actor.username } },
    };
  });
  // The presiding officer's page learns at once that the result may be announced.
  context.events.publish({
    type: 'voting',
    congressId,
    data: { roundId, electionId: signed.electionId, status: 'signed-off' },
  });
}

/**
 * Announces a signed-off result [P2]: it becomes public and takes its place in the election's
 * chain; when the election is complete the elected take their positions ([P6] filed or pending approval).
 */
export async function announceRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundResult> {
  const announced = await auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    const signatures = await trx
      .selectFrom('round_signoffs')
      .select('id')
      .where('round_id', '=', roundId)
      .execute();
    if (
      !mayAnnounce({
        tellersDone: round.status === 'signed-off' || round.status === 'counted',
        scrutineerSignatures: signatures.length,
      })
    ) {
      throw ruleViolation(
        'P2',
        'a scrutineer must sign off the count before it is announced',
        '计票结果须经监票人签字确认后方可宣布',
      );
    }
    if (round.status !== 'signed-off')
      throw conflict('round-not-signed', 'the round is not signed off', '本轮结果尚未签字确认');
    await trx
      .updateTable('rounds')
      .set({ status: 'announced', announced_at: at })
      .where('id', '=', roundId)
      .execute();
    const election = await loadElection(trx, congressId, round.election_id);
    const completion = await completeElectionIfDone(context, trx, election, at);
    const result = JSON.parse(round.result_json!) as RoundResult;
    return {
      result: { result, electionId: election.id, completion },
      audit: {
        action: 'round.announce',
        subject: `round:${roundId}`,
        after: { outcome: result.outcome, elected: result.elected, completion },
      },
    };
  });
  const { result } = announced;
  context.events.publish({
    type: 'result',
    congressId,
    data: {
      roundId,
      electionId: announced.electionId,
      outcome: result.outcome,
      elected: result.elected.map((name) => ({
        name,
        votes: result.results.find((r) => r.name === name)?.for ?? 0,
      })),
      electedAlternates: result.electedAlternates ?? [],
      runoff: result.runoff,
      shortfall: result.shortfall,
      complete: announced.completion.complete,
    },
  });
  return result;
}

/** [T4] Instead of a supplementary round: reduce the seats, with who approved it. */
export async function reduceSeats(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  input: { readonly seats: number; readonly approvedBy: 'electors-majority' | 'presidium' },
): Promise<void> {
  await auditedWrite(context, actor, async (trx, at) => {
    const election = await loadElection(trx, congressId, electionId);
    const { state } = await loadChain(trx, election);
    if (state.next.step !== 'decide-shortfall') {
      throw ruleViolation('T4', 'there is no shortfall to decide', '当前没有需要决定的缺额');
    }
    if (input.seats < 1 || input.seats > state.next.seats) {
      throw new InputError(
        'seats',
        `reduce by 1 to ${state.next.seats} seats`,
        `减少名额应为1至${state.next.seats}名`,
      );
    }
    const last = await trx
      .selectFrom('rounds')
      .select('seq')
      .where('election_id', '=', electionId)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const detail = { seats: input.seats, approvedBy: input.approvedBy, afterRoundSeq: last?.seq ?? 0 };
    await trx
      .insertInto('election_decisions')
      .values({
        id: context.random.id(),
        election_id: electionId,
        kind: 'reduce-seats',
        detail_json: JSON.stringify(detail),
        decided_at: at,
        actor: actor.kind === 'account' ? actor.username : 'unknown',
      })
      .execute();
    const completion = await completeElectionIfDone(context, trx, election, at);
    return {
      result: undefined,
      audit: {
        action: 'election.reduce-seats',
        subject: `election:${electionId}`,
        after: { ...detail, completion },
      },
    };
  });
}
