import * as z from 'zod';

/** [Q1]–[Q3], [M1]–[M3]: whether enough electors are present, with the numbers compared. */
export const quorumVerdictSchema = z.object({
  rule: z.string(),
  met: z.boolean(),
  present: z.number().int(),
  expected: z.number().int(),
  /** The fewest present electors that would meet the quorum. */
  minimumPresent: z.number().int(),
});
export type QuorumVerdictView = z.infer<typeof quorumVerdictSchema>;

export const RULE_SETS = ['local-congress', 'local-plenary', 'grassroots', 'custom'] as const;
export const ruleSetSchema = z.enum(RULE_SETS);
