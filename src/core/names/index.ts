/**
 * Surname-stroke ordering (姓氏笔画为序), election-rules.md §7: the order of [C3] ballots, [T6]
 * ties among alternates and [T7] published lists. Pure: the stroke data is a generated module
 * (data/stroke-table.generated.ts, made by scripts/names/build-stroke-data.ts from the packages
 * and the reviewed files in this folder), imported, not read.
 */
export { type StrokeClass, type StrokeProfile, type Structure, strokeProfile } from './character-order.ts';
export { UnknownCharacterError } from './errors.ts';
export { compareNames, nameSortKey } from './name-key.ts';
export { stripAnnotations } from './name-text.ts';
export { type SortNamesOptions, sortNames } from './sort-names.ts';
