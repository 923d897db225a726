/**
 * Printed documents as data (issue "Documents and publication"): ballots [B1][C3], tally sheets
 * [B2][B3][T1]–[T4], lists of those elected [T6][T7], the delegate list and the attendance record
 * [Q1]–[Q4]. Pure: the PDF adapter lays these models out, the document services load their inputs.
 */
export * from './attendance-record.ts';
export * from './ballot.ts';
export * from './delegate-list.ts';
export * from './election-method.ts';
export * from './labels.ts';
export * from './model.ts';
export * from './ordering.ts';
export * from './press-names.ts';
export * from './result-list.ts';
export * from './tally-sheet.ts';
