// Constructed records after the seeds: the Tongliao congress (417 expected, 4 on leave — 因事3,
// 因病1 — 413 present) with its closing and first plenary, and the Quzhou plenary (市委八届二次全会).
import type {
  AttendanceRecord,
  CongressRecord,
  NewsOrganisation,
  PlenaryRecord,
  SittingRecord,
} from '../../../../src/core/documents/news/index.ts';

export const TONGLIAO: NewsOrganisation = {
  locality: '通辽市',
  committeeShortName: '市委',
  disciplineShortName: '市纪委',
};
export const QUZHOU: NewsOrganisation = {
  locality: '衢州市',
  committeeShortName: '市委',
  disciplineShortName: '市纪委',
};

export const WORK_REPORT_TITLE = '聚焦绿色转型 聚力高质量发展 为加快建设现代化区域中心城市而奋斗';
export const DISCIPLINE_REPORT_TITLE =
  '以永远在路上的政治自觉正风肃纪反腐 不断开创党风廉政建设和反腐败斗争新局面';

export const EXECUTIVE_CHAIRS = [
  '孟宪东',
  '郭玉峰',
  '方玉东',
  '饶崇书',
  '张鸿福',
  '马慧吉',
  '王玲',
  '莫日根巴图',
  '亢永强',
  '焦刚伟',
  '赵航',
];

const attendance = (
  expected: number,
  present: number,
  personal: number,
  illness: number,
  other = 0,
): AttendanceRecord => ({
  expected,
  present,
  onLeave: { personal, illness, other },
  quorumMet: present * 2 > expected,
  nonVoting: { expected: 0, present: 0 },
});

const vote = (subject: string, adopted: boolean | null, procedural = false) => ({
  kind: 'adoption-vote' as const,
  title: subject,
  presenter: null,
  body: null,
  vote: { subject, adopted, procedural },
});

export const OPENING: SittingRecord = {
  kind: 'opening',
  title: '开幕大会',
  venue: '市行政中心大礼堂',
  at: { year: 2021, month: 9, day: 27, hour: 9, minute: 0 },
  presiding: '郭玉峰',
  chairs: EXECUTIVE_CHAIRS,
  attendance: attendance(417, 413, 3, 1),
  agenda: [
    {
      kind: 'report',
      title: `听取和审查中国共产党通辽市第五届委员会工作报告：《${WORK_REPORT_TITLE}》`,
      presenter: '孟宪东',
      body:
        `孟宪东同志代表中国共产党通辽市第五届委员会向大会作题为《${WORK_REPORT_TITLE}》的报告。` +
        '报告共分四个部分：一、五年来的工作回顾；二、今后五年的指导思想和奋斗目标；三、今后五年的重点任务；四、全面加强党的建设。\n\n' +
        '报告指出，市第五次党代会以来，市委牢牢把握正确政治方向。',
      vote: null,
    },
    {
      kind: 'report',
      title: `听取和审查中国共产党通辽市纪律检查委员会工作报告：《${DISCIPLINE_REPORT_TITLE}》`,
      presenter: '亢永强',
      body: '报告回顾了五年来全市党风廉政建设和反腐败工作。',
      vote: null,
    },
    {
      kind: 'written-report',
      title: '关于党费收缴、使用和管理情况的书面报告',
      presenter: null,
      body: null,
      vote: null,
    },
  ],
};

export const CLOSING: SittingRecord = {
  kind: 'closing',
  title: '闭幕大会',
  venue: '市行政中心大礼堂',
  at: { year: 2021, month: 9, day: 29, hour: 15, minute: 30 },
  presiding: '孟宪东',
  chairs: ['孟宪东', '郭玉峰', '方玉东'],
  attendance: attendance(417, 415, 0, 2),
  agenda: [
    vote('通过关于中国共产党通辽市第五届委员会报告的决议', true),
    vote('通过关于中国共产党通辽市纪律检查委员会工作报告的决议', true),
    vote('通过总监票人、副总监票人和监票人名单', true),
    vote('关于另一事项的决议', false),
  ],
};

export const FIRST_PLENARY: PlenaryRecord = {
  kind: 'plenary',
  organisation: TONGLIAO,
  term: 6,
  plenaryNumber: 1,
  date: { year: 2021, month: 9, day: 29 },
  venue: '市行政中心第一会议室',
  sittings: [
    {
      kind: 'plenary',
      title: '第一次全体会议',
      venue: '市行政中心第一会议室',
      at: { year: 2021, month: 9, day: 29, hour: 17, minute: 0 },
      presiding: '孟宪东',
      chairs: [],
      attendance: { ...attendance(7, 7, 0, 0), nonVoting: { expected: 3, present: 3 } },
      agenda: [],
    },
  ],
  elections: [
    {
      office: 'standing-committee',
      title: '中国共产党通辽市第六届委员会常务委员会委员',
      rounds: [
        {
          elected: [
            { name: '方玉东', votes: 7 },
            { name: '孟宪东', votes: 7 },
            { name: '郭玉峰', votes: 7 },
          ],
        },
      ],
      approvedOrder: ['孟宪东', '郭玉峰', '方玉东'],
    },
    {
      office: 'secretary',
      title: '书记',
      rounds: [{ elected: [{ name: '孟宪东', votes: 7 }] }],
      approvedOrder: ['孟宪东'],
    },
    {
      office: 'deputy-secretary',
      title: '副书记',
      rounds: [
        {
          elected: [
            { name: '方玉东', votes: 7 },
            { name: '郭玉峰', votes: 7 },
          ],
        },
      ],
      approvedOrder: ['郭玉峰', '方玉东'],
    },
  ],
  discipline: { standingMembers: ['亢永强', '焦刚伟'], secretary: '亢永强', deputies: ['焦刚伟'] },
};

export const CONGRESS: CongressRecord = {
  kind: 'congress',
  organisation: TONGLIAO,
  number: 6,
  theme: '聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗',
  venue: '市行政中心大礼堂',
  startsOn: { year: 2021, month: 9, day: 27 },
  endsOn: { year: 2021, month: 9, day: 29 },
  sittings: [
    {
      kind: 'preparatory',
      title: '预备会议',
      venue: null,
      at: null,
      presiding: null,
      chairs: [],
      attendance: null,
      agenda: [vote('通过大会议程', true, true)],
    },
    OPENING,
    {
      kind: 'plenary',
      title: '第二次全体会议',
      venue: null,
      at: null,
      presiding: null,
      chairs: [],
      attendance: null,
      agenda: [vote('通过《中国共产党通辽市第六次代表大会选举办法》', true)],
    },
    CLOSING,
  ],
  elections: [
    {
      office: 'committee-member',
      title: '中国共产党通辽市第六届委员会委员',
      rounds: [
        {
          elected: [
            { name: '孟宪东', votes: 410 },
            { name: '王　玲（女）', votes: 400 },
            { name: '马慧吉', votes: 399 },
            { name: '郭玉峰', votes: 405 },
            { name: '丁宁', votes: 390 },
            { name: '于波', votes: 380 },
            { name: '方玉东', votes: 401 },
          ],
        },
      ],
      approvedOrder: [],
    },
    {
      office: 'alternate-member',
      title: '中国共产党通辽市第六届委员会候补委员',
      rounds: [
        {
          elected: [
            { name: '赵敏', votes: 300 },
            { name: '李强', votes: 320 },
            { name: '张伟', votes: 300 },
          ],
        },
        // A supplementary round's alternates come after the formal round's in the succession order.
        { elected: [{ name: '丁一', votes: 330 }] },
      ],
      approvedOrder: [],
    },
    {
      office: 'discipline-member',
      title: '中国共产党通辽市第六届纪律检查委员会委员',
      rounds: [
        {
          elected: [
            { name: '焦刚伟', votes: 400 },
            { name: '亢永强', votes: 410 },
            { name: '王刚', votes: 390 },
          ],
        },
      ],
      approvedOrder: [],
    },
    {
      office: 'delegate',
      title: '出席中国共产党内蒙古自治区第十一次代表大会代表',
      rounds: [
        {
          elected: [
            { name: '郭玉峰', votes: 400 },
            { name: '孟宪东', votes: 410 },
          ],
        },
      ],
      approvedOrder: [],
    },
  ],
  firstPlenary: FIRST_PLENARY,
};

export const QUZHOU_PLENARY: PlenaryRecord = {
  kind: 'plenary',
  organisation: QUZHOU,
  term: 8,
  plenaryNumber: 2,
  date: { year: 2022, month: 7, day: 20 },
  venue: null,
  sittings: [
    {
      kind: 'plenary',
      title: '第二次全体会议',
      venue: null,
      at: { year: 2022, month: 7, day: 20, hour: 9, minute: 0 },
      presiding: '市委常委会',
      chairs: [],
      attendance: { ...attendance(50, 48, 1, 1), nonVoting: { expected: 8, present: 7 } },
      agenda: [
        { kind: 'report', title: '工作报告', presenter: '高屹', body: null, vote: null },
        {
          kind: 'report',
          title: '关于学习贯彻省第十五次党代会精神的报告',
          presenter: '高屹',
          body: null,
          vote: null,
        },
        vote(
          '中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当“两个先行”示范窗口的决定',
          true,
        ),
      ],
    },
  ],
  elections: [],
  discipline: null,
};
