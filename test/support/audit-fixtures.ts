import { appendAudit } from '../../src/persistence/audit-log.ts';
import type { Database } from '../../src/persistence/connection.ts';
import { inTransaction } from '../../src/persistence/transaction.ts';

/** A fixed clock for audit entries: 2025-06-01 08:30:00 UTC plus `i` seconds. */
export function at(i: number): string {
  return new Date(Date.UTC(2025, 5, 1, 8, 30, 0) + i * 1000).toISOString();
}

/**
 * `count` write transactions, each setting a meta key and auditing it with Chinese text, nested
 * before/after values and nulls, the way services will.
 */
export async function populate(database: Database, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await inTransaction(database, async (trx) => {
      const key = `setting-${i % 7}`;
      const before = await trx.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
      const value = `第${i}次代表大会`;
      if (before) await trx.updateTable('meta').set({ value }).where('key', '=', key).execute();
      else await trx.insertInto('meta').values({ key, value }).execute();
      await appendAudit(trx, {
        actor: i % 2 === 0 ? 'secretariat:王宁' : 'teller:丁小强',
        action: 'meta.set',
        subject: `meta:${key}`,
        before: before ? { value: before.value } : undefined,
        after: { value, seats: i, quorum: { present: 413, expected: 417 }, note: null },
        at: at(i),
      });
    });
  }
}
