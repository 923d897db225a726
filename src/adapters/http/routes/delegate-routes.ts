import {
  approveCredentialReissueEndpoint,
  commitDelegateImportEndpoint,
  createDelegateEndpoint,
  createDelegationEndpoint,
  credentialReissuesEndpoint,
  type DelegateImportRefusal,
  delegateEndpoint,
  delegatesEndpoint,
  delegationsEndpoint,
  deleteDelegateEndpoint,
  deleteDelegationEndpoint,
  exportDelegatesEndpoint,
  issueCredentialsEndpoint,
  previewDelegateImportEndpoint,
  requestCredentialReissueEndpoint,
  updateDelegateEndpoint,
  updateDelegationEndpoint,
} from '../../../contract/delegates.ts';
import {
  approveCredentialReissue,
  credentialReissues,
  issueCredentials,
  requestCredentialReissue,
} from '../../../services/congress/credentials.ts';
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
import { InputError } from '../../../services/input-error.ts';
import { readDelegateUpload } from '../../import/delegate-upload.ts';
import { implement } from '../route.ts';

// Delegations and delegates: the list, its import from XLSX/CSV and export, and the credentials
// printed on delegate cards (contract: src/contract/delegates.ts). ID numbers are whole for
// administrators only (the service masks them).

function fileOf(body: { fileName: string; contentBase64: string }) {
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length === 0) throw new InputError('body.contentBase64', 'the file is empty', '文件为空');
  return readDelegateUpload(content, body.fileName);
}

export const delegateRoutes = [
  implement(delegationsEndpoint).with(async ({ context, params }) =>
    listDelegations(context, params.congressId),
  ),
  implement(createDelegationEndpoint).with(async ({ context, actor, params, body }) =>
    createDelegation(context, actor, params.congressId, body),
  ),
  implement(updateDelegationEndpoint).with(async ({ context, actor, params, body }) =>
    updateDelegation(context, actor, params.congressId, params.delegationId, body),
  ),
  implement(deleteDelegationEndpoint).with(async ({ context, actor, params }) =>
    deleteDelegation(context, actor, params.congressId, params.delegationId),
  ),
  implement(delegatesEndpoint).with(async ({ context, actor, params, query }) =>
    listDelegates(context, actor, params.congressId, query),
  ),
  implement(createDelegateEndpoint).with(async ({ context, actor, params, body }) =>
    createDelegate(context, actor, params.congressId, body),
  ),
  implement(delegateEndpoint).with(async ({ context, actor, params }) =>
    getDelegate(context, actor, params.congressId, params.delegateId),
  ),
  implement(updateDelegateEndpoint).with(async ({ context, actor, params, body }) =>
    updateDelegate(context, actor, params.congressId, params.delegateId, body),
  ),
  implement(deleteDelegateEndpoint).with(async ({ context, actor, params }) =>
    deleteDelegate(context, actor, params.congressId, params.delegateId),
  ),
  implement(previewDelegateImportEndpoint).with(async ({ context, params, body }) =>
    previewDelegateImport(context, params.congressId, await fileOf(body)),
  ),
  implement(commitDelegateImportEndpoint).with(async ({ context, actor, params, body, reply }) => {
    try {
      return await commitDelegateImport(context, actor, params.congressId, await fileOf(body), body.sha256);
    } catch (error) {
      // The refusal carries the preview, so the screen can show every problem at once. A 4xx
      // answer is an error body, not the view the endpoint declares (the response check skips it).
      if (!(error instanceof ImportRefused)) throw error;
      reply.status(422);
      const refusal: DelegateImportRefusal = {
        error: { code: error.code, en: error.en, zh: error.zh },
        preview: error.preview,
      };
      return refusal as never;
    }
  }),
  implement(exportDelegatesEndpoint).with(async ({ context, params, query, reply }) => {
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
  }),
  implement(issueCredentialsEndpoint).with(async ({ context, actor, params, body, reply }) => {
    // The codes are secrets: no cache anywhere may keep this answer.
    reply.header('cache-control', 'no-store');
    return issueCredentials(context, actor, params.congressId, body.delegateIds);
  }),
  // Issue 13 item 4: a new code while an electronic vote is open takes two people.
  implement(requestCredentialReissueEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const reissue = await requestCredentialReissue(context, actor, params.congressId, body);
    reply.status(201);
    return reissue;
  }),
  implement(approveCredentialReissueEndpoint).with(async ({ context, actor, params, reply }) => {
    reply.header('cache-control', 'no-store');
    return approveCredentialReissue(context, actor, params.congressId, params.reissueId);
  }),
  implement(credentialReissuesEndpoint).with(async ({ context, params }) =>
    credentialReissues(context, params.congressId),
  ),
];
