import { describe, expect, it } from 'vitest';
import { bodyNamesEn, englishOrdinal } from '../../../../src/core/documents/news/english.ts';
import {
  type CongressRecord,
  checkPlaceholders,
  DEFAULT_TEMPLATES,
  generateNews,
  knownPaths,
  NEWS_KINDS,
  NEWS_LANGS,
  NewsError,
  type NewsKind,
  type NewsRecord,
  newsValues,
  parseTemplate,
  personNameEn,
  placeholderCatalogue,
  TemplateError,
  valuePaths,
} from '../../../../src/core/documents/news/index.ts';
import {
  attendanceEn,
  attendanceZh,
  reportParts,
  writtenReportZh,
} from '../../../../src/core/documents/news/phrases.ts';
import { CLOSING, CONGRESS, FIRST_PLENARY, OPENING, QUZHOU_PLENARY } from './fixtures.ts';
import { DALIAN_STANDING_COMMITTEE, QUZHOU_ENLARGED_PLENARY } from './seed-records.ts';

const body = (...paragraphs: string[]) => paragraphs.join('\n\n');

describe('[T6][T7] the opening report', () => {
  const text = generateNews('opening', CONGRESS);

  it('in Chinese, as the Tongliao report reads', () => {
    expect(text.titleZh).toBe('中国共产党通辽市第六次代表大会隆重开幕');
    expect(text.bodyZh).toBe(
      body(
        '9月27日上午，中国共产党通辽市第六次代表大会在市行政中心大礼堂隆重开幕。',
        '大会的主题是，聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗。',
        '大会执行主席孟宪东、郭玉峰、方玉东、饶崇书、张鸿福、马慧吉、王玲、莫日根巴图、亢永强、焦刚伟、赵航在主席台前排就座。',
        '大会由郭玉峰同志主持。上午9时整，郭玉峰宣布中国共产党通辽市第六次代表大会开幕，全体起立，奏唱国歌。本次大会应到代表417名，因事因病请假4人，实到代表413名，符合法定人数。',
        '孟宪东同志代表中国共产党通辽市第五届委员会向大会作了题为《聚焦绿色转型 聚力高质量发展 为加快建设现代化区域中心城市而奋斗》的报告。报告共分四个部分：一、五年来的工作回顾；二、今后五年的指导思想和奋斗目标；三、今后五年的重点任务；四、全面加强党的建设。',
        '会上，亢永强同志代表中国共产党通辽市纪律检查委员会向中国共产党通辽市第六次代表大会作了题为《以永远在路上的政治自觉正风肃纪反腐 不断开创党风廉政建设和反腐败斗争新局面》的报告。',
        '大会还以书面形式作了关于党费收缴、使用和管理情况的报告。',
      ),
    );
  });

  it('in English', () => {
    expect(text.titleEn).toBe('The 6th CPC Tongliao Municipal Congress opens');
    expect(text.bodyEn).toBe(
      body(
        'On the morning of 27 September, the 6th CPC Tongliao Municipal Congress opened in Tongliao.',
        // Issue 11: the theme in English too (Chinese until the record has its English).
        'The theme of the congress is: 聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗.',
        'The executive chairs of the congress, Meng Xiandong, Guo Yufeng, Fang Yudong, Rao Chongshu, Zhang Hongfu, Ma Huiji, Wang Ling, Mo Rigenbatu, Kang Yongqiang, Jiao Gangwei and Zhao Hang, took their seats in the front row of the rostrum.',
        'Guo Yufeng presided over the sitting. At 9:00 am, Guo Yufeng declared the congress open, and all present rose to sing the national anthem. 417 delegates were expected, 4 were on leave, 413 attended; the quorum was met.',
        'Meng Xiandong delivered a work report entitled “聚焦绿色转型 聚力高质量发展 为加快建设现代化区域中心城市而奋斗” on behalf of the 5th CPC Tongliao Municipal Committee. The report is in four parts.',
        'Kang Yongqiang delivered a work report entitled “以永远在路上的政治自觉正风肃纪反腐 不断开创党风廉政建设和反腐败斗争新局面” on behalf of the CPC Tongliao Municipal Commission for Discipline Inspection.',
        'The congress also received a written report on the collection, use and management of Party membership dues.',
      ),
    );
  });

  it('leaves out what the record does not have', () => {
    const bare: CongressRecord = {
      ...CONGRESS,
      theme: null,
      sittings: [
        {
          ...OPENING,
          venue: null,
          presiding: null,
          chairs: [],
          agenda: [],
          attendance: {
            ...OPENING.attendance!,
            onLeave: { personal: 0, illness: 0, other: 0 },
            present: 417,
          },
        },
      ],
    };
    const text = generateNews('opening', bare);
    expect(text.bodyZh).toBe(
      body(
        '9月27日上午，中国共产党通辽市第六次代表大会隆重开幕。',
        '本次大会应到代表417名，实到代表417名，符合法定人数。',
      ),
    );
    expect(text.bodyEn).toBe(
      body(
        'On the morning of 27 September, the 6th CPC Tongliao Municipal Congress opened in Tongliao.',
        '417 delegates were expected and 417 attended; the quorum was met.',
      ),
    );
  });

  it('needs an opening sitting', () => {
    const error = (() => {
      try {
        generateNews('opening', { ...CONGRESS, sittings: [CLOSING] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NewsError);
    expect(error).toMatchObject({ code: 'no-opening-sitting', zh: '大会尚未安排开幕大会' });
    expect(() => generateNews('opening', FIRST_PLENARY)).toThrow(NewsError);
  });
});

describe('[T6][T7][P5] the closing report', () => {
  const text = generateNews('closing', CONGRESS);

  it('in Chinese: resolutions, who was elected, the lists in published order with their headings', () => {
    expect(text.titleZh).toBe('中国共产党通辽市第六次代表大会胜利闭幕');
    expect(text.bodyZh).toBe(
      body(
        // Issue 11: the days it sat, as seed 000 writes them, then the closing.
        '9月27日至29日，中国共产党通辽市第六次代表大会在市行政中心大礼堂召开。9月29日下午，大会胜利闭幕。',
        '大会执行主席孟宪东、郭玉峰、方玉东在主席台前排就座。大会由孟宪东同志主持。大会应到代表417名，因病请假2人，实到代表415名，符合法定人数。',
        '大会审议通过了关于中国共产党通辽市第五届委员会报告的决议和关于中国共产党通辽市纪律检查委员会工作报告的决议。',
        '大会以无记名投票方式，选举产生了中国共产党通辽市第六届委员会委员、候补委员，中国共产党通辽市第六届纪律检查委员会委员，以及出席中国共产党内蒙古自治区第十一次代表大会代表。',
        '市委六届一次全会选举产生了新一届市委常委、书记和副书记，通过了市纪委六届一次全会选举结果。孟宪东当选为市委书记，郭玉峰、方玉东当选为市委副书记，亢永强当选为市纪委书记。',
        '中国共产党通辽市第六届委员会委员名单\n（7名，按姓氏笔画为序）\n丁宁　于波　马慧吉　王玲（女）　方玉东　孟宪东　郭玉峰',
        '中国共产党通辽市第六届委员会候补委员名单\n（4名，按得票多少为序，得票相同的按姓氏笔画为序）\n李强　张伟　赵敏　丁一',
        '中国共产党通辽市第六届纪律检查委员会委员名单\n（3名，按姓氏笔画为序）\n王刚　亢永强　焦刚伟',
        '出席中国共产党内蒙古自治区第十一次代表大会代表名单\n（2名，按姓氏笔画为序）\n孟宪东　郭玉峰',
      ),
    );
  });

  it('in English', () => {
    expect(text.titleEn).toBe('The 6th CPC Tongliao Municipal Congress closes');
    expect(text.bodyEn).toBe(
      body(
        'The 6th CPC Tongliao Municipal Congress was held in Tongliao on 27–29 September. It closed on the afternoon of 29 September.',
        'The executive chairs of the congress, Meng Xiandong, Guo Yufeng and Fang Yudong, took their seats in the front row of the rostrum. Meng Xiandong presided over the closing sitting. 417 delegates were expected, 2 were on leave, 415 attended; the quorum was met.',
        'The congress adopted the resolution on the report of the 5th CPC Tongliao Municipal Committee and the resolution on the work report of the CPC Tongliao Municipal Commission for Discipline Inspection.',
        'By secret ballot, the congress elected members and alternate members of the 6th CPC Tongliao Municipal Committee, members of the 6th CPC Tongliao Municipal Commission for Discipline Inspection and delegates to the 11th CPC Inner Mongolia Autonomous Regional Congress.',
        'The 1st Plenary Session of the 6th CPC Tongliao Municipal Committee elected the members of its standing committee, its secretary and its deputy secretaries, and approved the results of the 1st plenary session of the 6th CPC Tongliao Municipal Commission for Discipline Inspection. Meng Xiandong was elected secretary of the municipal Party committee; Guo Yufeng and Fang Yudong were elected deputy secretaries; and Kang Yongqiang was elected secretary of the municipal commission for discipline inspection.',
        'Members of the 6th CPC Tongliao Municipal Committee\n(7, listed in the order of the number of strokes in their surnames)\nDing Ning, Yu Bo, Ma Huiji, Wang Ling, Fang Yudong, Meng Xiandong, Guo Yufeng',
        'Alternate members of the 6th CPC Tongliao Municipal Committee\n(4, listed by the number of votes received; those with equal votes in surname-stroke order)\nLi Qiang, Zhang Wei, Zhao Min, Ding Yi',
        'Members of the 6th CPC Tongliao Municipal Commission for Discipline Inspection\n(3, listed in the order of the number of strokes in their surnames)\nWang Gang, Kang Yongqiang, Jiao Gangwei',
        'Delegates to the 11th CPC Inner Mongolia Autonomous Regional Congress\n(2, listed in the order of the number of strokes in their surnames)\nMeng Xiandong, Guo Yufeng',
      ),
    );
  });

  it('without elections or a first plenary, says only what happened', () => {
    const text = generateNews('closing', {
      ...CONGRESS,
      elections: [],
      firstPlenary: null,
      sittings: [{ ...CLOSING, agenda: [] }],
    });
    expect(text.bodyZh).toBe(
      body(
        '9月27日至29日，中国共产党通辽市第六次代表大会在市行政中心大礼堂召开。9月29日下午，大会胜利闭幕。',
        '大会执行主席孟宪东、郭玉峰、方玉东在主席台前排就座。大会由孟宪东同志主持。大会应到代表417名，因病请假2人，实到代表415名，符合法定人数。',
      ),
    );
    // A congress of one day: the closing alone, as before.
    const oneDay = generateNews('closing', {
      ...CONGRESS,
      startsOn: CONGRESS.endsOn,
      elections: [],
      firstPlenary: null,
      sittings: [{ ...CLOSING, agenda: [] }],
    });
    expect(oneDay.bodyZh.split('\n\n')[0]).toBe(
      '9月29日下午，中国共产党通辽市第六次代表大会在市行政中心大礼堂胜利闭幕。',
    );
    expect(oneDay.bodyEn.split('\n\n')[0]).toBe(
      'On the afternoon of 29 September, the 6th CPC Tongliao Municipal Congress closed in Tongliao.',
    );
  });

  it('[T5] a combined ballot’s alternates join the alternates’ list', () => {
    const combined: CongressRecord = {
      ...CONGRESS,
      elections: [
        {
          office: 'committee-member',
          title: '委员',
          rounds: [
            {
              elected: [
                { name: '于波', votes: 9 },
                { name: '丁宁', votes: 8 },
              ],
              electedAlternates: [
                { name: '赵敏', votes: 6 },
                { name: '李强', votes: 7 },
              ],
            },
          ],
          approvedOrder: [],
        },
      ],
    };
    expect(generateNews('closing', combined).bodyZh).toContain(
      '（2名，按得票多少为序，得票相同的按姓氏笔画为序）\n李强　赵敏',
    );
  });
});

describe('[P5][T7] the first plenary communiqué', () => {
  const text = generateNews('first-plenary', FIRST_PLENARY);

  it('in Chinese: the standing committee, secretary and deputies in the approved order, and the commission’s result', () => {
    expect(text.titleZh).toBe('中国共产党通辽市第六届委员会第一次全体会议公报');
    expect(text.bodyZh).toBe(
      body(
        '中国共产党通辽市第六届委员会第一次全体会议于2021年9月29日在通辽市举行。',
        '全会应到委员7名，实到委员7名，符合法定人数。候补委员3名列席会议。全会由大会主席团委托孟宪东同志主持。',
        '全会以无记名投票方式，选举孟宪东、郭玉峰、方玉东为中国共产党通辽市第六届委员会常务委员会委员，选举孟宪东为书记，郭玉峰、方玉东为副书记。',
        '全会审议通过了市纪委六届一次全会选举结果：亢永强、焦刚伟为中国共产党通辽市第六届纪律检查委员会常务委员会委员，亢永强为书记，焦刚伟为副书记。',
      ),
    );
  });

  it('in English', () => {
    expect(text.titleEn).toBe(
      'Communiqué of the 1st Plenary Session of the 6th CPC Tongliao Municipal Committee',
    );
    expect(text.bodyEn).toBe(
      body(
        'The 1st Plenary Session of the 6th CPC Tongliao Municipal Committee was held in Tongliao on 29 September 2021.',
        '7 members were expected and 7 attended; the quorum was met. 3 alternate members attended without a vote. Entrusted by the presidium of the congress, Meng Xiandong presided over the session.',
        'By secret ballot, the session elected Meng Xiandong, Guo Yufeng and Fang Yudong members of the Standing Committee of the 6th CPC Tongliao Municipal Committee; Meng Xiandong secretary; and Guo Yufeng and Fang Yudong deputy secretaries.',
        'The session approved the results of the 1st plenary session of the 6th CPC Tongliao Municipal Commission for Discipline Inspection, which elected Kang Yongqiang and Jiao Gangwei members of the Standing Committee of the commission; Kang Yongqiang secretary; and Jiao Gangwei deputy secretary.',
      ),
    );
  });

  it('only for the first plenary of a term', () => {
    expect(() => generateNews('first-plenary', QUZHOU_PLENARY)).toThrow(NewsError);
    expect(() => generateNews('first-plenary', CONGRESS)).toThrow(NewsError);
  });
});

describe('the decision of a later plenary', () => {
  const text = generateNews('plenary-decision', QUZHOU_PLENARY);

  it('in Chinese, as the Quzhou report reads', () => {
    expect(text.titleZh).toBe('市委八届二次全体会议举行');
    expect(text.bodyZh).toBe(
      body(
        '7月20日，中国共产党衢州市第八届委员会第二次全体会议在衢州市举行。',
        '出席这次全会的市委委员48名，候补委员7名。市委常委会主持会议。',
        '全会听取和讨论了高屹作的工作报告和关于学习贯彻省第十五次党代会精神的报告。全会审议通过了《中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当“两个先行”示范窗口的决定》。',
      ),
    );
  });

  it('in English', () => {
    expect(text.titleEn).toBe('The 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee held');
    expect(text.bodyEn).toBe(
      body(
        'The 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee was held in Quzhou on 20 July.',
        '48 members of the municipal Party committee and 7 alternate members attended the session. The Standing Committee of the municipal Party committee presided.',
        'The session heard and discussed the work report and the report “关于学习贯彻省第十五次党代会精神的报告” delivered by Gao Yi. It adopted “中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当‘两个先行’示范窗口的决定”.',
      ),
    );
  });
});

describe('templates are data', () => {
  it('an edited template is used as given', () => {
    const text = generateNews('opening', CONGRESS, {
      zh: { title: '{{congress.shortName}}开幕', body: '{{opening.attendance}}。' },
      en: { title: '{{congress.shortName}} opens', body: '{{opening.attendance}}.' },
    });
    expect(text).toEqual({
      titleZh: '市第六次党代会开幕',
      bodyZh: '应到代表417名，因事因病请假4人，实到代表413名，符合法定人数。',
      titleEn: 'The 6th municipal Party congress opens',
      bodyEn: '417 delegates were expected, 4 were on leave, 413 attended; the quorum was met.',
    });
  });

  it('a template naming a placeholder its kind lacks fails clearly', () => {
    expect(() =>
      generateNews('plenary-decision', QUZHOU_PLENARY, {
        zh: { title: '{{congress.fullName}}', body: 'x' },
        en: DEFAULT_TEMPLATES['plenary-decision'].en,
      }),
    ).toThrow(TemplateError);
  });

  const records: Record<NewsKind, NewsRecord> = {
    opening: CONGRESS,
    closing: CONGRESS,
    'first-plenary': FIRST_PLENARY,
    'plenary-decision': QUZHOU_PLENARY,
    'standing-committee-meeting': DALIAN_STANDING_COMMITTEE,
    'plenary-session': QUZHOU_ENLARGED_PLENARY,
  };

  it('the catalogue lists exactly the placeholders each kind has, in both languages', () => {
    for (const kind of NEWS_KINDS) {
      const catalogue = placeholderCatalogue(kind)
        .map((p) => p.path)
        .sort();
      for (const lang of NEWS_LANGS) {
        const values = newsValues(kind, records[kind], lang);
        const leaves = valuePaths(values).filter(
          (path) => !valuePaths(values).some((other) => other.startsWith(`${path}.`)),
        );
        expect(leaves.sort(), `${kind} ${lang}`).toEqual(catalogue);
      }
    }
  });

  it('every default template names only known placeholders', () => {
    for (const kind of NEWS_KINDS) {
      for (const lang of NEWS_LANGS) {
        const template = DEFAULT_TEMPLATES[kind][lang];
        expect(() => checkPlaceholders(parseTemplate(template.title), knownPaths(kind))).not.toThrow();
        expect(() => checkPlaceholders(parseTemplate(template.body), knownPaths(kind))).not.toThrow();
      }
    }
  });
});

describe('phrases', () => {
  const att = { expected: 417, present: 413, quorumMet: true, nonVoting: { expected: 0, present: 0 } };

  it('leave by reason as the press counts it', () => {
    expect(attendanceZh({ ...att, onLeave: { personal: 3, illness: 1, other: 0 } }, '代表')).toBe(
      '应到代表417名，因事因病请假4人，实到代表413名，符合法定人数',
    );
    expect(attendanceZh({ ...att, onLeave: { personal: 0, illness: 4, other: 0 } }, '代表')).toContain(
      '因病请假4人',
    );
    expect(attendanceZh({ ...att, onLeave: { personal: 2, illness: 1, other: 1 } }, '代表')).toContain(
      '因事因病等请假4人',
    );
    expect(attendanceZh({ ...att, onLeave: { personal: 0, illness: 0, other: 4 } }, '代表')).toContain(
      '，请假4人，',
    );
    expect(
      attendanceZh(
        { ...att, present: 200, quorumMet: false, onLeave: { personal: 0, illness: 0, other: 0 } },
        '委员',
      ),
    ).toBe('应到委员417名，实到委员200名，不足法定人数');
    expect(attendanceEn({ ...att, onLeave: { personal: 0, illness: 1, other: 0 } }, 'member')).toBe(
      '417 members were expected, 1 was on leave, 413 attended; the quorum was met',
    );
    expect(
      attendanceZh(
        { ...att, expected: 12_345, present: 12_000, onLeave: { personal: 0, illness: 0, other: 0 } },
        '代表',
      ),
    ).toBe('应到代表12,345名，实到代表12,000名，符合法定人数');
  });

  it('the parts of a report, from its announcement or its headings', () => {
    expect(reportParts('报告共分三个部分：一、回顾；二、目标；三、任务。')).toEqual(['回顾', '目标', '任务']);
    expect(reportParts('前言\n一、回顾\n正文\n二、目标\n四、跳号')).toEqual(['回顾', '目标']);
    expect(reportParts(null)).toEqual([]);
  });

  it('written reports', () => {
    expect(writtenReportZh('关于党费收缴、使用和管理情况的书面报告')).toBe(
      '关于党费收缴、使用和管理情况的报告',
    );
    expect(writtenReportZh('党费收缴、使用和管理情况')).toBe('关于党费收缴、使用和管理情况的报告');
  });

  it('English names of people, places and bodies', () => {
    expect(personNameEn('孟宪东')).toBe('Meng Xiandong');
    expect(personNameEn('欧阳修')).toBe('Ouyang Xiu');
    expect(personNameEn('王　宁（女）')).toBe('Wang Ning');
    expect(personNameEn('吕西安')).toBe("Lyu Xi'an");
    expect(personNameEn('John Smith')).toBe('John Smith');
    expect(bodyNamesEn({ locality: '内蒙古自治区' }).congress(11)).toBe(
      'the 11th CPC Inner Mongolia Autonomous Regional Congress',
    );
    expect(bodyNamesEn({ locality: '浙江省' }).committee(15)).toBe(
      'the 15th CPC Zhejiang Provincial Committee',
    );
    expect(bodyNamesEn({ locality: '衢州市' }).plenary(8, 2)).toBe(
      'the 2nd Plenary Session of the 8th CPC Quzhou Municipal Committee',
    );
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(englishOrdinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});
