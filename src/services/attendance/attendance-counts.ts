import type { Kysely } from 'kysely';
import type { AttendanceCounts } from '../../contract/attendance.ts';
import { checkQuorum, defaultParameters, formatFraction } from '../../core/rules/index.ts';
import { meetingQuorum } from '../../core/rules/meetings.ts';
import type { Schema } from '../../persistence/schema.ts';
import { leaveKindOf } from './leave-reason.ts';
import { type SittingOfCongress, sittingOfCongress } from './sitting-lookup.ts';

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
    .select(['voting_rights', 'capacity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('congress_id', '=', sitting.congressId)
    .groupBy(['voting_rights', 'capacity'])
    .execute();
  const groups = await db
    .selectFrom('attendance as a')
    .innerJoin('delegates as d', 'd.id', 'a.delegate_id')
    .select([
      'd.voting_rights',
      'd.capacity',
      'a.status',
      'a.leave_reason',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('a.sitting_id', '=', sitting.id)
    .where('a.status', '!=', 'absent')
    .groupBy(['d.voting_rights', 'd.capacity', 'a.status', 'a.leave_reason'])
    .execute();
  let expected = 0;
  let present = 0;
  const onLeave = { total: 0, personal: 0, illness: 0, other: 0 };
  const nonVoting = { expected: 0, present: 0 };
  // [M1] Alternates attend a plenary without a vote; they are counted apart from other attendees.
  const alternates = { expected: 0, present: 0 };
  for (const group of roster) {
    if (group.voting_rights === 1) expected += Number(group.n);
    else nonVoting.expected += Number(group.n);
    if (group.capacity === 'alternate') alternates.expected += Number(group.n);
  }
  for (const group of groups) {
    const n = Number(group.n);
    if (group.voting_rights !== 1) {
      if (group.status === 'present') nonVoting.present += n;
      if (group.status === 'present' && group.capacity === 'alternate') alternates.present += n;
      continue;
    }
    if (group.status === 'present') present += n;
    if (group.status === 'leave') {
      onLeave.total += n;
      onLeave[leaveKindOf(group.leave_reason)] += n;
    }
  }
  const quorum = await quorumOf(db, sitting, { expected, present });
  const counts = { expected, present, onLeave, absent: expected - present - onLeave.total, nonVoting };
  return {
    sittingId: sitting.id,
    sittingTitle: sitting.title,
    sittingStatus: sitting.status,
    ...counts,
    alternates: sitting.congressKind === 'congress' ? null : alternates,
    quorum,
    summary: summarise(counts, quorum, NOUNS[sitting.congressKind]),
  };
}

const NOUNS: Record<SittingOfCongress['congressKind'], string> = {
  congress: '代表',
  plenary: '委员',
  'standing-committee': '常委',
};

/**
 * Which quorum the sitting needs. A congress: [Q1]–[Q3] by its rule set. A plenary that holds
 * elections: [Q2] (the elections' quorum). Any other meeting of a term's committee: [M1] or [M2],
 * or [M3] when a cadre topic (干部任免) is on its agenda.
 */
async function quorumOf(
  db: Kysely<Schema>,
  sitting: SittingOfCongress,
  electors: { expected: number; present: number },
): Promise<AttendanceCounts['quorum']> {
  if (sitting.congressKind !== 'congress') {
    // A meeting of a term's committee (recorded through the meetings service) holding no election.
    const meeting = await db
      .selectFrom('congresses')
      .select('term_id')
      .where('id', '=', sitting.congressId)
      .executeTakeFirst();
    const elections = await db
      .selectFrom('elections')
      .select('id')
      .where('congress_id', '=', sitting.congressId)
      .limit(1)
      .executeTakeFirst();
    if (meeting?.term_id && !elections) {
      const cadre = await db
        .selectFrom('topics')
        .select('id')
        .where('meeting_id', '=', sitting.congressId)
        .where('kind', '=', 'cadre')
        .where('status', 'in', ['scheduled', 'concluded'])
        .limit(1)
        .executeTakeFirst();
      const verdict = meetingQuorum(
        sitting.congressKind,
        { membersDue: electors.expected, present: electors.present },
        { cadreAppointments: cadre !== undefined },
      );
      return {
        ...verdict,
        ruleSet: sitting.ruleSet,
        fraction: verdict.rule === 'M3' ? '2/3' : '1/2',
        atLeast: verdict.rule === 'M3',
      };
    }
  }
  // The quorum fraction depends on the rule set alone ([Q1] 1/2, [Q2] 2/3, [Q3] 4/5); the office
  // passed to defaultParameters only changes candidacy and surplus, which are not used here.
  const parameters = defaultParameters(sitting.ruleSet, 'other');
  const verdict = checkQuorum(sitting.ruleSet, parameters, electors);
  return {
    ...verdict,
    ruleSet: sitting.ruleSet,
    fraction: formatFraction(parameters.quorumFraction),
    atLeast: false,
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
    en: `expected ${expected}${leaveEn}, present ${present} of ${expected}; ${verdictEn} [${quorum.rule}]: ${quorum.atLeast ? 'at least' : 'more than'} ${quorum.fraction} needed, minimum ${quorum.minimumPresent}`,
  };
}

export type { AttendanceCounts };
