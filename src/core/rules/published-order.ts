import { nameSortKey, sortNames, UnknownCharacterError } from '../names/index.ts';
import type { Standing } from './seat-allocation.ts';
import type { Office } from './types.ts';

/**
 * [C3] Ballot order and [T7] published order: delegates, members, alternates' ballots and standing
 * committee candidates by surname strokes (姓氏笔画为序); secretary, deputies — and the standing
 * committee's published list — in the order the higher committee approved (the input order).
 */
export function usesApprovedOrder(office: Office): boolean {
  return office === 'standing-committee' || office === 'secretary' || office === 'deputy-secretary';
}

/** [C3] The order names are printed on a paper ballot. `other` keeps the operator's order. */
export function ballotOrder(office: Office, candidates: readonly string[]): string[] {
  if (office === 'secretary' || office === 'deputy-secretary' || office === 'other') return [...candidates];
  // Standing committee candidates are printed in stroke order; the elected list is published in the approved order.
  return sortByStrokes(candidates);
}

/**
 * The order of a tally's rows (cli-contract.md): stroke order, or the approved (input) order for the
 * standing committee, secretary and deputies — the order their results are read out and published in.
 */
export function tallyRowOrder(office: Office, candidates: readonly string[]): string[] {
  if (usesApprovedOrder(office) || office === 'other') return [...candidates];
  return sortByStrokes(candidates);
}

/** Stroke order; a name the stroke data cannot order is an UnknownCharacterError (printed lists must be exact). */
export function sortByStrokes(names: readonly string[]): string[] {
  return sortNames(names, (name) => name);
}

/**
 * Stroke order for names nobody printed — write-ins are handwritten and may hold any character:
 * names the data cannot order go last, in code-point order, rather than stopping the count.
 */
export function compareNamesLeniently(a: string, b: string): number {
  const keyA = keyOrNull(a);
  const keyB = keyOrNull(b);
  if (keyA !== null && keyB !== null) return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  if (keyA !== null) return -1;
  if (keyB !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyOrNull(name: string): string | null {
  try {
    return nameSortKey(name);
  } catch (error) {
    if (error instanceof UnknownCharacterError) return null;
    throw error;
  }
}

/**
 * [T6] Alternates by votes for, descending; equal votes in surname-stroke order. This is the
 * succession order (委员出缺，由候补委员按照得票多少依次递补).
 */
export function alternateOrder(elected: readonly Standing[]): string[] {
  return [...elected]
    .sort((a, b) => b.votes - a.votes || compareNamesLeniently(a.name, b.name))
    .map((s) => s.name);
}

/**
 * [T7] The published list of those elected: surname strokes for delegates, members and discipline
 * commission members; [T6] for alternates; the approved (input) order for the standing committee,
 * secretary and deputies; the operator's order for `other`.
 */
export function publishedOrder(
  office: Office,
  elected: readonly Standing[],
  approvedOrder: readonly string[],
): string[] {
  if (office === 'alternate-member') return alternateOrder(elected);
  if (usesApprovedOrder(office) || office === 'other') {
    const position = new Map(approvedOrder.map((name, index) => [name, index]));
    // Write-ins elected to an approved-order office follow the approved names, by strokes.
    return [...elected]
      .sort(
        (a, b) =>
          (position.get(a.name) ?? Number.MAX_SAFE_INTEGER) -
            (position.get(b.name) ?? Number.MAX_SAFE_INTEGER) || compareNamesLeniently(a.name, b.name),
      )
      .map((s) => s.name);
  }
  return elected.map((s) => s.name).sort(compareNamesLeniently);
}
