import {
  ballotOrder,
  type Office,
  type RoundResult,
  tallyRound,
  usesApprovedOrder,
} from '../../../src/core/rules/index.ts';
import type { ElectionsTable, RoundsTable } from '../../../src/persistence/congress-schema.ts';
import type { Database } from '../../../src/persistence/index.ts';
import { buildRound, type SimpleBallot } from '../../core/rules/round-builder.ts';
import { buildWorld } from '../../support/builder/index.ts';

// A small congress with what the documents print, built by the test builder in rows mode:
// delegations, delegates (two-character names, women, a Hui delegate, one without a vote, one in
// no delegation), a sitting with leave and absences, and elections whose rounds were counted from
// the ballots below by the rules engine (the builder's rounds), with their officers.

export const CONGRESS = 'doc-congress';
export const SITTING = 'doc-sitting';
export const CONGRESS_TITLE = '中国共产党示范市第十三次代表大会';
export const COMMITTEE_TITLE = '中国共产党示范市第十三届委员会委员';

export const ELECTION = {
  committee: 'doc-e-committee',
  alternate: 'doc-e-alternate',
  deputy: 'doc-e-deputy',
  discipline: 'doc-e-discipline',
} as const;

export const ROUND = {
  committee: 'RcMTe1x9Kq2LwZ7pVd3Hfa',
  alternate: 'RaLTe2y8Jr3MxY6oUc4Ggb',
  deputy: 'RdPTe3z7Is4NwX5nTb5Ffc',
  discipline: 'RsDTe4a6Ht5OvW4mSa6Eed',
  disciplineOpen: 'RsDTe5b5Gu6PuV3lRz7Dde',
} as const;

const AT = '2026-09-27T00:00:00.000Z';

const DELEGATIONS = ['市直机关代表团', '教育系统代表团', '企业代表团'];

/** name, gender, ethnicity, delegation (1–3), votes? */
const DELEGATES: ReadonlyArray<readonly [string, string, string, number | null, boolean]> = [
  ['王宁', '男', '汉族', 1, true],
  ['丁小强', '男', '汉族', 1, true],
  ['李丽', '女', '汉族', 1, true],
  ['马明', '男', '回族', 1, true],
  ['于波', '男', '汉族', 1, true],
  ['张伟', '男', '汉族', 2, true],
  ['赵敏', '女', '满族', 2, true],
  ['刘洋', '男', '汉族', 2, true],
  ['陈静', '女', '汉族', 2, true],
  ['才让', '男', '藏族', 2, true],
  ['欧阳修远', '男', '汉族', 3, true],
  ['孙涛', '男', '汉族', 3, true],
  ['胡军', '男', '汉族', 3, true],
  ['朱红', '女', '汉族', 3, true],
  ['高峰', '男', '汉族', 3, false],
  ['阿不都·热合曼', '男', '维吾尔族', null, true],
];

export const DELEGATE_NAMES = DELEGATES.map(([name]) => name);

/** Leave and check-in of the sitting: two on leave, the rest present but three absent. */
export const ON_LEAVE: Readonly<Record<string, string>> = { 张伟: '因病：住院', 朱红: '因事' };
export const ABSENT = ['孙涛', '于波', '阿不都·热合曼'];

export const COMMITTEE_CANDIDATES = ['王宁', '李丽', '马明', '张伟', '赵敏', '刘洋', '陈静'];
export const ALTERNATE_CANDIDATES = ['丁小强', '才让', '胡军', '欧阳修远'];
export const DEPUTY_APPROVED = ['陈静', '王宁'];
export const DISCIPLINE_CANDIDATES = ['孙涛', '朱红', '于波'];

interface ElectionSpec {
  readonly id: string;
  readonly roundId: string;
  readonly office: Office;
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly string[];
  readonly ballots: readonly SimpleBallot[];
  readonly status: ElectionsTable['status'];
  readonly roundStatus: RoundsTable['status'];
  readonly expected?: number;
  readonly present?: number;
}

const forAll = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, 'for' as const]));

/**
 * Committee: 417 expected, 413 present; 5 seats, 7 candidates; 2 over-marked (invalid) ballots.
 * 王宁 209 (exactly the [T1] minimum), 刘洋 208 (one short).
 */
const COMMITTEE_BALLOTS: SimpleBallot[] = [
  { marks: { ...forAll(['王宁', '李丽', '马明', '张伟', '赵敏']) }, count: 150 },
  { marks: { ...forAll(['王宁', '李丽', '马明', '张伟']), 赵敏: 'against', 刘洋: 'for' }, count: 59 },
  { marks: { 李丽: 'for', 马明: 'for', 张伟: 'for', 赵敏: 'for', 刘洋: 'for', 王宁: 'against' }, count: 149 },
  { marks: { 陈静: 'for', 王宁: 'abstain', 李丽: 'against' }, count: 53 },
  { marks: forAll(COMMITTEE_CANDIDATES), count: 2 },
];

const SPECS: readonly ElectionSpec[] = [
  {
    id: ELECTION.committee,
    roundId: ROUND.committee,
    office: 'committee-member',
    title: COMMITTEE_TITLE,
    seats: 5,
    candidates: COMMITTEE_CANDIDATES,
    ballots: COMMITTEE_BALLOTS,
    status: 'complete',
    roundStatus: 'announced',
  },
  {
    // [T6] 才让 and 胡军 tie: equal votes in stroke order (才 3 strokes before 胡 9).
    id: ELECTION.alternate,
    roundId: ROUND.alternate,
    office: 'alternate-member',
    title: '中国共产党示范市第十三届委员会候补委员',
    seats: 3,
    candidates: ALTERNATE_CANDIDATES,
    ballots: [
      { marks: forAll(['欧阳修远', '胡军', '才让']), count: 300 },
      { marks: forAll(['欧阳修远', '丁小强']), count: 50 },
      { marks: forAll(['丁小强']), count: 63 },
    ],
    status: 'complete',
    roundStatus: 'announced',
  },
  {
    id: ELECTION.deputy,
    roundId: ROUND.deputy,
    office: 'deputy-secretary',
    title: '中国共产党示范市第十三届委员会副书记',
    seats: 2,
    candidates: DEPUTY_APPROVED,
    ballots: [{ marks: forAll(DEPUTY_APPROVED), count: 45 }],
    status: 'complete',
    roundStatus: 'announced',
    expected: 45,
    present: 45,
  },
  {
    id: ELECTION.discipline,
    roundId: ROUND.discipline,
    office: 'discipline-member',
    title: '中国共产党示范市第十三届纪律检查委员会委员',
    seats: 2,
    candidates: DISCIPLINE_CANDIDATES,
    ballots: [{ marks: forAll(['孙涛', '朱红']), count: 413 }],
    status: 'in-progress',
    roundStatus: 'counted',
  },
];

/** The result the rules engine gives for an election of the fixture. */
export function fixtureResult(spec: ElectionSpec): { printed: string[]; result: RoundResult } {
  const approved = usesApprovedOrder(spec.office) ? [...spec.candidates] : undefined;
  const printed = ballotOrder(spec.office, spec.candidates);
  const input = buildRound({
    office: spec.office,
    seats: spec.seats,
    candidates: printed,
    ballots: spec.ballots,
    ...(spec.expected ? { expected: spec.expected } : {}),
    ...(spec.present ? { present: spec.present, issued: spec.present } : {}),
  });
  return { printed, result: tallyRound({ ...input, ...(approved ? { approvedOrder: approved } : {}) }) };
}

export const COMMITTEE_RESULT = fixtureResult(SPECS[0]!);
export const ALTERNATE_RESULT = fixtureResult(SPECS[1]!);

/** The congress, with the credential codes given (by delegate name) on their cards. */
export async function seedDocumentCongress(
  database: Database,
  options: { readonly credentials?: Readonly<Record<string, string>> } = {},
): Promise<void> {
  const world = buildWorld(database, { tag: 'doc', at: AT });
  const org = await world.organisation({
    name: '中国共产党示范市委员会',
    shortName: '市委',
    locality: '示范市',
    level: 'city',
  });
  const congress = await world.congress({
    id: CONGRESS,
    organisation: org.id,
    number: 13,
    title: CONGRESS_TITLE,
    venue: '市会议中心',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  const delegations = await congress.delegations(DELEGATIONS);
  const delegates = await congress.delegates(
    DELEGATES.map(([name, gender, ethnicity, delegation, votes]) => ({
      name,
      gender,
      ethnicity,
      ...(delegation === null ? {} : { delegation: delegations[delegation - 1]! }),
      ...(votes ? {} : { votingRights: false, suspensionReason: '停止行使代表权利' }),
      ...(options.credentials?.[name] ? { credential: options.credentials[name] } : {}),
    })),
  );
  const delegate = (name: string) => delegates.find((d) => d.name === name)!;
  const sitting = await congress.sitting({
    id: SITTING,
    title: '第二次全体会议',
    sortOrder: 2,
    startsAt: '2026-09-28T00:30:00.000Z',
    openedAt: '2026-09-28T01:00:00.000Z',
  });
  await congress.attendance(
    SITTING,
    DELEGATE_NAMES.filter((name) => !ABSENT.includes(name)).map((name) =>
      ON_LEAVE[name]
        ? { delegate: delegate(name), status: 'leave' as const, leaveReason: ON_LEAVE[name] }
        : delegate(name),
    ),
  );
  for (const spec of SPECS) {
    const election = await congress.election({
      id: spec.id,
      office: spec.office,
      title: spec.title,
      seats: spec.seats,
      sitting: sitting.id,
      status: spec.status,
      candidates: spec.candidates.map((name) => {
        const [, gender, ethnicity] = DELEGATES.find(([n]) => n === name)!;
        return { name, delegate: delegate(name), gender, ethnicity };
      }),
      officers: [
        { role: 'chief-scrutineer', name: '高峰', delegate: delegate('高峰').id },
        { role: 'deputy-chief-scrutineer', name: '林平' },
        { role: 'scrutineer', name: '何勇' },
        { role: 'teller', name: '计票员甲' },
      ],
    });
    const present = spec.present ?? 413;
    await election.round({
      id: spec.roundId,
      status: spec.roundStatus,
      expected: spec.expected ?? 417,
      present,
      ballots: spec.ballots,
      openedAt: '2026-09-28T02:00:00.000Z',
      closedAt: '2026-09-28T02:40:00.000Z',
      signedOffAt: '2026-09-28T03:00:00.000Z',
      announcedAt: '2026-09-28T03:10:00.000Z',
    });
    // A second round of the discipline election, open: no count yet (a blank tally sheet).
    if (spec.id === ELECTION.discipline) {
      await election.round({
        id: ROUND.disciplineOpen,
        kind: 'supplementary',
        candidates: ['于波', '朱红'],
        seats: 1,
        expected: 417,
        present: 411,
        openedAt: '2026-09-28T05:00:00.000Z',
      });
    }
  }
}
