import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/persistence/index.ts';
import { median } from './prng.ts';

/**
 * A database for one benchmark run: PostgreSQL in a throwaway schema when a URL is given, else
 * SQLite in a temp folder; `dispose` removes it.
 */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
  label: string,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (databaseUrl) {
    const schema = `${label.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
    const database = await openDatabase({ url: databaseUrl, schema, poolSize: 10 });
    return {
      database,
      dispose: async () => {
        await database.close();
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `plenum-${label}-`));
  const database = await openDatabase({ dataDir });
  return {
    database,
    dispose: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LatencySummary {
  readonly count: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Median, 90th and 99th percentiles (nearest rank) and maximum of request latencies. */
export function summariseLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0;
  return {
    count: sorted.length,
    medianMs: sorted.length ? median(sorted) : 0,
    p90Ms: rank(0.9),
    p99Ms: rank(0.99),
    maxMs: sorted.at(-1) ?? 0,
  };
}
