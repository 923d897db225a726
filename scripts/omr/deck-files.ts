import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readScanFile } from '../../src/adapters/scan/read-scan.ts';
import type { BallotDocument } from '../../src/core/documents/index.ts';
import type { ScannedFile } from '../../src/services/ballots/scanned/scan-reader.ts';
import { DECK_BALLOTS, deckBallot } from './deck.ts';
import type { DeckLine } from './write-deck.ts';

// The deck as files on disk: drawn by scripts/omr/write-deck.ts in a child process (announced line by
// line as each file is complete), and read back with the server's reader against the ballot that
// printed it. Shared by the CI deck test and `npm run bench:omr`.

const WRITER = fileURLToPath(new URL('./write-deck.ts', import.meta.url));

/** Starts the writer; yields each file's line as soon as the file is on disk. */
export async function* drawDeck(options: {
  readonly out: string;
  readonly sheets: number;
  readonly dpis: readonly number[];
  readonly seed?: number;
}): AsyncGenerator<DeckLine> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      WRITER,
      '--out',
      options.out,
      '--sheets',
      String(options.sheets),
      '--dpi',
      options.dpis.join(','),
      '--seed',
      String(options.seed ?? 14),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.trim()) yield JSON.parse(line) as DeckLine;
    }
    const code = await exited;
    if (code !== 0) throw new Error(`the deck writer exited with ${code}: ${stderr.slice(-2000)}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

const models = new Map<string, BallotDocument>();

/** The ballot a deck file was printed from (the reader needs only its model, not its rasters). */
export function deckModel(key: string): BallotDocument {
  let model = models.get(key);
  if (!model) {
    const spec = DECK_BALLOTS.find((b) => b.key === key);
    if (!spec) throw new Error(`no deck ballot ${key}`);
    model = deckBallot(spec);
    models.set(key, model);
  }
  return model;
}

/** One deck file read as the server reads an upload. */
export async function readDeckFile(dir: string, line: DeckLine): Promise<ScannedFile> {
  return readScanFile(await readFile(path.join(dir, line.name)), deckModel(line.ballot));
}
