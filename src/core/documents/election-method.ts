import type { Office } from '../rules/index.ts';
import { toChineseNumeral } from '../text/chinese-numerals.ts';

// A draft of the election method (选举办法（草案）) for the secretariat to start from, in the words
// of the regulations (地方条例): what the meeting elects and how, from its elections. A congress's
// method fixes its competitive elections and their surplus [C1][C2], the ballot order [C3], the
// quorum and the threshold [Q1][T1][T3], ballot validity [B2][B3], the alternates' order [T6] and
// the scrutineers [P1][P2]; a committee's plenary session elects its standing committee
// (competitive) and its secretary and deputies (equal) [P5], with its own quorum [Q2]. The
// secretariat edits the draft before the vote that adopts it [P4]. No rule ids on paper.

export interface MethodTemplateElection {
  readonly office: Office;
  /** As the lists print it: 中国共产党示范市第十三届委员会常务委员会委员. */
  readonly title: string;
  readonly seats: number;
  /** [C2] The least surplus, in per cent of the seats (competitive elections). */
  readonly minSurplusPercent: number;
}

export interface MethodTemplateInput {
  /** A congress (代表大会) or a committee's plenary session (全体会议). */
  readonly kind: 'congress' | 'plenary';
  /** 中国共产党示范市第十三次代表大会 / 中国共产党示范市第十三届委员会第一次全体会议. */
  readonly meetingTitle: string;
  /** The meeting's elections, in the order they are held. */
  readonly elections: readonly MethodTemplateElection[];
}

export interface MethodTemplate {
  readonly title: string;
  readonly body: string;
}

const EQUAL: ReadonlySet<Office> = new Set(['secretary', 'deputy-secretary']);

/** The longest start the titles share (中国共产党示范市第十三届委员会), where more than one. */
function sharedStart(titles: readonly string[]): string {
  if (titles.length < 2) return '';
  let shared = titles[0]!;
  for (const title of titles.slice(1)) {
    let n = 0;
    while (n < shared.length && n < title.length && shared[n] === title[n]) n++;
    shared = shared.slice(0, n);
  }
  // Cut at the body's name, never inside a word: …委员会 | 常务委员会委员.
  const cut = shared.lastIndexOf('委员会');
  return cut < 0 ? '' : shared.slice(0, cut + '委员会'.length);
}

/** 百分之十, 百分之二十. */
function percent(n: number): string {
  return `百分之${toChineseNumeral(n)}`;
}

/** 第一条, 第十二条. */
function articles(paragraphs: readonly string[]): string {
  return paragraphs.map((text, i) => `第${toChineseNumeral(i + 1)}条 ${text}`).join('\n');
}

/** The draft method of a meeting: its title and its articles, one per line. */
export function electionMethodTemplate(input: MethodTemplateInput): MethodTemplate {
  const title = `${input.meetingTitle}选举办法（草案）`;
  return {
    title,
    body: input.kind === 'plenary' ? plenaryMethod(input) : congressMethod(input),
  };
}

function plenaryMethod(input: MethodTemplateInput): string {
  const committee = sharedStart(input.elections.map((e) => e.title));
  const short = (e: MethodTemplateElection) => e.title.slice(committee.length) || e.title;
  const elects = input.elections
    .filter((e) => e.seats > 0)
    .map((e) => `${short(e)}${e.seats}名`)
    .join('、');
  const competitive = input.elections.filter((e) => !EQUAL.has(e.office));
  const equal = input.elections.filter((e) => EQUAL.has(e.office));
  const names = (list: readonly MethodTemplateElection[]) => list.map(short).join('、');
  const first = competitive[0];
  return articles([
    '根据《中国共产党章程》和《中国共产党地方组织选举工作条例》，制定本办法。',
    `全体会议选举产生${committee}${elects}。`,
    [
      '选举采用无记名投票方式。',
      competitive.length ? `${names(competitive)}实行差额选举，候选人数多于应选人数。` : '',
      equal.length ? `${names(equal)}实行等额选举。` : '',
    ].join(''),
    first && equal.length
      ? `先选举${short(first)}，再从当选的${short(first)}中选举${names(equal)}。`
      : '各项选举分别进行。',
    [
      competitive.length ? `选票上的${names(competitive)}候选人名单以姓氏笔画为序排列` : '',
      equal.length
        ? `${competitive.length ? '；' : '选票上的'}${names(equal)}候选人按上级党委批复的顺序排列`
        : '',
      '。',
    ].join(''),
    '选举人对候选人可以投赞成票或者不赞成票，也可以弃权；投不赞成票者可以另选他人。',
    '全体会议进行选举时，有选举权的到会人数超过应到会人数的三分之二，方能进行选举。' +
      '被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选。' +
      '获得赞成票超过半数的被选举人多于应选名额时，以得票多少为序，至取足应选名额为止；' +
      '如遇票数相等不能确定当选人时，应就票数相等的被选举人再次投票，得票多的当选。',
    '每张选票所选的人数等于或者少于应选名额的为有效票，多于应选名额的为无效票。' +
      '收回的选票等于或者少于发出的选票，选举有效；多于发出的选票，选举无效，应重新进行选举。',
    '候补委员列席会议，没有表决权。',
    '全体会议设总监票人一名、监票人若干名，由会议主持人从不是候选人的委员中提名，经全体会议通过。' +
      '计票人由会议主持人指定，在监票人监督下进行工作。',
    `当选的${names(input.elections)}报上级党委批准。`,
    '因故未出席会议的选举人，不能委托他人代为投票。',
    '本办法经全体会议通过后生效。',
  ]);
}

function congressMethod(input: MethodTemplateInput): string {
  const elections = input.elections.filter((e) => e.seats > 0);
  const elects = elections.map((e) => `${e.title}${e.seats}名`).join('，');
  const competitive = elections.filter((e) => !EQUAL.has(e.office) && e.minSurplusPercent > 0);
  // Elections that ask for the same surplus are named together.
  const bySurplus = new Map<number, string[]>();
  for (const e of competitive)
    bySurplus.set(e.minSurplusPercent, [...(bySurplus.get(e.minSurplusPercent) ?? []), e.title]);
  const surplus = [...bySurplus.entries()]
    .map(([n, titles]) => `${titles.join('、')}候选人的差额比例不少于${percent(n)}`)
    .join('，');
  const alternates = elections.some((e) => e.office === 'alternate-member');
  return articles([
    '根据《中国共产党章程》和《中国共产党地方组织选举工作条例》，制定本办法。',
    `大会选举产生${elects}。`,
    `选举采用无记名投票方式，实行差额选举。${surplus ? `${surplus}。` : ''}${
      alternates ? '先选举委员，后选举候补委员。' : ''
    }`,
    '选票上的候选人名单以姓氏笔画为序排列。选举人对候选人可以投赞成票或者不赞成票，也可以弃权；投不赞成票者可以另选他人。',
    '大会进行选举时，有选举权的到会人数超过应到会人数的半数，方能进行选举。被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选。' +
      '获得赞成票超过半数的被选举人多于应选名额时，以得票多少为序，至取足应选名额为止；如遇票数相等不能确定当选人时，应就票数相等的被选举人再次投票，得票多的当选。',
    '每张选票所选的人数等于或者少于应选名额的为有效票，多于应选名额的为无效票。收回的选票等于或者少于发出的选票，选举有效；多于发出的选票，选举无效，应重新进行选举。',
    ...(alternates ? ['候补委员按得票多少排列先后顺序，得票相等的按姓氏笔画为序排列。'] : []),
    '大会设总监票人一名、副总监票人一名、监票人若干名，由各代表团从不是候选人的代表中推荐，经大会主席团审议后提请大会通过。' +
      '计票人由大会秘书长指定，在监票人监督下进行工作。',
    '因故未出席会议的选举人，不能委托他人代为投票。',
    '本办法经大会通过后生效。',
  ]);
}
