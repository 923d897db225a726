import * as z from 'zod';
import { congressParams, id, instant, nameText, personName, shortText } from './common.ts';
import { isoDate } from './congress.ts';
import { endpoint } from './endpoint.ts';
import { errorResponseSchema } from './error-body.ts';
import { ADMIN_ROLES, STAFF_READER_ROLES } from './roles.ts';

// Delegations (代表团) and delegates: the list every desk works from, its import from XLSX/CSV and
// export, and the credentials printed on delegate cards. ID numbers are whole for administrators
// only (the service masks them for everyone else).

// ---- views -------------------------------------------------------------------------------------

export const delegationViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The order of every delegate list; delegates are in surname-stroke order within each. */
  sortOrder: z.number().int(),
  /** How many delegates it has. */
  delegates: z.number().int(),
});
export type DelegationView = z.infer<typeof delegationViewSchema>;

export const delegateViewSchema = z.strictObject({
  id: z.string(),
  congressId: z.string(),
  /** 代表证号 */
  code: z.string(),
  name: z.string(),
  /** Pinyin initials for search at a desk: 王小强 → wxq. */
  initials: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  birthDate: z.string().nullable(),
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  joinedDate: z.string().nullable(),
  position: z.string().nullable(),
  delegationId: z.string().nullable(),
  delegation: z.string().nullable(),
  /** Whole for administrators, masked (110101********123X) for everyone else. */
  idNumber: z.string().nullable(),
  votingRights: z.boolean(),
  /** Why the voting rights are suspended (预备党员, 留党察看, 停止执行代表职务…). */
  suspensionReason: z.string().nullable(),
  hasPhoto: z.boolean(),
  hasCredential: z.boolean(),
  createdAt: instant,
});
export type DelegateView = z.infer<typeof delegateViewSchema>;

/** One delegate with the photo (data:image/…;base64,…), for the desk and the edit form. */
export const delegateWithPhotoSchema = delegateViewSchema.extend({ photo: z.string().nullable() }).strict();
export type DelegateWithPhoto = z.infer<typeof delegateWithPhotoSchema>;

export const issuedCredentialSchema = z.strictObject({
  delegateId: z.string(),
  /** 代表证号 */
  code: z.string(),
  name: z.string(),
  delegation: z.string().nullable(),
  /** The plaintext credential: returned now and never again. */
  credential: z.string(),
});
export type IssuedCredential = z.infer<typeof issuedCredentialSchema>;

/** An electronic vote open in the congress: an election round, or an adoption vote (表决). */
export const openVoteSchema = z.strictObject({
  kind: z.enum(['round', 'adoption-vote']),
  id: z.string(),
  title: z.string(),
});
export type OpenVote = z.infer<typeof openVoteSchema>;

/**
 * A new credential asked for while an electronic vote was open (issue 13 item 4): a new code then
 * would let whoever holds it vote in the delegate's name, so an administrator asks, a scrutineer
 * (a second person) approves and receives the code, and the presiding page shows every one.
 */
export const credentialReissueSchema = z.strictObject({
  id: z.string(),
  delegateId: z.string(),
  /** 代表证号 */
  code: z.string(),
  name: z.string(),
  delegation: z.string().nullable(),
  reason: z.string(),
  /** Who asked (display name) and when. */
  requestedBy: z.string(),
  requestedAt: instant,
  /** The votes that were open when it was asked. */
  openVotes: z.array(openVoteSchema),
  status: z.enum(['pending', 'approved']),
  /** The scrutineer who approved it and received the code; null while pending. */
  approvedBy: z.string().nullable(),
  approvedAt: instant.nullable(),
});
export type CredentialReissue = z.infer<typeof credentialReissueSchema>;

/** A problem with one row of an uploaded list, in both languages. */
export const importRowIssueSchema = z.strictObject({
  /** The row number the user sees in the spreadsheet. */
  row: z.number().int(),
  /** The field at fault, or 'file' for a problem with the whole file. */
  field: z.string(),
  en: z.string(),
  zh: z.string(),
});
export type ImportRowIssue = z.infer<typeof importRowIssueSchema>;

/** A row of an uploaded list as read and checked (gender and birth date from the ID number). */
export const delegateDraftSchema = z.strictObject({
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** The official name: 汉族, 蒙古族. */
  ethnicity: z.string(),
  /** From the ID number, which is authoritative: always a full date. */
  birthDate: z.string(),
  /** 'YYYY-MM-DD', or 'YYYY-MM' when the list gives only the month. */
  joinedDate: z.string(),
  position: z.string(),
  delegation: z.string(),
  idNumber: z.string(),
  votingRights: z.boolean(),
  suspensionReason: z.string().optional(),
  code: z.string().optional(),
});
export type DelegateDraft = z.infer<typeof delegateDraftSchema>;

export const delegateImportPreviewSchema = z.strictObject({
  fileName: z.string(),
  /** SHA-256 of the file's bytes. Sent back with the commit, which refuses any other file. */
  sha256: z.string(),
  /** For CSV: the encoding the bytes were decoded from (UTF-8 or GBK). */
  encoding: z.string().nullable(),
  /** Data rows in the file. */
  total: z.number().int(),
  validCount: z.number().int(),
  errors: z.array(importRowIssueSchema),
  /** Headers that name no field (序号, 备注…): their columns are not imported. */
  ignoredColumns: z.array(z.string()),
  /** Delegations the file names that the congress does not have yet: the commit creates them. */
  newDelegations: z.array(z.string()),
  /** The rows that would be imported, as read. */
  delegates: z.array(delegateDraftSchema),
});
export type DelegateImportPreview = z.infer<typeof delegateImportPreviewSchema>;

export const delegateImportDoneSchema = z.strictObject({
  imported: z.number().int(),
  delegationsCreated: z.array(z.string()),
  /** The first and last delegate codes given, or null when the file had no rows. */
  codes: z.strictObject({ first: z.string(), last: z.string() }).nullable(),
});
export type DelegateImportDone = z.infer<typeof delegateImportDoneSchema>;

/** The commit's refusal (422 import-refused): nothing was written; the preview says why, row by row. */
export const delegateImportRefusalSchema = errorResponseSchema
  .extend({ preview: delegateImportPreviewSchema })
  .strict();
export type DelegateImportRefusal = z.infer<typeof delegateImportRefusalSchema>;

// ---- inputs ------------------------------------------------------------------------------------

const delegationParams = congressParams.extend({ delegationId: id }).strict();
const delegateParams = congressParams.extend({ delegateId: id }).strict();

const delegationBody = z.strictObject({
  name: nameText(50),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type DelegationInput = z.output<typeof delegationBody>;

const delegateFields = {
  name: personName(50),
  /** 男/女/male/female; may be left out when the ID number gives it. */
  gender: z.string().trim().max(10).nullable().optional(),
  ethnicity: shortText(20),
  /** YYYY-MM-DD; may be left out when the ID number gives it. */
  birthDate: isoDate.nullable().optional(),
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  joinedDate: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM')
    .nullable()
    .optional(),
  position: z.string().trim().max(200).nullable().optional(),
  delegationId: z.string().min(1).nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  votingRights: z.boolean().optional(),
  /** Required when votingRights is false (预备党员, 留党察看, 停止执行代表职务…). */
  suspensionReason: z.string().trim().max(200).nullable().optional(),
  /**
   * data:image/jpeg|png|webp;base64,… The service checks type, bytes and size (256 KB decoded);
   * this bounds the request.
   */
  photo: z.string().max(400_000).nullable().optional(),
  /** 代表证号; generated (0001, 0002…) when left out. */
  code: z.string().trim().min(1).max(20).optional(),
};
const delegateBody = z.strictObject(delegateFields);
export type DelegateInput = z.output<typeof delegateBody>;

const delegateFilter = z.strictObject({
  delegationId: z.string().min(1).optional(),
  /** Part of the name. */
  name: z.string().trim().min(1).max(50).optional(),
  /** The start of the pinyin initials (wx finds 王小强). */
  initials: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,20}$/, 'letters')
    .optional(),
});
export type DelegateFilter = z.output<typeof delegateFilter>;

/** An uploaded delegate list; ~20 MB of base64 is a far larger list than any congress has. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const upload = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .max(UPLOAD_LIMIT)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
};

// ---- delegations -------------------------------------------------------------------------------

export const delegationsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/delegations',
  tag: 'delegates',
  summary: 'Delegations (代表团) in list order, with their sizes',
  allow: STAFF_READER_ROLES,
  params: congressParams,
  response: z.array(delegationViewSchema),
});

export const createDelegationEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegations',
  tag: 'delegates',
  summary: 'Create a delegation',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: delegationBody,
  response: delegationViewSchema,
});

export const updateDelegationEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/delegations/:delegationId',
  tag: 'delegates',
  summary: 'Rename or reorder a delegation',
  allow: ADMIN_ROLES,
  params: delegationParams,
  body: z.strictObject({
    name: nameText(50).optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  }),
  response: delegationViewSchema,
});

export const deleteDelegationEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/congresses/:congressId/delegations/:delegationId',
  tag: 'delegates',
  summary: 'Remove an empty delegation',
  allow: ADMIN_ROLES,
  params: delegationParams,
  response: 'empty',
});

// ---- delegates ---------------------------------------------------------------------------------

export const delegatesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/delegates',
  tag: 'delegates',
  summary: 'Delegates by delegation, then surname strokes; filter by delegation, name, pinyin initials',
  allow: STAFF_READER_ROLES,
  params: congressParams,
  query: delegateFilter,
  response: z.array(delegateViewSchema),
});

export const createDelegateEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegates',
  tag: 'delegates',
  summary: 'Add a delegate (ID number checked; code generated when not given)',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: delegateBody,
  response: delegateViewSchema,
});

export const delegateEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/delegates/:delegateId',
  tag: 'delegates',
  summary: 'One delegate, with photo',
  allow: STAFF_READER_ROLES,
  params: delegateParams,
  response: delegateWithPhotoSchema,
});

export const updateDelegateEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/delegates/:delegateId',
  tag: 'delegates',
  summary: 'Edit a delegate (voting rights: a reason is required to suspend them)',
  allow: ADMIN_ROLES,
  params: delegateParams,
  body: delegateBody.partial(),
  response: delegateViewSchema,
});

export const deleteDelegateEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/congresses/:congressId/delegates/:delegateId',
  tag: 'delegates',
  summary: 'Remove a delegate entered by mistake (one with records is kept)',
  allow: ADMIN_ROLES,
  params: delegateParams,
  response: 'empty',
});

// ---- import, export, credentials ---------------------------------------------------------------

export const previewDelegateImportEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegate-imports/preview',
  tag: 'delegates',
  summary: 'Preview a delegate list (XLSX, CSV in UTF-8 or GBK): row-by-row problems in both languages',
  allow: ADMIN_ROLES,
  bodyLimit: UPLOAD_LIMIT + 64 * 1024,
  params: congressParams,
  body: z.strictObject(upload),
  response: delegateImportPreviewSchema,
});

export const commitDelegateImportEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegate-imports/commit',
  tag: 'delegates',
  summary: 'Import the previewed list: every row in one transaction, or nothing',
  allow: ADMIN_ROLES,
  bodyLimit: UPLOAD_LIMIT + 64 * 1024,
  params: congressParams,
  body: z.strictObject({
    ...upload,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'sha256')
      .optional(),
  }),
  // A refusal (422) is a DelegateImportRefusal: the error beside the preview of every problem.
  response: delegateImportDoneSchema,
});

export const DELEGATE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export const exportDelegatesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/delegate-export',
  tag: 'delegates',
  summary: 'The delegate list as CSV (UTF-8 with BOM) or XLSX, importable again',
  allow: ADMIN_ROLES,
  params: congressParams,
  query: z.strictObject({ format: z.enum(DELEGATE_EXPORT_FORMATS).default('xlsx') }),
  response: 'file',
});

export const issueCredentialsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegate-credentials',
  tag: 'delegates',
  summary:
    'Issue fresh voting credentials (shown once; old ones stop working); refused (409) while an electronic vote is open: then use credential-reissues',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({ delegateIds: z.array(z.string().min(1)).min(1).max(10_000).optional() }),
  response: z.array(issuedCredentialSchema),
});

const reissueParams = congressParams.extend({ reissueId: id });

export const requestCredentialReissueEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/credential-reissues',
  tag: 'delegates',
  summary:
    'Ask for a new credential for one delegate while an electronic vote is open: a scrutineer must approve it (补发凭证申请) [B4]',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({ delegateId: id, reason: shortText(200) }),
  /** 201 */
  response: credentialReissueSchema,
});

export const approveCredentialReissueEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/credential-reissues/:reissueId/approve',
  tag: 'delegates',
  summary:
    'A scrutineer, not the one who asked, approves a new credential and receives the code, shown once (监票人确认补发) [B4]',
  allow: ['scrutineer'],
  params: reissueParams,
  response: z.strictObject({ reissue: credentialReissueSchema, credential: issuedCredentialSchema }),
});

export const credentialReissuesEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/credential-reissues',
  tag: 'delegates',
  summary:
    'Credentials asked for or issued while an electronic vote was open, newest first: for the presiding page',
  allow: ['admin', 'presiding', 'scrutineer'],
  params: congressParams,
  response: z.array(credentialReissueSchema),
});
