import { checkCandidacy } from './candidacy.ts';
import type { RuleParameters } from './parameters.ts';
import type { RoundResult } from './tally.ts';
import type { Office, RoundKind, RuleSetId } from './types.ts';

/**
 * An election is a chain of rounds. Given what has happened, the engine says what the next round
 * must be — who may stand, how many seats — and refuses a round that breaks the rules:
 * [C4] preliminary → formal; [T3] run-off among the tied; [T4] supplementary round or a recorded
 * seat reduction for a shortfall; [B2] a void round and a round without quorum [Q1]–[Q3] are re-run.
 * Members and alternates are usually separate elections [T5]; with `alternateSeats` the plan is one
 * combined ballot, and a tie at its last member seat sends only the tied to the run-off, whose
 * losers become alternates in [T6] order (tally.ts, seat-allocation.ts).
 */
export interface ElectionPlan {
  readonly ruleSet: RuleSetId;
  readonly office: Office;
  readonly seats: number;
  readonly parameters: RuleParameters;
  /** [C4] The method calls for a preliminary round putting forward this many candidates. */
  readonly preliminaryAdvance?: number;
  /** [T5] A combined member-and-alternate ballot with this many alternate seats. */
  readonly alternateSeats?: number;
}

export interface HeldRound {
  readonly kind: RoundKind;
  readonly seats: number;
  readonly advance?: number;
  /** [T5] The round's alternate seats (a combined ballot, or the losers' seats of its run-off). */
  readonly alternateSeats?: number;
  readonly candidates: readonly string[];
  readonly result: RoundResult;
}

/** [T4] "经半数以上选举人同意或者大会主席团决定，也可以减少名额，不再进行选举。" */
export interface SeatReduction {
  readonly seats: number;
  readonly approvedBy: 'electors-majority' | 'presidium';
}

export type ElectionEvent =
  | { readonly type: 'round'; readonly round: HeldRound }
  | { readonly type: 'reduce-seats'; readonly reduction: SeatReduction };

export interface Reason {
  readonly rule: string;
  readonly en: string;
  readonly zh: string;
}

export type NextStep =
  | {
      readonly step: 'round';
      readonly kind: RoundKind;
      readonly seats: number;
      readonly advance?: number;
      /**
       * [T5] Alternate seats the round fills: those of a combined ballot, or — in a run-off for
       * its last member seats — the seats the run-off's losers take, in [T6] order.
       */
      readonly alternateSeats?: number;
      /** 'alternate-member' for a run-off at the last alternate seat of a combined ballot [T5]. */
      readonly office?: Office;
      /** The exact list the round must have, or 'open' for a list checked by [C1]/[C2]. */
      readonly candidates: 'open' | readonly string[];
      readonly afterPreliminary: boolean;
      readonly reason: Reason;
    }
  | {
      readonly step: 'decide-shortfall';
      readonly stage: 'preliminary' | 'election';
      readonly seats: number;
      /** Who may stand in a supplementary round: those who stood before and were not elected. */
      readonly eligible: readonly string[];
      readonly reason: Reason;
    }
  | { readonly step: 'complete'; readonly reason: Reason };

export interface ElectionState {
  readonly stage: 'preliminary' | 'election' | 'complete';
  /** Seats after any recorded reductions. */
  readonly seats: number;
  readonly advanceTarget: number | null;
  readonly advancing: readonly string[];
  readonly elected: readonly string[];
  /** [T5][T6] On a combined ballot: the alternates elected so far, in succession order. */
  readonly electedAlternates: readonly string[];
  /** [T5] Alternate seats of a combined ballot that no round has filled or will fill by a run-off. */
  readonly alternateShortfall: number;
  readonly reductions: readonly SeatReduction[];
  readonly next: NextStep;
}

/**
 * A run-off still to be held [T3]. `insertAt` is where its alternates go in the succession order
 * [T6]: the losers of a member run-off before the alternates elected below the tie, the winners of
 * an alternate run-off after them.
 */
interface PendingRunoff {
  readonly forAlternates: boolean;
  readonly seats: number;
  readonly candidates: readonly string[];
  readonly alternateSeats: number;
  insertAt: number;
}

const reason = (rule: string, en: string, zh: string): Reason => ({ rule, en, zh });

/** Replays the events and says where the election stands and what must come next. */
export function electionState(plan: ElectionPlan, events: readonly ElectionEvent[]): ElectionState {
  let stage: ElectionState['stage'] = plan.preliminaryAdvance ? 'preliminary' : 'election';
  let seats = plan.seats;
  let advanceTarget = plan.preliminaryAdvance ?? null;
  const advancing: string[] = [];
  const elected: string[] = [];
  const electedAlternates: string[] = [];
  let alternateShortfall = 0;
  let pending: PendingRunoff[] = [];
  const reductions: SeatReduction[] = [];
  const stood = new Set<string>();
  let next: NextStep =
    stage === 'preliminary'
      ? {
          step: 'round',
          kind: 'preliminary',
          seats,
          advance: advanceTarget!,
          candidates: 'open',
          afterPreliminary: false,
          reason: reason('C4', 'the method calls for a preliminary round', '选举办法规定先进行预选'),
        }
      : {
          step: 'round',
          kind: 'formal',
          seats,
          ...(plan.alternateSeats ? { alternateSeats: plan.alternateSeats } : {}),
          candidates: 'open',
          afterPreliminary: false,
          reason: reason('C1', 'formal round', '正式选举'),
        };

  const afterStageFilled = (): NextStep => {
    if (stage === 'preliminary') {
      stage = 'election';
      return {
        step: 'round',
        kind: 'formal',
        seats,
        ...(plan.alternateSeats ? { alternateSeats: plan.alternateSeats } : {}),
        candidates: [...advancing],
        afterPreliminary: true,
        reason: reason('C4', 'the preliminary round produced the formal list', '预选产生正式候选人名单'),
      };
    }
    stage = 'complete';
    if (alternateShortfall > 0) {
      return {
        step: 'complete',
        reason: reason(
          'T4',
          `all member seats are filled; ${alternateShortfall} alternate seat(s) unfilled (a separate election of alternates may fill them)`,
          `委员名额已选足，候补委员尚缺${alternateShortfall}名（可另行选举候补委员）`,
        ),
      };
    }
    return { step: 'complete', reason: reason('T3', 'all seats are filled', '应选名额已选足') };
  };
  const runoffStep = (runoff: PendingRunoff): NextStep => ({
    step: 'round',
    kind: 'runoff',
    seats: runoff.seats,
    ...(runoff.alternateSeats > 0 ? { alternateSeats: runoff.alternateSeats } : {}),
    ...(runoff.forAlternates ? { office: 'alternate-member' as const } : {}),
    candidates: [...runoff.candidates],
    afterPreliminary: false,
    reason: runoff.forAlternates
      ? reason(
          'T3',
          'candidates tied at the last alternate seat',
          '候补委员末位得票相等，就票数相等的被选举人再次投票',
        )
      : runoff.alternateSeats > 0
        ? reason(
            'T5',
            `candidates tied at the last member seat; the run-off's losers become alternates in [T6] order (${runoff.alternateSeats} seat(s))`,
            `委员末位得票相等，就票数相等的被选举人再次投票；未当选委员者按得票多少为序当选候补委员（${runoff.alternateSeats}名）`,
          )
        : reason('T3', 'candidates tied at the last seat', '末位得票相等，就票数相等的被选举人再次投票'),
  });
  const shortfallStep = (missing: number): NextStep => ({
    step: 'decide-shortfall',
    stage: stage === 'preliminary' ? 'preliminary' : 'election',
    seats: missing,
    eligible: [...stood].filter((name) => !elected.includes(name) && !advancing.includes(name)),
    reason: reason(
      'T4',
      `${missing} seat(s) unfilled: hold a supplementary round or reduce the seats`,
      `尚缺${missing}名：另行选举或减少名额`,
    ),
  });

  for (const event of events) {
    if (event.type === 'reduce-seats') {
      if (next.step !== 'decide-shortfall')
        throw new ChainError(reason('T4', 'no shortfall to reduce', '没有缺额，不能减少名额'));
      const removed = event.reduction.seats;
      if (removed < 1 || removed > next.seats) {
        throw new ChainError(
          reason('T4', `a reduction must be 1 to ${next.seats} seats`, `减少名额应为1至${next.seats}名`),
        );
      }
      reductions.push(event.reduction);
      if (stage === 'preliminary') advanceTarget = advanceTarget! - removed;
      else seats -= removed;
      const missing: number = next.seats - removed;
      next = missing === 0 ? afterStageFilled() : shortfallStep(missing);
      continue;
    }
    const { round } = event;
    const { result } = round;
    for (const name of round.candidates) stood.add(name);
    for (const row of result.results) stood.add(row.name);
    // [Q1]–[Q3] no quorum, [B2] void, or a list that broke [C1]/[C2]: the same round is held again.
    if (result.outcome === 'no-quorum' || result.outcome === 'void' || result.outcome === 'invalid-candidacy')
      continue;
    // A run-off answers the first pending one; an alternate run-off [T5] elects alternates only.
    const answering = round.kind === 'runoff' ? pending.shift() : undefined;
    const forAlternates = answering?.forAlternates ?? false;
    // A preliminary round reports who advances; a run-off (in either stage) reports its winners as elected.
    const winners =
      round.kind === 'preliminary' ? (result.advancing ?? []) : forAlternates ? [] : result.elected;
    if (stage === 'preliminary') advancing.push(...winners);
    else elected.push(...winners);
    // [T6] Alternates in succession order: a run-off's go where its tie stood.
    const newAlternates = forAlternates ? result.elected : (result.electedAlternates ?? []);
    const insertAt = answering ? answering.insertAt : electedAlternates.length;
    electedAlternates.splice(insertAt, 0, ...newAlternates);
    for (const other of pending) if (other.insertAt >= insertAt) other.insertAt += newAlternates.length;
    const after = insertAt + newAlternates.length;
    const fresh: PendingRunoff[] = [];
    if (result.outcome === 'runoff-required' && result.runoff) {
      const alternateTie = forAlternates || result.runoff.office === 'alternate-member';
      fresh.push({
        forAlternates: alternateTie,
        seats: result.runoff.seats,
        candidates: result.runoff.candidates,
        alternateSeats: alternateTie ? 0 : (result.runoff.alternateSeats ?? 0),
        insertAt: alternateTie ? after : insertAt,
      });
    }
    if (result.alternateRunoff) {
      const { seats: tieSeats, candidates } = result.alternateRunoff;
      fresh.push({ forAlternates: true, seats: tieSeats, candidates, alternateSeats: 0, insertAt: after });
    }
    // The new run-offs concern more votes than those still pending from earlier rounds: they come first.
    pending = [...fresh, ...pending];
    if (plan.alternateSeats && stage !== 'preliminary') {
      const waiting = pending.reduce((sum, p) => sum + (p.forAlternates ? p.seats : p.alternateSeats), 0);
      alternateShortfall = Math.max(0, plan.alternateSeats - electedAlternates.length - waiting);
    }
    const target = stage === 'preliminary' ? advanceTarget! : seats;
    const filled = stage === 'preliminary' ? advancing.length : elected.length;
    if (pending.length > 0) {
      next = runoffStep(pending[0]!);
    } else if (filled < target) {
      next = shortfallStep(target - filled);
    } else {
      next = afterStageFilled();
    }
  }
  return {
    stage,
    seats,
    advanceTarget,
    advancing,
    elected,
    electedAlternates,
    alternateShortfall,
    reductions,
    next,
  };
}

export class ChainError extends Error {
  constructor(readonly reason: Reason) {
    super(`[${reason.rule}] ${reason.en}`);
  }
}

export interface ProposedRound {
  readonly kind: RoundKind;
  readonly seats: number;
  readonly advance?: number;
  /** [T5] The round's alternate seats: a combined ballot's, or those its run-off's losers take. */
  readonly alternateSeats?: number;
  readonly candidates: readonly string[];
}

/** Every rule a proposed round would break, given the election so far; empty when it may be held. */
export function checkProposedRound(
  plan: ElectionPlan,
  state: ElectionState,
  proposal: ProposedRound,
): Reason[] {
  const next = state.next;
  const problems: Reason[] = [];
  if (new Set(proposal.candidates).size !== proposal.candidates.length) {
    problems.push(reason('C3', 'a name appears twice on the list', '候选人名单中有重复姓名'));
  }
  const already = proposal.candidates.filter((name) => state.elected.includes(name));
  if (already.length > 0) {
    problems.push(
      reason(
        'T3',
        `already elected: ${already.join('、')}`,
        `已当选，不能再列为候选人：${already.join('、')}`,
      ),
    );
  }
  if (next.step === 'complete') {
    return [reason('T3', 'the election is complete', '本项选举已完成')];
  }
  let afterPreliminary = false;
  let seats: number;
  let advance: number | undefined;
  let alternateSeats = 0;
  if (next.step === 'round') {
    alternateSeats = next.alternateSeats ?? 0;
    if (proposal.kind !== next.kind) {
      problems.push(
        reason(next.reason.rule, `the next round must be ${next.kind}`, `下一轮应为${kindZh(next.kind)}`),
      );
    }
    seats = next.seats;
    advance = next.advance;
    afterPreliminary = next.afterPreliminary;
    if (next.candidates !== 'open') {
      const required = new Set(next.candidates);
      const same =
        required.size === proposal.candidates.length && proposal.candidates.every((n) => required.has(n));
      if (!same) {
        problems.push(
          reason(
            next.reason.rule,
            `the candidates must be exactly: ${next.candidates.join('、')}`,
            `候选人应为：${next.candidates.join('、')}`,
          ),
        );
      }
    }
  } else {
    const expectedKind: RoundKind = next.stage === 'preliminary' ? 'preliminary' : 'supplementary';
    if (proposal.kind !== expectedKind) {
      problems.push(
        reason(
          'T4',
          `a shortfall is filled by a ${expectedKind} round or a seat reduction`,
          `缺额应另行选举或减少名额`,
        ),
      );
    }
    seats = next.stage === 'preliminary' ? plan.seats : next.seats;
    advance = next.stage === 'preliminary' ? next.seats : undefined;
    const eligible = new Set(next.eligible);
    const outsiders = proposal.candidates.filter((name) => !eligible.has(name));
    if (outsiders.length > 0) {
      problems.push(
        reason(
          'T4',
          `not among those who stood and were not elected: ${outsiders.join('、')}`,
          `不在未当选的被选举人之中：${outsiders.join('、')}`,
        ),
      );
    }
  }
  if (proposal.seats !== seats) {
    problems.push(reason('T4', `the round must fill ${seats} seat(s)`, `本轮应选${seats}名`));
  }
  if ((proposal.alternateSeats ?? 0) !== alternateSeats) {
    problems.push(
      alternateSeats > 0
        ? reason(
            'T5',
            `the round must also fill ${alternateSeats} alternate seat(s)`,
            `本轮还应选候补委员${alternateSeats}名`,
          )
        : reason('T5', 'the round has no alternate seats', '本轮不设候补名额'),
    );
  }
  if ((proposal.advance ?? undefined) !== advance) {
    problems.push(
      reason(
        'C4',
        `the round must put forward ${advance ?? 'no'} candidates`,
        `本轮预选应产生${advance ?? 0}名`,
      ),
    );
  }
  const candidacy = checkCandidacy({
    round: proposal.kind,
    seats,
    candidates: proposal.candidates.length,
    parameters: plan.parameters,
    ...(advance === undefined ? {} : { advance }),
    afterPreliminary,
  });
  if (!candidacy.ok) {
    const limit =
      candidacy.maximum === candidacy.minimum
        ? `exactly ${candidacy.minimum}`
        : `at least ${candidacy.minimum}`;
    const limitZh =
      candidacy.maximum === candidacy.minimum ? `应为${candidacy.minimum}名` : `至少${candidacy.minimum}名`;
    problems.push(
      reason(
        candidacy.rule,
        `${candidacy.candidates} candidates for ${candidacy.seats} seat(s); the rule requires ${limit}`,
        `应选${candidacy.seats}名，候选人${candidacy.candidates}名，候选人${limitZh}`,
      ),
    );
  }
  return problems;
}

function kindZh(kind: RoundKind): string {
  return { formal: '正式选举', preliminary: '预选', runoff: '再次投票', supplementary: '另行选举' }[kind];
}
