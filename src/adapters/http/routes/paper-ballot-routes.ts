import { z } from 'zod';
import { enterPaperBallot } from '../../../services/ballots/paper/paper-entry.ts';
import { paperKeying } from '../../../services/ballots/paper/paper-keying.ts';
import { resolvePaperSheet } from '../../../services/ballots/paper/paper-resolution.ts';
import { MAX_NAME_LENGTH, MAX_VOID_REASON_LENGTH } from '../../../services/ballots/paper/paper-sheet.ts';
import {
  myPaperEntries,
  paperComparison,
  paperReconciliation,
} from '../../../services/ballots/paper/paper-views.ts';
import { route } from '../route.ts';

// Paper ballots with double entry: tellers key every sheet twice (passes A and B, independently),
// scrutineers resolve the disagreements, and the count takes agreed or resolved sheets only.

const id = z.string().min(1).max(64);
const round = z.object({ congressId: id, roundId: id });
const position = z.number().int().min(1).max(1_000_000);
const queryPosition = z.coerce.number().int().min(1).max(1_000_000);
const sheet = {
  batchNo: position,
  sheetNo: position,
  /** One character per printed candidate, in ballot order: F for, A against, - abstain, ? unreadable. */
  marks: z.string().max(1000),
  writeIns: z
    .array(z.string().max(MAX_NAME_LENGTH * 2))
    .max(100)
    .optional(),
  voidReason: z
    .string()
    .max(MAX_VOID_REASON_LENGTH * 2)
    .nullable()
    .optional(),
  correct: z.boolean().optional(),
};
const PAPER = '/api/congresses/:congressId/rounds/:roundId/paper';

export const paperBallotRoutes = [
  route({
    method: 'POST',
    url: `${PAPER}/entries`,
    tag: 'paper ballots',
    summary:
      'Key one paper ballot in pass A or B (计票人录入选票); the same entry again changes nothing [B1] [P2]',
    allow: ['teller'],
    params: round,
    body: z.strictObject({ pass: z.enum(['A', 'B']), ...sheet }),
    handler: async ({ context, actor, params, body, reply }) => {
      const written = await enterPaperBallot(context, actor, params.congressId, params.roundId, body);
      if (written.outcome === 'created') reply.status(201);
      return written;
    },
  }),
  route({
    method: 'GET',
    url: `${PAPER}/entries`,
    tag: 'paper ballots',
    summary: "The calling teller's own entries, by batch and pass (never the other pass)",
    allow: ['teller'],
    params: round,
    query: z.strictObject({ batchNo: queryPosition.optional(), pass: z.enum(['A', 'B']).optional() }),
    handler: ({ context, actor, params, query }) =>
      myPaperEntries(context, actor, params.congressId, params.roundId, query),
  }),
  route({
    method: 'GET',
    url: `${PAPER}/comparison`,
    tag: 'paper ballots',
    summary:
      'The two passes compared per batch: A only, B only, agreed, and disagreements side by side (两遍录入比对)',
    allow: ['scrutineer', 'admin'],
    params: round,
    query: z.strictObject({ batchNo: queryPosition.optional() }),
    handler: ({ context, actor, params, query }) =>
      paperComparison(context, actor, params.congressId, params.roundId, query),
  }),
  route({
    method: 'POST',
    url: `${PAPER}/resolutions`,
    tag: 'paper ballots',
    summary: 'A scrutineer records what a disputed sheet says (监票人裁定) [P2]',
    allow: ['scrutineer'],
    params: round,
    body: z.strictObject(sheet),
    handler: async ({ context, actor, params, body, reply }) => {
      const written = await resolvePaperSheet(context, actor, params.congressId, params.roundId, body);
      if (written.outcome === 'created') reply.status(201);
      return written;
    },
  }),
  route({
    method: 'GET',
    url: `${PAPER}/reconciliation`,
    tag: 'paper ballots',
    summary:
      'Ballots issued versus returned [B2], and provisional running totals of the agreed ballots (临时统计)',
    allow: ['teller', 'scrutineer', 'admin', 'presiding'],
    params: round,
    handler: ({ context, params }) => paperReconciliation(context, params.congressId, params.roundId),
  }),
  route({
    method: 'GET',
    url: `${PAPER}/keying`,
    tag: 'paper ballots',
    summary:
      'Sheets keyed per teller, pass and batch (录入进度): counts only, never what was keyed, so passes stay independent',
    allow: ['teller', 'scrutineer', 'admin', 'presiding'],
    params: round,
    handler: ({ context, params }) => paperKeying(context, params.congressId, params.roundId),
  }),
];
