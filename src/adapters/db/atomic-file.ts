import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

// A backup file either is complete or is not there: it is written under a temporary name in the
// same folder (so the rename cannot cross file systems), flushed to disk, renamed over the
// target in one step, and the folder flushed so the rename itself survives a power cut.

export function temporaryPathFor(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Calls `produce` to create the temporary file, then publishes it atomically as `file`. */
export async function writeFileAtomically(
  file: string,
  produce: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await produce(temporary);
    // Backups hold delegates' personal data (names, ID numbers): readable by the owner only.
    await chmod(temporary, 0o600);
    await publish(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** fsync `temporary`, rename it to `file`, fsync the folder. */
export async function publish(temporary: string, file: string): Promise<void> {
  await fsync(temporary, 'r+');
  await rename(temporary, file);
  await fsync(path.dirname(file), 'r');
}

async function fsync(target: string, flags: string): Promise<void> {
  const handle = await open(target, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
