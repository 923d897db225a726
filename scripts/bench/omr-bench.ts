import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { drawDeck, readDeckFile } from '../omr/deck-files.ts';
import { emptyStats, reviewRate, scoreFile } from '../omr/score-deck.ts';
import type { DeckLine } from '../omr/write-deck.ts';

// Reading scanned ballots on one core (issue 14): the synthetic deck is drawn first (not timed; in a
// child process), then read file by file exactly as the server reads an upload — decoding (sharp,
// the PDF reader), fiducials, homography, QR code (zxing-wasm), every box scored, review crops cut.
// libvips is held to one thread and libuv's pool to one, so the figure is per core; it is reported
// both from the process's CPU time (robust to other load on the machine) and from the wall clock.
//
//   npm run bench:omr [-- --sheets 300 --dpi 200,300 --seed 14]

export interface OmrBenchResult {
  readonly dpi: number;
  readonly sheets: number;
  readonly files: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly sheetsPerCpuSecond: number;
  readonly sheetsPerWallSecond: number;
  readonly silentErrors: readonly string[];
  readonly reviewRate: number;
  readonly rejected: number;
  readonly spoiled: number;
  readonly falseRejections: number;
  readonly missedRejections: number;
  readonly marks: Record<string, { boxes: number; definite: number; review: number }>;
}

async function benchDpi(dpi: number, sheets: number, seed: number): Promise<OmrBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `plenum-omr-bench-${dpi}-`));
  try {
    const lines: DeckLine[] = [];
    for await (const line of drawDeck({ out: dir, sheets, dpis: [dpi], seed })) lines.push(line);
    // Warm up (wasm compiled, fonts of nothing loaded): the first file, read and not counted.
    await readDeckFile(dir, lines[0]!);
    const stats = emptyStats();
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (const line of lines) scoreFile(stats, line, await readDeckFile(dir, line));
    const wallSeconds = (performance.now() - wall) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    return {
      dpi,
      sheets: stats.sheets,
      files: stats.files,
      cpuSeconds,
      wallSeconds,
      sheetsPerCpuSecond: stats.sheets / cpuSeconds,
      sheetsPerWallSecond: stats.sheets / wallSeconds,
      silentErrors: stats.silentErrors,
      reviewRate: reviewRate(stats),
      rejected: stats.rejected,
      spoiled: stats.spoiled,
      falseRejections: stats.falseRejections.length,
      missedRejections: stats.missedRejections.length,
      marks: stats.marks,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sheets: { type: 'string', default: '300' },
      dpi: { type: 'string', default: '200' },
      seed: { type: 'string', default: '14' },
    },
  });
  // One core: libvips's own threads and its decode concurrency held to one.
  sharp.concurrency(1);
  const load = os.loadavg();
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores, ` +
      `load ${load.map((l) => l.toFixed(2)).join(' ')}, node ${process.version}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '(default)'}`,
  );
  let silent = 0;
  for (const dpi of values.dpi.split(',').map(Number)) {
    const r = await benchDpi(dpi, Number(values.sheets), Number(values.seed));
    silent += r.silentErrors.length;
    console.log(
      `\n${dpi} dpi: ${r.sheets} sheets in ${r.files} files (the deck's mix of grey, tinted and colour)`,
    );
    console.log(`sheets per second per core: ${r.sheetsPerCpuSecond.toFixed(2)}`);
    console.log(
      `  (CPU ${r.cpuSeconds.toFixed(1)} s; wall clock ${r.wallSeconds.toFixed(1)} s = ${r.sheetsPerWallSecond.toFixed(2)} sheets/s)`,
    );
    console.log(`silent errors: ${r.silentErrors.length}`);
    for (const e of r.silentErrors.slice(0, 20)) console.log(`  ${e}`);
    console.log(`review rate: ${r.reviewRate.toFixed(2)} %`);
    console.log(
      `  by mark drawn (boxes: read definitely / sent to review): ${Object.entries(r.marks)
        .map(([mark, m]) => `${mark} ${m.boxes}: ${m.definite}/${m.review}`)
        .join(', ')}`,
    );
    console.log(
      `rejected: ${r.rejected} of ${r.spoiled} spoiled (false rejections ${r.falseRejections}, missed ${r.missedRejections})`,
    );
  }
  console.log(
    `\nload after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (silent > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
