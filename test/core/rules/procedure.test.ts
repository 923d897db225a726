import { describe, expect, it } from 'vitest';
import {
  checkScrutineerRoles,
  checkScrutineers,
  firstPlenaryElectorate,
  initialReportingStatus,
  mayAnnounce,
  methodAdopted,
  nextSuccessor,
  reportingRequirement,
  suggestedPresidiumSize,
  TERM_YEARS,
  termElectedBy,
} from '../../../src/core/rules/index.ts';

describe('roles and procedure', () => {
  it('[P1] a candidate cannot be a scrutineer; a scrutineer must be an elector', () => {
    const electors = ['王宁', '丁小强', '李强', '张伟'];
    expect(checkScrutineers({ scrutineers: ['张伟'], candidates: ['王宁', '丁小强'], electors })).toEqual([]);
    const problems = checkScrutineers({
      scrutineers: ['王宁', '赵六'],
      candidates: ['王宁', '丁小强'],
      electors,
    });
    expect(problems.map((p) => p.rule)).toEqual(['P1', 'P1']);
    expect(problems[0]!.zh).toContain('候选人');
  });

  it('[P1] one chief scrutineer, at most one deputy', () => {
    expect(checkScrutineerRoles(['chief', 'deputy-chief', 'scrutineer', 'scrutineer'])).toEqual([]);
    expect(checkScrutineerRoles(['scrutineer'])).toHaveLength(1);
    expect(checkScrutineerRoles(['chief', 'deputy-chief', 'deputy-chief'])).toHaveLength(1);
  });

  it('[P2] results are announced only after the tellers finish and a scrutineer signs off', () => {
    expect(mayAnnounce({ tellersDone: true, scrutineerSignatures: 0 })).toBe(false);
    expect(mayAnnounce({ tellersDone: false, scrutineerSignatures: 3 })).toBe(false);
    expect(mayAnnounce({ tellersDone: true, scrutineerSignatures: 1 })).toBe(true);
  });

  it('[P3] the presidium is about a tenth of the delegates', () => {
    expect(suggestedPresidiumSize(417)).toBe(42);
  });

  it('[P4] the election method needs more than half of the expected electors', () => {
    expect(methodAdopted(209, 417)).toEqual({ rule: 'P4', adopted: true, votesFor: 209, minimumFor: 209 });
    expect(methodAdopted(208, 417).adopted).toBe(false);
    expect(methodAdopted(200, 400).adopted).toBe(false);
  });

  it('[P5] the first plenary: members vote, alternates attend without a vote', () => {
    expect(firstPlenaryElectorate(['王宁', '丁小强'], ['李强'])).toEqual({
      electors: ['王宁', '丁小强'],
      nonVotingAttendees: ['李强'],
    });
  });

  it('[P6] members are filed; standing committee, secretary and deputies await approval', () => {
    expect(reportingRequirement('committee-member')).toBe('filing');
    expect(reportingRequirement('discipline-member')).toBe('filing');
    expect(reportingRequirement('secretary')).toBe('approval');
    expect(initialReportingStatus('standing-committee')).toBe('pending-approval');
    expect(initialReportingStatus('alternate-member')).toBe('filed');
    expect(initialReportingStatus('delegate')).toBeNull();
  });

  it('[P7] the Nth congress elects the Nth committee for five years; vacancies go to alternates in order', () => {
    expect(termElectedBy(13)).toBe(13);
    expect(TERM_YEARS).toBe(5);
    expect(nextSuccessor(['于波', '王宁', '丁小强'], new Set(['于波']))).toBe('王宁');
    expect(nextSuccessor(['于波'], new Set(['于波']))).toBeNull();
  });
});
