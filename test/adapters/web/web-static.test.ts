import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  resolveInside,
  serveWebApp,
} from '../../../src/adapters/http/web-static.ts';

// The built web application as the server serves it (src/adapters/http/web-static.ts), on a
// stand-in build in a temporary folder.

let folder: string;
let app: FastifyInstance;

async function serve(root: string): Promise<FastifyInstance> {
  const server = Fastify();
  server.get('/api/session', async () => ({ kind: 'public' }));
  await serveWebApp(server, root);
  return server;
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-web-'));
  await mkdir(path.join(folder, 'assets'));
  await writeFile(
    path.join(folder, 'index.html'),
    '<!doctype html><title>Plenum</title><div id="root"></div>',
  );
  await writeFile(path.join(folder, 'assets', 'index-B4x9Kq2Z.js'), 'console.log(1)');
  await writeFile(path.join(folder, 'assets', 'index-C0ffee12.css'), 'body{}');
  await writeFile(path.join(folder, 'robots.txt'), 'User-agent: *');
  app = await serve(folder);
});

afterEach(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

describe('serving the built web application', () => {
  it('serves index.html at / without letting browsers keep it', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.body).toContain('<div id="root">');
  });

  it('serves hashed assets with their content type and a long cache', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-B4x9Kq2Z.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log(1)');
    const css = await app.inject({ method: 'GET', url: '/assets/index-C0ffee12.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const txt = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['cache-control']).toBe('no-cache');
  });

  it('answers every application path with index.html (the app routes in the browser)', async () => {
    for (const url of [
      '/login',
      '/c/abc/checkin?desk=1',
      '/c/abc/screen',
      '/public/c/abc',
      '/c/abc/console/delegates/import',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('leaves the API alone: its routes answer, its unknown paths are JSON 404s', async () => {
    const session = await app.inject({ method: 'GET', url: '/api/session' });
    expect(session.json()).toEqual({ kind: 'public' });
    const missing = await app.inject({ method: 'GET', url: '/api/nothing/here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not-found');
    expect(missing.json().error.zh).toBe('请求的地址不存在');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-gone1234.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('never serves a file outside the build', async () => {
    await writeFile(path.join(path.dirname(folder), 'secret.txt'), 'secret');
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toBe('secret');
    }
    expect(resolveInside(folder, '/../../etc/passwd')).toBe(path.join(folder, 'etc', 'passwd'));
    expect(resolveInside(folder, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(folder, '/a%00b')).toBeNull();
  });

  it('says how to build the app when there is no build (503), while the API still works', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'plenum-web-empty-'));
    const server = await serve(empty);
    try {
      const page = await server.inject({ method: 'GET', url: '/c/abc/screen' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('npm run build:web');
      expect(page.body).toContain('网页应用尚未构建');
      expect((await server.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    } finally {
      await server.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
