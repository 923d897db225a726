// What each kind of announcement's templates may name, with what each placeholder holds: the
// secretariat's reference when editing a template, and the list a saved template is checked
// against (an unknown placeholder is refused when saved, not discovered when publishing).

import type { NewsKind } from './record.ts';

export interface PlaceholderInfo {
  readonly path: string;
  readonly zh: string;
  readonly en: string;
}

const p = (path: string, zh: string, en: string): PlaceholderInfo => ({ path, zh, en });

const ORGANISATION: readonly PlaceholderInfo[] = [
  p('organisation.locality', '地名全称：通辽市', 'the locality: Tongliao'),
  p('organisation.place', '地名简称：通辽', 'the place, as a dateline names it: Tongliao'),
  p('organisation.committee', '党委简称：市委', 'the committee, short: the municipal Party committee'),
  p('organisation.discipline', '纪委简称：市纪委', 'the discipline commission, short'),
];

const CONGRESS: readonly PlaceholderInfo[] = [
  p(
    'congress.fullName',
    '大会全称：中国共产党通辽市第六次代表大会',
    'the congress: the 6th CPC Tongliao Municipal Congress',
  ),
  p(
    'congress.shortName',
    '大会简称：市第六次党代会',
    'the congress, short: the 6th municipal Party congress',
  ),
  p('congress.theme', '大会主题', 'the theme of the congress (Chinese where no English is recorded)'),
  p(
    'congress.mainTasks',
    '大会的主要任务：总结……，选举产生……',
    'the main tasks of the congress (Chinese where no English is recorded)',
  ),
  p('congress.dates', '会期：9月27日至29日', 'the dates: 27–29 September'),
  p(
    'congress.dateRange',
    '会期（会期多于一天时）：11月4日至6日',
    'the dates when the congress sat more than one day: 4–6 November',
  ),
  p('committee.fullName', '新一届委员会：中国共产党通辽市第六届委员会', 'the committee the congress elects'),
  p(
    'committee.previousFullName',
    '上一届委员会：中国共产党通辽市第五届委员会',
    'the outgoing committee, on whose behalf the work report is made',
  ),
  p(
    'discipline.fullName',
    '新一届纪委：中国共产党通辽市第六届纪律检查委员会',
    'the discipline commission the congress elects',
  ),
  p(
    'discipline.name',
    '纪委（不含届次）：中国共产党通辽市纪律检查委员会',
    'the discipline commission, without its term',
  ),
];

const sitting = (name: string, what: string, whatEn: string): PlaceholderInfo[] => [
  p(`${name}.date`, `${what}日期：9月27日上午`, `the day of the ${whatEn}: the morning of 27 September`),
  p(`${name}.time`, `${what}开始时间：上午9时整`, `the time it began: 9:00 am`),
  p(`${name}.venue`, `${what}地点`, `where it was held (in Chinese)`),
  p(`${name}.chairs`, '大会执行主席，按顺序', 'the executive chairs, in order'),
  p(`${name}.presiding`, '主持人', 'who presided'),
  p(
    `${name}.attendance`,
    '出席情况：应到代表417名，因事因病请假4人，实到代表413名，符合法定人数',
    'attendance: 417 delegates were expected, 4 were on leave, 413 attended; the quorum was met',
  ),
];

const ELECTED_LISTS: readonly PlaceholderInfo[] = [
  p('elected.summary', '选举产生的机构和代表（一句）', 'what the congress elected, as one phrase'),
  p(
    'elected.committee',
    '委员名单（标题与姓名，按姓氏笔画为序）',
    'the members elected: heading and names in surname-stroke order',
  ),
  p('elected.alternates', '候补委员名单（按得票多少为序）', 'the alternate members elected, by votes'),
  p('elected.discipline', '纪委委员名单（按姓氏笔画为序）', 'the discipline commission members elected'),
  p(
    'elected.delegates',
    '出席上一级党代会代表名单（按姓氏笔画为序）',
    'the delegates elected to the higher congress',
  ),
];

const PLENARY: readonly PlaceholderInfo[] = [
  p(
    'plenary.fullName',
    '全会全称：中国共产党衢州市第八届委员会第二次全体会议',
    'the session: the 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee',
  ),
  p('plenary.pressName', '全会简称：市委八届二次全会', 'the session, short'),
  p('plenary.meetingName', '标题用名：市委八届二次全体会议', 'the session as a headline names it'),
  p('plenary.date', '日期：2022年7月20日', 'the date: 20 July 2022'),
  p('plenary.day', '日期（不含年份）：7月20日', 'the day: 20 July'),
  p('plenary.venue', '地点', 'where it was held (in Chinese)'),
  p('plenary.presiding', '主持人或主持机构：市委常委会', 'who presided: a person or a body'),
  p('plenary.attendance', '出席情况：应到委员48名，实到委员47名，符合法定人数', 'attendance of the members'),
  p('plenary.membersPresent', '出席委员人数：48名', 'members present: 48 members'),
  p('plenary.alternatesPresent', '列席候补委员人数：7名', 'alternate members present (without a vote)'),
  p('committee.fullName', '委员会全称', 'the committee meeting in plenary'),
];

/** Both kinds of meeting of the committee between congresses [M1][M2] have these. */
const MEETING: readonly PlaceholderInfo[] = [
  ...ORGANISATION,
  p(
    'meeting.name',
    '标题用名：市委八届二次全体（扩大）会议；市委常委会会议',
    'the meeting as a headline names it: the 2nd Enlarged Plenary Session of …; a meeting of the Standing Committee of …',
  ),
  p(
    'meeting.fullName',
    '全称：中国共产党衢州市第八届委员会第二次全体（扩大）会议；市委常委会2021年第3次会议',
    'the full name: the 2nd Enlarged Plenary Session of the 8th CPC Quzhou Municipal Committee',
  ),
  p('meeting.pressName', '简称：市委八届二次全会', 'the short name: the 2nd plenary session of the 8th …'),
  p(
    'meeting.standingCommittee',
    '常委会：市委常委会',
    'the standing committee: the Standing Committee of the municipal Party committee',
  ),
  p('meeting.enlarged', '扩大会议时为“扩大”', '“enlarged” for an enlarged meeting, else empty'),
  p(
    'meeting.date',
    '日期：2月2日（有时间时：2月2日上午）',
    'the day: 2 February (the morning of 2 February)',
  ),
  p('meeting.fullDate', '日期（含年份）：2022年7月20日', 'the date with the year: 20 July 2022'),
  p('meeting.time', '开始时间：上午9时整', 'the time it began: 9:00 am'),
  p('meeting.venue', '地点', 'where it was held'),
  p(
    'meeting.preamble',
    '全会的引语：高举……伟大旗帜，深入学习贯彻……',
    'what the session held high before its business',
  ),
  p(
    'meeting.business',
    '会议议程（导语）：听取和讨论高屹受市委常委会委托作的工作报告……，审议通过《……的决定》',
    'what it did: heard and discussed the work report delivered by …, and adopted …',
  ),
  p('meeting.purpose', '会议目的：进一步动员全市上下……', 'what its business was for'),
  p('attendance.membersDue', '应到委员人数：50名', 'members due to attend: 50 members'),
  p('attendance.membersPresent', '出席委员人数：48名', 'members present: 48 members'),
  p('attendance.onLeave', '请假人数：2名', 'members on leave'),
  p(
    'attendance.alternatesPresent',
    '出席的候补委员（无表决权）人数：7名；不含列席、应邀参加人员',
    'alternate members present (without a vote); never the non-member attendees',
  ),
  p(
    'presider.name',
    '主持人或主持机构：谭作钧；市委常委会',
    'who presided: Tan Zuojun; the Standing Committee …',
  ),
  p('presider.capacity', '主持人职务：省委常委、市委书记', 'the presiding person’s capacity'),
  p(
    'presider.text',
    '职务和姓名：省委常委、市委书记谭作钧',
    'name and capacity: Tan Zuojun, member of the Standing Committee of …',
  ),
  p(
    'topics.agenda',
    '议题：传达学习……精神，研究部署我市贯彻落实工作（不含干部任免）',
    'the topics: to convey and study …, and to study and deploy … (never cadre appointments)',
  ),
  p('topics.headline', '标题用议题：传达学习……精神 研究部署……', 'the topics for a headline'),
  p(
    'topics.heard',
    '听取的报告：高屹受市委常委会委托作的工作报告',
    'the reports heard: the work report delivered by Gao Yi on behalf of …',
  ),
  p(
    'conclusions',
    '会议指出 / 认为 / 强调 / 要求 / 号召（每条一段）',
    'the conclusions, one paragraph each: It was noted that …; The meeting stressed that …',
  ),
  p(
    'decisions',
    '审议通过的决定：《中共衢州市委关于……的决定》',
    'the decisions adopted (never cadre decisions)',
  ),
  p('speeches.speakers', '讲话人：市委书记高屹', 'who spoke, with their capacities'),
  p(
    'speeches.closing',
    '结束时的讲话：高屹就……作了讲话',
    'the closing speech: Gao Yi delivered a speech on …',
  ),
  p('speeches.other', '其他讲话：……就……作了讲话', 'other speeches'),
  p('leaders', '出席的领导：市委副书记徐张艳、徐良平', 'the leaders who attended'),
  p(
    'attendees.nonVoting',
    '列席人员类别：不是市委委员的副厅级以上领导干部，市纪委委员，……',
    'non-members who attended, by category (列席)',
  ),
  p('attendees.invited', '应邀参加人员类别：离岗在职领导、副厅级以上老干部', 'who attended by invitation'),
];

const CATALOGUE: Readonly<Record<NewsKind, readonly PlaceholderInfo[]>> = {
  opening: [
    ...ORGANISATION,
    ...CONGRESS,
    ...sitting('opening', '开幕大会', 'opening sitting'),
    p('reports.work.presenter', '工作报告报告人', 'who delivered the work report'),
    p('reports.work.title', '工作报告标题', 'the work report’s title'),
    p('reports.work.titled', '“题为《……》的报告”', '“a work report entitled …”'),
    p('reports.work.parts', '报告各部分：一、……；二、……', 'the parts of the report (in Chinese)'),
    p('reports.work.partCount', '部分数：四', 'how many parts: four'),
    p(
      'reports.discipline.presenter',
      '纪委工作报告报告人',
      'who delivered the discipline commission’s report',
    ),
    p('reports.discipline.title', '纪委工作报告标题', 'its title'),
    p('reports.discipline.titled', '“题为《……》的报告”', '“a work report entitled …”'),
    p('reports.others', '其他报告（完整句子）', 'other reports, as sentences'),
    p('reports.written', '书面报告：关于党费收缴、使用和管理情况的报告', 'written reports'),
    p(
      'guidance',
      '指导组到会指导（完整句子）：……指导督导组组长……到会指导。',
      'the guidance groups at the congress, as sentences',
    ),
    p(
      'attendees.nonVoting',
      '列席人员类别：不是代表的……委员，党内部分老同志，……，以及其他需要列席的同志',
      'who attended without a vote, by category',
    ),
    p('attendees.invited', '来宾类别：部分党外人士', 'the guests of the opening sitting, by category'),
  ],
  closing: [
    ...ORGANISATION,
    ...CONGRESS,
    ...sitting('closing', '闭幕大会', 'closing sitting'),
    p(
      'closing.speeches',
      '闭幕讲话：新当选的大连市委书记胡玉亭发表讲话，……',
      'the speeches at the closing sitting: Hu Yuting, newly elected secretary …, delivered a speech, …',
    ),
    p('adopted', '通过的决议：关于……的决议', 'the resolutions adopted'),
    ...ELECTED_LISTS,
    p(
      'firstPlenary.summary',
      '一次全会选举情况（一句）',
      'what the first plenary session elected, as one sentence',
    ),
    p('firstPlenary.results', '书记、副书记当选情况', 'the secretaries and deputies elected'),
    p(
      'firstPlenary.committee',
      '一次全会选举结果：选举……为常务委员会委员……',
      'the first plenary’s election results',
    ),
    p('firstPlenary.discipline', '纪委一次全会选举结果', 'the discipline commission’s first plenary results'),
  ],
  'first-plenary': [
    ...ORGANISATION,
    ...PLENARY,
    p('elected.standing', '常委，按批准的顺序', 'the standing committee, in the approved order'),
    p('elected.secretary', '书记', 'the secretary'),
    p('elected.deputies', '副书记，按批准的顺序', 'the deputy secretaries'),
    p(
      'elected.result',
      '选举结果（一句）：选举……为常务委员会委员，选举……为书记，……为副书记',
      'the election results, as one phrase',
    ),
    p('discipline.fullName', '纪委全称', 'the discipline commission'),
    p('discipline.pressName', '纪委一次全会：市纪委六届一次全会', 'its first plenary session'),
    p('discipline.standing', '纪委常委', 'its standing committee'),
    p('discipline.secretary', '纪委书记', 'its secretary'),
    p('discipline.deputies', '纪委副书记', 'its deputy secretaries'),
    p('discipline.result', '纪委一次全会选举结果（一句）', 'its results, as one phrase'),
  ],
  'plenary-decision': [
    ...ORGANISATION,
    ...PLENARY,
    p('reports.heard', '听取的报告：高屹作的工作报告', 'the reports heard'),
    p('decisions', '审议通过的决定：《中共衢州市委关于……的决定》', 'the decisions adopted'),
  ],
  'standing-committee-meeting': MEETING,
  'plenary-session': MEETING,
};

/** The placeholders of a kind, with what each holds. */
export function placeholderCatalogue(kind: NewsKind): readonly PlaceholderInfo[] {
  return CATALOGUE[kind];
}

/** Every name a template of this kind may use: each placeholder and the groups it belongs to. */
export function knownPaths(kind: NewsKind): Set<string> {
  const paths = new Set<string>();
  for (const { path } of CATALOGUE[kind]) {
    const names = path.split('.');
    for (let i = 1; i <= names.length; i++) paths.add(names.slice(0, i).join('.'));
  }
  return paths;
}
