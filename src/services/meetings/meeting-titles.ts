import type { Committee } from '../../contract/meetings.ts';
import { englishOrdinal, placeEn } from '../../core/documents/news/index.ts';
import { toChineseNumeral } from '../../core/text/chinese-numerals.ts';

// How the press and the documents name a meeting of the committee: 市委八届二次全体(扩大)会议,
// 市委常委会2026年第12次会议, and their English.

export interface MeetingNaming {
  readonly committee: Committee;
  /** The organisation's committee in the press: 市委. */
  readonly committeeShortName: string;
  /** 衢州市 */
  readonly locality: string;
  readonly term: number;
  /** Within the term. */
  readonly number: number;
  /** Standing committee meetings: within the year. */
  readonly yearNumber: number | null;
  /** The year it was held, when known. */
  readonly year: number | null;
  readonly enlarged: boolean;
}

export function meetingTitle(naming: MeetingNaming): { zh: string; en: string } {
  const { committeeShortName, term, number, enlarged } = naming;
  const place = placeEn(naming.locality);
  const committeeEn = `${place.place}${place.adjective ? ` ${place.adjective}` : ''} Party Committee`;
  if (naming.committee === 'plenary') {
    return {
      zh: `${committeeShortName}${toChineseNumeral(term)}届${toChineseNumeral(number)}次全体${enlarged ? '(扩大)' : ''}会议`,
      en: `${englishOrdinal(number)} Plenary Session${enlarged ? ' (Enlarged)' : ''} of the ${englishOrdinal(term)} ${committeeEn}`,
    };
  }
  if (naming.year !== null && naming.yearNumber !== null) {
    return {
      zh: `${committeeShortName}常委会${naming.year}年第${naming.yearNumber}次会议`,
      en: `Meeting ${naming.yearNumber} of ${naming.year} of the Standing Committee of the ${committeeEn}`,
    };
  }
  return {
    zh: `${committeeShortName}${toChineseNumeral(term)}届常委会第${number}次会议`,
    en: `Meeting ${number} of the Standing Committee of the ${englishOrdinal(term)} ${committeeEn}`,
  };
}
