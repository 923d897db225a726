// A small congress in the database for the news tests, written row by row: the Tongliao congress
// in miniature (12 delegates; at the opening 9 present, 2 on leave 因事 and 1 因病), its opening and
// closing sittings with chairs, reports and a resolution, one announced election and one whose
// count is not yet announced, a later plenary of the committee (委员 and 候补委员 present), and on
// request the new committee's first plenary with its announced results.
import type {
  CongressesTable,
  DelegatesTable,
  SittingsTable,
} from '../../../src/adapters/db/congress-schema.ts';
import type { Database, WriteTransaction } from '../../../src/adapters/db/index.ts';
import { inTransaction } from '../../../src/adapters/db/index.ts';
import {
  BallotBoxBuilder,
  type Office,
  resolveParameters,
  tallyRound,
} from '../../../src/core/rules/index.ts';

export const CONGRESS = 'c6';
export const PLENARY = 'p2';
export const FIRST_PLENARY = 'p1';
export const COMMITTEE_ELECTION = 'e-committee';
export const ALTERNATE_ELECTION = 'e-alternates';
export const WORK_REPORT = '聚焦绿色转型 聚力高质量发展 为加快建设现代化区域中心城市而奋斗';

const DELEGATES = [
  '孟宪东',
  '郭玉峰',
  '方玉东',
  '亢永强',
  '王玲',
  '马慧吉',
  '丁宁',
  '于波',
  '李强',
  '张伟',
  '赵敏',
  '焦刚伟',
];
const MEMBERS = ['孟宪东', '郭玉峰', '方玉东', '丁宁', '于波', '马慧吉'];
const ALTERNATES = ['李强', '张伟'];
const AT = '2026-09-20T00:00:00.000Z';

/** A round's result as the rules engine writes it: `ballots` rows of marks (1 = for) with counts. */
function resultJson(
  office: Office,
  candidates: string[],
  seats: number,
  ballots: [number[], number][],
  ruleSet: 'local-congress' | 'local-plenary' = 'local-congress',
): string {
  const box = new BallotBoxBuilder(candidates.length);
  for (const [marks, count] of ballots) box.add({ marks, count });
  const voters = ballots.reduce((n, [, count]) => n + count, 0);
  return JSON.stringify(
    tallyRound({
      ruleSet,
      office,
      round: 'formal',
      seats,
      electors: { expected: voters, present: voters },
      ballotsIssued: voters,
      candidates,
      ballots: box.build(),
      parameters: resolveParameters(ruleSet, office, {}),
    }),
  );
}

function congress(
  row: Pick<
    CongressesTable,
    'id' | 'kind' | 'plenary_number' | 'term_id' | 'title' | 'starts_on' | 'ends_on'
  > &
    Partial<CongressesTable>,
): CongressesTable {
  return {
    organisation_id: 'org',
    number: 6,
    theme: null,
    venue: null,
    rule_set: row.kind === 'congress' ? 'local-congress' : 'local-plenary',
    status: 'in-session',
    secretary_general: null,
    created_at: AT,
    ...row,
  };
}

/** Delegates of a congress, or a plenary's roster: members vote, alternates attend without a vote [Q4]. */
async function roster(
  trx: WriteTransaction,
  congressId: string,
  prefix: string,
  names: string[],
  voting: number,
): Promise<void> {
  const rows: DelegatesTable[] = names.map((name, i) => ({
    id: `${prefix}${i}`,
    congress_id: congressId,
    delegation_id: null,
    code: String(i + 1).padStart(3, '0'),
    name,
    gender: '男',
    ethnicity: '汉族',
    birth_date: null,
    joined_date: null,
    position: null,
    id_number: null,
    voting_rights: i < voting ? 1 : 0,
    suspension_reason: i < voting ? null : '候补委员列席，无表决权',
    photo: null,
    credential_hash: null,
    account_id: null,
    created_at: AT,
  }));
  await trx.insertInto('delegates').values(rows).execute();
}

function sitting(
  row: Pick<
    SittingsTable,
    'id' | 'congress_id' | 'kind' | 'title' | 'status' | 'sort_order' | 'opened_at' | 'presiding'
  >,
): SittingsTable {
  return { starts_at: row.opened_at, ends_at: null, venue: null, closed_at: null, ...row };
}

/** Each delegate present, or on leave with the reason the desk recorded. */
async function attendance(
  trx: WriteTransaction,
  sittingId: string,
  delegateIds: string[],
  leave: Record<string, string> = {},
): Promise<void> {
  await trx
    .insertInto('attendance')
    .values(
      delegateIds.map((id) => ({
        sitting_id: sittingId,
        delegate_id: id,
        status: leave[id] ? ('leave' as const) : ('present' as const),
        updated_at: AT,
        leave_reason: leave[id] ?? null,
        checked_in_at: leave[id] ? null : AT,
        checked_out_at: null,
        desk: null,
      })),
    )
    .execute();
}

async function agendaItem(
  trx: WriteTransaction,
  id: string,
  sittingId: string,
  kind: 'report' | 'written-report' | 'adoption-vote',
  title: string,
  sortOrder: number,
  presenter: string | null = null,
  body: string | null = null,
): Promise<void> {
  await trx
    .insertInto('agenda_items')
    .values({
      id,
      sitting_id: sittingId,
      kind,
      title,
      sort_order: sortOrder,
      presenter,
      body,
      attachments_json: null,
    })
    .execute();
}

async function adoptedVote(
  trx: WriteTransaction,
  id: string,
  itemId: string,
  subject: string,
  votes: number,
): Promise<void> {
  await trx
    .insertInto('adoption_votes')
    .values({
      id,
      agenda_item_id: itemId,
      subject,
      mode: 'counts',
      status: 'closed',
      votes_for: votes,
      votes_against: 0,
      votes_abstain: 0,
      expected: votes,
      present: votes,
      adopted: 1,
      opened_at: AT,
      closed_at: AT,
      basis: 'present',
      proposal_json: null,
    })
    .execute();
}

interface ElectionSpec {
  readonly id: string;
  readonly congressId: string;
  readonly office: Office;
  readonly title: string;
  readonly seats: number;
  readonly order: number;
  readonly candidates: string[];
  readonly ballots: [number[], number][];
  readonly status: 'counted' | 'announced';
  readonly ruleSet?: 'local-congress' | 'local-plenary';
}

/** An election with its one formal round, its candidates in the approved order. */
async function election(trx: WriteTransaction, spec: ElectionSpec): Promise<void> {
  const ruleSet = spec.ruleSet ?? 'local-congress';
  const voters = spec.ballots.reduce((n, [, count]) => n + count, 0);
  await trx
    .insertInto('elections')
    .values({
      id: spec.id,
      congress_id: spec.congressId,
      office: spec.office,
      title: spec.title,
      rule_set: ruleSet,
      parameters_json: '{}',
      ballot_mode: 'paper',
      status: 'in-progress',
      seats: spec.seats,
      sort_order: spec.order,
      preliminary_advance: null,
      sitting_id: null,
      method_id: null,
    })
    .execute();
  await trx
    .insertInto('candidates')
    .values(
      spec.candidates.map((name, rank) => ({
        id: `${spec.id}-${rank}`,
        election_id: spec.id,
        name,
        approved_rank: rank + 1,
        delegate_id: null,
        gender: null,
        ethnicity: null,
        position: null,
      })),
    )
    .execute();
  await trx
    .insertInto('rounds')
    .values({
      id: `${spec.id}-r`,
      election_id: spec.id,
      seq: 1,
      kind: 'formal',
      mode: 'paper',
      status: spec.status,
      candidates_json: JSON.stringify(spec.candidates),
      seats: spec.seats,
      advance: null,
      expected: voters,
      present: voters,
      ballots_issued: voters,
      sitting_id: null,
      opened_at: AT,
      closed_at: AT,
      result_json: resultJson(spec.office, spec.candidates, spec.seats, spec.ballots, ruleSet),
      signed_off_at: AT,
      announced_at: spec.status === 'announced' ? AT : null,
    })
    .execute();
}

export async function seedNewsCongress(database: Database): Promise<void> {
  await inTransaction(database, async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id: 'org',
        name: '中共通辽市委员会',
        short_name: '市委',
        locality: '通辽市',
        level: 'city',
        parent_id: null,
      })
      .execute();
    await trx
      .insertInto('congresses')
      .values(
        congress({
          id: CONGRESS,
          kind: 'congress',
          plenary_number: null,
          term_id: null,
          title: '中国共产党通辽市第六次代表大会',
          theme: '聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗',
          venue: '市行政中心大礼堂',
          starts_on: '2026-09-27',
          ends_on: '2026-09-29',
        }),
      )
      .execute();
    await roster(trx, CONGRESS, 'd', DELEGATES, DELEGATES.length);
    await trx
      .insertInto('sittings')
      .values([
        sitting({
          id: 's-open',
          congress_id: CONGRESS,
          kind: 'opening',
          title: '开幕大会',
          status: 'closed',
          sort_order: 1,
          opened_at: '2026-09-27T01:00:00.000Z',
          presiding: '郭玉峰',
        }),
        sitting({
          id: 's-close',
          congress_id: CONGRESS,
          kind: 'closing',
          title: '闭幕大会',
          status: 'open',
          sort_order: 2,
          opened_at: '2026-09-29T07:00:00.000Z',
          presiding: '孟宪东',
        }),
      ])
      .execute();
    // Ranks deliberately out of insertion order.
    await trx
      .insertInto('sitting_chairs')
      .values([
        { id: 'ch-1', sitting_id: 's-open', delegate_id: 'd1', rank: 2 },
        { id: 'ch-0', sitting_id: 's-open', delegate_id: 'd0', rank: 1 },
        { id: 'ch-2', sitting_id: 's-open', delegate_id: 'd2', rank: 3 },
      ])
      .execute();
    const everyone = DELEGATES.map((_, i) => `d${i}`);
    await attendance(trx, 's-open', everyone, { d4: '因事', d5: '因事', d10: '因病：住院' });
    await attendance(trx, 's-close', everyone);
    await agendaItem(
      trx,
      'a-work',
      's-open',
      'report',
      `听取和审查中国共产党通辽市第五届委员会工作报告：《${WORK_REPORT}》`,
      1,
      '孟宪东',
      '报告共分四个部分：一、五年来的工作回顾；二、今后五年的指导思想和奋斗目标；三、今后五年的重点任务；四、全面加强党的建设。',
    );
    await agendaItem(
      trx,
      'a-discipline',
      's-open',
      'report',
      '听取和审查中国共产党通辽市纪律检查委员会工作报告：《正风肃纪反腐》',
      2,
      '亢永强',
    );
    await agendaItem(trx, 'a-dues', 's-open', 'written-report', '关于党费收缴、使用和管理情况的书面报告', 3);
    await agendaItem(
      trx,
      'a-resolution',
      's-close',
      'adoption-vote',
      '通过关于中国共产党通辽市第五届委员会报告的决议',
      1,
    );
    await adoptedVote(trx, 'v-resolution', 'a-resolution', '关于中国共产党通辽市第五届委员会报告的决议', 12);

    // Elections: members announced; alternates counted but not yet announced [P2].
    await election(trx, {
      id: COMMITTEE_ELECTION,
      congressId: CONGRESS,
      office: 'committee-member',
      title: '中国共产党通辽市第六届委员会委员',
      seats: 3,
      order: 1,
      candidates: ['丁宁', '于波', '马慧吉', '王玲'],
      ballots: [
        [[1, 1, 1, 0], 10],
        [[1, 0, 0, 1], 2],
      ],
      status: 'announced',
    });
    await election(trx, {
      id: ALTERNATE_ELECTION,
      congressId: CONGRESS,
      office: 'alternate-member',
      title: '中国共产党通辽市第六届委员会候补委员',
      seats: 1,
      order: 2,
      candidates: ALTERNATES,
      ballots: [[[1, 0], 12]],
      status: 'counted',
    });

    // A later plenary of the committee: five members and both alternates present, one member on leave.
    await trx
      .insertInto('terms')
      .values({
        id: 'term6',
        organisation_id: 'org',
        body: 'committee',
        number: 6,
        started_on: '2026-09-29',
        ended_on: null,
        elected_by_congress_id: CONGRESS,
      })
      .execute();
    await trx
      .insertInto('congresses')
      .values(
        congress({
          id: PLENARY,
          kind: 'plenary',
          plenary_number: 2,
          term_id: 'term6',
          title: '中国共产党通辽市第六届委员会第二次全体会议',
          starts_on: '2027-01-15',
          ends_on: '2027-01-15',
        }),
      )
      .execute();
    await roster(trx, PLENARY, 'pm', [...MEMBERS, ...ALTERNATES], MEMBERS.length);
    await trx
      .insertInto('sittings')
      .values(
        sitting({
          id: 'ps',
          congress_id: PLENARY,
          kind: 'plenary',
          title: '第二次全体会议',
          status: 'closed',
          sort_order: 1,
          opened_at: '2027-01-15T01:00:00.000Z',
          presiding: '市委常委会',
        }),
      )
      .execute();
    await attendance(
      trx,
      'ps',
      [...MEMBERS, ...ALTERNATES].map((_, i) => `pm${i}`),
      { pm5: '因病' },
    );
    await agendaItem(trx, 'pa-report', 'ps', 'report', '工作报告', 1, '孟宪东');
    await agendaItem(trx, 'pa-decision', 'ps', 'adoption-vote', '审议决定', 2);
    await adoptedVote(trx, 'pv', 'pa-decision', '中共通辽市委关于加快建设现代化区域中心城市的决定', 5);
  });
}

/**
 * [P5] The new committee's first plenary (一次全会): it elected the standing committee, the
 * secretary and the deputies (announced), and the discipline commission's first plenary result is
 * recorded for it to adopt. The standing committee's approved order differs from stroke order.
 */
export async function seedFirstPlenary(database: Database): Promise<void> {
  await inTransaction(database, async (trx) => {
    await trx
      .insertInto('congresses')
      .values(
        congress({
          id: FIRST_PLENARY,
          kind: 'plenary',
          plenary_number: 1,
          term_id: 'term6',
          title: '中国共产党通辽市第六届委员会第一次全体会议',
          venue: '市行政中心第一会议室',
          starts_on: '2026-09-29',
          ends_on: '2026-09-29',
          status: 'closed',
        }),
      )
      .execute();
    await roster(trx, FIRST_PLENARY, 'fm', [...MEMBERS, ...ALTERNATES], MEMBERS.length);
    await trx
      .insertInto('sittings')
      .values(
        sitting({
          id: 'fs',
          congress_id: FIRST_PLENARY,
          kind: 'plenary',
          title: '第一次全体会议',
          status: 'closed',
          sort_order: 1,
          opened_at: '2026-09-29T09:00:00.000Z',
          presiding: '孟宪东',
        }),
      )
      .execute();
    await attendance(
      trx,
      'fs',
      [...MEMBERS, ...ALTERNATES].map((_, i) => `fm${i}`),
    );
    const plenary = { congressId: FIRST_PLENARY, status: 'announced', ruleSet: 'local-plenary' } as const;
    await election(trx, {
      ...plenary,
      id: 'fe-standing',
      office: 'standing-committee',
      title: '市委常委',
      seats: 3,
      order: 1,
      candidates: ['孟宪东', '郭玉峰', '方玉东', '丁宁'],
      ballots: [[[1, 1, 1, 0], 6]],
    });
    await election(trx, {
      ...plenary,
      id: 'fe-secretary',
      office: 'secretary',
      title: '市委书记',
      seats: 1,
      order: 2,
      candidates: ['孟宪东'],
      ballots: [[[1], 6]],
    });
    await election(trx, {
      ...plenary,
      id: 'fe-deputies',
      office: 'deputy-secretary',
      title: '市委副书记',
      seats: 2,
      order: 3,
      candidates: ['郭玉峰', '方玉东'],
      ballots: [[[1, 1], 6]],
    });

    await trx
      .insertInto('terms')
      .values({
        id: 'dterm6',
        organisation_id: 'org',
        body: 'discipline-commission',
        number: 6,
        started_on: '2026-09-29',
        ended_on: null,
        elected_by_congress_id: CONGRESS,
      })
      .execute();
    const positions: [string, 'standing-member' | 'secretary' | 'deputy-secretary', number][] = [
      ['焦刚伟', 'standing-member', 2],
      ['亢永强', 'standing-member', 1],
      ['亢永强', 'secretary', 1],
      ['焦刚伟', 'deputy-secretary', 1],
    ];
    await trx
      .insertInto('term_positions')
      .values(
        positions.map(([name, position, rank], i) => ({
          id: `dp${i}`,
          term_id: 'dterm6',
          person_name: name,
          position,
          rank,
          delegate_id: null,
          election_id: null,
          reporting_status: 'pending-approval' as const,
          approved_at: null,
          approval_note: null,
        })),
      )
      .execute();
  });
}

/** The audit log's actions, oldest first. */
export async function auditActions(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
  return rows.map((row) => row.action);
}
