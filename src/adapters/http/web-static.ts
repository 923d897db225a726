import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The built web application (src/adapters/web → dist/web, `npm run build:web`) served by the API
// server: the files of the build with their content types, hashed assets cached for a year, and
// index.html for every other path that is not the API (the app routes in the browser), except the
// delegate's voting page, which has a light page of its own (vote.html). The build writes .br and
// .gz copies beside its files (src/adapters/web/precompress.ts); they are sent to browsers that
// accept them, so a hall of phones costs no compression and the least Wi-Fi. Without a build,
// pages answer 503 saying how to make one; the API works either way.

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

/** The delegate's voting page, /c/:congressId/vote: served from vote.html, the light page. */
const VOTE_PAGE = /^\/c\/[^/]+\/vote\/?$/;

export type Encoding = 'br' | 'gzip';

/**
 * The encodings an Accept-Encoding header allows, best first (brotli is smaller than gzip):
 * a coding listed with q=0 is refused, `*` allows both.
 */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const allowed = new Map<string, boolean>();
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    allowed.set(name.trim(), q === undefined || Number(q.slice(2)) > 0);
  }
  const ok = (coding: string) => allowed.get(coding) ?? allowed.get('*') ?? false;
  return (['br', 'gzip'] as const).filter(ok);
}

const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** The file to send for an encoding the browser accepts and the build wrote, or the file itself. */
async function pickVariant(
  file: string,
  accepted: readonly Encoding[],
): Promise<{ path: string; size: number; mtime: Date; encoding: Encoding | null } | null> {
  for (const encoding of accepted) {
    const info = await stat(file + SUFFIX[encoding]).catch(() => null);
    if (info?.isFile())
      return { path: file + SUFFIX[encoding], size: info.size, mtime: info.mtime, encoding };
  }
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? { path: file, size: info.size, mtime: info.mtime, encoding: null } : null;
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

  const voteFile = path.join(base, 'vote.html');

  /** An HTML page of the app: never kept by browsers (a new build must be seen at once). */
  const sendPage = async (request: FastifyRequest, reply: FastifyReply, file: string) => {
    const variant = await pickVariant(file, acceptedEncodings(request.headers['accept-encoding']));
    let html: Buffer;
    try {
      if (!variant) throw new Error('no build');
      html = await readFile(variant.path);
    } catch {
      return reply
        .status(503)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('retry-after', '30')
        .send(MISSING_BUILD);
    }
    if (variant.encoding) reply.header('content-encoding', variant.encoding);
    return reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .header('vary', 'accept-encoding')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-frame-options', 'DENY')
      .send(html);
  };

  /** The delegate's light page where the build has one (older builds: the app's index.html). */
  const votePage = async () => ((await stat(voteFile).catch(() => null))?.isFile() ? voteFile : indexFile);

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
    if (VOTE_PAGE.test(urlPath)) return sendPage(request, reply, await votePage());
    if (file !== base && file !== indexFile && file !== voteFile) {
      const variant = (await stat(file).catch(() => null))?.isFile()
        ? await pickVariant(file, acceptedEncodings(request.headers['accept-encoding']))
        : null;
      if (variant) {
        const relative = path.relative(base, file).split(path.sep).join('/');
        if (variant.encoding) reply.header('content-encoding', variant.encoding);
        reply
          .status(200)
          .header('content-type', contentType(file))
          .header('content-length', variant.size)
          .header('cache-control', isHashedAsset(relative) ? IMMUTABLE : REVALIDATE)
          .header('vary', 'accept-encoding')
          .header('last-modified', variant.mtime.toUTCString());
        return reply.send(createReadStream(variant.path));
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
    return sendPage(request, reply, file === voteFile ? voteFile : indexFile);
  };

  app.get('/', handler);
  app.get('/*', handler);
}

/** startServer({ extend: webAppExtension() }) serves the build next to the API. */
export function webAppExtension(options: WebAppOptions = {}): (app: FastifyInstance) => Promise<void> {
  return (app) => serveWebApp(app, options.root);
}
