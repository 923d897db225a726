import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { AuditEntry, AuditPage, AuditVerdict } from '../../contract/audit.ts';
import { auditHead, inReadTransaction, verifyAuditChain } from '../../persistence/index.ts';
import type { Schema } from '../../persistence/schema.ts';
import { congressRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { auditLabels } from './audit-labels.ts';
import { inCongress } from './congress-scope.ts';

// Reading the audit log: a page of entries, newest first, of one congress or of the whole
// installation, filtered by action and subject; and the verdict on the hash chain. Read-only:
// nothing here writes, so nothing here is audited. Entries are shown as stored — they were
// written to be shown: an electronic vote's entry names the delegate who voted and the round,
// never the marks or the receipt [B4]; a delegate's ID number is stored masked.

export interface AuditQuery {
  /** The congress whose entries to read; undefined: every entry of the installation. */
  readonly congressId?: string;
  /** An action (news.publish), or a dotted prefix of actions (news, news.template). */
  readonly action?: string;
  /** A subject (round:<id>), or the start of subjects up to a colon or slash (news, congress:<id>). */
  readonly subject?: string;
  readonly limit?: number;
  readonly offset?: number;
}

const AUDIT_PAGE_SIZE = 50;

type AuditBuilder = ExpressionBuilder<Schema, 'audit_log'>;

/** `column` equals `value`, or starts with `value` followed by one of `separators`. */
function equalsOrUnder(
  eb: AuditBuilder,
  column: 'audit_log.action' | 'audit_log.subject',
  value: string,
  separators: readonly string[],
): Expression<SqlBool> {
  // substr counts characters on both engines, as the spread counts code points.
  const length = [...value].length + 1;
  const start = sql<string>`substr(${sql.ref(column)}, 1, ${sql.lit(length)})`;
  return eb.or([
    eb(column, '=', value),
    eb(
      start,
      'in',
      separators.map((s) => value + s),
    ),
  ]);
}

export async function listAuditEntries(context: ServiceContext, query: AuditQuery): Promise<AuditPage> {
  const { database } = context;
  return inReadTransaction(database, async (db) => {
    if (query.congressId !== undefined) await congressRow(db, query.congressId);
    const scoped = db
      .selectFrom('audit_log')
      .$if(query.congressId !== undefined, (q) =>
        q.where((eb) => inCongress(eb, query.congressId!, database.dialect)),
      );
    const filtered = scoped
      .$if(query.action !== undefined, (q) =>
        q.where((eb) => equalsOrUnder(eb, 'audit_log.action', query.action!, ['.'])),
      )
      .$if(query.subject !== undefined, (q) =>
        q.where((eb) => equalsOrUnder(eb, 'audit_log.subject', query.subject!, [':', '/'])),
      );
    const total = await filtered
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await filtered
      .selectAll('audit_log')
      .orderBy('audit_log.seq', 'desc')
      .limit(query.limit ?? AUDIT_PAGE_SIZE)
      .offset(query.offset ?? 0)
      .execute();
    const actions = await scoped.select('audit_log.action').distinct().orderBy('audit_log.action').execute();
    const entries = rows.map(
      (row): AuditEntry => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        before: row.before_json === null ? null : JSON.parse(row.before_json),
        after: row.after_json === null ? null : JSON.parse(row.after_json),
        prevHash: row.prev_hash,
        hash: row.hash,
      }),
    );
    return {
      entries,
      total: Number(total.n),
      actions: actions.map((a) => a.action),
      labels: await auditLabels(
        db,
        entries.flatMap((e) => [e.actor, e.subject]),
      ),
      head: await auditHead(db),
    };
  });
}

/**
 * The whole chain checked on one snapshot, as `plenum audit verify` does: the head (seq and hash,
 * the value to record elsewhere) when it holds, else the first entry that breaks it. One chain
 * serves every congress, so the verdict is the installation's.
 */
export async function verifyAuditLog(context: ServiceContext): Promise<AuditVerdict> {
  return inReadTransaction(context.database, async (db) => {
    const verdict = await verifyAuditChain(db);
    const head = await auditHead(db);
    if (verdict.ok) return { ok: true, entries: verdict.entries, head };
    return {
      ok: false,
      entries: verdict.entries,
      brokenAt: verdict.brokenAt,
      // The verifier explains in English; the Chinese names the place and what may have happened.
      reason: {
        en: verdict.reason,
        zh: `第${verdict.brokenAt}条记录缺失、被改动或顺序不符，其后的记录无法验证`,
      },
      head,
    };
  });
}

/** The verdict, asked for from a congress's audit page (404 for a congress that does not exist). */
export async function verifyCongressAuditLog(
  context: ServiceContext,
  congressId: string,
): Promise<AuditVerdict> {
  await congressRow(context.database.db, congressId);
  return verifyAuditLog(context);
}
