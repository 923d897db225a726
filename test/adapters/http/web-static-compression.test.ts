import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, serveWebApp } from '../../../src/adapters/http/web-static.ts';
import { precompressFiles } from '../../../src/adapters/web/precompress.ts';

// The build's pre-compressed copies (src/adapters/web/precompress.ts writes them) as the server
// sends them: brotli or gzip as the browser accepts, the plain file otherwise; hashed assets
// kept for a year, pages revalidated; and the delegate's address answered by the light page.

let folder: string;
let app: FastifyInstance;
const script = `console.log(${JSON.stringify('选票 '.repeat(400))});\n`;
const INDEX = `<!doctype html><title>console</title><div id="root"></div>${'<!-- console -->'.repeat(60)}`;
const VOTE = `<!doctype html><title>电子投票</title><div id="root"></div>${'<!-- light -->'.repeat(60)}`;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-web-br-'));
  await mkdir(path.join(folder, 'assets'));
  const files = {
    'index.html': INDEX,
    'vote.html': VOTE,
    'assets/vote-B4x9Kq2Z.js': script,
    'assets/tiny-C0ffee12.css': 'body{}',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  await precompressFiles(Object.keys(files).map((name) => path.join(folder, name)));
  app = Fastify();
  await serveWebApp(app, folder);
});

afterAll(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('pre-compressed static files', () => {
  it('are written beside each file worth compressing, and decompress to it', async () => {
    const js = path.join(folder, 'assets/vote-B4x9Kq2Z.js');
    expect(brotliDecompressSync(await readFile(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(await readFile(`${js}.gz`)).toString()).toBe(script);
    // A file of a few bytes is not worth a second copy.
    await expect(readFile(path.join(folder, 'assets/tiny-C0ffee12.css.br'))).rejects.toThrow();
  });

  it('sends brotli to a browser that takes it, with the immutable cache of a hashed asset', async () => {
    const response = await get('/assets/vote-B4x9Kq2Z.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toBe('accept-encoding');
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await get('/assets/vote-B4x9Kq2Z.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const refused = await get('/assets/vote-B4x9Kq2Z.js', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/vote-B4x9Kq2Z.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // No compressed copy: the file as it is, whatever the browser accepts.
    const tiny = await get('/assets/tiny-C0ffee12.css', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('body{}');
  });

  it('sends pages compressed too, never to be kept (no-cache)', async () => {
    const page = await get('/c/abc/console', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(INDEX);
  });

  it("answers the delegate's voting address with the light page, the console's with index.html", async () => {
    for (const url of ['/c/abc/vote', '/c/abc/vote/', '/c/abc/vote?code=K7QH2M9P', '/c/%E4%B8%80/vote']) {
      const page = await get(url, 'gzip');
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-encoding'], url).toBe('gzip');
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(gunzipSync(page.rawPayload).toString(), url).toBe(VOTE);
    }
    expect((await get('/c/abc/checkin')).body).toBe(INDEX);
    expect((await get('/c/abc/vote/more')).body).toBe(INDEX);
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=1.0, gzip;q=0.8, *;q=0.1')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0')).toEqual([]);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
