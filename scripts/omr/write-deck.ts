import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DECK_BALLOTS, generateDeck, type PreparedBallot, prepareBallot, type SheetTruth } from './deck.ts';

// Writes the synthetic deck to a folder, one file at a time, and announces each on stdout as one JSON
// line `{ name, ballot, mediaType, truths }` once the file is complete. Run as its own process so that
// a reader (the CI deck test, the benchmark) reads one file while the next is being drawn: the two
// halves then use both cores of a small CI machine instead of one.
//
//   node --import tsx scripts/omr/write-deck.ts --out DIR [--sheets 300] [--dpi 200[,300]] [--seed 14]

export interface DeckLine {
  readonly name: string;
  readonly ballot: string;
  readonly mediaType: string;
  readonly truths: readonly SheetTruth[];
}

export async function writeDeck(options: {
  readonly out: string;
  readonly sheets: number;
  readonly dpis: readonly number[];
  readonly seed?: number;
  readonly onFile: (line: DeckLine) => void;
}): Promise<void> {
  mkdirSync(options.out, { recursive: true });
  const ballots: PreparedBallot[] = [];
  for (const spec of DECK_BALLOTS) ballots.push(await prepareBallot(spec, options.dpis));
  for await (const file of generateDeck(ballots, { sheets: options.sheets, seed: options.seed })) {
    writeFileSync(path.join(options.out, file.name), file.bytes);
    options.onFile({ name: file.name, ballot: file.ballot, mediaType: file.mediaType, truths: file.truths });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      sheets: { type: 'string', default: '300' },
      dpi: { type: 'string', default: '200' },
      seed: { type: 'string', default: '14' },
    },
  });
  if (!values.out) throw new Error('--out DIR is required');
  await writeDeck({
    out: values.out,
    sheets: Number(values.sheets),
    dpis: values.dpi.split(',').map(Number),
    seed: Number(values.seed),
    onFile: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
