/**
 * Surname-stroke ordering (姓氏笔画为序), election-rules.md §7: the order of [C3] ballots, [T6]
 * ties among alternates and [T7] published lists. Pure: the stroke data comes from cnchar-order and
 * cnchar-trad (imported, not read) and the reviewed table in stroke-overrides.ts.
 */
export { type StrokeProfile, strokeProfile } from './character-order.ts';
export { UnknownCharacterError } from './errors.ts';
export { compareNames, nameSortKey } from './name-key.ts';
export { stripAnnotations } from './name-text.ts';
export { type SortNamesOptions, sortNames } from './sort-names.ts';
