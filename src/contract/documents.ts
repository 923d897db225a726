import * as z from 'zod';
import { congressParams, electionParams, roundParams, sittingParams } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN_ROLES, type Role } from './roles.ts';

// Printable documents as PDF (issue "Documents and publication"). Each answers the file itself,
// with its name (content-disposition), its page count (x-document-pages) and how many warnings
// the layout gave (x-document-warnings) in the headers. Who may have each:
// - ballots: the secretariat only (admin) — blank ballots are controlled stationery;
// - tally sheets: admin, scrutineer, presiding, teller — the people who count and sign;
// - the list of those elected: admin and presiding at any time (a draft until the election is
//   complete); anyone else, the public included, once the election is complete and its last
//   result announced (409 not-published before);
// - the delegate list: admin (it names every delegate, with gender and ethnicity);
// - a sitting's attendance record: admin, presiding, check-in.

/** The most ballot sheets one request prints (the same number as src/core/documents MAX_SHEETS). */
export const MAX_BALLOT_SHEETS = 5000;

/** Who counts and signs a round, and so has its tally sheet. */
export const TALLY_SHEET_ROLES = [
  'admin',
  'scrutineer',
  'presiding',
  'teller',
] as const satisfies readonly Role[];
/** Who may have the list of those elected before the election is complete: as a draft. */
export const LIST_DRAFT_ROLES = ['admin', 'presiding'] as const satisfies readonly Role[];

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');
/** ?annotate=0 leaves out （女）（回族） after the names; annotated is the default. */
const annotateQuery = z.strictObject({ annotate: flag.optional() });

export const ballotsPdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/rounds/:roundId/ballots.pdf',
  tag: 'documents',
  summary:
    'Paper ballots of a round (选举票): ballot order [C3], mark boxes, write-in boxes, seal area (盖章处), corner fiducials and a QR code naming round, ballot type, layout and page for the scanner [B1]; per-sheet serials only with ?serials=1 [B4]',
  allow: ADMIN_ROLES,
  params: roundParams,
  query: z.strictObject({
    /** How many sheets; defaults to the electors present when the round opened. */
    sheets: z.coerce.number().int().min(1).max(MAX_BALLOT_SHEETS).optional(),
    /** The first sheet's number (for a reprint); default 1. */
    from: z.coerce.number().int().min(1).max(1_000_000).optional(),
    /** [B4] Print a serial number on each sheet (and in its QR code); off by default. */
    serials: flag.optional(),
  }),
  response: 'file',
});

export const tallySheetPdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/rounds/:roundId/tally-sheet.pdf',
  tag: 'documents',
  summary: 'The tally sheet of a round (计票结果报告单) [B2][B3][T1]–[T4], with signature lines [P1][P2]',
  allow: TALLY_SHEET_ROLES,
  params: roundParams,
  response: 'file',
});

export const electedListPdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/elections/:electionId/list.pdf',
  tag: 'documents',
  summary:
    'The list of those elected [T6][T7]; public once the election is complete and announced, a draft for admin and presiding before',
  allow: [...LIST_DRAFT_ROLES, 'public'],
  params: electionParams,
  query: annotateQuery,
  response: 'file',
});

export const delegateListPdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/delegates.pdf',
  tag: 'documents',
  summary: 'The delegate list (代表名单): by delegation, surname-stroke order within each [T7]',
  allow: ADMIN_ROLES,
  params: congressParams,
  query: annotateQuery,
  response: 'file',
});

export const attendancePdfEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/sittings/:sittingId/attendance.pdf',
  tag: 'documents',
  summary: 'The attendance record of a sitting: expected, on leave with reasons, present, quorum [Q1]–[Q4]',
  allow: ['admin', 'presiding', 'check-in'],
  params: sittingParams,
  response: 'file',
});
