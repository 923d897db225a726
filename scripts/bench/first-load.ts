import http from 'node:http';
import https from 'node:https';

// What a phone transfers to open a page for the first time (empty cache), measured on the wire:
// the HTML and everything it makes the browser fetch before the page can run — scripts, module
// preloads, style sheets, the scripts' static imports, the style sheets' @import and url()
// (fonts, images) — each once, asked for as a browser asks (Accept-Encoding: br, gzip), counting
// the bytes the server sends: status line, headers and body as sent (compressed when it was).
// The API calls the page then makes (the session, the ballot) are data, not the page's weight.

export interface Transfer {
  readonly url: string;
  readonly status: number;
  readonly encoding: string | null;
  readonly bytes: number;
}

export interface FirstLoad {
  readonly bytes: number;
  readonly files: readonly Transfer[];
}

const ACCEPT_ENCODING = 'br, gzip';

function fetchRaw(
  url: URL,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: number; body: Buffer }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        // Status line and headers as sent: "HTTP/1.1 200 OK\r\n", "name: value\r\n" each, "\r\n".
        let head =
          `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < response.rawHeaders.length; i += 2)
          head += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length;
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          raw: head + body.length,
          body,
        });
      });
    });
    request.on('error', reject);
  });
}

async function decoded(body: Buffer, encoding: string | null): Promise<string> {
  const zlib = await import('node:zlib');
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

/** The URLs a file makes the browser fetch at once (dynamic import() waits until it is needed). */
function references(text: string, type: string): string[] {
  const found: string[] = [];
  if (type.includes('html')) {
    for (const match of text.matchAll(/<(?:script|link)\b[^>]*>/g)) {
      const tag = match[0];
      const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
      if (!ref || ref.startsWith('data:')) continue;
      if (tag.startsWith('<link') && !/rel="(stylesheet|modulepreload|preload)"/.test(tag)) continue;
      found.push(ref);
    }
  } else if (type.includes('javascript')) {
    for (const match of text.matchAll(
      /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g,
    ))
      found.push(match[1]!);
  } else if (type.includes('css')) {
    for (const match of text.matchAll(/@import\s+(?:url\()?["']?([^"')\s]+)/g)) found.push(match[1]!);
    for (const match of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g))
      if (!match[1]!.startsWith('data:')) found.push(match[1]!);
  }
  return found;
}

/** Opens `page` of the server at `origin` as a first visit would, and sums what was transferred. */
export async function measureFirstLoad(origin: string, page: string): Promise<FirstLoad> {
  const seen = new Set<string>();
  const files: Transfer[] = [];
  const visit = async (url: URL): Promise<void> => {
    const key = url.href.split('#')[0]!;
    if (seen.has(key) || url.origin !== new URL(origin).origin) return;
    seen.add(key);
    const answer = await fetchRaw(url);
    const encoding =
      typeof answer.headers['content-encoding'] === 'string' ? answer.headers['content-encoding'] : null;
    files.push({ url: url.pathname, status: answer.status, encoding, bytes: answer.raw });
    if (answer.status !== 200) return;
    const type = String(answer.headers['content-type'] ?? '');
    const text = await decoded(answer.body, encoding);
    await Promise.all(references(text, type).map((ref) => visit(new URL(ref, url))));
  };
  await visit(new URL(page, origin));
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
}
