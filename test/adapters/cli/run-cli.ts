import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// Runs the real `plenum` command (bin/plenum.js, through tsx) as a child process, the way scripts
// and acceptance checks call it (cli-contract.md). Each run costs about half a second, so runs are
// pooled: test files use describe.concurrent and this module caps how many children run at once.

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/plenum.js', import.meta.url));
const TIMEOUT_MS = 30_000;
const MAX_CHILDREN = Math.max(2, Math.min(4, availableParallelism()));

export interface CliRun {
  /** Exit status (null only if the child was killed by a signal). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout exactly as written, as bytes. */
  readonly stdoutBytes: Buffer;
  /** stdout decoded as UTF-8. */
  readonly stdout: string;
  readonly stderr: string;
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_CHILDREN) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** `node bin/plenum.js ...args` with `stdin` piped in; resolves when the process has exited. */
export async function runCli(args: readonly string[], stdin: string | Buffer = ''): Promise<CliRun> {
  const release = await slot();
  try {
    return await new Promise<CliRun>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stdoutBytes = Buffer.concat(out);
        resolve({
          code,
          signal,
          stdoutBytes,
          stdout: stdoutBytes.toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        });
      });
      // A command that exits before reading all of stdin must not fail the test with EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(stdin);
    });
  } finally {
    release();
  }
}

/** `plenum names sort ...flags` on the given lines. */
export function namesSort(input: string, flags: readonly string[] = []): Promise<CliRun> {
  return runCli(['names', 'sort', ...flags], input);
}

/** `plenum tally` on a round given as an object (serialised as JSON) or as raw text. */
export function tally(input: unknown): Promise<CliRun> {
  return runCli(['tally'], typeof input === 'string' ? input : JSON.stringify(input));
}

/** A successful tally: exit 0, nothing on stderr, one JSON document on stdout. */
export function expectTallyResult(run: CliRun): TallyOutput {
  expect(run.stderr, 'stderr of a successful tally').toBe('');
  expect(run.code, `exit status (stderr: ${run.stderr})`).toBe(0);
  return JSON.parse(run.stdout) as TallyOutput;
}

/**
 * cli-contract.md: "exit status 2 means the input was unusable, with one line on stderr that names
 * the field and what is wrong. Nothing is ever written to stdout on exit 2." Never a stack trace.
 */
export function expectUsageError(run: CliRun, ...mentions: readonly string[]): string {
  expect(run.code, `exit status (stdout: ${run.stdout.slice(0, 300)} stderr: ${run.stderr})`).toBe(2);
  expect(run.stdoutBytes.length, 'nothing on stdout on exit 2').toBe(0);
  expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
  const line = run.stderr.replace(/\r?\n$/, '');
  expect(line.trim(), 'an explanation on stderr').not.toBe('');
  expect(line, 'exactly one line on stderr').not.toMatch(/[\r\n]/);
  for (const text of mentions) expect(line, `stderr names ${text}`).toContain(text);
  return line;
}

// The output of `plenum tally` (cli-contract.md, "Output").

export type Outcome =
  | 'no-quorum'
  | 'invalid-candidacy'
  | 'void'
  | 'complete'
  | 'runoff-required'
  | 'shortfall';

export interface ResultRow {
  readonly name: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly writeIn: boolean;
  readonly qualified: boolean;
  readonly elected: boolean;
}

export interface TallyOutput {
  readonly outcome: Outcome;
  readonly quorum: { rule: string; met: boolean; present: number; expected: number };
  readonly candidacy: { rule: string; ok: boolean; candidates: number; seats: number };
  readonly validity: { rule: string; valid: boolean; issued: number; returned: number };
  readonly ballots: { returned: number; valid: number; invalid: number };
  readonly threshold: { rule: string; base: number; minimumFor: number };
  readonly results: readonly ResultRow[];
  readonly elected: readonly string[];
  readonly electedAlternates?: readonly string[];
  readonly advancing?: readonly string[];
  readonly runoff: { seats: number; candidates: readonly string[] } | null;
  readonly shortfall: number;
}

// Building rounds by hand.

type MarkValue = 'for' | 'against' | 'abstain' | 'unreadable';

/** `count` identical ballots marking `for` each of `names`. */
export function votes(
  count: number,
  ...names: readonly string[]
): { count: number; marks: Record<string, MarkValue> } {
  return { count, marks: Object.fromEntries(names.map((name) => [name, 'for' as const])) };
}

/** A round with sensible defaults: local congress, committee members, everybody present. */
export function round(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    ruleSet: 'local-congress',
    office: 'committee-member',
    round: 'formal',
    electors: { expected: 10, present: 10 },
    ballotsIssued: 10,
    options: {},
    ...fields,
  };
}
