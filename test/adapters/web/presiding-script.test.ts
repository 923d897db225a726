import { describe, expect, it } from 'vitest';
import {
  attendanceText,
  currentMethod,
  methodText,
  openText,
  presidingScript,
  resultText,
  scrutineersText,
} from '../../../src/adapters/web/src/pages/presiding/presiding-script.ts';
import type { AttendanceCounts } from '../../../src/contract/attendance.ts';
import type { ElectionMethod, ElectionView, RoundResult } from '../../../src/contract/elections.ts';
import { election, round } from './hall-fixtures.ts';

// 主持词 (issue 12, defect 10): what the presiding officer reads at each step, filled with the live
// numbers and names, in the order it is read.

const delegates = { zh: '代表', en: 'delegates' };

function hall(patch: Partial<AttendanceCounts> = {}): AttendanceCounts {
  return {
    sittingId: 's2',
    sittingTitle: '第二次全体会议',
    sittingStatus: 'open',
    expected: 417,
    present: 413,
    onLeave: { total: 4, personal: 3, illness: 1, other: 0 },
    absent: 0,
    nonVoting: { expected: 0, present: 0 },
    alternates: null,
    quorum: { met: true, minimumPresent: 209, fraction: '1/2' },
    summary: { zh: '', en: '' },
    ...patch,
  } as AttendanceCounts;
}

const committee = (patch: Partial<ElectionView> = {}) =>
  election({
    id: 'e1',
    office: 'committee-member',
    title: '中国共产党示范市第十三届委员会委员',
    ballotMode: 'paper',
    seats: 45,
    candidates: Array.from({ length: 50 }, (_, i) => ({
      name: `候选人${i + 1}`,
    })) as ElectionView['candidates'],
    officers: [
      { role: 'chief-scrutineer', name: '王宁' },
      { role: 'deputy-chief-scrutineer', name: '李强' },
      { role: 'scrutineer', name: '张伟' },
      { role: 'scrutineer', name: '赵敏' },
      { role: 'teller', name: '陈静' },
    ],
    chain: {
      stage: 'election',
      seats: 45,
      elected: [],
      advancing: [],
      reductions: [],
      next: {
        step: 'round',
        kind: 'formal',
        seats: 45,
        candidates: 'open',
        afterPreliminary: false,
        reason: { rule: 'C1', en: '', zh: '' },
      },
    } as unknown as ElectionView['chain'],
    ...patch,
  });

const method = (patch: Partial<ElectionMethod> = {}): ElectionMethod => ({
  id: 'm1',
  title: '中国共产党示范市第十三次代表大会选举办法（草案）',
  status: 'draft',
  body: null,
  overrides: {},
  votesFor: null,
  votesAgainst: null,
  votesAbstain: null,
  expected: null,
  adoptedAt: null,
  ...patch,
});

function counted(patch: Partial<RoundResult> = {}): RoundResult {
  return {
    outcome: 'complete',
    validity: { rule: 'B2', valid: true, issued: 413, returned: 413 },
    ballots: { returned: 413, valid: 411, invalid: 2 },
    threshold: { rule: 'T1', base: 417, minimumFor: 209 },
    elected: ['丁宁', '于波'],
    runoff: null,
    shortfall: 0,
    ...patch,
  } as RoundResult;
}

describe('the presiding officer’s script (主持词)', () => {
  it('reports attendance as the officer reads it: 应到, 因事因病请假, 实到, the quorum', () => {
    expect(attendanceText(hall(), delegates).zh).toBe(
      '现在报告代表出席情况：本次大会应到代表417名，因事因病请假4人，实到代表413名，符合法定人数，可以进行选举。',
    );
    expect(
      attendanceText(hall({ onLeave: { total: 2, personal: 2, illness: 0, other: 0 } }), delegates).zh,
    ).toContain('因事请假2人，');
    const none = attendanceText(
      hall({ present: 417, onLeave: { total: 0, personal: 0, illness: 0, other: 0 } }),
      delegates,
    );
    expect(none.zh).toBe(
      '现在报告代表出席情况：本次大会应到代表417名，实到代表417名，符合法定人数，可以进行选举。',
    );
    const short = attendanceText(
      hall({
        present: 150,
        quorum: { met: false, minimumPresent: 209, fraction: '1/2' } as AttendanceCounts['quorum'],
      }),
      delegates,
    );
    expect(short.zh).toContain('实到代表150名，不足法定人数（至少需要209名），不能进行选举。');
    expect(short.en).toContain('no quorum');
    // A plenary speaks of its members (委员) and of 本次全会.
    expect(attendanceText(hall({ expected: 15, present: 15 }), { zh: '委员', en: 'members' }).zh).toMatch(
      /^现在报告委员出席情况：本次全会应到委员15名/,
    );
  });

  it('puts the method to the vote, then reads its result without （草案） [P4]', () => {
    expect(methodText(method(), delegates).zh).toBe(
      '下面，进行大会选举。首先，表决《中国共产党示范市第十三次代表大会选举办法（草案）》。草案已经主席团会议审议通过，并经各代表团讨论。现在进行表决。',
    );
    const adopted = methodText(
      method({ status: 'adopted', votesFor: 405, votesAgainst: 3, votesAbstain: 5, expected: 417 }),
      delegates,
    );
    expect(adopted.zh).toBe(
      '《中国共产党示范市第十三次代表大会选举办法》表决结果：应到代表417名，赞成405票，不赞成3票，弃权5票。赞成票超过应到代表的半数，《中国共产党示范市第十三次代表大会选举办法》通过。',
    );
    expect(currentMethod([method({ id: 'a' }), method({ id: 'b', status: 'adopted' })])?.id).toBe('b');
    expect(currentMethod([])).toBeNull();
  });

  it('reads the scrutineers by role [P1], the tellers not among them', () => {
    const text = scrutineersText(committee()).zh;
    expect(text).toContain('总监票人：王宁；副总监票人：李强；监票人：张伟、赵敏。');
    expect(text).toContain('现在对总监票人、副总监票人和监票人名单进行表决。');
    expect(text).not.toContain('陈静');
  });

  it('opens the vote with what is elected, from how many, how to mark, in the ballot’s order [C1][C3][B3]', () => {
    const paper = openText(committee(), { kind: 'formal', seats: 45, candidates: 50 }, 'paper').zh;
    expect(paper).toMatch(
      /^现在进行中国共产党示范市第十三届委员会委员的选举。应选45名，候选人50名，实行差额选举，候选人按姓氏笔画为序排列。/,
    );
    expect(paper).toContain('多于应选名额的为无效票');
    expect(paper).toContain('请监票人、计票人检查票箱');
    expect(paper.endsWith('现在开始投票。')).toBe(true);
    const secretary = openText(
      committee({ office: 'secretary', title: '书记' }),
      { kind: 'formal', seats: 1, candidates: 1 },
      'electronic',
    ).zh;
    expect(secretary).toContain('实行等额选举，候选人按上级党组织批准的顺序排列');
    expect(secretary).toContain('收据号');
    expect(openText(committee(), { kind: 'runoff', seats: 1, candidates: 2 }, 'paper').zh).toContain(
      '（再次投票）',
    );
  });

  it('announces the result with those elected in the published order, and what follows [T1][T3][T4]', () => {
    const done = round({ id: 'r1', status: 'announced', result: counted() });
    expect(resultText(done, committee()).zh).toBe(
      '根据总监票人报告的计票结果，丁宁、于波（2名）得票超过应到会代表的半数，当选为中国共产党示范市第十三届委员会委员。',
    );
    const tied = round({
      id: 'r2',
      status: 'signed-off',
      result: counted({
        elected: ['丁宁'],
        runoff: { seats: 1, candidates: ['王刚', '李强'] },
        shortfall: 2,
      }),
    });
    const text = resultText(tied, committee()).zh;
    expect(text).toContain('王刚、李强得票相等，不能确定当选人，须就票数相等的被选举人再次投票，选出1名。');
    expect(text).toContain('尚缺1名');
  });

  it('runs in reading order and follows the hall: attendance first, then the step the round is at', () => {
    const before = presidingScript({
      counts: hall(),
      method: method(),
      election: committee(),
      round: undefined,
    });
    expect(before.steps.map((s) => s.key)).toEqual([
      'attendance',
      'method',
      'scrutineers',
      'open',
      'close',
      'counting',
      'result',
    ]);
    expect(before.current).toBe(0);
    const adopted = method({ status: 'adopted', votesFor: 405, expected: 417 });
    expect(
      presidingScript({ counts: hall(), method: adopted, election: committee(), round: undefined }).current,
    ).toBe(3);
    const at = (status: 'open' | 'closed' | 'counted' | 'signed-off') =>
      presidingScript({
        counts: hall(),
        method: adopted,
        election: committee(),
        round: round({ id: 'r1', status, mode: 'paper', ballotsIssued: status === 'open' ? null : 413 }),
      });
    expect(at('open').steps[at('open').current]!.key).toBe('close');
    expect(at('closed').steps[at('closed').current]!.zh).toContain('下面，请总监票人王宁报告计票结果。');
    expect(at('closed').steps.find((s) => s.key === 'close')!.zh).toContain('本次选举共发出选票413张。');
    expect(at('signed-off').steps[at('signed-off').current]!.key).toBe('result');
    // After a tie, the run-off's opening follows the result.
    const runoff = committee({
      chain: {
        ...committee().chain,
        next: {
          step: 'round',
          kind: 'runoff',
          seats: 1,
          candidates: ['王刚', '李强'],
          afterPreliminary: false,
          reason: { rule: 'T3', en: '', zh: '' },
        },
      } as ElectionView['chain'],
    });
    const after = presidingScript({
      counts: hall(),
      method: adopted,
      election: runoff,
      round: round({ id: 'r1', status: 'announced', result: counted() }),
    });
    expect(after.steps.map((s) => s.key).slice(-2)).toEqual(['result', 'open']);
    expect(after.steps[after.current]!.zh).toContain('（再次投票）。应选1名，候选人2名');
  });
});
