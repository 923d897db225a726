import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** All of stdin as UTF-8 text, without a byte-order mark. */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** Writes and waits until the data is handed to the OS, so nothing is lost when the process exits. */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export { checkJsonDepth, MAX_JSON_DEPTH } from '../../services/json-text.ts';

/** Splits text into lines at CR LF, LF or a lone CR (old Mac files, some spreadsheet exports). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
