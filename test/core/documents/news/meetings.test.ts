// The reports of the committee's meetings between congresses (§8): what the record keeps apart,
// what never appears, how meetings are named, and the placeholders the editor lists.
import { describe, expect, it } from 'vitest';
import { pluralCapacityEn } from '../../../../src/core/documents/news/english.ts';
import {
  capacityEn,
  generateNews,
  type MeetingRecord,
  NewsError,
  newsValues,
  placeholderCatalogue,
  untranslatedSpans,
} from '../../../../src/core/documents/news/index.ts';
import { CONGRESS } from './fixtures.ts';
import { DALIAN_STANDING_COMMITTEE, QUZHOU_ENLARGED_PLENARY, TAN_ZUOJUN as TAN } from './seed-records.ts';

const failure = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('[Q4][M1] alternates and non-member attendees', () => {
  it('non-member attendees never count as alternates', () => {
    // The reported bug: two more attendee categories made 候补委员7名 read 候补委员9名.
    const record: MeetingRecord = {
      ...QUZHOU_ENLARGED_PLENARY,
      attendeeGroups: [
        ...QUZHOU_ENLARGED_PLENARY.attendeeGroups,
        { kind: 'non-voting', category: { zh: '市委各部委办负责人' } },
        { kind: 'invited', category: { zh: '市级老领导' } },
      ],
    };
    const text = generateNews('plenary-session', record);
    expect(text.bodyZh).toContain('出席这次全会的市委委员48名，候补委员7名。');
    expect(text.bodyZh).not.toContain('候补委员9名');
    expect(text.bodyEn).toContain(
      '48 members of the municipal Party committee and 7 alternate members attended',
    );
    // The categories are named, never counted.
    expect(text.bodyZh).toContain(
      '部分基层党代表，市委各部委办负责人参加会议。离岗在职领导、副厅级以上老干部、市级老领导应邀参加。',
    );
  });

  it('without alternates, attendees alone give no 候补委员 at all', () => {
    const record: MeetingRecord = {
      ...QUZHOU_ENLARGED_PLENARY,
      attendance: { membersDue: 50, membersPresent: 48, onLeave: 2, alternatesPresent: 0 },
    };
    const text = generateNews('plenary-session', record);
    expect(text.bodyZh).toContain('出席这次全会的市委委员48名。');
    expect(text.bodyZh).not.toMatch(/候补委员\d/u);
    expect(text.bodyEn).not.toContain('alternate');
  });
});

describe('[M3] cadre appointments never appear in the news', () => {
  const record: MeetingRecord = {
    ...DALIAN_STANDING_COMMITTEE,
    topics: [
      ...DALIAN_STANDING_COMMITTEE.topics,
      {
        kind: 'cadre',
        title: { zh: '干部任免事项', en: 'appointments and dismissals' },
        presenter: { name: '王刚', capacity: { zh: '市委常委、组织部部长' } },
        onBehalfOf: null,
        conclusions: [
          { verb: 'noted', text: { zh: '同意任命张伟为市发展改革委主任', en: 'Zhang Wei appointed' } },
        ],
      },
    ],
    decisions: [
      { kind: 'cadre', title: { zh: '任命张伟为市发展改革委主任', en: 'appoint Zhang Wei' }, adopted: true },
    ],
  };

  it('neither the topic, its conclusions nor the decision, in either language', () => {
    const text = generateNews('standing-committee-meeting', record);
    const plain = generateNews('standing-committee-meeting', DALIAN_STANDING_COMMITTEE);
    expect(text).toEqual(plain);
    for (const hidden of ['干部任免', '张伟', '王刚'])
      expect(text.bodyZh + text.titleZh).not.toContain(hidden);
    for (const hidden of ['appoint', 'Zhang Wei']) expect(text.bodyEn + text.titleEn).not.toContain(hidden);
    const plenary = generateNews('plenary-session', {
      ...QUZHOU_ENLARGED_PLENARY,
      decisions: [...QUZHOU_ENLARGED_PLENARY.decisions, ...record.decisions],
    });
    expect(plenary.bodyZh).not.toContain('张伟');
  });
});

describe('[M1][M2] naming and numbering', () => {
  const zh = (record: MeetingRecord, kind: 'plenary-session' | 'standing-committee-meeting') =>
    newsValues(kind, record, 'zh') as { meeting: Record<string, string> };
  const en = (record: MeetingRecord, kind: 'plenary-session' | 'standing-committee-meeting') =>
    newsValues(kind, record, 'en') as { meeting: Record<string, string> };

  it('[M1] a plenary session within its term, 扩大 only when enlarged', () => {
    const plain = { ...QUZHOU_ENLARGED_PLENARY, enlarged: false };
    expect(zh(plain, 'plenary-session').meeting).toMatchObject({
      name: '市委八届二次全体会议',
      fullName: '中国共产党衢州市第八届委员会第二次全体会议',
      pressName: '市委八届二次全会',
      enlarged: '',
    });
    expect(generateNews('plenary-session', plain).titleEn).toBe(
      'The 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee held',
    );
    expect(zh(QUZHOU_ENLARGED_PLENARY, 'plenary-session').meeting.fullName).toBe(
      '中国共产党衢州市第八届委员会第二次全体（扩大）会议',
    );
  });

  it('[M2] a standing committee meeting within the year, or else within the term', () => {
    expect(zh(DALIAN_STANDING_COMMITTEE, 'standing-committee-meeting').meeting.fullName).toBe(
      '市委常委会2021年第3次会议',
    );
    expect(en(DALIAN_STANDING_COMMITTEE, 'standing-committee-meeting').meeting.fullName).toBe(
      'the 3rd meeting in 2021 of the Standing Committee of the municipal Party committee',
    );
    const byTerm = { ...DALIAN_STANDING_COMMITTEE, yearNumber: null };
    expect(zh(byTerm, 'standing-committee-meeting').meeting.fullName).toBe('十二届市委常委会第150次会议');
    expect(en(byTerm, 'standing-committee-meeting').meeting.fullName).toBe(
      'the 150th meeting of the Standing Committee of the 12th CPC Dalian Municipal Committee',
    );
  });

  it('each kind needs its own kind of record', () => {
    expect(failure(() => generateNews('plenary-session', DALIAN_STANDING_COMMITTEE))).toMatchObject({
      code: 'not-a-plenary-meeting',
    });
    expect(failure(() => generateNews('standing-committee-meeting', QUZHOU_ENLARGED_PLENARY))).toMatchObject({
      code: 'not-a-standing-committee-meeting',
      zh: '该稿件只适用于常委会会议',
    });
    expect(() => generateNews('standing-committee-meeting', CONGRESS)).toThrow(NewsError);
    expect(() => generateNews('opening', DALIAN_STANDING_COMMITTEE)).toThrow(NewsError);
    expect(() => generateNews('plenary-decision', QUZHOU_ENLARGED_PLENARY)).toThrow(NewsError);
  });
});

describe('[M6] who presided, the topics and their presenters, conclusions, decisions and speeches', () => {
  const record: MeetingRecord = {
    ...DALIAN_STANDING_COMMITTEE,
    heldAt: { year: 2021, month: 3, day: 5, hour: 15, minute: 0 },
    enlarged: true,
    topics: [
      {
        kind: 'report',
        title: { zh: '市政府关于一季度经济运行情况的汇报' },
        presenter: { name: '陈光', capacity: { zh: '市长' } },
        onBehalfOf: null,
        conclusions: [
          { verb: 'required', text: { zh: '要稳住经济基本盘', en: 'the economy be kept steady' } },
        ],
      },
      {
        kind: 'decision',
        title: { zh: '关于加强基层治理的实施意见', en: 'the implementing opinions on grassroots governance' },
        presenter: null,
        onBehalfOf: null,
        conclusions: [],
      },
    ],
    conclusions: [{ verb: 'called', text: { zh: '全市党员干部真抓实干' } }],
    speeches: [
      {
        speaker: TAN,
        subject: { zh: '做好下一步工作', en: 'the work ahead' },
        closing: true,
      },
    ],
    decisions: [
      {
        kind: 'decision',
        title: { zh: '关于加强基层治理的实施意见', en: 'the implementing opinions on grassroots governance' },
        adopted: true,
        votes: { for: 12, against: 0, abstain: 0 },
      },
      { kind: 'decision', title: { zh: '关于另一事项的决定' }, adopted: false },
    ],
    attendingLeaders: [
      { name: '张伟', capacity: { zh: '市人大常委会主任' } },
      { name: '李强', capacity: { zh: '市政协主席' } },
    ],
    attendeeGroups: [
      { kind: 'non-voting', category: { zh: '市人大常委会、市政府、市政协有关负责同志' } },
      { kind: 'invited', category: { zh: '市级老领导', en: 'former city leaders' } },
    ],
  };
  const text = generateNews('standing-committee-meeting', record);

  it('in Chinese: topics in order with their verbs, topic conclusions before the meeting’s', () => {
    expect(text.titleZh).toBe(
      '谭作钧主持召开市委常委会扩大会议 听取市政府关于一季度经济运行情况的汇报 审议关于加强基层治理的实施意见',
    );
    expect(text.bodyZh.split('\n\n')).toEqual([
      '3月5日下午，市委常委会召开扩大会议，听取市政府关于一季度经济运行情况的汇报，审议关于加强基层治理的实施意见。省委常委、市委书记谭作钧主持会议。',
      '会议要求，要稳住经济基本盘。',
      '会议号召，全市党员干部真抓实干。',
      '会议结束时，谭作钧就做好下一步工作作了讲话。',
      '市人大常委会主任张伟，市政协主席李强出席会议。市人大常委会、市政府、市政协有关负责同志列席会议。市级老领导应邀参加。',
    ]);
  });

  it('in English: translated capacities, and the Chinese kept where the record has no English', () => {
    expect(text.bodyEn).toContain(
      'On the afternoon of 5 March, the Standing Committee of the municipal Party committee held an enlarged meeting to hear 市政府关于一季度经济运行情况的汇报, and to review the implementing opinions on grassroots governance.',
    );
    expect(text.bodyEn).toContain('The meeting required that the economy be kept steady.');
    expect(text.bodyEn).toContain('The meeting called on 全市党员干部真抓实干.');
    expect(text.bodyEn).toContain(
      'At the end of the meeting, Tan Zuojun delivered a speech on the work ahead.',
    );
    expect(text.bodyEn).toContain(
      "The meeting was also attended by Zhang Wei, chairman of the Standing Committee of the municipal people's congress; and Li Qiang, chairman of the municipal committee of the Chinese People's Political Consultative Conference.",
    );
    expect(text.bodyEn).toContain('Former city leaders attended by invitation.');
    expect(untranslatedSpans(text.bodyEn).map((s) => s.text)).toEqual([
      '市政府关于一季度经济运行情况的汇报',
      '全市党员干部真抓实干',
      '市人大常委会、市政府、市政协有关负责同志',
    ]);
  });
});

describe('capacities in English', () => {
  it('the usual titles, alone or together', () => {
    expect(capacityEn('省委常委、市委书记')).toEqual({
      one: 'member of the Standing Committee of the provincial Party committee and secretary of the municipal Party committee',
      many: null,
    });
    expect(capacityEn('市委副书记')).toEqual({
      one: 'deputy secretary of the municipal Party committee',
      many: 'deputy secretaries of the municipal Party committee',
    });
    expect(capacityEn('自治区党委书记')?.one).toBe('secretary of the autonomous regional Party committee');
    expect(capacityEn('市纪委书记')?.one).toBe(
      'secretary of the municipal commission for discipline inspection',
    );
    expect(capacityEn('市长')?.many).toBe('mayors');
    expect(capacityEn('市委常委、副市长')?.one).toBe(
      'member of the Standing Committee of the municipal Party committee and vice mayor',
    );
  });

  it('anything else is left to the secretariat', () => {
    expect(capacityEn('一级巡视员')).toBeNull();
    expect(capacityEn('市委书记、一级巡视员')).toBeNull();
    expect(capacityEn('')).toBeNull();
    expect(pluralCapacityEn('deputy secretary of the municipal Party committee')).toBe(
      'deputy secretaries of the municipal Party committee',
    );
    expect(pluralCapacityEn('vice chairman of X')).toBe('vice chairmen of X');
    expect(pluralCapacityEn('director')).toBe('directors');
    expect(pluralCapacityEn('mayor and secretary of X')).toBeNull();
  });

  it('people of one capacity are named together, in both languages', () => {
    const values = (lang: 'zh' | 'en') =>
      (newsValues('plenary-session', QUZHOU_ENLARGED_PLENARY, lang) as { leaders: string }).leaders;
    expect(values('zh')).toBe('市委副书记徐张艳、徐良平');
    expect(values('en')).toBe(
      'Xu Zhangyan and Xu Liangping, deputy secretaries of the municipal Party committee',
    );
  });
});

describe('the placeholder catalogue the editor shows', () => {
  const paths = (kind: Parameters<typeof placeholderCatalogue>[0]) =>
    placeholderCatalogue(kind).map((p) => p.path);

  it('lists the meetings’ placeholders for both new kinds', () => {
    for (const kind of ['standing-committee-meeting', 'plenary-session'] as const) {
      expect(paths(kind)).toEqual(
        expect.arrayContaining([
          'meeting.name',
          'meeting.fullName',
          'meeting.date',
          'meeting.business',
          'meeting.preamble',
          'meeting.purpose',
          'attendance.membersPresent',
          'attendance.alternatesPresent',
          'presider.name',
          'presider.capacity',
          'topics.agenda',
          'topics.heard',
          'conclusions',
          'decisions',
          'speeches.speakers',
          'speeches.closing',
          'leaders',
          'attendees.nonVoting',
          'attendees.invited',
        ]),
      );
    }
    for (const info of placeholderCatalogue('plenary-session')) {
      expect(info.zh, info.path).not.toBe('');
      expect(info.en, info.path).not.toBe('');
    }
  });

  it('lists the congress reports’ new placeholders', () => {
    expect(paths('opening')).toEqual(
      expect.arrayContaining([
        'congress.mainTasks',
        'congress.dateRange',
        'guidance',
        'attendees.nonVoting',
        'attendees.invited',
      ]),
    );
    expect(paths('closing')).toEqual(expect.arrayContaining(['congress.dateRange', 'closing.speeches']));
  });
});
