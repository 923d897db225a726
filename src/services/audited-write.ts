import { type AuditEntry, appendAudit, inTransaction, type WriteTransaction } from '../persistence/index.ts';
import { type Actor, actorLabel } from './actor.ts';
import { Announcements } from './announcements.ts';
import { nowIso, type ServiceContext } from './context.ts';
import type { Announcement } from './event-types.ts';

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
  /**
   * What the live stream announces (event-types.ts): stored in the same transaction, delivered
   * once it has committed, by every server instance.
   */
  readonly events?: readonly Announcement[];
}

export type AuditedChange<T> = (trx: WriteTransaction, at: string) => Promise<Change<T>>;

/**
 * Every write is one transaction with its audit entry and its announcements: all commit, or
 * none does. A refused request (a thrown error) changes nothing. `fn` may run more than once on
 * PostgreSQL (serialization retry), so it must not touch anything outside `trx`: the events it
 * returns are stored once, with the attempt that commits, and reach the streams after the commit.
 */
export async function auditedWrite<T>(
  context: ServiceContext,
  actor: Actor,
  fn: AuditedChange<T>,
): Promise<T> {
  const { result, stored } = await inTransaction(context.database, async (trx) => {
    const announcements = new Announcements(context.events.check);
    const result = await applyAuditedChange(
      context,
      actor,
      trx,
      fn,
      (entry) => appendAudit(trx, entry),
      announcements,
    );
    return { result, stored: await announcements.store(trx, nowIso(context)) };
  });
  if (stored.length > 0) context.events.committed(stored, context.database);
  return result;
}

/**
 * Runs one change and appends its audit entry with `append`, inside the caller's transaction; its
 * announcements go to `announcements`, which the caller stores before committing.
 */
export async function applyAuditedChange<T>(
  context: ServiceContext,
  actor: Actor,
  trx: WriteTransaction,
  fn: AuditedChange<T>,
  append: (entry: AuditEntry) => Promise<unknown>,
  announcements: Announcements,
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
  if (change.events) announcements.add(change.events);
  return change.result;
}
