import * as z from 'zod';
import { bilingualSchema, congressParams, instant } from './common.ts';
import { endpoint } from './endpoint.ts';
import type { Role } from './roles.ts';

// The audit log, read-only: the secretariat and the scrutineers answer for the record, so they
// read it and check its hash chain.
//
// Roles are held per congress, and so is reading: an administrator or scrutineer of a congress
// reads the entries of that congress only, not another congress's delegates, ballots or news.
// The whole log — organisations, accounts and news templates included, which serve every
// congress — is for those holding the role in every congress ('*'). The chain's verdict is the
// installation's (one chain), and names only seq numbers and hashes, so whoever reads a
// congress's entries may ask for it.
//
// Ballot secrecy [B4]: entries are returned as stored, and none stores a vote's content — an
// electronic vote's entry is { voted: true } with the delegate as actor, a paper sheet's entry
// names the teller who keyed it, not the elector.

export const AUDIT_READER_ROLES = ['admin', 'scrutineer'] as const satisfies readonly Role[];

/** The chain's head: the last entry's seq and hash (the value to record elsewhere). */
export const auditHeadSchema = z.strictObject({ seq: z.number().int(), hash: z.string() });
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const auditEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: instant,
  /** Who: account:<id>, delegate:<id>, account:system. */
  actor: z.string(),
  /** What: news.publish, round.open… */
  action: z.string(),
  /** What it was done to: round:<id>, congress:<id>/presidium… */
  subject: z.string(),
  /** The state before and after, as the service recorded it (JSON), or null. */
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The name of what an entry refers to by id; a row deleted since has none. */
export const auditLabelSchema = z.strictObject({
  name: z.string(),
  /** A round's number in its election (the name is the election's). */
  round: z.number().int().optional(),
});
export type AuditLabel = z.infer<typeof auditLabelSchema>;

export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  /** Entries matching the scope and the filters. */
  total: z.number().int(),
  /** Every action in the scope, sorted: what the action filter offers. */
  actions: z.array(z.string()),
  /** Names of the actors and subjects on this page, by reference (account:<id>, round:<id>). */
  labels: z.record(z.string(), auditLabelSchema),
  /** The chain's head when the page was read. */
  head: auditHeadSchema,
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerdictSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), entries: z.number().int(), head: auditHeadSchema }),
  z.strictObject({
    ok: z.literal(false),
    /** Entries that verified, seq 1 … brokenAt-1. */
    entries: z.number().int(),
    brokenAt: z.number().int(),
    reason: bilingualSchema,
    /** What the head row records (not to be trusted: the chain is broken). */
    head: auditHeadSchema,
  }),
]);
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;

const filters = {
  /** An action (news.publish), or a dotted prefix of actions (news, news.template). */
  action: z.string().trim().min(1).max(100).optional(),
  /** A subject (round:<id>), or the start of subjects up to a colon or slash (news, congress:<id>). */
  subject: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
};

export const congressAuditEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/audit',
  tag: 'audit',
  summary:
    'Audit entries of the congress, newest first: { entries, total, actions, labels, head }; filter by action or subject (exact, or a prefix up to . : /)',
  allow: AUDIT_READER_ROLES,
  params: congressParams,
  query: z.strictObject(filters),
  response: auditPageSchema,
});

export const verifyAuditEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/audit/verify',
  tag: 'audit',
  summary:
    "Checks the audit log's hash chain: the head (seq, hash) when it holds, or the first entry that breaks it",
  allow: AUDIT_READER_ROLES,
  params: congressParams,
  response: auditVerdictSchema,
});

export const auditEndpoint = endpoint({
  method: 'GET',
  path: '/api/audit',
  tag: 'audit',
  summary: 'Every audit entry of the installation, newest first (roles held in every congress)',
  allow: AUDIT_READER_ROLES,
  query: z.strictObject(filters),
  response: auditPageSchema,
});
