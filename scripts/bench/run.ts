import os from 'node:os';
import { benchSortNames } from './names-bench.ts';
import { median } from './prng.ts';
import { benchTally, makeRound } from './tally-bench.ts';

// `npm run bench:core`, the first part of `npm run bench`: the core's benchmarks. Each case runs
// a warm-up and then REPEATS timed runs; the median goes to BENCHMARKS.md with the command and the machine.
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

function report(name: string, runs: number[]): void {
  const shown = runs.map((ms) => ms.toFixed(1)).join(', ');
  console.log(`${name}: median ${median(runs).toFixed(1)} ms  (runs: ${shown})`);
}

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}, ${os.platform()}`,
);

{
  const input = makeRound(1_000_000, 100, 60, 1);
  benchTally(input);
  report(
    'tally 1,000,000 ballots × 100 candidates',
    Array.from({ length: REPEATS }, () => benchTally(input).ms),
  );
}
{
  const input = makeRound(2_300, 230, 205, 2);
  benchTally(input);
  report(
    'tally 2,300 ballots × 230 candidates (national congress size)',
    Array.from({ length: REPEATS }, () => benchTally(input).ms),
  );
}
{
  const warmUp = benchSortNames(100_000, 3);
  void warmUp;
  report(
    'sort 100,000 names by surname strokes',
    Array.from({ length: REPEATS }, (_, i) => benchSortNames(100_000, 3 + i).ms),
  );
}
