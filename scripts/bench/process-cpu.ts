import { readdir, readFile } from 'node:fs/promises';

// Where the machine's CPU went during a stretch of a benchmark (Linux /proc; elsewhere nothing):
// the server processes, the benchmark's own simulated devices, PostgreSQL's processes, and the
// machine as a whole. On a two-core machine that runs all of them, a latency can only be read
// next to these: a server that waits for a core is not a slow server.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  /** CPU seconds (user + system) per watched pid. */
  readonly byPid: ReadonlyMap<number, number>;
  /** CPU seconds of every process named `postgres`. */
  readonly postgres: number;
  /** The machine: busy, stolen and total seconds summed over its cores. */
  readonly machine: { readonly busy: number; readonly steal: number; readonly total: number };
}

export interface CpuUse {
  /** Seconds of CPU per watched pid over the stretch. */
  readonly byPid: ReadonlyMap<number, number>;
  readonly postgres: number;
  /** Seconds of CPU the whole machine spent, and the wall seconds × cores it had. */
  readonly machineBusy: number;
  /**
   * Of machineBusy, the seconds the hypervisor gave this VM's cores to someone else (steal): in
   * a VM, a stall of every process at once with nothing of ours to show for it.
   */
  readonly machineSteal: number;
  readonly machineTotal: number;
}

async function processSeconds(pid: number | string): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
}

async function postgresSeconds(): Promise<number> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  let seconds = 0;
  for (const pid of pids) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') seconds += (await processSeconds(pid)) ?? 0;
  }
  return seconds;
}

async function machineSeconds(): Promise<{ busy: number; steal: number; total: number }> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => '');
  const cpu = text.split('\n').find((line) => line.startsWith('cpu '));
  if (!cpu) return { busy: 0, steal: 0, total: 0 };
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0); // idle, iowait
  const steal = values[7] ?? 0;
  return {
    busy: (total - idle) / TICKS_PER_SECOND,
    steal: steal / TICKS_PER_SECOND,
    total: total / TICKS_PER_SECOND,
  };
}

export async function cpuSnapshot(pids: readonly number[]): Promise<CpuSnapshot> {
  const byPid = new Map<number, number>();
  for (const pid of pids) byPid.set(pid, (await processSeconds(pid)) ?? 0);
  return { byPid, postgres: await postgresSeconds(), machine: await machineSeconds() };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const byPid = new Map<number, number>();
  for (const [pid, seconds] of after.byPid) byPid.set(pid, seconds - (before.byPid.get(pid) ?? 0));
  return {
    byPid,
    postgres: after.postgres - before.postgres,
    machineBusy: after.machine.busy - before.machine.busy,
    machineSteal: after.machine.steal - before.machine.steal,
    machineTotal: after.machine.total - before.machine.total,
  };
}
