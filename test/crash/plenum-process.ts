import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// The real server, `node bin/plenum.js serve`, as its own process group: started, waited for,
// killed with SIGKILL (the whole group) or stopped with SIGTERM. Every process started here is
// remembered, and killed when the test process exits, however it exits.

const BIN = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url));
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // detached: the child leads its own process group; a negative pid signals the whole group.
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PlenumProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** kill -9 of the process group; resolves when the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a graceful shutdown), SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `plenum serve` on a free port, SQLite in `dataDir` or, without it, PostgreSQL as `env`
 * says (DATABASE_URL, PGOPTIONS); resolves once the API answers.
 */
export async function startPlenum(options: {
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}): Promise<PlenumProcess> {
  const port = await freePort();
  const args = [
    // PLENUM_PROFILE=<folder>: each server writes its CPU profile there when it stops (benchmarks).
    ...(process.env.PLENUM_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.PLENUM_PROFILE] : []),
    BIN,
    'serve',
    '--port',
    String(port),
    ...(options.dataDir ? ['--data', options.dataDir] : []),
  ];
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, PLENUM_DATA: undefined };
  if (options.dataDir) delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  exited.then(() => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `plenum serve exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output}`,
      );
    }
    if (output.includes('Plenum is running')) {
      try {
        const response = await fetch(`${url}/api/congresses`, { signal: AbortSignal.timeout(5000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`plenum serve did not answer within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    pid: child.pid!,
    url,
    output: () => output,
    async kill9() {
      killGroup(child, 'SIGKILL');
      await exited;
    },
    async stop(graceMs = 15_000) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills (SIGKILL) every server this module started that is still running. */
export async function killAll(): Promise<void> {
  const children = [...running];
  for (const child of children) killGroup(child, 'SIGKILL');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        }),
    ),
  );
}

/** Whether a process with this pid still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
