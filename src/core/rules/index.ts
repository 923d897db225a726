// The rules engine's public face: election-rules.md, rule by rule. Grep a rule id to find its home.
export * from './ballot-box.ts';
export * from './ballot-count.ts';
export * from './candidacy.ts';
export * from './election-chain.ts';
export * from './electorate.ts';
export * from './fraction.ts';
export * from './parameters.ts';
export * from './procedure.ts';
export * from './published-order.ts';
export * from './quorum.ts';
export * from './round-validity.ts';
export * from './seat-allocation.ts';
export * from './tally.ts';
export * from './threshold.ts';
export * from './types.ts';
