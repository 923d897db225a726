import { z } from 'zod';
import { issueCredentials } from '../../../services/congress/credentials.ts';
import { delegatesCsv, delegatesXlsx } from '../../../services/congress/delegate-export.ts';
import {
  commitDelegateImport,
  ImportRefused,
  previewDelegateImport,
} from '../../../services/congress/delegate-import.ts';
import {
  createDelegate,
  deleteDelegate,
  getDelegate,
  listDelegates,
  updateDelegate,
} from '../../../services/congress/delegates.ts';
import {
  createDelegation,
  deleteDelegation,
  listDelegations,
  updateDelegation,
} from '../../../services/congress/delegations.ts';
import { InputError } from '../../shared/input-error.ts';
import { route } from '../route.ts';
import { ADMIN, congressParams, isoDate, STAFF_READERS, shortText } from './congress-routes.ts';

// Delegations and delegates: the list, its import from XLSX/CSV and export, and the credentials
// printed on delegate cards. ID numbers are whole for administrators only (the service masks them).

const delegationParams = congressParams.extend({ delegationId: z.string().min(1).max(64) });
const delegateParams = congressParams.extend({ delegateId: z.string().min(1).max(64) });

/** An uploaded delegate list; ~20 MB of base64 is a far larger list than any congress has. */
const UPLOAD_LIMIT = 20 * 1024 * 1024;
const upload = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .max(UPLOAD_LIMIT)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
};

function fileOf(body: { fileName: string; contentBase64: string }) {
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length === 0) throw new InputError('body.contentBase64', 'the file is empty', '文件为空');
  return { fileName: body.fileName, content };
}

const delegateFields = {
  name: shortText(50),
  gender: z.string().trim().max(10).nullable().optional(),
  ethnicity: shortText(20),
  birthDate: isoDate.nullable().optional(),
  joinedDate: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM')
    .nullable()
    .optional(),
  position: z.string().trim().max(200).nullable().optional(),
  delegationId: z.string().min(1).nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  votingRights: z.boolean().optional(),
  suspensionReason: z.string().trim().max(200).nullable().optional(),
  // The service checks type, bytes and size (256 KB decoded); this bounds the request.
  photo: z.string().max(400_000).nullable().optional(),
  code: z.string().trim().min(1).max(20).optional(),
};

export const delegateRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/delegations',
    tag: 'delegates',
    summary: 'Delegations (代表团) in list order, with their sizes',
    allow: STAFF_READERS,
    params: congressParams,
    handler: async ({ context, params }) => listDelegations(context, params.congressId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegations',
    tag: 'delegates',
    summary: 'Create a delegation',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject({ name: shortText(50), sortOrder: z.number().int().min(0).max(10_000).optional() }),
    handler: async ({ context, actor, params, body }) =>
      createDelegation(context, actor, params.congressId, body),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId/delegations/:delegationId',
    tag: 'delegates',
    summary: 'Rename or reorder a delegation',
    allow: ADMIN,
    params: delegationParams,
    body: z.strictObject({
      name: shortText(50).optional(),
      sortOrder: z.number().int().min(0).max(10_000).optional(),
    }),
    handler: async ({ context, actor, params, body }) =>
      updateDelegation(context, actor, params.congressId, params.delegationId, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/congresses/:congressId/delegations/:delegationId',
    tag: 'delegates',
    summary: 'Remove an empty delegation',
    allow: ADMIN,
    params: delegationParams,
    handler: async ({ context, actor, params }) =>
      deleteDelegation(context, actor, params.congressId, params.delegationId),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/delegates',
    tag: 'delegates',
    summary: 'Delegates by delegation, then surname strokes; filter by delegation, name, pinyin initials',
    allow: STAFF_READERS,
    params: congressParams,
    query: z.strictObject({
      delegationId: z.string().min(1).optional(),
      name: z.string().trim().min(1).max(50).optional(),
      initials: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{1,20}$/, 'letters')
        .optional(),
    }),
    handler: async ({ context, actor, params, query }) =>
      listDelegates(context, actor, params.congressId, query),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegates',
    tag: 'delegates',
    summary: 'Add a delegate (ID number checked; code generated when not given)',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject(delegateFields),
    handler: async ({ context, actor, params, body }) =>
      createDelegate(context, actor, params.congressId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/delegates/:delegateId',
    tag: 'delegates',
    summary: 'One delegate, with photo',
    allow: STAFF_READERS,
    params: delegateParams,
    handler: async ({ context, actor, params }) =>
      getDelegate(context, actor, params.congressId, params.delegateId),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId/delegates/:delegateId',
    tag: 'delegates',
    summary: 'Edit a delegate (voting rights: a reason is required to suspend them)',
    allow: ADMIN,
    params: delegateParams,
    body: z.strictObject(delegateFields).partial(),
    handler: async ({ context, actor, params, body }) =>
      updateDelegate(context, actor, params.congressId, params.delegateId, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/congresses/:congressId/delegates/:delegateId',
    tag: 'delegates',
    summary: 'Remove a delegate entered by mistake (one with records is kept)',
    allow: ADMIN,
    params: delegateParams,
    handler: async ({ context, actor, params }) =>
      deleteDelegate(context, actor, params.congressId, params.delegateId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegate-imports/preview',
    tag: 'delegates',
    summary: 'Preview a delegate list (XLSX, CSV in UTF-8 or GBK): row-by-row problems in both languages',
    allow: ADMIN,
    bodyLimit: UPLOAD_LIMIT + 64 * 1024,
    params: congressParams,
    body: z.strictObject(upload),
    handler: async ({ context, params, body }) =>
      previewDelegateImport(context, params.congressId, fileOf(body)),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegate-imports/commit',
    tag: 'delegates',
    summary: 'Import the previewed list: every row in one transaction, or nothing',
    allow: ADMIN,
    bodyLimit: UPLOAD_LIMIT + 64 * 1024,
    params: congressParams,
    body: z.strictObject({
      ...upload,
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'sha256')
        .optional(),
    }),
    handler: async ({ context, actor, params, body, reply }) => {
      try {
        return await commitDelegateImport(context, actor, params.congressId, fileOf(body), body.sha256);
      } catch (error) {
        // The refusal carries the preview, so the screen can show every problem at once.
        if (!(error instanceof ImportRefused)) throw error;
        reply.status(422);
        return { error: { code: error.code, en: error.en, zh: error.zh }, preview: error.preview };
      }
    },
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/delegate-export',
    tag: 'delegates',
    summary: 'The delegate list as CSV (UTF-8 with BOM) or XLSX, importable again',
    allow: ADMIN,
    params: congressParams,
    query: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
    handler: async ({ context, params, query, reply }) => {
      const csv = query.format === 'csv';
      const content = csv
        ? await delegatesCsv(context, params.congressId)
        : await delegatesXlsx(context, params.congressId);
      reply.header(
        'content-type',
        csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', `attachment; filename="delegates.${query.format}"`);
      return content;
    },
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegate-credentials',
    tag: 'delegates',
    summary: 'Issue fresh voting credentials (shown once; old ones stop working)',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject({ delegateIds: z.array(z.string().min(1)).min(1).max(10_000).optional() }),
    handler: async ({ context, actor, params, body, reply }) => {
      // The codes are secrets: no cache anywhere may keep this answer.
      reply.header('cache-control', 'no-store');
      return issueCredentials(context, actor, params.congressId, body.delegateIds);
    },
  }),
];
