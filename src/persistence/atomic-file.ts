import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFile } from './file-sync.ts';

// A backup file either is complete or is not there: it is written under a temporary name in the
// same folder (so the rename cannot cross file systems), flushed to disk, renamed over the
// target in one step, and the folder flushed so the rename itself survives a power cut.
//
// A temporary file is removed when the work fails, when the process is stopped by SIGINT or
// SIGTERM (removeTemporariesNow, which the CLI calls), and — for a process killed outright, which
// can clean nothing — by the next backup, restore or server start in that folder
// (removeStaleTemporaries): its name carries the pid of the process that wrote it.

/** `.plenum.sqlite.1234.9f3a0c1e.tmp`, and SQLite's companions of such a file (-wal, -shm, -journal). */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(-wal|-shm|-journal)?$/;

/** Temporary files this process has made and not yet published or removed. */
const live = new Set<string>();

export function temporaryPathFor(file: string): string {
  const dir = path.dirname(file);
  const temporary = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  live.add(temporary);
  return temporary;
}

/** Calls `produce` to create the temporary file, then publishes it atomically as `file`. */
export async function writeFileAtomically(
  file: string,
  produce: (temporary: string) => Promise<void>,
): Promise<void> {
  await removeStaleTemporaries(path.dirname(file));
  const temporary = temporaryPathFor(file);
  try {
    await produce(temporary);
    // Backups hold delegates' personal data (names, ID numbers): readable by the owner only.
    await chmod(temporary, 0o600);
    await publish(temporary, file);
  } catch (error) {
    await discardTemporary(temporary);
    throw error;
  }
}

/** fsync `temporary`, rename it to `file`, fsync the folder. */
export async function publish(temporary: string, file: string): Promise<void> {
  await syncFile(temporary, 'r+');
  await rename(temporary, file);
  live.delete(temporary);
  await syncFile(path.dirname(file));
}

/** Removes a temporary file and SQLite's companions of it. */
export async function discardTemporary(temporary: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${temporary}${suffix}`, { force: true });
  live.delete(temporary);
}

/**
 * Removes, synchronously, every temporary file this process still has: for a signal handler,
 * just before the process exits.
 */
export function removeTemporariesNow(): void {
  for (const temporary of live) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temporary}${suffix}`, { force: true });
  }
  live.clear();
}

/**
 * Removes the temporary files in `folder` left by processes that no longer run (a backup or
 * restore killed outright). Files of a process still running are its own business.
 */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    // In a container the server may get the same pid at every start: by pid alone, a file left
    // by an earlier run would look like this process's own.
    const ours =
      pid === process.pid &&
      live.has(path.join(folder, name.slice(0, name.length - (match[2]?.length ?? 0))));
    if (ours || (pid !== process.pid && isAlive(pid))) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
