import { z } from 'zod';
import { listAuditEntries, verifyAuditLog } from '../../../services/audit/audit-reader.ts';
import { congressRow } from '../../../services/congress/lookups.ts';
import type { Role } from '../../db/congress-schema.ts';
import { route } from '../route.ts';
import { congressParams } from './congress-routes.ts';

// The audit log, read-only: the secretariat and the scrutineers answer for the record, so they
// read it and check its hash chain.
//
// Roles are held per congress, and so is reading: an administrator or scrutineer of a congress
// reads the entries of that congress only (services/audit/congress-scope.ts says which those
// are), not another congress's delegates, ballots or news. The whole log — organisations,
// accounts and news templates included, which serve every congress — is for those holding the
// role in every congress ('*'). The chain's verdict is the installation's (one chain), and names
// only seq numbers and hashes, so whoever reads a congress's entries may ask for it.
//
// Ballot secrecy [B4]: entries are returned as stored, and none stores a vote's content — an
// electronic vote's entry is { voted: true } with the delegate as actor, a paper sheet's entry
// names the teller who keyed it, not the elector.

const AUDIT_READERS: readonly Role[] = ['admin', 'scrutineer'];

const filters = {
  action: z.string().trim().min(1).max(100).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
};

export const auditRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/audit',
    tag: 'audit',
    summary:
      'Audit entries of the congress, newest first: { entries, total, actions, labels, head }; filter by action or subject (exact, or a prefix up to . : /)',
    allow: AUDIT_READERS,
    params: congressParams,
    query: z.strictObject(filters),
    handler: async ({ context, params, query }) =>
      listAuditEntries(context, { ...query, congressId: params.congressId }),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/audit/verify',
    tag: 'audit',
    summary:
      "Checks the audit log's hash chain: the head (seq, hash) when it holds, or the first entry that breaks it",
    allow: AUDIT_READERS,
    params: congressParams,
    handler: async ({ context, params }) => {
      await congressRow(context.database.db, params.congressId);
      return verifyAuditLog(context);
    },
  }),
  route({
    method: 'GET',
    url: '/api/audit',
    tag: 'audit',
    summary: 'Every audit entry of the installation, newest first (roles held in every congress)',
    allow: AUDIT_READERS,
    query: z.strictObject(filters),
    handler: async ({ context, query }) => listAuditEntries(context, query),
  }),
];
