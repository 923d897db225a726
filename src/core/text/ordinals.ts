// Names of congresses, terms and plenary sessions [P7]: the Nth congress (第N次代表大会) elects the
// Nth committee (第N届委员会), whose plenaries are numbered N届M次全会. Numbers are written as
// Chinese numerals, as in 第十三次, 十三届一次.

import { toChineseNumeral } from './chinese-numerals.ts';

/**
 * How an organisation is named in titles. Examples: a city — locality 通辽市, committee 市委;
 * a province — 浙江省, 省委; an autonomous region — 内蒙古自治区, 自治区党委; a county — 示范县, 县委.
 */
export interface OrganisationNames {
  /** What follows 中国共产党 in the congress's full title: 中国共产党「通辽市」第六次代表大会. */
  locality: string;
  /** The committee's short name in the press: 市委, 省委, 自治区党委, 县委, 党委. */
  committeeShortName: string;
}

const PARTY = '中国共产党';

function numeral(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
  return toChineseNumeral(n);
}

/** 第十三次代表大会 */
export function congressName(n: number): string {
  return `第${numeral(n, 'congress number')}次代表大会`;
}

/** 中国共产党通辽市第六次代表大会 */
export function congressFullName(org: OrganisationNames, n: number): string {
  return PARTY + org.locality + congressName(n);
}

/** 第十三届委员会 */
export function termName(term: number): string {
  return `第${numeral(term, 'term')}届委员会`;
}

/** 中国共产党通辽市第五届委员会 */
export function committeeFullName(org: OrganisationNames, term: number): string {
  return PARTY + org.locality + termName(term);
}

/** 第十三届纪律检查委员会 */
export function disciplineTermName(term: number): string {
  return `第${numeral(term, 'term')}届纪律检查委员会`;
}

/** 中国共产党通辽市第六届纪律检查委员会 */
export function disciplineCommissionFullName(org: OrganisationNames, term: number): string {
  return PARTY + org.locality + disciplineTermName(term);
}

/** 十三届一次: a plenary's number within its term. */
function plenaryNumber(term: number, n: number): string {
  return `${numeral(term, 'term')}届${numeral(n, 'plenary number')}次`;
}

/** 十三届一次全会: the plenary numbered within the term, without the body's name. */
export function plenaryShortName(term: number, n: number): string {
  return plenaryNumber(term, n) + '全会';
}

/** 中国共产党示范市第十三届委员会第一次全体会议: the title on the session's documents. */
export function plenaryFullName(org: OrganisationNames, term: number, n: number): string {
  return `${committeeFullName(org, term)}第${numeral(n, 'plenary number')}次全体会议`;
}

/**
 * The press form with the body's short name: 市委十三届一次全会, or with form 'meeting'
 * 市委八届二次全体会议 (the Quzhou headline). The body is a parameter rather than the
 * organisation so that the discipline commission's plenaries read the same way (市纪委十三届一次全会).
 */
export function plenaryPressName(
  bodyShortName: string,
  term: number,
  n: number,
  form: 'short' | 'meeting' = 'short',
): string {
  return bodyShortName + plenaryNumber(term, n) + (form === 'short' ? '全会' : '全体会议');
}
