import type { ElectionsTable, RoundsTable } from '../../../src/adapters/db/congress-schema.ts';
import { type Database, inTransaction } from '../../../src/adapters/db/index.ts';
import {
  ballotOrder,
  type Office,
  type RoundResult,
  tallyRound,
  usesApprovedOrder,
} from '../../../src/core/rules/index.ts';
import { buildRound, type SimpleBallot } from '../../core/rules/round-builder.ts';

// A small congress written straight into the tables, with what the documents print: delegations,
// delegates (two-character names, women, a Hui delegate, one without a vote, one in no
// delegation), a sitting with leave and absences, and elections whose rounds were counted with the
// rules engine (tallyRound) — not through the election services, which are others' work.

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

const DELEGATIONS = [
  { id: 'dg-1', name: '市直机关代表团', sort_order: 1 },
  { id: 'dg-2', name: '教育系统代表团', sort_order: 2 },
  { id: 'dg-3', name: '企业代表团', sort_order: 3 },
];

/** name, gender, ethnicity, delegation, votes? */
const DELEGATES: ReadonlyArray<readonly [string, string, string, string | null, boolean]> = [
  ['王宁', '男', '汉族', 'dg-1', true],
  ['丁小强', '男', '汉族', 'dg-1', true],
  ['李丽', '女', '汉族', 'dg-1', true],
  ['马明', '男', '回族', 'dg-1', true],
  ['于波', '男', '汉族', 'dg-1', true],
  ['张伟', '男', '汉族', 'dg-2', true],
  ['赵敏', '女', '满族', 'dg-2', true],
  ['刘洋', '男', '汉族', 'dg-2', true],
  ['陈静', '女', '汉族', 'dg-2', true],
  ['才让', '男', '藏族', 'dg-2', true],
  ['欧阳修远', '男', '汉族', 'dg-3', true],
  ['孙涛', '男', '汉族', 'dg-3', true],
  ['胡军', '男', '汉族', 'dg-3', true],
  ['朱红', '女', '汉族', 'dg-3', true],
  ['高峰', '男', '汉族', 'dg-3', false],
  ['阿不都·热合曼', '男', '维吾尔族', null, true],
];

export const DELEGATE_NAMES = DELEGATES.map(([name]) => name);

/** Delegate ids by name. */
export const delegateId = (name: string) => `dl-${DELEGATE_NAMES.indexOf(name) + 1}`;

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

export async function seedDocumentCongress(database: Database): Promise<void> {
  await inTransaction(database, async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id: 'doc-org',
        name: '中国共产党示范市委员会',
        short_name: '市委',
        locality: '示范市',
        level: 'city',
        parent_id: null,
      })
      .execute();
    await trx
      .insertInto('congresses')
      .values({
        id: CONGRESS,
        organisation_id: 'doc-org',
        kind: 'congress',
        number: 13,
        plenary_number: null,
        term_id: null,
        title: CONGRESS_TITLE,
        theme: null,
        venue: '市会议中心',
        starts_on: '2026-09-27',
        ends_on: '2026-09-29',
        rule_set: 'local-congress',
        status: 'in-session',
        secretary_general: null,
        created_at: AT,
      })
      .execute();
    await trx
      .insertInto('delegations')
      .values(DELEGATIONS.map((d) => ({ ...d, congress_id: CONGRESS })))
      .execute();
    await trx
      .insertInto('delegates')
      .values(
        DELEGATES.map(([name, gender, ethnicity, delegation, votes], i) => ({
          id: `dl-${i + 1}`,
          congress_id: CONGRESS,
          delegation_id: delegation,
          code: String(i + 1).padStart(4, '0'),
          name,
          gender,
          ethnicity,
          birth_date: null,
          joined_date: null,
          position: null,
          id_number: null,
          voting_rights: votes ? 1 : 0,
          suspension_reason: votes ? null : '停止行使代表权利',
          photo: null,
          credential_hash: null,
          account_id: null,
          created_at: AT,
        })),
      )
      .execute();
    await trx
      .insertInto('sittings')
      .values({
        id: SITTING,
        congress_id: CONGRESS,
        kind: 'plenary',
        title: '第二次全体会议',
        status: 'open',
        sort_order: 2,
        starts_at: '2026-09-28T00:30:00.000Z',
        ends_at: null,
        venue: null,
        presiding: null,
        opened_at: '2026-09-28T01:00:00.000Z',
        closed_at: null,
      })
      .execute();
    await trx
      .insertInto('attendance')
      .values(
        DELEGATE_NAMES.filter((name) => !ABSENT.includes(name)).map((name) => ({
          sitting_id: SITTING,
          delegate_id: delegateId(name),
          status: ON_LEAVE[name] ? ('leave' as const) : ('present' as const),
          updated_at: AT,
          leave_reason: ON_LEAVE[name] ?? null,
          checked_in_at: ON_LEAVE[name] ? null : AT,
          checked_out_at: null,
          desk: null,
        })),
      )
      .execute();
    for (const [index, spec] of SPECS.entries()) {
      const { printed, result } = fixtureResult(spec);
      await trx
        .insertInto('elections')
        .values({
          id: spec.id,
          congress_id: CONGRESS,
          office: spec.office,
          title: spec.title,
          rule_set: 'local-congress',
          parameters_json: '{}',
          ballot_mode: 'paper',
          status: spec.status,
          seats: spec.seats,
          sort_order: index + 1,
          preliminary_advance: null,
          sitting_id: SITTING,
          method_id: null,
        })
        .execute();
      await trx
        .insertInto('candidates')
        .values(
          spec.candidates.map((name, k) => {
            const row = DELEGATES.find(([n]) => n === name)!;
            return {
              id: `${spec.id}-c${k}`,
              election_id: spec.id,
              name,
              approved_rank: usesApprovedOrder(spec.office) ? k + 1 : null,
              delegate_id: delegateId(name),
              gender: row[1],
              ethnicity: row[2],
              position: null,
            };
          }),
        )
        .execute();
      await trx
        .insertInto('election_officers')
        .values([
          {
            id: `${spec.id}-o1`,
            election_id: spec.id,
            role: 'chief-scrutineer',
            name: '高峰',
            delegate_id: delegateId('高峰'),
            account_id: null,
          },
          {
            id: `${spec.id}-o2`,
            election_id: spec.id,
            role: 'deputy-chief-scrutineer',
            name: '林平',
            delegate_id: null,
            account_id: null,
          },
          {
            id: `${spec.id}-o3`,
            election_id: spec.id,
            role: 'scrutineer',
            name: '何勇',
            delegate_id: null,
            account_id: null,
          },
          {
            id: `${spec.id}-o4`,
            election_id: spec.id,
            role: 'teller',
            name: '计票员甲',
            delegate_id: null,
            account_id: null,
          },
        ])
        .execute();
      const expected = spec.expected ?? 417;
      const present = spec.present ?? 413;
      await trx
        .insertInto('rounds')
        .values({
          id: spec.roundId,
          election_id: spec.id,
          seq: 1,
          kind: 'formal',
          mode: 'paper',
          status: spec.roundStatus,
          candidates_json: JSON.stringify(printed),
          seats: spec.seats,
          advance: null,
          expected,
          present,
          ballots_issued: present,
          sitting_id: SITTING,
          opened_at: '2026-09-28T02:00:00.000Z',
          closed_at: '2026-09-28T02:40:00.000Z',
          result_json: JSON.stringify(result),
          signed_off_at: spec.roundStatus === 'announced' ? '2026-09-28T03:00:00.000Z' : null,
          announced_at: spec.roundStatus === 'announced' ? '2026-09-28T03:10:00.000Z' : null,
        })
        .execute();
    }
    // A second round of the discipline election, open: no count yet (a blank tally sheet).
    await trx
      .insertInto('rounds')
      .values({
        id: ROUND.disciplineOpen,
        election_id: ELECTION.discipline,
        seq: 2,
        kind: 'supplementary',
        mode: 'paper',
        status: 'open',
        candidates_json: JSON.stringify(['于波', '朱红']),
        seats: 1,
        advance: null,
        expected: 417,
        present: 411,
        ballots_issued: null,
        sitting_id: SITTING,
        opened_at: '2026-09-28T05:00:00.000Z',
        closed_at: null,
        result_json: null,
        signed_off_at: null,
        announced_at: null,
      })
      .execute();
  });
}
