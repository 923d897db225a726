import { toChineseNumeral } from '../../core/text/chinese-numerals.ts';
import {
  committeeFullName,
  congressFullName,
  congressName,
  disciplineCommissionFullName,
  disciplineTermName,
  type OrganisationNames,
  plenaryFullName,
  plenaryPressName,
  termName,
} from '../../core/text/ordinals.ts';
import type { OrganisationsTable, TermsTable } from '../../persistence/congress-schema.ts';

// [P7] How congresses, terms and plenaries are named: the Nth congress (第N次代表大会) elects the
// Nth committee (第N届委员会), whose plenaries are N届M次全会. core/text/ordinals.ts writes the
// numerals; this file picks the organisation's names and the body (committee or discipline commission).

export function organisationNames(
  org: Pick<OrganisationsTable, 'locality' | 'short_name'>,
): OrganisationNames {
  return { locality: org.locality, committeeShortName: org.short_name };
}

/** 市委 → 市纪委, 自治区党委 → 自治区纪委, 党委 → 纪委: the discipline commission's short name. */
export function disciplineShortName(committeeShortName: string): string {
  if (committeeShortName.endsWith('党委')) return `${committeeShortName.slice(0, -2)}纪委`;
  if (committeeShortName.endsWith('委')) return `${committeeShortName.slice(0, -1)}纪委`;
  return `${committeeShortName}纪委`;
}

/** 中国共产党通辽市第六次代表大会, and its short form 第六次代表大会. */
export function congressTitles(org: OrganisationsTable, number: number): { title: string; name: string } {
  return { title: congressFullName(organisationNames(org), number), name: congressName(number) };
}

/** 中国共产党通辽市第五届委员会 / …第五届纪律检查委员会, and 第五届委员会 / 第五届纪律检查委员会. */
export function termTitles(
  org: OrganisationsTable,
  term: Pick<TermsTable, 'body' | 'number'>,
): { title: string; name: string } {
  const names = organisationNames(org);
  return term.body === 'committee'
    ? { title: committeeFullName(names, term.number), name: termName(term.number) }
    : { title: disciplineCommissionFullName(names, term.number), name: disciplineTermName(term.number) };
}

/**
 * A plenary: the documents' title (中国共产党示范市第十三届委员会第一次全体会议) and the press form
 * (市委十三届一次全会, 市纪委十三届一次全会).
 */
export function plenaryTitles(
  org: OrganisationsTable,
  term: Pick<TermsTable, 'body' | 'number'>,
  plenaryNumber: number,
): { title: string; name: string } {
  const names = organisationNames(org);
  if (term.body === 'committee') {
    return {
      title: plenaryFullName(names, term.number, plenaryNumber),
      name: plenaryPressName(org.short_name, term.number, plenaryNumber),
    };
  }
  return {
    title: `${disciplineCommissionFullName(names, term.number)}第${toChineseNumeral(plenaryNumber)}次全体会议`,
    name: plenaryPressName(disciplineShortName(org.short_name), term.number, plenaryNumber),
  };
}
