import { nameSortKey, sortNames, UnknownCharacterError } from '../names/index.ts';

// The order of printed lists of people: by delegation (in the congress's order), and within one by
// surname strokes (姓氏笔画为序, §7). A name the stroke data cannot order goes to the end of its
// group and is reported, so that a list always prints and the secretariat learns what to fix.

export interface InDelegation {
  readonly name: string;
  /** The delegation's place in the congress's order; null (no delegation) goes last. */
  readonly delegationRank: number | null;
}

/** By delegation, then by surname strokes within each delegation (stable: rule 5). */
export function byDelegationAndStrokes<T extends InDelegation>(people: readonly T[]): T[] {
  const sorted = sortNames(people, (p) => p.name, { unknown: 'last' });
  const rank = (p: T) => p.delegationRank ?? Number.MAX_SAFE_INTEGER;
  // Array#sort is stable: the stroke order survives within each delegation.
  return sorted.sort((a, b) => rank(a) - rank(b));
}

/** Warnings for names outside the stroke data: they were put last instead of in stroke order. */
export function unorderedNameWarnings(names: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const name of names) {
    try {
      nameSortKey(name);
    } catch (error) {
      if (!(error instanceof UnknownCharacterError)) throw error;
      const codePoint = error.character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      warnings.push(`no stroke data for U+${codePoint} in ${name}: listed last / 笔画数据缺字，排在最后`);
    }
  }
  return warnings;
}
