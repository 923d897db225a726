import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  calendarMonths,
  conclusionLead,
  decisionMinimum,
  formatHeldAt,
  formatMonth,
  isCommitteeMeeting,
  joinHeldAt,
  meetingYears,
  parseAlternates,
  parseList,
  parseNames,
  rosterLabel,
  splitHeldAt,
  taskSteps,
  topicSteps,
} from '../../../src/adapters/web/src/lib/committee.ts';
import { termLanding, termSectionsFor } from '../../../src/adapters/web/src/lib/committee-sections.ts';
import { untranslatedIn } from '../../../src/adapters/web/src/lib/news.ts';
import { consoleSectionsFor, type Role } from '../../../src/adapters/web/src/lib/roles.ts';
import type { Task } from '../../../src/contract/follow-up.ts';
import type { MeetingSummary } from '../../../src/contract/meetings.ts';
import type { RegisterPerson } from '../../../src/contract/register.ts';

const roles = (...held: Role[]) => new Set<Role>(['public', ...held]);

const meeting = (id: string, heldAt: string | null, number = 1): MeetingSummary => ({
  id,
  termId: 't8',
  committee: 'standing-committee',
  number,
  yearNumber: null,
  title: id,
  titleEn: id,
  enlarged: false,
  heldAt,
  venue: null,
  presidedBy: null,
  presidedByCapacity: null,
  status: 'preparing',
});

describe('a meeting held, as the press writes it', () => {
  it('writes the date and the time of day: 2022年7月20日上午9时整 / 20 July 2022, 9:00 am', () => {
    expect(formatHeldAt('2022-07-20T09:00', 'zh')).toBe('2022年7月20日上午9时整');
    expect(formatHeldAt('2022-07-20T09:00', 'en')).toBe('20 July 2022, 9:00 am');
    expect(formatHeldAt('2021-02-02T15:30', 'zh')).toBe('2021年2月2日下午3时30分');
    expect(formatHeldAt('2021-02-02', 'zh')).toBe('2021年2月2日');
    expect(formatHeldAt(null, 'zh')).toBe('');
  });

  it('splits and joins the form’s date and time', () => {
    expect(splitHeldAt('2022-07-20T09:00')).toEqual({ date: '2022-07-20', time: '09:00' });
    expect(splitHeldAt('2022-07-20')).toEqual({ date: '2022-07-20', time: '' });
    expect(joinHeldAt('2022-07-20', '09:00')).toBe('2022-07-20T09:00');
    expect(joinHeldAt('2022-07-20', '')).toBe('2022-07-20');
    expect(joinHeldAt('', '09:00')).toBeNull();
  });

  it('names a month in either language', () => {
    expect(formatMonth(2022, 7, 'zh')).toBe('2022年7月');
    expect(formatMonth(2022, 7, 'en')).toBe('July 2022');
  });
});

describe('the calendar of meetings', () => {
  const list = [
    meeting('c', '2022-07-20T09:00'),
    meeting('a', '2021-02-02T15:00'),
    meeting('b', '2021-02-20'),
    meeting('u', null),
  ];

  it('groups the meetings by month in the order held, undated ones last', () => {
    const months = calendarMonths(list);
    expect(months.map((m) => m.key)).toEqual(['2021-02', '2022-07', 'undated']);
    expect(months[0]!.meetings.map((m) => m.id)).toEqual(['a', 'b']);
    expect(months[2]!.meetings.map((m) => m.id)).toEqual(['u']);
  });

  it('keeps one year when asked, and lists the years latest first', () => {
    expect(calendarMonths(list, 2022).map((m) => m.key)).toEqual(['2022-07']);
    expect(meetingYears(list)).toEqual([2022, 2021]);
  });
});

describe('names typed as a list', () => {
  it('splits on 、，; and lines, drops repeats, keeps a padded two-character name whole', () => {
    expect(parseNames('高屹、徐张艳，徐良平\n王　宁、高屹')).toEqual(['高屹', '徐张艳', '徐良平', '王宁']);
    expect(parseNames('高屹 徐张艳')).toEqual(['高屹', '徐张艳']);
    expect(parseNames('Tan Zuojun, Chen Shaowang')).toEqual(['Tan Zuojun', 'Chen Shaowang']);
    expect(parseNames('  ')).toEqual([]);
  });

  it('reads alternates with their votes, or in the order typed', () => {
    expect(parseAlternates('王宁 312\n李明，308票')).toEqual([
      { personName: '王宁', votes: 312 },
      { personName: '李明', votes: 308 },
    ]);
    expect(parseAlternates('王宁\n李明\n张华')).toEqual([
      { personName: '王宁', votes: 3 },
      { personName: '李明', votes: 2 },
      { personName: '张华', votes: 1 },
    ]);
    expect(parseAlternates('王宁 312\n李明')).toBeNull();
  });

  it('reads a distribution list one a line or with 、', () => {
    expect(parseList('市委各常委\n市人大常委会党组、市政府党组\n市委各常委')).toEqual([
      '市委各常委',
      '市人大常委会党组',
      '市政府党组',
    ]);
    // A separator inside brackets belongs to the item.
    expect(parseList('各县（市、区）委、市直各单位')).toEqual(['各县（市、区）委', '市直各单位']);
  });
});

describe('[M4] the votes a decision needs', () => {
  it('[M4] needs more than half of the members due: 2 × for > due', () => {
    expect(decisionMinimum(50)).toBe(26);
    expect(decisionMinimum(49)).toBe(25);
    expect(decisionMinimum(13)).toBe(7);
    for (let due = 1; due <= 200; due++) {
      const n = decisionMinimum(due);
      expect(2 * n > due && 2 * (n - 1) <= due).toBe(true);
    }
  });
});

describe('the roster of a meeting', () => {
  const people: RegisterPerson[] = [
    { name: '高屹', standing: 'member', alternateRank: null, offices: ['secretary'], entryId: '1' },
    { name: '王宁', standing: 'member', alternateRank: null, offices: [], entryId: '2' },
    { name: '李明', standing: 'alternate', alternateRank: 3, offices: [], entryId: '3' },
  ];
  it('labels people 书记 / 委员 / 候补委员, never 代表', () => {
    expect(rosterLabel('plenary', '高屹', true, { people })).toEqual({ kind: 'secretary', rank: null });
    expect(rosterLabel('plenary', '王宁', true, { people })).toEqual({ kind: 'member', rank: null });
    expect(rosterLabel('plenary', '李明', false, { people })).toEqual({ kind: 'alternate', rank: 3 });
    expect(rosterLabel('standing-committee', '张华', true)).toEqual({ kind: 'standing-member', rank: null });
    expect(rosterLabel('standing-committee', '张华', false)).toEqual({ kind: 'attendee', rank: null });
    expect(rosterLabel('plenary', '张华', false)).toEqual({ kind: 'alternate', rank: null });
  });
});

describe('conclusions and follow-up', () => {
  it('takes the first sentence of a conclusion as a task’s title', () => {
    expect(conclusionLead('要坚持和加强党的全面领导。要提高领导干部能力水平')).toBe(
      '要坚持和加强党的全面领导',
    );
    expect(conclusionLead('一二三四五六七八九十', 4)).toBe('一二三四…');
  });

  it('offers a deadline days ahead', () => {
    expect(addDaysIso('2022-07-20', 30)).toBe('2022-08-19');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
  });

  const task = (status: Task['status'], extra: Partial<Task> = {}) => ({
    status,
    leadUnit: { id: 'u1', name: '市发展改革委' },
    supportingUnits: [{ id: 'u2', name: '市经信局' }],
    pendingExtension: null,
    reportBackTopicId: null,
    ...extra,
  });
  const lead = { office: false, unitIds: new Set(['u1']) };
  const support = { office: false, unitIds: new Set(['u2']) };
  const office = { office: true, unitIds: new Set<string>() };

  it('lets the lead unit acknowledge and ask for time, a supporting unit report, the office check and close', () => {
    expect(taskSteps(task('assigned'), lead)).toEqual(['acknowledge', 'extension']);
    expect(taskSteps(task('assigned'), support)).toEqual([]);
    expect(taskSteps(task('acknowledged'), support)).toEqual(['report']);
    expect(taskSteps(task('reported'), lead)).toEqual(['report', 'extension']);
    expect(taskSteps(task('reported'), office)).toEqual(['report', 'check', 'report-back']);
    expect(taskSteps(task('checked'), office)).toEqual(['close', 'report-back']);
    expect(taskSteps(task('checked'), lead)).toEqual([]);
    expect(taskSteps(task('closed'), office)).toEqual([]);
  });

  it('answers an extension once, and reports back once', () => {
    const pending = task('acknowledged', { pendingExtension: { deadline: '2026-12-31', text: '需要协调' } });
    expect(taskSteps(pending, lead)).toEqual(['report']);
    expect(taskSteps(pending, office)).toContain('decide-extension');
    expect(taskSteps(task('acknowledged', { reportBackTopicId: 't1' }), office)).not.toContain('report-back');
  });

  it('offers the office review and scheduling, a unit its own request’s withdrawal', () => {
    expect(topicSteps('requested', { office: true })).toEqual(['review', 'edit', 'withdraw']);
    expect(topicSteps('approved', { office: true })).toEqual(['schedule', 'edit', 'withdraw']);
    expect(topicSteps('approved', { office: false })).toEqual(['withdraw']);
    expect(topicSteps('requested', { office: false })).toEqual(['edit', 'withdraw']);
    expect(topicSteps('concluded', { office: true })).toEqual([]);
  });
});

describe('who opens what', () => {
  it('gives the office every term page and a unit’s staff the board and the topics, landing on the board', () => {
    expect(termSectionsFor(roles('admin'))).toEqual(['register', 'meetings', 'topics', 'follow-up', 'units']);
    expect(termSectionsFor(roles('unit'))).toEqual(['topics', 'follow-up']);
    expect(termSectionsFor(roles('presiding'))).toEqual(['register', 'meetings']);
    expect(termSectionsFor(roles('teller'))).toEqual([]);
    expect(termLanding(roles('unit'))).toBe('follow-up');
    expect(termLanding(roles('admin'))).toBeNull();
    expect(termLanding(roles())).toBeNull();
  });

  it('shows a meeting’s console no congress-only sections', () => {
    const keys = (kind?: Parameters<typeof consoleSectionsFor>[1]) =>
      consoleSectionsFor(roles('admin'), kind).map((s) => s.key);
    expect(keys('standing-committee')).toEqual([
      'overview',
      'agenda',
      'outcomes',
      'minutes',
      'delegates',
      'news',
      'audit',
      'organisations',
    ]);
    expect(keys('plenary')).not.toContain('import');
    expect(keys('plenary')).toContain('elections');
    expect(keys('congress')).not.toContain('minutes');
    expect(keys('congress')).toContain('import');
    expect(keys(undefined)).toContain('minutes');
    expect(isCommitteeMeeting('plenary') && isCommitteeMeeting('standing-committee')).toBe(true);
    expect(isCommitteeMeeting('congress')).toBe(false);
  });

  it('flags Chinese left in an English draft', () => {
    expect(untranslatedIn({ titleEn: 'Meeting held', bodyEn: 'The meeting stressed 要坚持.' })).toEqual([
      '要坚持',
    ]);
    expect(untranslatedIn({ titleEn: 'Meeting held', bodyEn: 'All English.' })).toEqual([]);
  });
});
