import { open } from 'node:fs/promises';

/**
 * Opens `target` (a file, or a folder with flags 'r'), flushes it to disk and closes it, in the
 * thread pool. `dataOnly`: fdatasync, the file's content and size without the rest of its
 * metadata (what SQLite's own sync of a WAL does).
 */
export async function syncFile(target: string, flags = 'r', { dataOnly = false } = {}): Promise<void> {
  const handle = await open(target, flags);
  try {
    await (dataOnly ? handle.datasync() : handle.sync());
  } finally {
    await handle.close();
  }
}
