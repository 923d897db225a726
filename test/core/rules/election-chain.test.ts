import { describe, expect, it } from 'vitest';
import {
  ChainError,
  checkProposedRound,
  defaultParameters,
  type ElectionEvent,
  type ElectionPlan,
  electionState,
  type ProposedRound,
  tallyRound,
} from '../../../src/core/rules/index.ts';
import { ballotsWithVotes, buildRound, type SimpleBallot, votesFor } from './round-builder.ts';

const plan = (seats: number, extra: Partial<ElectionPlan> = {}): ElectionPlan => ({
  ruleSet: 'local-congress',
  office: 'committee-member',
  seats,
  parameters: defaultParameters('local-congress', 'committee-member'),
  ...extra,
});

/** Holds a round the way a service does: check it against the chain, tally it, record it. */
function hold(
  p: ElectionPlan,
  events: readonly ElectionEvent[],
  proposal: ProposedRound,
  ballots: SimpleBallot[],
  issued?: number,
  electors?: { expected: number; present: number },
): ElectionEvent[] {
  const state = electionState(p, events);
  expect(checkProposedRound(p, state, proposal)).toEqual([]);
  const afterPreliminary = state.next.step === 'round' && state.next.afterPreliminary;
  // [T5] A run-off at the last alternate seat is tallied as an election of alternates.
  const office = state.next.step === 'round' ? state.next.office : undefined;
  const result = tallyRound(
    buildRound({
      round: proposal.kind,
      seats: proposal.seats,
      ...(office ? { office } : {}),
      ...(proposal.advance ? { advance: proposal.advance } : {}),
      ...(proposal.alternateSeats ? { alternateSeats: proposal.alternateSeats } : {}),
      ...(issued === undefined ? {} : { issued }),
      ...(electors ?? {}),
      afterPreliminary,
      candidates: proposal.candidates,
      ballots,
    }),
  );
  return [...events, { type: 'round', round: { ...proposal, result } }];
}

const three = ['王宁', '丁小强', '李强'];
// 王宁 300 is elected; 丁小强 and 李强 have 113 each, short of 209: one seat unfilled.
const shortOne = [votesFor(300, '王宁'), votesFor(113, '丁小强', '李强')];

describe('an election is a chain of rounds', () => {
  it('[T3] a tie at the last seat: a run-off among exactly the tied, for the remaining seat', () => {
    const p = plan(2);
    // 王宁 326; 丁小强 250 and 李强 250 tie for the second seat.
    let events = hold(p, [], { kind: 'formal', seats: 2, candidates: three }, [
      votesFor(163, '王宁', '丁小强'),
      votesFor(163, '王宁', '李强'),
      votesFor(87, '丁小强', '李强'),
    ]);
    let state = electionState(p, events);
    expect(state.elected).toEqual(['王宁']);
    expect(state.next).toMatchObject({
      step: 'round',
      kind: 'runoff',
      seats: 1,
      candidates: ['丁小强', '李强'],
    });
    // The run-off must be among the tied alone.
    expect(
      checkProposedRound(p, state, { kind: 'runoff', seats: 1, candidates: ['丁小强', '李强', '张伟'] })[0]!
        .rule,
    ).toBe('T3');
    expect(
      checkProposedRound(p, state, { kind: 'formal', seats: 1, candidates: ['丁小强', '李强'] })[0]!.rule,
    ).toBe('T3');
    events = hold(p, events, { kind: 'runoff', seats: 1, candidates: ['丁小强', '李强'] }, [
      votesFor(200, '丁小强'),
      votesFor(213, '李强'),
    ]);
    state = electionState(p, events);
    expect(state.elected).toEqual(['王宁', '李强']);
    expect(state.next.step).toBe('complete');
    expect(
      checkProposedRound(p, state, { kind: 'formal', seats: 1, candidates: ['张伟', '于波'] })[0]!.en,
    ).toMatch(/complete/);
  });

  it('[T5][T3][T6] a combined ballot tied at the last member seat: the run-off’s loser becomes the first alternate', () => {
    // 3 member seats, 2 alternate seats, 120 electors: threshold 61. Votes 118, 104, 95, 95, 88, 72.
    const p = plan(3, { alternateSeats: 2 });
    const electors = { expected: 120, present: 120 };
    const votes = { 王宁: 118, 丁小强: 104, 李强: 95, 张伟: 95, 赵敏: 88, 于波: 72 };
    const six = Object.keys(votes);
    let state = electionState(p, []);
    expect(state.next).toMatchObject({ step: 'round', kind: 'formal', seats: 3, alternateSeats: 2 });
    expect(checkProposedRound(p, state, { kind: 'formal', seats: 3, candidates: six })[0]!.rule).toBe('T5');
    let events = hold(
      p,
      [],
      { kind: 'formal', seats: 3, alternateSeats: 2, candidates: six },
      ballotsWithVotes(votes, 120),
      undefined,
      electors,
    );
    state = electionState(p, events);
    // The second alternate is elected now: 赵敏 (88) whatever the run-off gives; 于波 (72) is not.
    expect(state.elected).toEqual(['丁小强', '王宁']);
    expect(state.electedAlternates).toEqual(['赵敏']);
    expect(state.next).toMatchObject({
      step: 'round',
      kind: 'runoff',
      seats: 1,
      alternateSeats: 1,
      candidates: ['李强', '张伟'],
      reason: { rule: 'T5' },
    });
    if (state.next.step !== 'round') throw new Error('a run-off is next');
    expect(state.next.reason.en).toMatch(/losers become alternates in \[T6\] order/);
    expect(state.next.reason.zh).toContain('候补委员');
    // The run-off must accept the losers' alternate seat, and only that.
    expect(
      checkProposedRound(p, state, { kind: 'runoff', seats: 1, candidates: ['李强', '张伟'] })[0]!.rule,
    ).toBe('T5');
    expect(
      checkProposedRound(p, state, {
        kind: 'runoff',
        seats: 1,
        alternateSeats: 2,
        candidates: ['李强', '张伟'],
      }).length,
    ).toBe(1);
    events = hold(
      p,
      events,
      { kind: 'runoff', seats: 1, alternateSeats: 1, candidates: ['李强', '张伟'] },
      [votesFor(50, '李强'), votesFor(70, '张伟')],
      undefined,
      electors,
    );
    state = electionState(p, events);
    expect(state.elected).toEqual(['丁小强', '王宁', '张伟']);
    // [T6] succession order: the run-off's loser (95 in the first round) before 赵敏 (88).
    expect(state.electedAlternates).toEqual(['李强', '赵敏']);
    expect(state.alternateShortfall).toBe(0);
    expect(state.next).toMatchObject({ step: 'complete' });
  });

  it('[T5][T3] a member run-off and an alternate run-off: held one after the other, each alternate in its place', () => {
    const p = plan(2, { alternateSeats: 3 });
    const electors = { expected: 120, present: 120 };
    const votes = { 王宁: 100, 丁小强: 90, 李强: 90, 张伟: 80, 赵敏: 70, 于波: 70 };
    let events = hold(
      p,
      [],
      { kind: 'formal', seats: 2, alternateSeats: 3, candidates: Object.keys(votes) },
      ballotsWithVotes(votes, 120),
      undefined,
      electors,
    );
    let state = electionState(p, events);
    expect(state.electedAlternates).toEqual(['张伟']);
    expect(state.next).toMatchObject({
      kind: 'runoff',
      seats: 1,
      alternateSeats: 1,
      candidates: ['丁小强', '李强'],
    });
    events = hold(
      p,
      events,
      { kind: 'runoff', seats: 1, alternateSeats: 1, candidates: ['丁小强', '李强'] },
      [votesFor(80, '李强'), votesFor(40, '丁小强')],
      undefined,
      electors,
    );
    state = electionState(p, events);
    expect(state.elected).toEqual(['王宁', '李强']);
    expect(state.electedAlternates).toEqual(['丁小强', '张伟']);
    expect(state.next).toMatchObject({
      kind: 'runoff',
      seats: 1,
      office: 'alternate-member',
      candidates: ['赵敏', '于波'],
      reason: { rule: 'T3' },
    });
    expect(state.next.step === 'round' && state.next.alternateSeats).toBeFalsy();
    events = hold(
      p,
      events,
      { kind: 'runoff', seats: 1, candidates: ['赵敏', '于波'] },
      [votesFor(61, '于波'), votesFor(59, '赵敏')],
      undefined,
      electors,
    );
    state = electionState(p, events);
    expect(state.elected).toEqual(['王宁', '李强']);
    expect(state.electedAlternates).toEqual(['丁小强', '张伟', '于波']);
    expect(state.next.step).toBe('complete');
  });

  it('[T4] a shortfall: a supplementary round among those not elected, keeping the [C2] surplus', () => {
    const p = plan(2);
    let events = hold(p, [], { kind: 'formal', seats: 2, candidates: three }, shortOne);
    const state = electionState(p, events);
    expect(state.next).toMatchObject({ step: 'decide-shortfall', seats: 1, eligible: ['丁小强', '李强'] });
    expect(
      checkProposedRound(p, state, { kind: 'supplementary', seats: 1, candidates: ['丁小强'] }).map(
        (r) => r.rule,
      ),
    ).toEqual(['C2']);
    expect(
      checkProposedRound(p, state, { kind: 'supplementary', seats: 1, candidates: ['丁小强', '张伟'] }).map(
        (r) => r.rule,
      ),
    ).toEqual(['T4']);
    expect(
      checkProposedRound(p, state, { kind: 'supplementary', seats: 1, candidates: ['王宁', '丁小强'] })
        .length,
    ).toBeGreaterThan(0);
    events = hold(p, events, { kind: 'supplementary', seats: 1, candidates: ['丁小强', '李强'] }, [
      votesFor(250, '丁小强'),
      votesFor(163, '李强'),
    ]);
    expect(electionState(p, events)).toMatchObject({ elected: ['王宁', '丁小强'], stage: 'complete' });
  });

  it('[T4] a shortfall may instead be closed by a recorded seat reduction', () => {
    const p = plan(2);
    const events = hold(p, [], { kind: 'formal', seats: 2, candidates: three }, shortOne);
    const reduced: ElectionEvent[] = [
      ...events,
      { type: 'reduce-seats', reduction: { seats: 1, approvedBy: 'presidium' } },
    ];
    expect(electionState(p, reduced)).toMatchObject({
      stage: 'complete',
      seats: 1,
      elected: ['王宁'],
      reductions: [{ seats: 1, approvedBy: 'presidium' }],
    });
    expect(() =>
      electionState(p, [
        ...events,
        { type: 'reduce-seats', reduction: { seats: 2, approvedBy: 'electors-majority' } },
      ]),
    ).toThrow(ChainError);
    expect(() =>
      electionState(p, [{ type: 'reduce-seats', reduction: { seats: 1, approvedBy: 'presidium' } }]),
    ).toThrow(ChainError);
  });

  it('[C4] a preliminary round produces the formal list, and the formal round may then be equal', () => {
    const p = plan(2, { preliminaryAdvance: 3 });
    const five = ['王宁', '丁小强', '于波', '李强', '张伟'];
    let state = electionState(p, []);
    expect(state.next).toMatchObject({ step: 'round', kind: 'preliminary', advance: 3 });
    expect(checkProposedRound(p, state, { kind: 'formal', seats: 2, candidates: five })[0]!.rule).toBe('C4');
    let events = hold(p, [], { kind: 'preliminary', seats: 2, advance: 3, candidates: five }, [
      votesFor(300, '王宁', '丁小强', '于波'),
      votesFor(113, '李强', '张伟'),
    ]);
    state = electionState(p, events);
    expect(state.advancing).toEqual(expect.arrayContaining(['王宁', '丁小强', '于波']));
    expect(state.next).toMatchObject({ step: 'round', kind: 'formal', afterPreliminary: true });
    expect(
      checkProposedRound(p, state, { kind: 'formal', seats: 2, candidates: ['王宁', '丁小强', '李强'] })[0]!
        .rule,
    ).toBe('C4');
    events = hold(p, events, { kind: 'formal', seats: 2, candidates: ['于波', '丁小强', '王宁'] }, [
      votesFor(250, '王宁', '丁小强'),
      votesFor(163, '于波'),
    ]);
    expect(electionState(p, events)).toMatchObject({ stage: 'complete', elected: ['丁小强', '王宁'] });
  });

  it('[B2] a void round is held again, with the same list', () => {
    const p = plan(2);
    const events = hold(p, [], { kind: 'formal', seats: 2, candidates: three }, [votesFor(413, '王宁')], 400);
    expect((events[0] as { round: { result: { outcome: string } } }).round.result.outcome).toBe('void');
    const state = electionState(p, events);
    expect(state.elected).toEqual([]);
    expect(state.next).toMatchObject({ step: 'round', kind: 'formal', seats: 2, candidates: 'open' });
  });

  it('[C2] the first round is refused when the list breaks the surplus rule', () => {
    const p = plan(2);
    const problems = checkProposedRound(p, electionState(p, []), {
      kind: 'formal',
      seats: 2,
      candidates: ['王宁', '李强'],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'C2' });
    expect(problems[0]!.zh).toContain('候选人');
    expect(
      checkProposedRound(p, electionState(p, []), {
        kind: 'formal',
        seats: 3,
        candidates: three.concat('张伟'),
      })[0]!.rule,
    ).toBe('T4');
  });
});
