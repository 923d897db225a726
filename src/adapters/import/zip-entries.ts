// The entries of a ZIP archive (an .xlsx is one), unpacked with a budget: the sizes an archive
// declares may lie, so every entry is inflated with zlib's maxOutputLength and the budget is what
// is really produced. A 618 KB workbook can unpack to gigabytes; this stops at the budget, in the
// thread pool, before any spreadsheet library sees the file.

import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflate = promisify(inflateRaw);

export interface ZipEntry {
  readonly name: string;
  readonly content: Buffer;
}

export type ZipProblem = 'damaged' | 'too-large' | 'too-many-entries';

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem}`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Inflating in large pieces: with zlib's 16 KB default a 32 MB part takes ten times as long. */
const CHUNK = 1024 * 1024;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/**
 * Every file in the archive, unpacked, in directory order. Refuses (ZipRefused) an archive that
 * is not a plain ZIP (ZIP64, encrypted, unknown compression, inconsistent offsets), that has more
 * than `maxEntries` entries, or whose entries unpack to more than `maxBytes` together.
 */
export async function unzipWithin(
  archive: Buffer,
  limits: { readonly maxBytes: number; readonly maxEntries: number },
): Promise<ZipEntry[]> {
  const end = findEnd(archive);
  const count = archive.readUInt16LE(end + 10);
  const directorySize = archive.readUInt32LE(end + 12);
  const directoryOffset = archive.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mark ZIP64, which no spreadsheet program needs for a list of delegates.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused('damaged');
  if (count > limits.maxEntries) throw new ZipRefused('too-many-entries');
  if (directoryOffset + directorySize > end) throw new ZipRefused('damaged');
  // What the directory declares is checked first: an honest bomb is refused without unpacking.
  let declared = 0;
  for (let i = 0, at = directoryOffset; i < count; i++) {
    if (at + 46 > end || archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipRefused('damaged');
    declared += archive.readUInt32LE(at + 24);
    at += 46 + archive.readUInt16LE(at + 28) + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  if (declared > limits.maxBytes) throw new ZipRefused('too-large');
  const entries: ZipEntry[] = [];
  let budget = limits.maxBytes;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipRefused('damaged');
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new ZipRefused('damaged'); // encrypted
    if (localOffset + 30 > archive.length || archive.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new ZipRefused('damaged');
    const dataStart =
      localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > archive.length) throw new ZipRefused('damaged');
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) {
      content = data;
    } else if (method === 8) {
      try {
        // One byte more than the budget: an entry that fills it exactly is still accepted.
        content = await inflate(data, { maxOutputLength: Math.max(1, budget + 1), chunkSize: CHUNK });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ZipRefused('too-large');
        throw new ZipRefused('damaged');
      }
    } else {
      throw new ZipRefused('damaged');
    }
    budget -= content.length;
    if (budget < 0) throw new ZipRefused('too-large');
    if (!name.endsWith('/')) entries.push({ name: name.replace(/^\//, ''), content });
  }
  return entries;
}

function findEnd(archive: Buffer): number {
  const stop = Math.max(0, archive.length - END_SEARCH);
  for (let at = archive.length - 22; at >= stop; at--) {
    if (archive.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipRefused('damaged');
}
