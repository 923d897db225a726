import { type AuditEntry, appendAudit, inTransaction, type WriteTransaction } from '../adapters/db/index.ts';
import { type Actor, actorLabel } from './actor.ts';
import { nowIso, type ServiceContext } from './context.ts';

export interface Change<T> {
  /** What the caller gets back. */
  readonly result: T;
  /** The audit entry: what changed, on what, with the state before and after. */
  readonly audit: {
    readonly action: string;
    readonly subject: string;
    readonly before?: unknown;
    readonly after?: unknown;
  };
}

export type AuditedChange<T> = (trx: WriteTransaction, at: string) => Promise<Change<T>>;

/**
 * Every write is one transaction with its audit entry: both commit, or neither does. A refused
 * request (a thrown error) changes nothing. `fn` may run more than once on PostgreSQL
 * (serialization retry), so it must not publish events or touch anything outside `trx`.
 */
export async function auditedWrite<T>(
  context: ServiceContext,
  actor: Actor,
  fn: AuditedChange<T>,
): Promise<T> {
  return inTransaction(context.database, (trx) =>
    applyAuditedChange(context, actor, trx, fn, (entry) => appendAudit(trx, entry)),
  );
}

/** Runs one change and appends its audit entry with `append`, inside the caller's transaction. */
export async function applyAuditedChange<T>(
  context: ServiceContext,
  actor: Actor,
  trx: WriteTransaction,
  fn: AuditedChange<T>,
  append: (entry: AuditEntry) => Promise<unknown>,
): Promise<T> {
  const at = nowIso(context);
  const change = await fn(trx, at);
  await append({
    actor: actorLabel(actor),
    at,
    action: change.audit.action,
    subject: change.audit.subject,
    ...(change.audit.before === undefined ? {} : { before: change.audit.before }),
    ...(change.audit.after === undefined ? {} : { after: change.audit.after }),
  });
  return change.result;
}
