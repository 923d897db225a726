import { exceedsFraction, HALF, leastIntegerAbove, TWO_THIRDS } from './fraction.ts';
import type { QuorumVerdict } from './quorum.ts';
import type { Fraction } from './types.ts';

// §8 The committee between congresses: when a plenary session or a standing committee meeting
// may proceed, and when it has decided. Counts are of members due to attend (应到会成员): the
// committee's members for a plenary, the standing committee's members for its meetings. Leave does
// not reduce them, and alternates and other attendees count in none of them ([Q4], [M1]).

export type SittingCommittee = 'plenary' | 'standing-committee';

export interface MeetingRuleOptions {
  /**
   * [M1] The fraction of members a plenary needs present. The rule book fixes none; the reading
   * chosen is "more than half" (地方委员会工作条例: 半数以上委员到会方能召开), configurable.
   */
  readonly plenaryQuorum?: Fraction;
}

/**
 * [M1] a plenary may proceed with more than half of the members present (configurable);
 * [M2] a standing committee meeting with more than half of its members present;
 * [M3] a meeting deciding cadre appointments and dismissals (干部任免) needs at least two-thirds
 *      present: 3 × present ≥ 2 × members (at least, not more than).
 */
export function meetingQuorum(
  committee: SittingCommittee,
  counts: { readonly membersDue: number; readonly present: number },
  options: MeetingRuleOptions & { readonly cadreAppointments?: boolean } = {},
): QuorumVerdict {
  const { membersDue, present } = counts;
  if (options.cadreAppointments) {
    return {
      rule: 'M3',
      met: 3 * present >= 2 * membersDue,
      present,
      expected: membersDue,
      minimumPresent: atLeastTwoThirds(membersDue),
    };
  }
  const fraction = committee === 'plenary' ? (options.plenaryQuorum ?? HALF) : HALF;
  return {
    rule: committee === 'plenary' ? 'M1' : 'M2',
    met: exceedsFraction(present, fraction, membersDue),
    present,
    expected: membersDue,
    minimumPresent: leastIntegerAbove(fraction, membersDue),
  };
}

/** The least whole number x with 3x ≥ 2n: ⌈2n/3⌉, in integers. */
function atLeastTwoThirds(n: number): number {
  const { numerator, denominator } = TWO_THIRDS;
  const roundedUp = numerator * n + denominator - 1;
  return (roundedUp - (roundedUp % denominator)) / denominator;
}

export interface DecisionVerdict {
  readonly rule: 'M4';
  readonly adopted: boolean;
  readonly votesFor: number;
  readonly membersDue: number;
  /** The fewest votes for that would adopt it. */
  readonly minimumFor: number;
}

/**
 * [M4] A decision of the plenary or the standing committee passes when the votes for exceed half
 * of the members due to attend: 2 × for > members due (not half of those present, nor of those voting).
 */
export function decisionAdopted(votesFor: number, membersDue: number): DecisionVerdict {
  return {
    rule: 'M4',
    adopted: exceedsFraction(votesFor, HALF, membersDue),
    votesFor,
    membersDue,
    minimumFor: leastIntegerAbove(HALF, membersDue),
  };
}

/**
 * [M4] Counts of one vote must add up: for + against + abstain never exceed those present who
 * may vote, and no one votes by proxy (present ≤ members due).
 */
export function checkDecisionCounts(counts: {
  readonly votesFor: number;
  readonly against: number;
  readonly abstain: number;
  readonly present: number;
  readonly membersDue: number;
}): { readonly ok: true } | { readonly ok: false; readonly en: string; readonly zh: string } {
  const { votesFor, against, abstain, present, membersDue } = counts;
  for (const value of [votesFor, against, abstain, present, membersDue]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      return { ok: false, en: 'counts are whole numbers from 0', zh: '票数应为不小于0的整数' };
    }
  }
  if (present > membersDue) {
    return {
      ok: false,
      en: `${present} present is more than the ${membersDue} members due`,
      zh: `到会${present}人，多于应到会成员${membersDue}人`,
    };
  }
  if (votesFor + against + abstain > present) {
    return {
      ok: false,
      en: `${votesFor + against + abstain} votes from ${present} present: no one votes by proxy`,
      zh: `到会${present}人，表决票数合计${votesFor + against + abstain}，不得委托他人表决`,
    };
  }
  return { ok: true };
}
