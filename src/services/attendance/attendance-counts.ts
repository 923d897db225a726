import type { Kysely } from 'kysely';
import type { Schema } from '../../adapters/db/schema.ts';
import {
  checkQuorum,
  defaultParameters,
  formatFraction,
  type QuorumVerdict,
} from '../../core/rules/index.ts';
import { leaveKindOf } from './leave-reason.ts';
import { type SittingOfCongress, sittingOfCongress } from './sitting-lookup.ts';

/**
 * The counts of one sitting as the presiding officer announces them: "应到代表417名，因事因病请假
 * 4人，实到代表413名，符合法定人数". Counts only, never names: the same object goes to the
 * public big screen.
 */
export interface AttendanceCounts {
  readonly sittingId: string;
  readonly sittingTitle: string;
  readonly sittingStatus: SittingOfCongress['status'];
  /** 应到: delegates with voting rights [Q4]. Leave does not reduce it. */
  readonly expected: number;
  /** 实到: delegates with voting rights who are checked in. */
  readonly present: number;
  /** 请假: delegates with voting rights on leave, by kind. */
  readonly onLeave: {
    readonly total: number;
    readonly personal: number;
    readonly illness: number;
    readonly other: number;
  };
  /** Delegates with voting rights neither present nor on leave (the secretariat chases them). */
  readonly absent: number;
  /** [Q4] delegates without a vote (列席): they attend but count in none of the numbers above. */
  readonly nonVoting: { readonly expected: number; readonly present: number };
  readonly quorum: QuorumVerdict & {
    readonly ruleSet: SittingOfCongress['ruleSet'];
    readonly fraction: string;
  };
  /** The sentence the presiding officer reads out, and its English. */
  readonly summary: { readonly zh: string; readonly en: string };
}

/** Counts for a sitting named by the caller's congress (404 if it is not that congress's). */
export async function sittingAttendanceCounts(
  db: Kysely<Schema>,
  congressId: string,
  sittingId: string,
): Promise<AttendanceCounts> {
  return attendanceCounts(db, await sittingOfCongress(db, congressId, sittingId));
}

export async function attendanceCounts(
  db: Kysely<Schema>,
  sitting: SittingOfCongress,
): Promise<AttendanceCounts> {
  // Two grouped queries rather than one left join of the roster with the sitting's attendance:
  // right after a list is imported PostgreSQL has no statistics yet, and planned the left join as
  // a nested loop comparing every delegate with every row (0.6 s for 3,000). Joining from the
  // attendance rows to delegates by primary key is cheap whatever the planner believes.
  const roster = await db
    .selectFrom('delegates')
    .select(['voting_rights', (eb) => eb.fn.countAll<number>().as('n')])
    .where('congress_id', '=', sitting.congressId)
    .groupBy('voting_rights')
    .execute();
  const groups = await db
    .selectFrom('attendance as a')
    .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
    .select(['d.voting_rights', 'a.status', 'a.leave_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.sitting_id', '=', sitting.id)
    .where('a.status', '!=', 'absent')
    .groupBy(['d.voting_rights', 'a.status', 'a.leave_reason'])
    .execute();
  let expected = 0;
  let present = 0;
  const onLeave = { total: 0, personal: 0, illness: 0, other: 0 };
  const nonVoting = { expected: 0, present: 0 };
  for (const group of roster) {
    if (group.voting_rights === 1) expected += Number(group.n);
    else nonVoting.expected += Number(group.n);
  }
  for (const group of groups) {
    const n = Number(group.n);
    if (group.voting_rights !== 1) {
      if (group.status === 'present') nonVoting.present += n;
      continue;
    }
    if (group.status === 'present') present += n;
    if (group.status === 'leave') {
      onLeave.total += n;
      onLeave[leaveKindOf(group.leave_reason)] += n;
    }
  }
  // The quorum fraction depends on the rule set alone ([Q1] 1/2, [Q2] 2/3, [Q3] 4/5); the office
  // passed to defaultParameters only changes candidacy and surplus, which are not used here.
  const parameters = defaultParameters(sitting.ruleSet, 'other');
  const verdict = checkQuorum(sitting.ruleSet, parameters, { expected, present });
  const quorum = {
    ...verdict,
    ruleSet: sitting.ruleSet,
    fraction: formatFraction(parameters.quorumFraction),
  };
  const counts = { expected, present, onLeave, absent: expected - present - onLeave.total, nonVoting };
  return {
    sittingId: sitting.id,
    sittingTitle: sitting.title,
    sittingStatus: sitting.status,
    ...counts,
    quorum,
    summary: summarise(counts, quorum, sitting.congressKind === 'plenary' ? '委员' : '代表'),
  };
}

function summarise(
  counts: Pick<AttendanceCounts, 'expected' | 'present' | 'onLeave'>,
  quorum: AttendanceCounts['quorum'],
  noun: string,
): { zh: string; en: string } {
  const { expected, present, onLeave } = counts;
  const kindsZh = [
    onLeave.personal ? `因事${onLeave.personal}人` : '',
    onLeave.illness ? `因病${onLeave.illness}人` : '',
    onLeave.other ? `其他原因${onLeave.other}人` : '',
  ].filter(Boolean);
  const kindsEn = [
    onLeave.personal ? `personal ${onLeave.personal}` : '',
    onLeave.illness ? `illness ${onLeave.illness}` : '',
    onLeave.other ? `other ${onLeave.other}` : '',
  ].filter(Boolean);
  const leaveZh = onLeave.total ? `，请假${onLeave.total}人（${kindsZh.join('，')}）` : '';
  const leaveEn = onLeave.total ? `, on leave ${onLeave.total} (${kindsEn.join(', ')})` : '';
  const verdictZh = quorum.met ? '符合法定人数' : `不足法定人数（至少须${quorum.minimumPresent}名）`;
  const verdictEn = quorum.met ? 'quorum met' : 'quorum NOT met';
  return {
    zh: `应到${noun}${expected}名${leaveZh}，实到${noun}${present}名，${verdictZh}`,
    en: `expected ${expected}${leaveEn}, present ${present} of ${expected}; ${verdictEn} [${quorum.rule}]: more than ${quorum.fraction} needed, minimum ${quorum.minimumPresent}`,
  };
}
