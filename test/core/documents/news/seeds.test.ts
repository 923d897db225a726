// Seed replay: each seed's meeting recorded (seed-records.ts), its news generated, and every fact
// the seed states looked for in the text. The seeds' own sentences are quoted as they are in
// /work/shared/seeds; the scraped copies have half-width punctuation (, : ( )) and spaces around
// digits (应到代表 417 名) where the press prints full-width and none, so `asPrinted` puts those back.
import { describe, expect, it } from 'vitest';
import { generateNews, untranslatedSpans } from '../../../../src/core/documents/news/index.ts';
import {
  DALIAN_CONCLUSIONS,
  DALIAN_CONGRESS,
  DALIAN_STANDING_COMMITTEE,
  HU_YUTING_SPEECH,
  PANJIN_CONGRESS,
  QUZHOU_CONCLUSIONS,
  QUZHOU_DECISION_EN,
  QUZHOU_ENLARGED_PLENARY,
  TONGLIAO_OPENING_CONGRESS,
  XI_SPEECH_EN,
} from './seed-records.ts';

/** A scraped Chinese sentence as the press prints it: full-width punctuation, no spaces at digits. */
function asPrinted(text: string): string {
  return text
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\p{Script=Han})\s+(\d)/gu, '$1$2')
    .replace(/(\d)\s+(\p{Script=Han})/gu, '$1$2');
}

function expectEveryFact(text: string, facts: readonly string[], lang: 'zh' | 'en' = 'zh'): void {
  for (const fact of facts) expect(text, fact).toContain(lang === 'zh' ? asPrinted(fact) : fact);
}

describe('seed 004: the Quzhou enlarged plenary (plenary-session) [M1][M6]', () => {
  const text = generateNews('plenary-session', QUZHOU_ENLARGED_PLENARY);

  it('[M1] the headline names the enlarged session as the press does', () => {
    expect(text.titleZh).toBe(asPrinted('市委八届二次全体(扩大)会议举行'));
  });

  it('[M1][M6] every paragraph of the seed is in the Chinese text, in the seed’s order', () => {
    // The seed, paragraph by paragraph (its deck line first), as scraped.
    const seed = [
      '听取和讨论高屹受市委常委会委托作的工作报告和关于学习贯彻省第十五次党代会精神的报告,审议通过《中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当“两个先行”示范窗口的决定》',
      '出席这次全会的市委委员48名,候补委员7名。',
      '市委常委会主持会议。市委书记高屹讲话,市委副书记徐张艳、徐良平出席。',
      '全会高举习近平新时代中国特色社会主义思想伟大旗帜,深入学习贯彻省第十五次党代会精神,全面落实市第八次党代会部署要求,听取和讨论高屹受市委常委会委托作的工作报告和关于学习贯彻省第十五次党代会精神的报告,审议通过《中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当“两个先行”示范窗口的决定》,进一步动员全市上下笃行“两个维护”、扛起衢州担当,在建设四省边际中心城市中争当“两个先行”示范窗口。全会结束时,高屹就贯彻落实省党代会和市委全会精神作了讲话。',
      `全会指出，${QUZHOU_CONCLUSIONS[0]!.text.zh}。`,
      `全会强调，${QUZHOU_CONCLUSIONS[1]!.text.zh}。`,
      `全会指出，${QUZHOU_CONCLUSIONS[2]!.text.zh}。`,
      `全会强调，${QUZHOU_CONCLUSIONS[3]!.text.zh}。`,
      `全会充分肯定了今年以来市委常委会的工作。全会认为，${QUZHOU_CONCLUSIONS[5]!.text.zh}。`,
      `全会强调，${QUZHOU_CONCLUSIONS[6]!.text.zh}。`,
      `全会号召，${QUZHOU_CONCLUSIONS[7]!.text.zh}。`,
      '不是市委委员的副厅级以上领导干部,市纪委委员,市四套班子秘书长、副秘书长,市级机关各单位主要负责人,市人大常委会、市政协各委室主任,各民主党派、工商联负责人,部分基层党代表参加会议。离岗在职领导、副厅级以上老干部应邀参加。',
    ].map(asPrinted);
    const paragraphs = text.bodyZh.split('\n\n');
    const at = seed.map((paragraph) => paragraphs.indexOf(paragraph));
    expect(
      at.filter((i) => i === -1),
      JSON.stringify(at),
    ).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // What the seed leaves to the dateline: the session and its date, one sentence of ours.
    expect(paragraphs).toContain('中国共产党衢州市第八届委员会第二次全体（扩大）会议于7月20日在衢州市举行。');
  });

  it('in English, with the English fields filled: every fact, and no Chinese left', () => {
    expect(text.titleEn).toBe(
      'The 2nd Enlarged Plenary Session of the 8th CPC Quzhou Municipal Committee held',
    );
    expect(untranslatedSpans(text.titleEn)).toEqual([]);
    expect(untranslatedSpans(text.bodyEn)).toEqual([]);
    expectEveryFact(
      text.bodyEn,
      [
        'The 2nd Enlarged Plenary Session of the 8th CPC Quzhou Municipal Committee was held in Quzhou on 20 July.',
        '48 members of the municipal Party committee and 7 alternate members attended the session.',
        'The Standing Committee of the municipal Party committee presided over the session.',
        'The session was addressed by Gao Yi, secretary of the municipal Party committee.',
        'The session was also attended by Xu Zhangyan and Xu Liangping, deputy secretaries of the municipal Party committee.',
        'heard and discussed the work report and the report on studying and implementing the guiding principles of the 15th Provincial Party Congress delivered by Gao Yi on behalf of the Standing Committee of the municipal Party committee',
        `and adopted ${QUZHOU_DECISION_EN}`,
        'At the end of the session, Gao Yi delivered a speech on implementing the guiding principles of the provincial Party congress and of the plenary session.',
        `The session noted that ${QUZHOU_CONCLUSIONS[0]!.text.en}.`,
        `The session stressed that ${QUZHOU_CONCLUSIONS[1]!.text.en}.`,
        `The session fully affirmed ${QUZHOU_CONCLUSIONS[4]!.text.en}. The session held that ${QUZHOU_CONCLUSIONS[5]!.text.en}.`,
        `The session called on ${QUZHOU_CONCLUSIONS[7]!.text.en}.`,
        'Leading cadres at or above the deputy department level who are not members of the municipal Party committee, members of the municipal commission for discipline inspection,',
        'and some grassroots Party delegates attended the session.',
        'Leaders who have left their posts and retired cadres at or above the deputy department level attended by invitation.',
      ],
      'en',
    );
    // The deck line opens the text, as in the Chinese.
    expect(text.bodyEn.split('\n\n')[0]).toMatch(/^Heard and discussed the work report/u);
  });
});

describe('seed 003: the Dalian standing committee meeting (standing-committee-meeting) [M2][M6]', () => {
  const text = generateNews('standing-committee-meeting', DALIAN_STANDING_COMMITTEE);

  /**
   * The seed's English, compared in lower case (the seed capitalises "Municipal Party Committee",
   * we write "the municipal Party committee"); dates are written 2 February, not February 2.
   */
  const inSeedCase = (s: string) => s.toLowerCase().replace('february 2', '2 february');

  it('in English, every sentence of the seed', () => {
    const seed = [
      'On February 2, the Standing Committee of the Municipal Party Committee held a meeting to convey and study the important speech delivered by General Secretary Xi Jinping at the opening ceremony of the seminar for leading cadres at the provincial and ministerial levels to study and implement the spirit of the Fifth Plenary Session of the 19th CPC Central Committee, and to study and deploy the implementation work in our city.',
      // The seed drops "Committee," after "Municipal Party".
      'Tan Zuojun, member of the Standing Committee of the Provincial Party Committee and secretary of the Municipal Party',
      'presided over the meeting.',
      // The seed has a stray comma after "It was noted that".
      `It was noted that ${DALIAN_CONCLUSIONS[0]!.text.en}`,
      `The meeting stressed that ${DALIAN_CONCLUSIONS[1]!.text.en}`,
      `The meeting stressed that ${DALIAN_CONCLUSIONS[2]!.text.en}`,
    ];
    for (const sentence of seed) expect(inSeedCase(text.bodyEn), sentence).toContain(inSeedCase(sentence));
    expect(text.bodyEn.split('\n\n')).toHaveLength(4);
    expect(untranslatedSpans(text.bodyEn)).toEqual([]);
    // The seed's headline: who presided over what, and the topics.
    expect(text.titleEn).toBe(
      `Tan Zuojun presides over a meeting of the Standing Committee of the municipal Party committee: convey and study ${XI_SPEECH_EN}, study and deploy the implementation work in our city`,
    );
  });

  it('in Chinese, in the manner of the Dalian press', () => {
    expect(text.titleZh).toBe(
      '谭作钧主持召开市委常委会会议 传达学习习近平总书记在省部级主要领导干部学习贯彻党的十九届五中全会精神专题研讨班开班式上的重要讲话精神 研究部署我市贯彻落实工作',
    );
    expect(text.bodyZh.split('\n\n')).toEqual([
      '2月2日，市委常委会召开会议，传达学习习近平总书记在省部级主要领导干部学习贯彻党的十九届五中全会精神专题研讨班开班式上的重要讲话精神，研究部署我市贯彻落实工作。省委常委、市委书记谭作钧主持会议。',
      `会议指出，${DALIAN_CONCLUSIONS[0]!.text.zh}。`,
      `会议强调，${DALIAN_CONCLUSIONS[1]!.text.zh}。`,
      `会议强调，${DALIAN_CONCLUSIONS[2]!.text.zh}。`,
    ]);
  });
});

describe('seed 000: the Dalian congress closes', () => {
  const text = generateNews('closing', DALIAN_CONGRESS);

  it('the days it sat, what it adopted, the first plenary and the new secretary’s speech', () => {
    expect(text.titleZh).toBe('中国共产党大连市第十三次代表大会胜利闭幕');
    expectEveryFact(text.bodyZh, [
      '11月4日至6日,中国共产党大连市第十三次代表大会召开。',
      '审议通过了十二届市委报告',
      // 会议选举产生了十三届大连市委常委和书记、副书记 (the first plenary's election), in our words:
      '市委十三届一次全会选举产生了新一届市委常委、书记和副书记',
      '通过了市纪委十三届一次全会选举结果',
      `新当选的大连市委书记胡玉亭发表讲话,${HU_YUTING_SPEECH}。`,
    ]);
    expect(text.bodyZh.startsWith(asPrinted('11月4日至6日,中国共产党大连市第十三次代表大会召开。'))).toBe(
      true,
    );
    expect(text.bodyEn).toContain(
      'The 13th CPC Dalian Municipal Congress was held in Dalian on 4–6 November.',
    );
    expect(text.bodyEn).toContain(
      'Hu Yuting, newly elected secretary of the CPC Dalian Municipal Committee, delivered a speech, setting out requirements in six respects for the new committee to strengthen itself.',
    );
  });
});

describe('seed 001: the Panjin congress, the closing facts its commentary states', () => {
  const text = generateNews('closing', PANJIN_CONGRESS);

  it('[T7] the congress, the reports adopted and the bodies elected', () => {
    expect(text.titleZh).toContain('中国共产党盘锦市第八次代表大会');
    expectEveryFact(text.bodyZh, [
      '中国共产党盘锦市第八次代表大会',
      '大会审议通过了七届市委报告和市纪委工作报告',
      // 选举产生了中国共产党盘锦市第八届委员会和纪律检查委员会: we name their members.
      '选举产生了中国共产党盘锦市第八届委员会',
      '中国共产党盘锦市第八届纪律检查委员会',
    ]);
    expect(text.bodyEn).toContain(
      'The congress adopted the report of the 7th municipal Party committee and the work report of the municipal commission for discipline inspection.',
    );
  });
});

describe('seed 002: the Tongliao congress opens', () => {
  const text = generateNews('opening', TONGLIAO_OPENING_CONGRESS);

  it('[T7] date, theme and main tasks, chairs, guidance groups, attendance, reports, 列席 and 来宾', () => {
    expect(text.titleZh).toBe('中国共产党通辽市第六次代表大会隆重开幕');
    expectEveryFact(text.bodyZh, [
      '9月27日上午,中国共产党通辽市第六次代表大会在市行政中心大礼堂隆重开幕。',
      `大会的主题是,${TONGLIAO_OPENING_CONGRESS.theme}。大会的主要任务是,${TONGLIAO_OPENING_CONGRESS.mainTasks!.zh}。`,
      '大会执行主席孟宪东、郭玉峰、方玉东、饶崇书、张鸿福、马慧吉、王玲、莫日根巴图、亢永强、焦刚伟、赵航在主席台前排就座。',
      '自治区党委组织部第四现场指导督导组组长、自治区党委组织部副部长张秦同志,指导督导组成员尹存良同志、铁木尔同志到会指导。自治区换届第四督查指导组组长、自治区总工会副主席、一级巡视员苏日娜同志,成员郭宝柱同志、梁锐同志督查指导大会。',
      '大会由郭玉峰同志主持。',
      '上午9时整,郭玉峰宣布中国共产党通辽市第六次代表大会开幕,全体起立,奏唱国歌。本次大会应到代表 417 名,因事因病请假 4 人,实到代表413名,符合法定人数。',
      '孟宪东同志代表中国共产党通辽市第五届委员会向大会作了题为《聚焦绿色转型 聚力高质量发展 为加快建设现代化区域中心城市而奋斗》的报告。报告共分四个部分:一、五年来的工作回顾;二、今后五年的指导思想和奋斗目标;三、今后五年的重点任务;四、全面加强党的建设。',
      '会上,亢永强同志代表中国共产党通辽市纪律检查委员会向中国共产党通辽市第六次代表大会作了题为《以永远在路上的政治自觉正风肃纪反腐 不断开创党风廉政建设和反腐败斗争新局面》的报告。',
      '大会还以书面形式作了关于党费收缴、使用和管理情况的报告。',
      '大会邀请了不是中国共产党通辽市第六次代表大会代表的中国共产党通辽市第五届委员会委员、候补委员和纪律检查委员会委员,党内部分老同志,市直部门单位、驻市中区直单位和国有企业的部分党员负责同志,以及其他需要列席的同志。同时,会议还邀请部分党外人士作为来宾参加大会开幕会。',
    ]);
  });

  it('the English keeps what the record did not translate, and the editor can find it', () => {
    const spans = untranslatedSpans(text.bodyEn).map((span) => span.text);
    expect(spans).toContain(TONGLIAO_OPENING_CONGRESS.mainTasks!.zh);
    expect(spans).toContain('其他需要列席的同志');
    // What the record translated is English: the guests, the second group's action.
    expect(text.bodyEn).toContain(
      'It also invited some non-Party personages to attend the opening sitting as guests.',
    );
    expect(text.bodyEn).toContain('supervised and guided the congress.');
  });
});
