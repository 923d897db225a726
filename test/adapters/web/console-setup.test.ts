import { describe, expect, it } from 'vitest';
import {
  ballotOrderKind,
  checkCandidateList,
  normaliseName,
} from '../../../src/adapters/web/src/lib/candidate-check.ts';
import { hallInputValue, isoFromHallInput } from '../../../src/adapters/web/src/lib/hall-input.ts';
import { officerDraftOf, officerProblems, officersBody } from '../../../src/adapters/web/src/lib/officers.ts';
import { batchStates, passTotals, reportingOf } from '../../../src/adapters/web/src/lib/paper-progress.ts';
import {
  CHAIRED_KINDS,
  currentSitting,
  handCountsProblem,
  sittingsByTime,
  voteRule,
  voteStage,
} from '../../../src/adapters/web/src/lib/procedure.ts';
import type { Officer } from '../../../src/contract/elections.ts';
import type {
  AdoptionVoteView as AdoptionVote,
  AgendaItemView as AgendaItem,
  SittingView as Sitting,
} from '../../../src/contract/procedure.ts';

describe('the live candidate-list check', () => {
  // 45 seats, 10% surplus: at least 50 candidates, as the server's verdict says.
  const committee = { rule: 'C2', seats: 45, minimum: 50, maximum: null };
  const names = (n: number) => Array.from({ length: n }, (_, i) => `候选人${i + 1}`);

  it('[C2] is met with the minimum and broken with one fewer, saying how many are missing', () => {
    expect(checkCandidateList(committee, names(50))).toMatchObject({
      ok: true,
      count: 50,
      surplus: 5,
      short: 0,
      over: 0,
    });
    expect(checkCandidateList(committee, names(49))).toMatchObject({
      ok: false,
      count: 49,
      surplus: 4,
      short: 1,
    });
    expect(checkCandidateList(committee, names(45))).toMatchObject({ ok: false, surplus: 0, short: 5 });
  });

  it('[C1] an equal election needs exactly as many candidates as seats', () => {
    const secretary = { rule: 'C1', seats: 1, minimum: 1, maximum: 1 };
    expect(checkCandidateList(secretary, ['郭玉峰']).ok).toBe(true);
    expect(checkCandidateList(secretary, ['郭玉峰', '孟宪东'])).toMatchObject({
      ok: false,
      over: 1,
      short: 0,
    });
    expect(checkCandidateList(secretary, [])).toMatchObject({ ok: false, short: 1 });
  });

  it('refuses a name listed twice and ignores blank rows', () => {
    const check = checkCandidateList({ rule: 'C2', seats: 1, minimum: 2, maximum: null }, [
      '王宁',
      ' 王宁 ',
      '  ',
      '丁一',
    ]);
    expect(check).toMatchObject({ ok: false, count: 3, duplicates: ['王宁'], short: 0 });
    expect(normaliseName('　Ａｌｉ　')).toBe('Ali');
  });

  it('[C3] names the order the ballot lists the candidates in', () => {
    expect(ballotOrderKind('committee-member')).toBe('strokes');
    expect(ballotOrderKind('standing-committee')).toBe('strokes');
    expect(ballotOrderKind('secretary')).toBe('approved');
    expect(ballotOrderKind('deputy-secretary')).toBe('approved');
    expect(ballotOrderKind('other')).toBe('entered');
  });
});

describe('scrutineers and tellers', () => {
  const officer = (role: Officer['role'], name: string, account: string | null = null): Officer => ({
    id: name,
    role,
    name,
    delegateId: `d-${name}`,
    accountId: account,
  });
  const officers = [
    officer('chief-scrutineer', '韦宏军', 'acc-1'),
    officer('scrutineer', '丁世杰'),
    officer('teller', '王慧兰', 'acc-t1'),
  ];

  it('round-trips the officers, keeping the logins linked to them', () => {
    const draft = officerDraftOf(officers);
    expect(draft.chief?.name).toBe('韦宏军');
    expect(draft.deputy).toBeNull();
    expect(officersBody(draft).officers).toEqual([
      { role: 'chief-scrutineer', name: '韦宏军', delegateId: 'd-韦宏军', accountId: 'acc-1' },
      { role: 'scrutineer', name: '丁世杰', delegateId: 'd-丁世杰' },
      { role: 'teller', name: '王慧兰', delegateId: 'd-王慧兰', accountId: 'acc-t1' },
    ]);
  });

  it('[P1] warns of a missing chief scrutineer, a scrutineer who stands, and one listed twice', () => {
    expect(officerProblems(officerDraftOf(officers), ['马慧'])).toEqual([]);
    const draft = { ...officerDraftOf(officers), chief: null };
    const twice = { name: '丁世杰', delegateId: null, accountId: null };
    expect(officerProblems({ ...draft, scrutineers: [...draft.scrutineers, twice] }, ['丁世杰'])).toEqual([
      { kind: 'no-chief' },
      { kind: 'candidate', name: '丁世杰' },
      { kind: 'candidate', name: '丁世杰' },
      { kind: 'twice', name: '丁世杰' },
    ]);
  });
});

describe('sittings and votes', () => {
  const sitting = (
    id: string,
    startsAt: string | null,
    sortOrder: number,
    status: Sitting['status'],
  ): Sitting => ({
    id,
    congressId: 'c',
    kind: 'plenary',
    title: id,
    status,
    sortOrder,
    startsAt,
    endsAt: null,
    venue: null,
    presiding: null,
    openedAt: null,
    closedAt: null,
    chairs: [],
  });

  it('lists sittings by time, those without a time last, and shows the one in session first', () => {
    const list = [
      sitting('later', '2026-11-28T00:30:00.000Z', 3, 'scheduled'),
      sitting('undated', null, 1, 'scheduled'),
      sitting('first', '2026-11-26T00:00:00.000Z', 2, 'closed'),
    ];
    expect(sittingsByTime(list).map((s) => s.id)).toEqual(['first', 'later', 'undated']);
    expect(currentSitting(list)?.id).toBe('later');
    expect(currentSitting([...list, sitting('now', '2026-11-27T00:00:00.000Z', 4, 'open')])?.id).toBe('now');
    expect(currentSitting([])).toBeUndefined();
    expect(CHAIRED_KINDS.has('opening')).toBe(true);
    expect(CHAIRED_KINDS.has('preparatory')).toBe(false);
  });

  const vote = (patch: Partial<AdoptionVote>): AdoptionVote => ({
    id: 'v',
    agendaItemId: 'i',
    sittingId: 's',
    subject: '通过大会议程',
    mode: 'counts',
    basis: 'present',
    proposal: null,
    state: 'prepared',
    expected: null,
    present: null,
    voted: 0,
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
    adopted: null,
    minimumFor: null,
    rule: null,
    openedAt: null,
    closedAt: null,
    ...patch,
  });
  const item = (kind: AgendaItem['kind'], v: AdoptionVote | null): AgendaItem => ({
    id: 'i',
    sittingId: 's',
    kind,
    title: 't',
    sortOrder: 1,
    presenter: null,
    body: null,
    attachments: [],
    vote: v,
  });

  it('says where an item’s vote stands, including an adoption vote without its settings', () => {
    expect(voteStage(item('report', null))).toBe('none');
    expect(voteStage(item('adoption-vote', null))).toBe('unset');
    expect(voteStage(item('adoption-vote', vote({ state: 'voting' })))).toBe('voting');
  });

  it('[P4] counts the method against the expected electors, anything else against those present', () => {
    expect(voteRule(vote({ expected: 413, present: 260, minimumFor: 131 }))).toEqual({
      rule: null,
      basis: 'present',
      base: 260,
      minimumFor: 131,
    });
    expect(
      voteRule(vote({ basis: 'expected', rule: 'P4', expected: 413, present: 260, minimumFor: 207 })),
    ).toMatchObject({ rule: 'P4', base: 413, minimumFor: 207 });
  });

  it('wants all three counts by hand, and no more than those present', () => {
    expect(handCountsProblem({ votesFor: 200, votesAgainst: null, votesAbstain: 0 }, 260)).toEqual({
      kind: 'missing',
    });
    expect(handCountsProblem({ votesFor: 250, votesAgainst: 10, votesAbstain: 1 }, 260)).toEqual({
      kind: 'too-many',
      total: 261,
    });
    expect(handCountsProblem({ votesFor: 250, votesAgainst: 0, votesAbstain: 0 }, 260)).toBeNull();
    expect(handCountsProblem({ votesFor: 0, votesAgainst: 0, votesAbstain: 0 }, null)).toBeNull();
  });

  it('reads and writes sitting times on the hall’s clock (UTC+8), whatever the computer’s zone', () => {
    expect(hallInputValue('2026-11-26T00:30:00.000Z')).toBe('2026-11-26T08:30');
    expect(hallInputValue('2026-11-25T18:00:00.000Z')).toBe('2026-11-26T02:00');
    expect(hallInputValue(null)).toBe('');
    expect(isoFromHallInput('2026-11-26T08:30')).toBe('2026-11-26T00:30:00.000Z');
    expect(isoFromHallInput('')).toBeNull();
    expect(isoFromHallInput('2026-13-01T08:00')).toBeNull();
  });
});

describe('paper keying and reporting', () => {
  it('adds up each pass over the tellers', () => {
    const teller = (pass: 'A' | 'B', sheets: number) => ({
      username: `t${pass}${sheets}`,
      displayName: '王慧兰',
      pass,
      batches: [{ batchNo: 1, sheets }],
      sheets,
      lastEnteredAt: '2026-11-28T02:00:00.000Z',
    });
    expect(
      passTotals({
        roundId: 'r',
        status: 'open',
        tellers: [teller('A', 20), teller('A', 5), teller('B', 18)],
      }),
    ).toEqual({ A: 25, B: 18 });
    expect(passTotals(undefined)).toEqual({ A: 0, B: 0 });
  });

  it('says which batches are settled: both passes in and every disagreement resolved', () => {
    const states = batchStates([
      { batchNo: 2, onlyA: [19, 20], onlyB: [], agreed: [1, 2], disagreements: [] },
      {
        batchNo: 1,
        onlyA: [],
        onlyB: [],
        agreed: [1, 2, 3],
        disagreements: [
          { sheetNo: 4, resolution: { marks: 'F' } },
          { sheetNo: 5, resolution: null },
        ],
      },
      {
        batchNo: 3,
        onlyA: [],
        onlyB: [],
        agreed: [1],
        disagreements: [{ sheetNo: 2, resolution: { marks: 'A' } }],
      },
    ]);
    expect(states).toEqual([
      { batchNo: 1, agreed: 3, disagreements: 2, unresolved: 1, onlyA: 0, onlyB: 0, settled: false },
      { batchNo: 2, agreed: 2, disagreements: 0, unresolved: 0, onlyA: 2, onlyB: 0, settled: false },
      { batchNo: 3, agreed: 1, disagreements: 1, unresolved: 0, onlyA: 0, onlyB: 0, settled: true },
    ]);
  });

  it('[P6] counts an election’s places filed, pending approval and approved', () => {
    const place = (
      electionId: string | null,
      reportingStatus: 'filed' | 'pending-approval' | 'approved',
    ) => ({
      id: `${electionId}-${reportingStatus}`,
      personName: '王宁',
      electionId,
      reportingStatus,
    });
    const positions = [
      place('e1', 'filed'),
      place('e1', 'filed'),
      place('e2', 'pending-approval'),
      place('e2', 'approved'),
    ];
    expect(reportingOf(positions, 'e1')).toEqual({ filed: 2, pendingApproval: 0, approved: 0 });
    expect(reportingOf(positions, 'e2')).toEqual({ filed: 0, pendingApproval: 1, approved: 1 });
    expect(reportingOf(positions, 'e3')).toBeNull();
  });
});
