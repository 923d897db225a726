import {
  type Fraction,
  HALF,
  type Office,
  parseFraction,
  type RoundKind,
  type ThresholdVerdict,
  usesApprovedOrder,
} from '../rules/index.ts';
import { toChineseNumeral } from '../text/chinese-numerals.ts';
import { formatNumber } from '../text/press-numbers.ts';

// The words printed documents use for rounds, ballots and thresholds.

export const ROUND_KIND_ZH: Readonly<Record<RoundKind, string>> = {
  preliminary: '预选',
  formal: '正式选举',
  runoff: '再次投票',
  supplementary: '另行选举',
};

/** 第二轮再次投票: the round in a title or a file name. */
export function roundShortLabel(seq: number, kind: RoundKind): string {
  return `第${toChineseNumeral(seq)}轮${ROUND_KIND_ZH[kind]}`;
}

/** 第一轮投票（正式选举）, 第二轮投票（再次投票）. */
export function roundLabel(seq: number, kind: RoundKind): string {
  return `第${toChineseNumeral(seq)}轮投票（${ROUND_KIND_ZH[kind]}）`;
}

/**
 * Ballot types in one sitting are told apart by the colour of the header band and its label, so
 * that tellers never put a ballot in the wrong box: 委员 red, 候补委员 blue, 纪委委员 green,
 * 代表 brown; the plenary's ballots in colours of their own.
 */
export const BALLOT_TYPES: Readonly<Record<Office, { readonly label: string; readonly colour: string }>> = {
  'committee-member': { label: '委员', colour: '#C8102E' },
  'alternate-member': { label: '候补委员', colour: '#1F4E9E' },
  'discipline-member': { label: '纪委委员', colour: '#2E7D32' },
  delegate: { label: '代表', colour: '#7B4A12' },
  'standing-committee': { label: '常委', colour: '#6A1B9A' },
  secretary: { label: '书记', colour: '#B34700' },
  'deputy-secretary': { label: '副书记', colour: '#00695C' },
  other: { label: '选举', colour: '#455A64' },
};

/** 1/2 → 半数, 2/3 → 三分之二: the fraction as the regulations write it. */
export function fractionZh(fraction: Fraction): string {
  if (fraction.numerator * 2 === fraction.denominator) return '半数';
  return `${toChineseNumeral(fraction.denominator)}分之${toChineseNumeral(fraction.numerator)}`;
}

/**
 * The threshold and the rule that set it, with the numbers:
 * 超过应到会有选举权人数417人的半数，即至少209票 [T1]. A run-off [T3] is decided by more votes.
 */
export function thresholdSentence(threshold: ThresholdVerdict, fraction: Fraction): string {
  if (threshold.rule === 'T3') {
    return `就票数相等的被选举人再次投票，得票多的当选，即至少${formatNumber(threshold.minimumFor)}票`;
  }
  const base = threshold.rule === 'T2' ? '实到会有选举权人数' : '应到会有选举权人数';
  return `超过${base}${formatNumber(threshold.base)}人的${fractionZh(fraction)}，即至少${formatNumber(threshold.minimumFor)}票`;
}

/** "1/2" as results record it (describeParameters) back to a fraction; half when missing. */
export function recordedFraction(text: unknown): Fraction {
  return (typeof text === 'string' ? parseFraction(text) : undefined) ?? HALF;
}

/**
 * What an election elects, from its title: 中国共产党示范市第十三届委员会委员 stays as it is,
 * 选举县委委员 loses its verb. Ballots, tally sheets and lists add their own words after it.
 */
export function electionSubject(title: string): string {
  const trimmed = title.trim();
  const withoutVerb = trimmed.startsWith('选举') && trimmed.length > 2 ? trimmed.slice(2) : trimmed;
  return withoutVerb.endsWith('选举') && withoutVerb.length > 2 ? withoutVerb.slice(0, -2) : withoutVerb;
}

/** 差额选举 / 等额选举 [C1] from the numbers on the ballot. */
export function electionKindZh(candidates: number, seats: number): string {
  return candidates > seats ? '差额选举' : '等额选举';
}

export const STROKE_ORDER_NOTE = '（按姓氏笔画为序）';
export const VOTE_ORDER_NOTE = '（按得票多少为序）';

/**
 * The order note printed under a list's heading [T7]: delegates, members and discipline commission
 * members in surname-stroke order; alternates by votes, equal votes in stroke order [T6]; the
 * standing committee, secretary and deputies in the approved order, which the press does not
 * annotate (null), nor the operator's order of `other`.
 */
export function publishedOrderNote(office: Office): string | null {
  if (office === 'alternate-member') return VOTE_ORDER_NOTE;
  if (usesApprovedOrder(office) || office === 'other') return null;
  return STROKE_ORDER_NOTE;
}
