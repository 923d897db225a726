import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The built web application (src/adapters/web → dist/web, `npm run build:web`) served by the API
// server: the files of the build with their content types, hashed assets cached for a year, and
// index.html for every other path that is not the API (the app routes in the browser). Without a
// build, pages answer 503 saying how to make one; the API works either way.

/** The repository root (this file is src/adapters/http/web-static.ts). */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Vite names built assets name-<hash>.ext: they never change, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The page's policy: scripts only from this server; inline styles are needed by antd's CSS-in-JS;
 * images may be data: URLs (delegate photos, QR codes). The app is never framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebAppOptions {
  /** Where the build is; relative paths are taken from the repository root. Default dist/web. */
  readonly root?: string;
}

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isHashedAsset(relative: string): boolean {
  return relative.startsWith('assets/') && /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relative);
}

/** The file under root that a URL path names, or null for a path that leaves root or is malformed. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

const MISSING_BUILD = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plenum：网页应用尚未构建 / web application not built</title>
<style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:10vh auto;padding:0 20px;color:#222}
h1{color:#b71c1c;font-size:24px}code{background:#f3f3f3;padding:2px 6px;border-radius:4px;font-size:16px}</style></head>
<body><h1>网页应用尚未构建</h1>
<p>服务器和接口（<code>/api</code>）正在运行，但还没有构建网页应用。请在项目目录运行：</p>
<p><code>npm run build:web</code></p><p>然后刷新本页面。</p>
<hr><h1>The web application has not been built</h1>
<p>The server and its API (<code>/api</code>) are running, but the web application has not been built yet. In the project folder, run:</p>
<p><code>npm run build:web</code></p><p>then reload this page.</p></body></html>
`;

/**
 * Registers GET (and HEAD) routes for the built web application. Call it after the API routes
 * (startServer's `extend` hook): every /api path stays the API's, including its 404s.
 */
export async function serveWebApp(app: FastifyInstance, root = 'dist/web'): Promise<void> {
  const base = path.resolve(REPOSITORY, root);
  const indexFile = path.join(base, 'index.html');

  const sendIndex = async (reply: FastifyReply) => {
    let html: Buffer;
    try {
      html = await readFile(indexFile);
    } catch {
      return reply
        .status(503)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('retry-after', '30')
        .send(MISSING_BUILD);
    }
    return reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-frame-options', 'DENY')
      .send(html);
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split(/[?#]/)[0] ?? '/';
    // The API's own unknown paths answer as the API does, in JSON.
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      return reply.status(404).send({
        error: {
          code: 'not-found',
          en: `no such endpoint: ${request.method} ${urlPath}`,
          zh: '请求的地址不存在',
        },
      });
    }
    const file = resolveInside(base, urlPath);
    if (file === null)
      return reply.status(400).header('content-type', 'text/plain; charset=utf-8').send('bad path');
    if (file !== base && file !== indexFile) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const relative = path.relative(base, file).split(path.sep).join('/');
        reply
          .status(200)
          .header('content-type', contentType(file))
          .header('content-length', info.size)
          .header('cache-control', isHashedAsset(relative) ? IMMUTABLE : REVALIDATE)
          .header('last-modified', info.mtime.toUTCString());
        return reply.send(createReadStream(file));
      }
      // A missing file with an extension (an old asset, a typo) is a 404, not the app's page:
      // a browser must not run index.html as a script.
      if (path.extname(file) !== '' && path.extname(file) !== '.html') {
        return reply
          .status(404)
          .header('content-type', 'text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send('not found');
      }
    }
    return sendIndex(reply);
  };

  app.get('/', handler);
  app.get('/*', handler);
}

/** startServer({ extend: webAppExtension() }) serves the build next to the API. */
export function webAppExtension(options: WebAppOptions = {}): (app: FastifyInstance) => Promise<void> {
  return (app) => serveWebApp(app, options.root);
}
