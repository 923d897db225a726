import { auditEndpoint, congressAuditEndpoint, verifyAuditEndpoint } from '../../../contract/audit.ts';
import { listAuditEntries, verifyCongressAuditLog } from '../../../services/audit/audit-reader.ts';
import { implement } from '../route.ts';

// The audit log, read-only (contract: src/contract/audit.ts). An administrator or scrutineer of a
// congress reads the entries of that congress only (services/audit/congress-scope.ts says which
// those are); the whole log is for those holding the role in every congress ('*'). The chain's
// verdict is the installation's (one chain), and names only seq numbers and hashes.

export const auditRoutes = [
  implement(congressAuditEndpoint).with(async ({ context, params, query }) =>
    listAuditEntries(context, { ...query, congressId: params.congressId }),
  ),
  implement(verifyAuditEndpoint).with(async ({ context, params }) =>
    verifyCongressAuditLog(context, params.congressId),
  ),
  implement(auditEndpoint).with(async ({ context, query }) => listAuditEntries(context, query)),
];
