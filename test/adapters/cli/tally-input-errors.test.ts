import { describe, expect, it } from 'vitest';
import { expectUsageError, round, tally, votes } from './run-cli.ts';

// cli-contract.md: unusable input → exit 2, nothing on stdout, one line on stderr naming the field.

const base = round({ seats: 1, candidates: ['王宁', '李强'], ballots: [votes(6, '王宁')] });
const without = (field: string): Record<string, unknown> => {
  const { [field]: _dropped, ...rest } = base;
  return rest;
};

/** [case, stdin (object → JSON, string → raw text), texts the stderr line must contain] */
const cases: readonly (readonly [string, unknown, readonly string[]])[] = [
  ['malformed JSON', '{"ruleSet": "local-congress", "seats": ', []],
  ['empty input', '', []],
  ['an unknown top-level field', { ...base, colour: 'red' }, ['colour']],
  [
    'an unknown field inside a ballot',
    { ...base, ballots: [{ count: 6, weight: 2, marks: { 王宁: 'for' } }] },
    ['ballots[0]', 'weight'],
  ],
  [
    'an unknown field inside electors',
    { ...base, electors: { expected: 10, present: 10, absent: 0 } },
    ['absent'],
  ],
  ['an unknown field inside options', { ...base, options: { colour: 'red' } }, ['options', 'colour']],
  [
    'a mark for a name that is not a candidate',
    { ...base, ballots: [{ marks: { 赵六: 'for' } }] },
    ['ballots[0].marks.赵六'],
  ],
  [
    'a mark value not in the enum',
    { ...base, ballots: [votes(5, '王宁'), { marks: { 王宁: 'yes' } }] },
    ['ballots[1].marks.王宁'],
  ],
  ['marks that are not an object', { ...base, ballots: [{ marks: ['王宁'] }] }, ['ballots[0].marks']],
  ['negative seats', { ...base, seats: -1 }, ['seats']],
  ['seats 0', { ...base, seats: 0 }, ['seats']],
  ['missing seats', without('seats'), ['seats']],
  ['present more than expected', { ...base, electors: { expected: 10, present: 11 } }, ['present']],
  ['negative present', { ...base, electors: { expected: 10, present: -1 }, ballotsIssued: 0 }, ['present']],
  ['missing electors', without('electors'), ['electors']],
  ['ballotsIssued more than present', { ...base, electors: { expected: 10, present: 9 } }, ['ballotsIssued']],
  ['negative ballotsIssued', { ...base, ballotsIssued: -1 }, ['ballotsIssued']],
  ['missing ruleSet', without('ruleSet'), ['ruleSet']],
  ['an unknown ruleSet', { ...base, ruleSet: 'national-congress' }, ['ruleSet']],
  ['an unknown office', { ...base, office: 'chairman' }, ['office']],
  ['an unknown round', { ...base, round: 'final' }, ['round']],
  ['a custom ruleSet without all options', { ...base, ruleSet: 'custom', options: {} }, ['options']],
  [
    '[C4] a preliminary round without advance',
    { ...base, round: 'preliminary', candidates: ['王宁', '李强', '张伟'] },
    ['advance'],
  ],
  ['a negative count', { ...base, ballots: [{ count: -3, marks: { 王宁: 'for' } }] }, ['ballots[0].count']],
  ['a duplicate candidate', { ...base, candidates: ['王宁', '李强', '王宁'] }, ['candidates']],
  ['an empty candidate name', { ...base, candidates: ['王宁', ''] }, ['candidates']],
  ['missing candidates', without('candidates'), ['candidates']],
  ['missing ballots', without('ballots'), ['ballots']],
  [
    '[T3] a write-in in a run-off',
    { ...base, round: 'runoff', ballots: [votes(5, '王宁'), { writeIns: ['赵六'] }] },
    ['ballots[1].writeIns'],
  ],
  [
    '[T5] alternateSeats on a preliminary round',
    { ...base, round: 'preliminary', advance: 1, alternateSeats: 1, candidates: ['王宁', '李强', '张伟'] },
    ['alternateSeats'],
  ],
  [
    '[T5][T3] more alternate seats in a run-off than it has losers',
    { ...base, round: 'runoff', alternateSeats: 2 },
    ['alternateSeats', 'at most 1'],
  ],
  [
    'JSON nested 100,000 deep',
    `{"ruleSet":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ['stdin', 'nested more than 64 levels'],
  ],
  ['JSON nested 65 deep', `${'['.repeat(65)}${']'.repeat(65)}`, ['stdin', 'nested']],
  [
    'a candidate name the stroke data does not cover',
    { ...base, candidates: ['王宁', 'Smith'] },
    ['candidates'],
  ],
];

describe.concurrent('plenum tally: unusable input is exit 2 with one line naming the field', () => {
  it.each(cases)('%s', async (_case, input, mentions) => {
    expectUsageError(await tally(input), ...mentions);
  });

  // Also exit 2 naming the field — and "what is wrong" (cli-contract.md): a field that is there but of
  // the wrong type must not be reported as missing.
  it.each([
    ['seats as a string', { ...base, seats: '1' }, 'seats'],
    ['non-integer seats', { ...base, seats: 1.5 }, 'seats'],
    [
      'a non-integer count',
      { ...base, ballots: [{ count: 1.5, marks: { 王宁: 'for' } }] },
      'ballots[0].count',
    ],
    ['ballots that are not an array', { ...base, ballots: { count: 6 } }, 'ballots'],
    ['a JSON array instead of an object', [], ''],
  ] as const)('%s is not reported as a missing field', async (_case, input, field) => {
    const line = expectUsageError(await tally(input), field);
    expect(line).not.toMatch(/is required|必须填写/);
  });

  it('a mark keyed "__proto__" is not a printed candidate', async () => {
    const text = JSON.stringify(base).replace('"marks":{"王宁":"for"}', '"marks":{"__proto__":"for"}');
    expectUsageError(await tally(text), 'ballots[0].marks.__proto__');
  });
});
