import type { Reason } from './election-chain.ts';
import { exceedsFraction, HALF, leastIntegerAbove } from './fraction.ts';
import type { Office } from './types.ts';

/**
 * [P1] Scrutineers (总监票人, 副总监票人, 监票人) are electors who are not candidates in that
 * election; the system refuses a candidate as scrutineer.
 */
export function checkScrutineers(input: {
  readonly scrutineers: readonly string[];
  readonly candidates: readonly string[];
  readonly electors: readonly string[];
}): Reason[] {
  const candidates = new Set(input.candidates);
  const electors = new Set(input.electors);
  const problems: Reason[] = [];
  for (const name of input.scrutineers) {
    if (candidates.has(name)) {
      problems.push({
        rule: 'P1',
        en: `${name} is a candidate and cannot be a scrutineer`,
        zh: `${name}是候选人，不能担任监票人`,
      });
    }
    if (!electors.has(name)) {
      problems.push({ rule: 'P1', en: `${name} is not an elector`, zh: `${name}不是选举人，不能担任监票人` });
    }
  }
  return problems;
}

/** [P1] A congress election has one chief scrutineer, at most one deputy, and several scrutineers. */
export function checkScrutineerRoles(roles: readonly ('chief' | 'deputy-chief' | 'scrutineer')[]): Reason[] {
  const count = (role: string) => roles.filter((r) => r === role).length;
  const problems: Reason[] = [];
  if (count('chief') !== 1)
    problems.push({ rule: 'P1', en: 'exactly one chief scrutineer', zh: '应有且只有一名总监票人' });
  if (count('deputy-chief') > 1)
    problems.push({ rule: 'P1', en: 'at most one deputy chief scrutineer', zh: '副总监票人至多一名' });
  return problems;
}

/**
 * [P2] Tellers (计票人) are designated by the secretary-general (or the plenary's presiding member);
 * every count they enter is confirmed and signed off by scrutineers before results are announced.
 */
export function mayAnnounce(signOff: {
  readonly tellersDone: boolean;
  readonly scrutineerSignatures: number;
}): boolean {
  return signOff.tellersDone && signOff.scrutineerSignatures > 0;
}

/** [P3] The presidium is about 10% of the delegates: a guide for the secretariat, not a hard limit. */
export function suggestedPresidiumSize(delegates: number): number {
  return Math.max(1, Math.round(delegates / 10));
}

/**
 * [P4] The election method is adopted with the consent of more than half of the expected electors
 * (1994 地方条例 第四十三条), before any ballot.
 */
export function methodAdopted(
  votesFor: number,
  expectedElectors: number,
): {
  readonly rule: 'P4';
  readonly adopted: boolean;
  readonly votesFor: number;
  readonly minimumFor: number;
} {
  return {
    rule: 'P4',
    adopted: exceedsFraction(votesFor, HALF, expectedElectors),
    votesFor,
    minimumFor: leastIntegerAbove(HALF, expectedElectors),
  };
}

/**
 * [P5] The first plenary session of a new committee: its electorate is the newly elected members
 * (alternates attend without a vote [Q4]); it elects the standing committee (competitive), the
 * secretary and deputies (equal), and adopts the discipline commission's first-plenary result.
 */
export const FIRST_PLENARY_OFFICES: readonly Office[] = [
  'standing-committee',
  'secretary',
  'deputy-secretary',
];

export function firstPlenaryElectorate(
  members: readonly string[],
  alternates: readonly string[],
): {
  readonly electors: readonly string[];
  readonly nonVotingAttendees: readonly string[];
} {
  return { electors: [...members], nonVotingAttendees: [...alternates] };
}

/**
 * [P6] Committee members, alternates and discipline commission members are filed (备案) with the
 * higher committee; standing committee members, secretaries and deputies need its approval (审批)
 * and stay "pending approval" until it is recorded.
 */
export function reportingRequirement(office: Office): 'filing' | 'approval' | 'none' {
  if (office === 'standing-committee' || office === 'secretary' || office === 'deputy-secretary')
    return 'approval';
  if (office === 'committee-member' || office === 'alternate-member' || office === 'discipline-member')
    return 'filing';
  return 'none';
}

export type ReportingStatus = 'filed' | 'pending-approval' | 'approved';

export function initialReportingStatus(office: Office): ReportingStatus | null {
  const requirement = reportingRequirement(office);
  if (requirement === 'approval') return 'pending-approval';
  if (requirement === 'filing') return 'filed';
  return null;
}

/**
 * [P7] A local congress meets every five years; the Nth congress elects the Nth committee, whose
 * plenaries are numbered N届M次全会. Vacancies among members are filled by alternates in [T6] order.
 */
export const TERM_YEARS = 5;

export function termElectedBy(congressNumber: number): number {
  return congressNumber;
}

/** [P7] [T6] The alternate who fills the next vacancy: the first of the succession order still serving. */
export function nextSuccessor(
  successionOrder: readonly string[],
  alreadySucceeded: ReadonlySet<string>,
): string | null {
  return successionOrder.find((name) => !alreadySucceeded.has(name)) ?? null;
}
