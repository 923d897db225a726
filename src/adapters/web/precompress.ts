import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

// Writes name.br and name.gz beside each text file of a build, compressed once at the highest
// settings, so that the server (src/adapters/http/web-static.ts) sends them as they are: a hall
// of phones loading the same page at once costs the server no compression.

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What compresses well; images, fonts in woff2 and wasm already are, or are not worth it. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|wasm|ttf|otf|webmanifest)$/;
/** Below a packet or two, compression saves nothing worth a second file. */
const MIN_BYTES = 512;

/** Writes .br and .gz beside each compressible file; returns how many it compressed. */
export async function precompressFiles(paths: readonly string[]): Promise<number> {
  const files = paths.filter((f) => COMPRESSIBLE.test(f));
  let done = 0;
  for (const file of files) {
    if ((await stat(file)).size < MIN_BYTES) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipped(content, { level: 9 }),
    ]);
    // A compressed copy no smaller than the file is not sent; the server then sends the file.
    if (br.length < content.length) await writeFile(`${file}.br`, br);
    if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
    done++;
  }
  return done;
}

/**
 * The Vite plugin: compresses the files of this build once they are written (only its own: the
 * light voting page's build writes into the same folder after the console's).
 */
export function precompress(): Plugin {
  return {
    name: 'plenum-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      await precompressFiles(Object.keys(bundle).map((name) => path.join(dir, name)));
    },
  };
}
