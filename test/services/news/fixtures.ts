// A small congress in the database for the news tests, built by the test builder in rows mode
// (the tests read the audit log from empty): the Tongliao congress in miniature (12 delegates; at
// the opening 9 present, 2 on leave 因事 and 1 因病), its opening and closing sittings with chairs,
// reports and a resolution, one announced election and one whose count is not yet announced, a
// later plenary of the committee (委员 and 候补委员 present), and on request the new committee's
// first plenary with its announced results.

import type { Office } from '../../../src/core/rules/index.ts';
import type { Database } from '../../../src/persistence/index.ts';
import type { SimpleBallot } from '../../core/rules/round-builder.ts';
import { buildWorld, type CongressBuilder, type World } from '../../support/builder/index.ts';

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
const ORGANISATION = 'org';
const TERM = 'term6';

/** `count` ballots marking "for" the names given. */
const votesFor = (count: number, ...names: string[]): SimpleBallot => ({
  count,
  marks: Object.fromEntries(names.map((name) => [name, 'for' as const])),
});

/** The rows the builder names itself (delegates, sittings…): n-… in the congress, f-… in the first plenary. */
const world = (database: Database, tag: 'n' | 'f'): World => buildWorld(database, { tag });

/** An election with its one formal round, counted or announced: every delegate with a vote voted. */
async function election(
  congress: CongressBuilder,
  spec: {
    readonly id: string;
    readonly office: Office;
    readonly title: string;
    readonly seats: number;
    readonly candidates: readonly string[];
    readonly ballots: readonly SimpleBallot[];
    readonly status: 'counted' | 'announced';
  },
): Promise<void> {
  const { status, ballots, ...rest } = spec;
  const made = await congress.election(rest);
  await made.round({ status, ballots });
}

/** A plenary's roster: members vote, alternates attend without a vote [Q4]. */
function roster(congress: CongressBuilder) {
  return congress.delegates([
    ...MEMBERS.map((name) => ({ name })),
    ...ALTERNATES.map((name) => ({ name, votingRights: false, suspensionReason: '候补委员列席，无表决权' })),
  ]);
}

export async function seedNewsCongress(database: Database): Promise<void> {
  const build = world(database, 'n');
  const org = await build.organisation({
    id: ORGANISATION,
    name: '中共通辽市委员会',
    shortName: '市委',
    locality: '通辽市',
    level: 'city',
  });
  const congress = await build.congress({
    id: CONGRESS,
    organisation: org.id,
    number: 6,
    theme: '聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗',
    venue: '市行政中心大礼堂',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  const delegates = await congress.delegates(DELEGATES.map((name) => ({ name })));
  const id = (name: string) => delegates[DELEGATES.indexOf(name)]!.id;
  const opening = await congress.sitting({
    kind: 'opening',
    status: 'closed',
    startsAt: '2026-09-27T01:00:00.000Z',
    openedAt: '2026-09-27T01:00:00.000Z',
    presiding: '郭玉峰',
  });
  const closing = await congress.sitting({
    kind: 'closing',
    startsAt: '2026-09-29T07:00:00.000Z',
    openedAt: '2026-09-29T07:00:00.000Z',
    presiding: '孟宪东',
  });
  // Ranks deliberately out of insertion order.
  await congress.chairs(opening.id, [
    { delegate: id('郭玉峰'), rank: 2 },
    { delegate: id('孟宪东'), rank: 1 },
    { delegate: id('方玉东'), rank: 3 },
  ]);
  const leave: Readonly<Record<string, string>> = { 王玲: '因事', 马慧吉: '因事', 赵敏: '因病：住院' };
  await congress.attendance(
    opening.id,
    delegates.map((d) =>
      leave[d.name] ? { delegate: d, status: 'leave' as const, leaveReason: leave[d.name] } : d,
    ),
  );
  await congress.attendance(closing.id, delegates);
  await congress.agendaItem(opening.id, {
    kind: 'report',
    title: `听取和审查中国共产党通辽市第五届委员会工作报告：《${WORK_REPORT}》`,
    presenter: '孟宪东',
    body: '报告共分四个部分：一、五年来的工作回顾；二、今后五年的指导思想和奋斗目标；三、今后五年的重点任务；四、全面加强党的建设。',
  });
  await congress.agendaItem(opening.id, {
    kind: 'report',
    title: '听取和审查中国共产党通辽市纪律检查委员会工作报告：《正风肃纪反腐》',
    presenter: '亢永强',
  });
  await congress.agendaItem(opening.id, {
    kind: 'written-report',
    title: '关于党费收缴、使用和管理情况的书面报告',
  });
  await congress.agendaItem(closing.id, {
    kind: 'adoption-vote',
    title: '通过关于中国共产党通辽市第五届委员会报告的决议',
    adopted: { subject: '关于中国共产党通辽市第五届委员会报告的决议', votes: 12 },
  });

  // Elections: members announced; alternates counted but not yet announced [P2].
  await election(congress, {
    id: COMMITTEE_ELECTION,
    office: 'committee-member',
    title: '中国共产党通辽市第六届委员会委员',
    seats: 3,
    candidates: ['丁宁', '于波', '马慧吉', '王玲'],
    ballots: [votesFor(10, '丁宁', '于波', '马慧吉'), votesFor(2, '丁宁', '王玲')],
    status: 'announced',
  });
  await election(congress, {
    id: ALTERNATE_ELECTION,
    office: 'alternate-member',
    title: '中国共产党通辽市第六届委员会候补委员',
    seats: 1,
    candidates: ALTERNATES,
    ballots: [votesFor(12, '李强')],
    status: 'counted',
  });

  // A later plenary of the committee: five members and both alternates present, one member on leave.
  await build.term({
    id: TERM,
    organisation: org.id,
    number: 6,
    startedOn: '2026-09-29',
    electedBy: CONGRESS,
  });
  const plenary = await build.congress({
    id: PLENARY,
    kind: 'plenary',
    term: TERM,
    plenaryNumber: 2,
    startsOn: '2027-01-15',
    endsOn: '2027-01-15',
  });
  const members = await roster(plenary);
  const sitting = await plenary.sitting({
    title: '第二次全体会议',
    status: 'closed',
    startsAt: '2027-01-15T01:00:00.000Z',
    openedAt: '2027-01-15T01:00:00.000Z',
    presiding: '市委常委会',
  });
  await plenary.attendance(
    sitting.id,
    members.map((m) =>
      m.name === '马慧吉' ? { delegate: m, status: 'leave' as const, leaveReason: '因病' } : m,
    ),
  );
  await plenary.agendaItem(sitting.id, { kind: 'report', title: '工作报告', presenter: '孟宪东' });
  await plenary.agendaItem(sitting.id, {
    kind: 'adoption-vote',
    title: '审议决定',
    adopted: { subject: '中共通辽市委关于加快建设现代化区域中心城市的决定', votes: 5 },
  });
}

/**
 * [P5] The new committee's first plenary (一次全会): it elected the standing committee, the
 * secretary and the deputies (announced), and the discipline commission's first plenary result is
 * recorded for it to adopt. The standing committee's approved order differs from stroke order.
 */
export async function seedFirstPlenary(database: Database): Promise<void> {
  const build = world(database, 'f');
  const plenary = await build.congress({
    id: FIRST_PLENARY,
    kind: 'plenary',
    term: TERM,
    plenaryNumber: 1,
    venue: '市行政中心第一会议室',
    startsOn: '2026-09-29',
    endsOn: '2026-09-29',
    status: 'closed',
  });
  const members = await roster(plenary);
  const sitting = await plenary.sitting({
    title: '第一次全体会议',
    status: 'closed',
    startsAt: '2026-09-29T09:00:00.000Z',
    openedAt: '2026-09-29T09:00:00.000Z',
    presiding: '孟宪东',
  });
  await plenary.attendance(sitting.id, members);
  await election(plenary, {
    id: 'fe-standing',
    office: 'standing-committee',
    title: '市委常委',
    seats: 3,
    candidates: ['孟宪东', '郭玉峰', '方玉东', '丁宁'],
    ballots: [votesFor(6, '孟宪东', '郭玉峰', '方玉东')],
    status: 'announced',
  });
  await election(plenary, {
    id: 'fe-secretary',
    office: 'secretary',
    title: '市委书记',
    seats: 1,
    candidates: ['孟宪东'],
    ballots: [votesFor(6, '孟宪东')],
    status: 'announced',
  });
  await election(plenary, {
    id: 'fe-deputies',
    office: 'deputy-secretary',
    title: '市委副书记',
    seats: 2,
    candidates: ['郭玉峰', '方玉东'],
    ballots: [votesFor(6, '郭玉峰', '方玉东')],
    status: 'announced',
  });

  const discipline = await build.term({
    organisation: ORGANISATION,
    body: 'discipline-commission',
    number: 6,
    startedOn: '2026-09-29',
    electedBy: CONGRESS,
  });
  await build.positions(
    discipline.id,
    (
      [
        ['焦刚伟', 'standing-member', 2],
        ['亢永强', 'standing-member', 1],
        ['亢永强', 'secretary', 1],
        ['焦刚伟', 'deputy-secretary', 1],
      ] as const
    ).map(([person, position, rank]) => ({ person, position, rank, reportingStatus: 'pending-approval' })),
  );
}

/** The audit log's actions, oldest first. */
export async function auditActions(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
  return rows.map((row) => row.action);
}
