import { describe, expect, it } from 'vitest';
import { expectTallyResult, expectUsageError, type ResultRow, round, tally, votes } from './run-cli.ts';

// `plenum tally` outcomes (cli-contract.md "plenum tally"; election-rules.md §2–§5).
// Surname strokes of the names used here (GF 0023-2020): 丁 2; 王 4; 刘 6; 李 7 (first stroke 横);
// 张 7 (first stroke 横折, so 李 < 张 [§7.2]); 赵 9.

/** The input example of cli-contract.md, verbatim. */
const CONTRACT_INPUT = {
  ruleSet: 'local-congress',
  office: 'committee-member',
  round: 'formal',
  seats: 3,
  electors: { expected: 417, present: 413 },
  ballotsIssued: 413,
  candidates: ['王宁', '丁小强', '李强', '张伟'],
  ballots: [
    { marks: { 王宁: 'for', 丁小强: 'for', 李强: 'against' }, writeIns: ['赵六'] },
    { count: 120, marks: { 王宁: 'for', 张伟: 'for' } },
    { void: 'identifying mark' },
  ],
  options: {},
};

const names = (rows: readonly ResultRow[]): string[] => rows.map((r) => r.name);

/** `count` ballots giving each candidate exactly these "for" votes, spread round-robin (no ballot names anyone twice). */
function spread(
  votesOf: Readonly<Record<string, number>>,
  count: number,
): { marks: Record<string, 'for'> }[] {
  const ballots = Array.from({ length: count }, () => ({ marks: {} as Record<string, 'for'> }));
  let next = 0;
  for (const [name, n] of Object.entries(votesOf)) {
    for (let k = 0; k < n; k++) ballots[(next + k) % count]!.marks[name] = 'for';
    next = (next + n) % count;
  }
  return ballots;
}

/** The example: 3 member seats, 2 alternate seats, 120 electors (threshold 61). */
const TIED_AT_LAST_MEMBER_SEAT = { 王宁: 118, 丁小强: 104, 李强: 95, 张伟: 95, 赵敏: 88, 于波: 72 };

describe.concurrent('plenum tally: the contract example', () => {
  it('counts the contract example by hand: 122 returned, 121 valid, minimum 209, shortfall 3', async () => {
    const out = expectTallyResult(await tally(CONTRACT_INPUT));
    for (const field of [
      'outcome',
      'quorum',
      'candidacy',
      'validity',
      'ballots',
      'threshold',
      'results',
      'elected',
      'runoff',
      'shortfall',
    ]) {
      expect(out, `output field ${field}`).toHaveProperty(field);
    }
    expect(out.outcome).toBe('shortfall');
    expect(out.quorum).toMatchObject({ rule: 'Q1', met: true, present: 413, expected: 417 });
    expect(out.candidacy).toMatchObject({ rule: 'C2', ok: true, candidates: 4, seats: 3 });
    expect(out.validity).toMatchObject({ rule: 'B2', valid: true, issued: 413, returned: 122 });
    expect(out.ballots).toEqual({ returned: 122, valid: 121, invalid: 1 });
    expect(out.threshold).toMatchObject({ rule: 'T1', base: 417, minimumFor: 209 });
    // Stroke order: 丁 (2) < 王 (4) < 李 (7, 横 first) < 张 (7, 横折 first); the write-in follows.
    expect(names(out.results)).toEqual(['丁小强', '王宁', '李强', '张伟', '赵六']);
    const no = { qualified: false, elected: false };
    expect(out.results).toEqual([
      { name: '丁小强', for: 1, against: 0, abstain: 120, writeIn: false, ...no },
      { name: '王宁', for: 121, against: 0, abstain: 0, writeIn: false, ...no },
      { name: '李强', for: 0, against: 1, abstain: 120, writeIn: false, ...no },
      { name: '张伟', for: 120, against: 0, abstain: 1, writeIn: false, ...no },
      expect.objectContaining({ name: '赵六', for: 1, writeIn: true, ...no }),
    ]);
    expect(out.elected).toEqual([]);
    expect(out.runoff).toBeNull();
    expect(out.shortfall).toBe(3);
  });

  it('prints one JSON document in UTF-8 (names not escaped away)', async () => {
    const run = await tally(CONTRACT_INPUT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('王宁');
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe.concurrent('plenum tally: quorum [Q1]–[Q3]', () => {
  const candidates = ['王宁', '丁小强', '李强', '张伟'];

  it('[Q1] 208 present of 417 expected is no quorum: nothing is counted', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 3,
          electors: { expected: 417, present: 208 },
          ballotsIssued: 208,
          candidates,
          ballots: [votes(208, '王宁')],
        }),
      ),
    );
    expect(out.outcome).toBe('no-quorum');
    expect(out.quorum).toMatchObject({ rule: 'Q1', met: false, present: 208, expected: 417 });
    expect(out.results).toEqual([]);
    expect(out.elected).toEqual([]);
  });

  it('[Q1] 209 present of 417 expected meets the quorum', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 3,
          electors: { expected: 417, present: 209 },
          ballotsIssued: 209,
          candidates,
          ballots: [votes(209, '王宁')],
        }),
      ),
    );
    expect(out.quorum).toMatchObject({ rule: 'Q1', met: true, present: 209, expected: 417 });
    expect(out.outcome).toBe('shortfall');
    expect(out.elected).toEqual(['王宁']);
    expect(out.shortfall).toBe(2);
  });

  const plenary = (present: number) =>
    round({
      ruleSet: 'local-plenary',
      office: 'standing-committee',
      seats: 2,
      electors: { expected: 30, present },
      ballotsIssued: present,
      candidates: ['张伟', '丁小强', '王宁'],
      ballots: [votes(present, '张伟', '丁小强')],
    });

  it('[Q2] local plenary: 20 present of 30 expected is exactly two thirds and fails', async () => {
    const out = expectTallyResult(await tally(plenary(20)));
    expect(out.outcome).toBe('no-quorum');
    expect(out.quorum).toMatchObject({ rule: 'Q2', met: false, present: 20, expected: 30 });
    expect(out.results).toEqual([]);
    expect(out.elected).toEqual([]);
  });

  it('[Q2] local plenary: 21 present of 30 expected meets; [T7] standing committee elected in approved order', async () => {
    const out = expectTallyResult(await tally(plenary(21)));
    expect(out.quorum).toMatchObject({ rule: 'Q2', met: true, present: 21, expected: 30 });
    expect(out.threshold).toMatchObject({ rule: 'T1', base: 30, minimumFor: 16 });
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['张伟', '丁小强']);
  });

  const grassroots = (present: number) =>
    round({
      ruleSet: 'grassroots',
      seats: 2,
      electors: { expected: 100, present },
      ballotsIssued: present,
      candidates: ['王宁', '李强', '张伟'],
      ballots: [],
    });

  it('[Q3] grassroots: 80 present of 100 expected is exactly four fifths and fails', async () => {
    const out = expectTallyResult(await tally(grassroots(80)));
    expect(out.outcome).toBe('no-quorum');
    expect(out.quorum).toMatchObject({ rule: 'Q3', met: false, present: 80, expected: 100 });
  });

  it('[Q3] grassroots: 81 present of 100 expected meets', async () => {
    const out = expectTallyResult(await tally(grassroots(81)));
    expect(out.quorum).toMatchObject({ rule: 'Q3', met: true, present: 81, expected: 100 });
  });
});

describe.concurrent('plenum tally: candidates [C1]/[C2]', () => {
  const pool = [
    '王宁',
    '丁小强',
    '李强',
    '张伟',
    '刘洋',
    '陈静',
    '杨帆',
    '赵敏',
    '黄磊',
    '周杰',
    '吴刚',
    '徐明',
    '于波',
  ];

  it('[C2] 10 committee-member seats with 10 candidates cannot be put to a vote', async () => {
    const out = expectTallyResult(
      await tally(round({ seats: 10, candidates: pool.slice(0, 10), ballots: [votes(10, '王宁')] })),
    );
    expect(out.outcome).toBe('invalid-candidacy');
    expect(out.candidacy).toMatchObject({ rule: 'C2', ok: false, candidates: 10, seats: 10 });
    expect(out.results).toEqual([]);
    expect(out.elected).toEqual([]);
  });

  it.each([
    ['committee-member', 10, 11, true],
    ['committee-member', 11, 12, false], // 10% of 11 seats is 1.1: a surplus of 2 is needed
    ['committee-member', 11, 13, true],
    ['delegate', 5, 6, true], // 20% of 5 is exactly 1
    ['delegate', 6, 7, false], // 20% of 6 is 1.2
    ['delegate', 6, 8, true],
    ['standing-committee', 9, 10, true], // at least one more than seats
    ['standing-committee', 9, 9, false],
  ] as const)('[C2] %s: %i seats with %i candidates → ok %s', async (office, seats, count, ok) => {
    const out = expectTallyResult(
      await tally(round({ office, seats, candidates: pool.slice(0, count), ballots: [] })),
    );
    expect(out.candidacy).toMatchObject({ ok, candidates: count, seats });
    if (!ok) expect(out.outcome).toBe('invalid-candidacy');
    else expect(out.outcome).not.toBe('invalid-candidacy');
  });

  const secretary = (office: string, candidates: string[], seats: number) =>
    round({
      ruleSet: 'local-plenary',
      office,
      seats,
      electors: { expected: 30, present: 28 },
      ballotsIssued: 28,
      candidates,
      ballots: [votes(28, ...candidates)],
    });

  it('[C1] a secretary is elected with exactly as many candidates as seats: 2 candidates for 1 seat is refused', async () => {
    const out = expectTallyResult(await tally(secretary('secretary', ['王宁', '李强'], 1)));
    expect(out.outcome).toBe('invalid-candidacy');
    expect(out.candidacy).toMatchObject({ rule: 'C1', ok: false, candidates: 2, seats: 1 });
    expect(out.elected).toEqual([]);
  });

  it('[C1] secretary: 1 candidate for 1 seat is elected', async () => {
    const out = expectTallyResult(await tally(secretary('secretary', ['王宁'], 1)));
    expect(out.outcome).toBe('complete');
    expect(out.candidacy).toMatchObject({ ok: true, candidates: 1, seats: 1 });
    expect(out.elected).toEqual(['王宁']);
  });

  it('[C1][T7] deputy secretaries: equal election, results and elected in the approved (input) order', async () => {
    const out = expectTallyResult(await tally(secretary('deputy-secretary', ['张伟', '丁小强', '王宁'], 3)));
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['张伟', '丁小强', '王宁']);
    expect(names(out.results)).toEqual(['张伟', '丁小强', '王宁']);
  });

  it('[C1] deputy secretaries: 4 candidates for 3 seats is refused', async () => {
    const out = expectTallyResult(
      await tally(secretary('deputy-secretary', ['张伟', '丁小强', '王宁', '李强'], 3)),
    );
    expect(out.outcome).toBe('invalid-candidacy');
    expect(out.candidacy).toMatchObject({ ok: false });
  });
});

describe.concurrent('plenum tally: ballots [B1]–[B3]', () => {
  it('[B2] more ballots returned than issued voids the round: nothing is counted', async () => {
    const out = expectTallyResult(
      await tally(
        round({ seats: 1, ballotsIssued: 10, candidates: ['王宁', '李强'], ballots: [votes(11, '王宁')] }),
      ),
    );
    expect(out.outcome).toBe('void');
    expect(out.validity).toMatchObject({ rule: 'B2', valid: false, issued: 10, returned: 11 });
    expect(out.results).toEqual([]);
    expect(out.elected).toEqual([]);
  });

  it('[B2] as many returned as issued is valid', async () => {
    const out = expectTallyResult(
      await tally(
        round({ seats: 1, ballotsIssued: 9, candidates: ['王宁', '李强'], ballots: [votes(9, '王宁')] }),
      ),
    );
    expect(out.validity).toMatchObject({ rule: 'B2', valid: true, issued: 9, returned: 9 });
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['王宁']);
  });

  it('[B2] fewer returned than issued is valid', async () => {
    const out = expectTallyResult(
      await tally(
        round({ seats: 1, ballotsIssued: 10, candidates: ['王宁', '李强'], ballots: [votes(7, '王宁')] }),
      ),
    );
    expect(out.validity).toMatchObject({ valid: true, issued: 10, returned: 7 });
    expect(out.elected).toEqual(['王宁']);
  });

  it('[B2] a count too large for 32 bits is still summed exactly (no wrap-around hides a void round)', async () => {
    // 2^32 + 1 ballots in one record: returned > issued, so the round is void — or the count is refused.
    const run = await tally(
      round({
        seats: 1,
        candidates: ['王宁', '李强'],
        ballots: [{ count: 4_294_967_297, marks: { 王宁: 'for' } }],
      }),
    );
    if (run.code === 2) {
      expectUsageError(run, 'ballots[0].count');
      return;
    }
    const out = expectTallyResult(run);
    expect(out.validity).toMatchObject({ valid: false, returned: 4_294_967_297 });
    expect(out.outcome).toBe('void');
    expect(out.elected).toEqual([]);
  });

  it('[B3] a ballot with more "for" marks than seats, write-ins included, is invalid; blank and declared-void ballots', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          candidates: ['王宁', '李强', '张伟'],
          ballots: [
            votes(6, '王宁', '李强'),
            votes(1, '王宁', '李强', '张伟'), // 3 > 2 seats: invalid
            { marks: { 王宁: 'for', 李强: 'for' }, writeIns: ['赵六'] }, // 2 + 1 write-in > 2: invalid
            { marks: {} }, // blank: valid, all abstentions
            { void: 'identifying mark' },
          ],
        }),
      ),
    );
    expect(out.ballots).toEqual({ returned: 10, valid: 7, invalid: 3 });
    expect(out.results.filter((r) => !r.writeIn)).toEqual([
      expect.objectContaining({ name: '王宁', for: 6, against: 0, abstain: 1 }),
      expect.objectContaining({ name: '李强', for: 6, against: 0, abstain: 1 }),
      expect.objectContaining({ name: '张伟', for: 0, against: 0, abstain: 7 }),
    ]);
    expect(out.elected).toEqual(['王宁', '李强']);
    expect(out.outcome).toBe('complete');
  });

  it('[B1] an unreadable mark counts as an abstention by default', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 1,
          candidates: ['王宁', '李强'],
          ballots: [votes(6, '王宁'), { marks: { 王宁: 'unreadable', 李强: 'against' } }],
        }),
      ),
    );
    expect(out.ballots).toEqual({ returned: 7, valid: 7, invalid: 0 });
    expect(out.results).toEqual([
      expect.objectContaining({ name: '王宁', for: 6, against: 0, abstain: 1 }),
      expect.objectContaining({ name: '李强', for: 0, against: 1, abstain: 6 }),
    ]);
  });

  it('[B1] options.unreadable other than abstain makes such a ballot invalid', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 1,
          candidates: ['王宁', '李强'],
          ballots: [votes(6, '王宁'), { marks: { 王宁: 'unreadable', 李强: 'against' } }],
          options: { unreadable: 'invalid-ballot' },
        }),
      ),
    );
    expect(out.ballots).toEqual({ returned: 7, valid: 6, invalid: 1 });
  });
});

describe.concurrent('plenum tally: who is elected [T1]–[T8]', () => {
  it('complete: [T1] more than half of expected qualifies; [T7] members are published in stroke order', async () => {
    // No `round` and no `options`: both have defaults (formal, {}).
    const {
      round: _round,
      options: _options,
      ...input
    } = round({
      seats: 2,
      candidates: ['张伟', '王宁', '丁小强'],
      ballots: [votes(6, '张伟', '王宁'), votes(3, '张伟', '丁小强'), votes(1, '丁小强')],
    });
    const out = expectTallyResult(await tally(input));
    expect(out.outcome).toBe('complete');
    expect(out.threshold).toMatchObject({ rule: 'T1', base: 10, minimumFor: 6 });
    expect(out.results).toEqual([
      { name: '丁小强', for: 4, against: 0, abstain: 6, writeIn: false, qualified: false, elected: false },
      { name: '王宁', for: 6, against: 0, abstain: 4, writeIn: false, qualified: true, elected: true },
      { name: '张伟', for: 9, against: 0, abstain: 1, writeIn: false, qualified: true, elected: true },
    ]);
    expect(out.elected).toEqual(['王宁', '张伟']);
    expect(out.runoff).toBeNull();
    expect(out.shortfall).toBe(0);
  });

  it('[T1] exactly half of the expected electors fails', async () => {
    const out = expectTallyResult(
      await tally(
        round({ seats: 1, candidates: ['王宁', '李强'], ballots: [votes(5, '王宁'), votes(5, '李强')] }),
      ),
    );
    expect(out.threshold).toMatchObject({ rule: 'T1', base: 10, minimumFor: 6 });
    expect(out.outcome).toBe('shortfall');
    expect(out.elected).toEqual([]);
    expect(out.shortfall).toBe(1);
  });

  it('[T1] local threshold counts from the expected electors, not those present', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 1,
          electors: { expected: 20, present: 12 },
          ballotsIssued: 12,
          candidates: ['王宁', '李强'],
          ballots: [votes(10, '王宁'), votes(2)],
        }),
      ),
    );
    expect(out.threshold).toMatchObject({ rule: 'T1', base: 20, minimumFor: 11 });
    expect(out.results[0]).toMatchObject({ name: '王宁', for: 10, qualified: false, elected: false });
    expect(out.outcome).toBe('shortfall');
    expect(out.shortfall).toBe(1);
  });

  it('[T2] grassroots threshold counts from those present; exactly half of them fails', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          ruleSet: 'grassroots',
          seats: 2,
          electors: { expected: 100, present: 90 },
          ballotsIssued: 90,
          candidates: ['王宁', '李强', '张伟'],
          ballots: [votes(45, '王宁', '张伟'), votes(1, '王宁', '李强'), votes(44, '李强')],
        }),
      ),
    );
    expect(out.quorum).toMatchObject({ rule: 'Q3', met: true });
    expect(out.threshold).toMatchObject({ rule: 'T2', base: 90, minimumFor: 46 });
    expect(out.results).toEqual([
      expect.objectContaining({ name: '王宁', for: 46, qualified: true, elected: true }),
      expect.objectContaining({ name: '李强', for: 45, qualified: false, elected: false }),
      expect.objectContaining({ name: '张伟', for: 45, qualified: false, elected: false }),
    ]);
    expect(out.elected).toEqual(['王宁']);
    expect(out.outcome).toBe('shortfall');
    expect(out.shortfall).toBe(1);
  });

  it('[T3] a tie at the last seat: those above are elected, the tied go to a run-off', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          candidates: ['王宁', '李强', '张伟', '丁小强'],
          ballots: [votes(4, '王宁', '李强'), votes(4, '王宁', '张伟'), votes(2, '李强', '张伟')],
        }),
      ),
    );
    expect(out.outcome).toBe('runoff-required');
    expect(out.elected).toEqual(['王宁']);
    expect(out.runoff).not.toBeNull();
    expect(out.runoff?.seats).toBe(1);
    expect([...(out.runoff?.candidates ?? [])].sort()).toEqual(['张伟', '李强'].sort());
    // "seats still unfilled after this round": the seat the run-off decides.
    expect(out.shortfall).toBe(1);
    expect(out.results.find((r) => r.name === '李强')).toMatchObject({
      for: 6,
      qualified: true,
      elected: false,
    });
  });

  it('[T3] three tied for two seats with nobody above: all go to the run-off, nobody elected yet', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          candidates: ['王宁', '李强', '张伟'],
          ballots: [votes(3, '王宁', '李强'), votes(3, '王宁', '张伟'), votes(3, '李强', '张伟'), votes(1)],
        }),
      ),
    );
    expect(out.outcome).toBe('runoff-required');
    expect(out.elected).toEqual([]);
    expect(out.runoff?.seats).toBe(2);
    expect([...(out.runoff?.candidates ?? [])].sort()).toEqual(['王宁', '张伟', '李强'].sort());
  });

  it('[T3] a tie that fits in the seats needs no run-off', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          candidates: ['王宁', '李强', '张伟'],
          ballots: [votes(6, '王宁', '李强'), votes(4, '张伟')],
        }),
      ),
    );
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['王宁', '李强']);
    expect(out.runoff).toBeNull();
  });

  it('[T3] the run-off round: the tied candidates alone, more votes wins', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          round: 'runoff',
          seats: 1,
          candidates: ['张伟', '李强'],
          ballots: [votes(6, '李强'), votes(4, '张伟')],
        }),
      ),
    );
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['李强']);
  });

  it('[T4] fewer qualifiers than seats: they are elected and the rest is the shortfall', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          candidates: ['王宁', '李强', '张伟'],
          ballots: [votes(9, '王宁'), votes(1, '李强', '张伟')],
        }),
      ),
    );
    expect(out.outcome).toBe('shortfall');
    expect(out.elected).toEqual(['王宁']);
    expect(out.runoff).toBeNull();
    expect(out.shortfall).toBe(1);
  });

  it('[T6] alternate members: elected by votes descending, equal votes in stroke order', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          office: 'alternate-member',
          seats: 3,
          candidates: ['张伟', '李强', '王宁', '丁小强', '赵敏'],
          ballots: [
            votes(5, '王宁', '张伟', '李强'),
            votes(2, '王宁', '张伟', '丁小强'),
            votes(2, '王宁', '李强', '丁小强'),
            votes(1, '丁小强'),
          ],
        }),
      ),
    );
    // 王宁 9, 张伟 7, 李强 7, 丁小强 5, 赵敏 0; 李 before 张 on equal votes.
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['王宁', '李强', '张伟']);
    expect(names(out.results)).toEqual(['丁小强', '王宁', '李强', '张伟', '赵敏']);
  });

  it('[T5][T6] combined ballot: members by votes, then alternates; electedAlternates in [T6] order', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 2,
          alternateSeats: 3,
          candidates: ['赵敏', '丁小强', '王宁', '张伟', '李强', '刘洋'],
          ballots: [
            votes(7, '赵敏', '丁小强', '王宁', '张伟', '李强'),
            votes(1, '赵敏', '丁小强', '王宁', '刘洋'),
            votes(1, '赵敏', '丁小强', '刘洋'),
            votes(1, '赵敏'),
          ],
        }),
      ),
    );
    // 赵敏 10, 丁小强 9 → members (published in stroke order); 王宁 8, 张伟 7, 李强 7 → alternates.
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['丁小强', '赵敏']);
    expect(out.electedAlternates).toEqual(['王宁', '李强', '张伟']);
    expect(out.shortfall).toBe(0);
    expect(names(out.results)).toEqual(['丁小强', '王宁', '刘洋', '李强', '张伟', '赵敏']);
    expect(out.results.filter((r) => r.elected).map((r) => r.name)).toEqual([
      '丁小强',
      '王宁',
      '李强',
      '张伟',
      '赵敏',
    ]);
  });

  it('[T5][T3] combined ballot tied at the last member seat: the alternate below the tie is elected now', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 3,
          alternateSeats: 2,
          electors: { expected: 120, present: 120 },
          ballotsIssued: 120,
          candidates: Object.keys(TIED_AT_LAST_MEMBER_SEAT),
          ballots: spread(TIED_AT_LAST_MEMBER_SEAT, 120),
        }),
      ),
    );
    expect(out.threshold.minimumFor).toBe(61);
    expect(out.outcome).toBe('runoff-required');
    expect(out.elected).toEqual(['丁小强', '王宁']);
    // The run-off's loser becomes the first alternate; 赵敏 (88) is the second whatever it gives.
    expect(out.runoff).toEqual({ seats: 1, candidates: ['李强', '张伟'], alternateSeats: 1 });
    expect(out.electedAlternates).toEqual(['赵敏']);
    expect(out.shortfall).toBe(1);
    expect((out as unknown as { alternateShortfall: number }).alternateShortfall).toBe(1);
    expect(out.results.filter((r) => r.elected).map((r) => r.name)).toEqual(['丁小强', '王宁', '赵敏']);
  });

  it('[T5][T3][T6] the run-off for the last member seat accepts alternateSeats: its loser becomes an alternate', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          round: 'runoff',
          seats: 1,
          alternateSeats: 1,
          electors: { expected: 120, present: 120 },
          ballotsIssued: 120,
          candidates: ['李强', '张伟'],
          ballots: [votes(50, '李强'), votes(70, '张伟')],
        }),
      ),
    );
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['张伟']);
    expect(out.electedAlternates).toEqual(['李强']);
    // A run-off ballot marks the member seats only: two marks make it invalid [B3].
    const over = expectTallyResult(
      await tally(
        round({
          round: 'runoff',
          seats: 1,
          alternateSeats: 1,
          electors: { expected: 120, present: 120 },
          ballotsIssued: 120,
          candidates: ['李强', '张伟'],
          ballots: [votes(50, '李强'), votes(69, '张伟'), votes(1, '李强', '张伟')],
        }),
      ),
    );
    expect(over.ballots).toEqual({ returned: 120, valid: 119, invalid: 1 });
  });

  it('[T8] a write-in reaching the threshold is elected like a printed candidate', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          seats: 1,
          candidates: ['王宁', '李强'],
          ballots: [{ count: 7, writeIns: ['赵六'] }, votes(3, '王宁')],
        }),
      ),
    );
    expect(out.outcome).toBe('complete');
    expect(out.elected).toEqual(['赵六']);
    expect(out.results).toEqual([
      expect.objectContaining({ name: '王宁', for: 3, writeIn: false, elected: false }),
      expect.objectContaining({ name: '李强', for: 0, writeIn: false, elected: false }),
      expect.objectContaining({ name: '赵六', for: 7, writeIn: true, qualified: true, elected: true }),
    ]);
  });
});

describe.concurrent('plenum tally: preliminary round [C4]', () => {
  it('[C4] advancing lists the qualifiers by votes descending', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          round: 'preliminary',
          seats: 3,
          advance: 4,
          candidates: ['丁小强', '王宁', '李强', '张伟', '赵敏'],
          ballots: [
            votes(1, '张伟', '李强', '王宁'),
            votes(2, '赵敏', '李强', '王宁'),
            votes(3, '赵敏', '张伟', '王宁'),
            votes(4, '赵敏', '张伟', '李强'),
          ],
        }),
      ),
    );
    // 赵敏 9, 张伟 8, 李强 7, 王宁 6 (all ≥ 6 of 10 expected), 丁小强 0.
    expect(out.threshold).toMatchObject({ minimumFor: 6 });
    expect(out.advancing).toEqual(['赵敏', '张伟', '李强', '王宁']);
    expect(out.elected).toEqual([]);
    expect(out.runoff).toBeNull();
  });

  it('[C4][T3] a tie at the cut goes to a run-off', async () => {
    const out = expectTallyResult(
      await tally(
        round({
          round: 'preliminary',
          seats: 2,
          advance: 2,
          candidates: ['赵敏', '张伟', '李强'],
          ballots: [votes(4, '赵敏', '张伟'), votes(4, '赵敏', '李强'), votes(2, '张伟', '李强')],
        }),
      ),
    );
    expect(out.advancing).toEqual(['赵敏']);
    expect(out.runoff?.seats).toBe(1);
    expect([...(out.runoff?.candidates ?? [])].sort()).toEqual(['张伟', '李强'].sort());
  });
});
