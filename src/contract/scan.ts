import * as z from 'zod';
import { bilingualSchema, congressParams, id, instant, roundParams } from './common.ts';
import { roundKindSchema, roundStatusSchema } from './elections.ts';
import { endpoint } from './endpoint.ts';
import { ELECTION_STAFF_ROLES } from './roles.ts';

// Paper ballots read by scanner (扫描计票, issue 14). Tellers upload scans (PDF, TIFF, PNG, JPEG)
// from the console or from `plenum scan watch`; every file is kept with its SHA-256, every page is
// read against the layout that printed the round's ballot, and a sheet is rejected whole — never
// guessed — when its fiducials, QR code, scale or registration fail, or a scanner streak crosses a
// box. Review by exception: tellers see only the marginal boxes and the write-in boxes, each decided
// by two tellers independently [P2]; a scrutineer resolves where they differ. The settled sheets
// join the keyed ones in the paper ballot count: ballots returned [B2], ballot validity [B3].

/** Why a sheet was rejected whole. */
export const SCAN_REJECTIONS = [
  'unreadable-image',
  'no-contrast',
  'fiducial-missing',
  'fiducials-unrecognised',
  'scale-off',
  'registration-off',
  'streak',
  'qr-unreadable',
  'qr-foreign',
  'qr-mismatch',
] as const;
export const scanRejectionSchema = z.enum(SCAN_REJECTIONS);
export type ScanRejection = z.infer<typeof scanRejectionSchema>;

export const SCAN_SHEET_STATUSES = ['read', 'rejected', 'duplicate'] as const;
export const scanSheetStatusSchema = z.enum(SCAN_SHEET_STATUSES);

/** What became of a sheet a teller set aside: scanned again, keyed by hand, or another round's. */
export const SET_ASIDE = ['rescanned', 'keyed', 'not-this-round'] as const;
export const setAsideSchema = z.enum(SET_ASIDE);
export type SetAside = z.infer<typeof setAsideSchema>;

/** A person's reading of a box: for (○), against (×), abstain (nothing), unreadable [B1]. */
export const SCAN_MARKS = ['for', 'against', 'abstain', 'unreadable'] as const;
export const scanMarkSchema = z.enum(SCAN_MARKS);
export type ScanMark = z.infer<typeof scanMarkSchema>;

/** The largest scan file accepted (a hundred A4 sheets at 300 dpi as JPEG is about 40 MB). */
export const MAX_SCAN_BYTES = 64 * 1024 * 1024;

export const scanFileSchema = z.strictObject({
  id: z.string(),
  filename: z.string().nullable(),
  mediaType: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  sha256: z.string(),
  source: z.enum(['upload', 'watch']),
  /** The teller's user name. */
  uploadedBy: z.string(),
  uploadedAt: instant,
});
export type ScanFileView = z.infer<typeof scanFileSchema>;

export const scanSheetSchema = z.strictObject({
  id: z.string(),
  fileId: z.string(),
  page: z.number().int(),
  status: scanSheetStatusSchema,
  /** Rejected: why, and what was found. */
  reason: scanRejectionSchema.nullable(),
  detail: bilingualSchema.nullable(),
  /** A duplicate: the sheet it repeats (the same image, or the same serial). */
  duplicateOf: z.string().nullable(),
  /** How far the sheet was turned in the scan (180: fed upside down). */
  rotation: z.number().int().nullable(),
  /** The sheet's number, where serials are on. */
  serial: z.number().int().nullable(),
  /** Boxes that went to review, and how many of them are not yet settled. */
  items: z.number().int(),
  pending: z.number().int(),
  setAside: setAsideSchema.nullable(),
  /** [B3] declared invalid by a scrutineer. */
  voidReason: z.string().nullable(),
  readAt: instant,
});
export type ScanSheetView = z.infer<typeof scanSheetSchema>;

const count = z.number().int();

/** What the scrutineers see before they sign off: sheets read, rejected, boxes reviewed, decisions changed. */
export const scanStatisticsSchema = z.strictObject({
  files: count,
  sheets: z.strictObject({
    /** Pages received. */
    scanned: count,
    read: count,
    rejected: count,
    /** Refused: the same image, or the same serial, read before. */
    duplicates: count,
    setAside: count,
    /** Rejected sheets not yet rescanned, keyed by hand or set aside: the count waits for them. */
    awaitingDisposition: count,
    /** Read sheets with boxes still to be settled. */
    awaitingReview: count,
    /** Read sheets that count now: every box settled, not set aside. */
    counted: count,
  }),
  boxes: z.strictObject({
    /** Every box of every read sheet (candidates' and write-in boxes). */
    read: count,
    /** Read by the machine alone: a definite ○, × or empty box. */
    definite: count,
    /** Sent to review: marginal marks and write-in boxes with something in them. */
    reviewed: count,
    /** Not yet settled. */
    pending: count,
    /** Settled by two tellers agreeing. */
    agreed: count,
    /** The two tellers differed … */
    disagreed: count,
    /** … and a scrutineer resolved it. */
    resolved: count,
    /** Decisions a teller changed after making them (explicit corrections). */
    corrections: count,
    /** Settled readings different from what the machine's shape test suggested. */
    changedFromMachine: count,
    /** Names written in and settled as votes for. */
    writeIns: count,
  }),
});
export type ScanStatistics = z.infer<typeof scanStatisticsSchema>;

export const scanOverviewSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  /** The printed candidates, in ballot order. */
  candidates: z.array(z.string()),
  statistics: scanStatisticsSchema,
  files: z.array(scanFileSchema),
  sheets: z.array(scanSheetSchema),
});
export type ScanOverview = z.infer<typeof scanOverviewSchema>;

export const scanIntakeSchema = z.strictObject({
  /** created: the file is new; unchanged: this very file (same SHA-256) was uploaded before. */
  outcome: z.enum(['created', 'unchanged']),
  file: scanFileSchema,
  sheets: z.array(scanSheetSchema),
});
export type ScanIntake = z.infer<typeof scanIntakeSchema>;

/** A box for a teller: its crop, and where it is — never what another teller decided. */
export const reviewItemSchema = z.strictObject({
  id: z.string(),
  sheetId: z.string(),
  kind: z.enum(['mark', 'write-in']),
  /** 0-based: the candidate's column, or the write-in box's number. */
  position: z.number().int(),
  /** The printed candidate of a mark box; null for a write-in box. */
  candidate: z.string().nullable(),
  /** Why the machine did not read it: light, dot, filled, tick, stray, partial, unclear; null for write-ins. */
  reason: z.string().nullable(),
  /** The box and its name, cut out upright (data:image/png;base64,…). */
  crop: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewQueueSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  items: z.array(reviewItemSchema),
  /** Items still waiting for this teller's decision (the list shows the first ones). */
  remaining: count,
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

const decisionView = z.strictObject({
  mark: scanMarkSchema,
  name: z.string().nullable(),
  /** The user name of who decided. */
  by: z.string(),
  at: instant,
});

export const scanDisagreementSchema = reviewItemSchema
  .extend({ decisions: z.array(decisionView), resolution: decisionView.nullable() })
  .strict();
export const scanDisagreementsSchema = z.strictObject({
  roundId: z.string(),
  status: roundStatusSchema,
  items: z.array(scanDisagreementSchema),
});
export type ScanDisagreements = z.infer<typeof scanDisagreementsSchema>;

export const scanDecisionResultSchema = z.strictObject({
  outcome: z.enum(['created', 'unchanged', 'corrected']),
  itemId: z.string(),
  mark: scanMarkSchema,
  name: z.string().nullable(),
  /** Whether the item is settled now (two tellers agree, or a scrutineer resolved it). */
  settled: z.boolean(),
});
export type ScanDecisionResult = z.infer<typeof scanDecisionResultSchema>;

export const scanRoundsSchema = z.strictObject({
  rounds: z.array(
    z.strictObject({
      roundId: z.string(),
      electionId: z.string(),
      title: z.string(),
      seq: z.number().int(),
      kind: roundKindSchema,
      status: roundStatusSchema,
    }),
  ),
});
export type ScanRounds = z.infer<typeof scanRoundsSchema>;

// ---------------------------------------------------------------------------------------------
// Endpoints

const SCAN = '/api/congresses/:congressId/rounds/:roundId/scan';
const itemParams = roundParams.extend({ itemId: id }).strict();
const sheetParams = roundParams.extend({ sheetId: id }).strict();
const decisionBody = {
  mark: scanMarkSchema,
  /** A write-in box: the name as written (required to count it as a vote for). */
  name: z.string().max(128).nullable().optional(),
};

export const scanRoundsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/scan/rounds',
  tag: 'scan',
  summary:
    'Paper rounds that take scans now (open or closed, not yet counted): what `plenum scan watch` uploads to',
  allow: ['teller'],
  params: congressParams,
  response: scanRoundsSchema,
});

export const uploadScanEndpoint = endpoint({
  method: 'POST',
  path: `${SCAN}/files`,
  tag: 'scan',
  summary:
    'Upload a scan (PDF, TIFF, PNG or JPEG, base64): every page is read, kept with its hash, rejected whole or sent to review by exception; the same file again changes nothing (扫描上传)',
  allow: ['teller'],
  params: roundParams,
  bodyLimit: Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 64 * 1024,
  body: z.strictObject({
    filename: z.string().trim().min(1).max(255).optional(),
    contentBase64: z
      .string()
      .min(4)
      .max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    source: z.enum(['upload', 'watch']).optional(),
  }),
  /** 201 when created, 200 when the file was uploaded before. */
  response: scanIntakeSchema,
});

export const scanOverviewEndpoint = endpoint({
  method: 'GET',
  path: SCAN,
  tag: 'scan',
  summary:
    'Files and sheets scanned for the round, and the statistics the scrutineers sign off on (扫描统计)',
  allow: ELECTION_STAFF_ROLES,
  params: roundParams,
  response: scanOverviewSchema,
});

export const reviewQueueEndpoint = endpoint({
  method: 'GET',
  path: `${SCAN}/review`,
  tag: 'scan',
  summary:
    "The calling teller's review queue: marginal boxes and write-in boxes not yet decided by them, never another teller's decision [P2]",
  allow: ['teller'],
  params: roundParams,
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() }),
  response: reviewQueueSchema,
});

export const decideScanItemEndpoint = endpoint({
  method: 'POST',
  path: `${SCAN}/items/:itemId/decisions`,
  tag: 'scan',
  summary:
    'A teller decides a reviewed box (two tellers independently) [B1] [P2]; the same decision again changes nothing',
  allow: ['teller'],
  params: itemParams,
  body: z.strictObject({ ...decisionBody, correct: z.boolean().optional() }),
  /** 201 when created, 200 when unchanged or corrected. */
  response: scanDecisionResultSchema,
});

export const scanDisagreementsEndpoint = endpoint({
  method: 'GET',
  path: `${SCAN}/disagreements`,
  tag: 'scan',
  summary: 'Reviewed boxes on which the two tellers differ, both decisions side by side (扫描裁定)',
  allow: ['scrutineer', 'admin'],
  params: roundParams,
  response: scanDisagreementsSchema,
});

export const resolveScanItemEndpoint = endpoint({
  method: 'POST',
  path: `${SCAN}/items/:itemId/resolution`,
  tag: 'scan',
  summary: 'A scrutineer settles a box the two tellers read differently [P2]',
  allow: ['scrutineer'],
  params: itemParams,
  body: z.strictObject(decisionBody),
  response: scanDecisionResultSchema,
});

export const scanSheetImageEndpoint = endpoint({
  method: 'GET',
  path: `${SCAN}/sheets/:sheetId/image`,
  tag: 'scan',
  summary: 'The scanned image of one sheet, as kept (JPEG or PNG)',
  allow: ['teller', 'scrutineer', 'admin'],
  params: sheetParams,
  response: 'file',
});

export const setAsideScanSheetEndpoint = endpoint({
  method: 'POST',
  path: `${SCAN}/sheets/:sheetId/set-aside`,
  tag: 'scan',
  summary:
    'Set a sheet aside from the count: rescanned, keyed by hand (double entry), or not this round’s; the count waits until every rejected sheet is set aside',
  allow: ['teller'],
  params: sheetParams,
  body: z.strictObject({ disposition: setAsideSchema }),
  response: scanSheetSchema,
});

export const voidScanSheetEndpoint = endpoint({
  method: 'POST',
  path: `${SCAN}/sheets/:sheetId/void`,
  tag: 'scan',
  summary:
    '[B3] A scrutineer declares a scanned ballot invalid (an identifying mark), with the reason; null withdraws it',
  allow: ['scrutineer'],
  params: sheetParams,
  body: z.strictObject({ reason: z.string().trim().min(1).max(200).nullable() }),
  response: scanSheetSchema,
});
