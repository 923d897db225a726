import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import * as inert from '../../../src/adapters/web/src/vote-inert-zod.ts';
import { STREAM_EVENT_TYPES as REAL_TYPES } from '../../../src/contract/events.ts';

// The light voting page is built with inert schemas in place of zod (vite.vote.config.ts). That
// holds only while the contract asks of zod nothing more at load time than they give: each z.*
// it calls must exist, and what it reads from a schema (the stream's event types) must come out
// the same.

const CONTRACT = fileURLToPath(new URL('../../../src/contract/', import.meta.url));

describe('the inert schemas of the light voting page', () => {
  it('have every z.* the contract calls', async () => {
    const used = new Set<string>();
    for (const file of await readdir(CONTRACT)) {
      const text = await readFile(path.join(CONTRACT, file), 'utf8');
      // Values only: type positions (z.infer<…>, z.ZodType in a type) are erased at build.
      for (const match of text.matchAll(/\bz\.([a-zA-Z]+)\s*[(.]/g)) used.add(match[1]!);
    }
    const missing = [...used].filter((name) => !(name in inert));
    expect(missing).toEqual([]);
  });

  it('give the contract the same stream event types as zod does', async () => {
    vi.resetModules();
    vi.doMock('zod', () => inert);
    try {
      const events = await import('../../../src/contract/events.ts');
      expect(events.STREAM_EVENT_TYPES).toEqual(REAL_TYPES);
      const procedure = await import('../../../src/contract/procedure.ts');
      expect(procedure.castAdoptionBallotEndpoint.path).toBe(
        '/api/congresses/:congressId/adoption-votes/:voteId/ballots',
      );
    } finally {
      vi.doUnmock('zod');
      vi.resetModules();
    }
  });
});
