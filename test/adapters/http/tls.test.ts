import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type ClientHttp2Session, connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../../src/adapters/http/server.ts';
import { createAccount } from '../../../src/services/accounts/account-service.ts';
import { InputError } from '../../../src/services/input-error.ts';
import { SYSTEM } from '../../support/http.ts';

// Issue 13, item 9: the server spoke only plain HTTP on 0.0.0.0, with cookies not Secure by
// default. Given a certificate and key it now serves HTTPS itself, HTTP/2 (for the live-update
// streams) beside HTTP/1.1, with Secure cookies; over plain HTTP on the network it warns at start.
// The certificate is a checked-in, test-only one for localhost (test/fixtures/tls/README.md).

const TLS = fileURLToPath(new URL('../../fixtures/tls/', import.meta.url));
const CERT = path.join(TLS, 'localhost.crt');
const KEY = path.join(TLS, 'localhost.key');

let folder: string;
let ca: Buffer;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-tls-'));
  ca = await readFile(CERT);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const started: RunningServer[] = [];
const sessions: ClientHttp2Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  for (const server of started.splice(0)) await server.close();
});

async function start(name: string, options: Partial<ServerOptions> = {}) {
  const output = new PassThrough();
  let banner = '';
  output.on('data', (chunk: Buffer) => {
    banner += chunk.toString('utf8');
  });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
    env: {},
    output,
    seed: 'empty',
    dataDir: path.join(folder, name),
    ...options,
  });
  started.push(server);
  await createAccount(server.context, SYSTEM, {
    username: 'secretariat',
    displayName: '大会秘书处',
    password: 'secretariat-password',
    roles: [{ congressId: '*', role: 'admin' }],
  });
  return { server, banner };
}

/** One HTTPS/1.1 request, trusting the test certificate. */
function https1(
  url: URL,
  body: unknown,
): Promise<{ status: number; headers: Record<string, unknown>; body: string; version: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            version: res.httpVersion,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** One request on an HTTP/2 session; the answer's headers and body (or its first bytes, for a stream). */
function http2(
  session: ClientHttp2Session,
  headers: Record<string, string>,
  body?: unknown,
  firstChunkOnly = false,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request(
      body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    );
    let answer: Record<string, unknown> = {};
    let text = '';
    stream.on('response', (h) => {
      answer = h;
    });
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (firstChunkOnly && text.includes('\n\n')) {
        resolve({ status: Number(answer[':status']), headers: answer, body: text });
        stream.close();
      }
    });
    stream.on('end', () => resolve({ status: Number(answer[':status']), headers: answer, body: text }));
    stream.on('error', reject);
    stream.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('HTTPS and HTTP/2 (issue 13, item 9)', () => {
  it('serves HTTPS with Secure cookies; logs in over HTTP/1.1 and over HTTP/2, streams on HTTP/2', async () => {
    const { server, banner } = await start('tls', { tlsCert: CERT, tlsKey: KEY });
    expect(server.url).toBe(`https://localhost:${server.port}/`);
    expect(banner).toContain(server.url);
    expect(banner).toContain('TLS: CN=localhost');
    expect(banner).not.toContain('WARNING');

    const one = await https1(new URL('api/session', server.url), {
      username: 'secretariat',
      password: 'secretariat-password',
    });
    expect(one.status, one.body).toBe(200);
    expect(one.version).toBe('1.1'); // a client without HTTP/2 is served HTTP/1.1
    expect(String(one.headers['set-cookie'])).toMatch(/plenum_session=.*; Secure/);

    const session = connect(server.url, { ca });
    sessions.push(session);
    const login = await http2(
      session,
      { ':method': 'POST', ':path': '/api/session' },
      { username: 'secretariat', password: 'secretariat-password' },
    );
    expect(login.status, login.body).toBe(200);
    expect(session.alpnProtocol).toBe('h2');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    const csrf = JSON.parse(login.body).csrfToken;
    const sessionCookie = cookie.split(';')[0]!;
    const me = await http2(session, { ':method': 'GET', ':path': '/api/session', cookie: sessionCookie });
    expect(JSON.parse(me.body)).toMatchObject({ kind: 'account', username: 'secretariat' });

    // A live-update stream and ordinary requests share the one HTTP/2 connection.
    const write = { cookie: sessionCookie, 'x-csrf-token': csrf };
    const organisation = await http2(
      session,
      { ':method': 'POST', ':path': '/api/organisations', ...write },
      { name: '中共示范市委员会', shortName: '市委', locality: '示范市', level: 'city' },
    );
    const congress = await http2(
      session,
      { ':method': 'POST', ':path': '/api/congresses', ...write },
      { kind: 'congress', organisationId: JSON.parse(organisation.body).id, number: 13 },
    );
    expect(congress.status, congress.body).toBe(200);
    const events = await http2(
      session,
      { ':method': 'GET', ':path': `/api/congresses/${JSON.parse(congress.body).id}/events` },
      undefined,
      true,
    );
    expect(events.status).toBe(200);
    expect(String(events.headers['content-type'])).toContain('text/event-stream');
    expect(events.body).toMatch(/^retry: \d+/);
    const again = await http2(session, { ':method': 'GET', ':path': '/api/openapi.json' });
    expect(again.status).toBe(200);
  });

  it('warns at start when plain HTTP is served where other machines reach it', async () => {
    const loopback = await start('loopback');
    expect(loopback.banner).not.toContain('WARNING');
    const open = await start('open', { host: '0.0.0.0' });
    expect(open.server.url).toBe(`http://localhost:${open.server.port}/`);
    const warning = open.banner.split('\n').find((line) => line.startsWith('WARNING'));
    expect(warning).toMatch(
      /plain HTTP on 0\.0\.0\.0: delegates' codes, staff passwords and electronic ballots/,
    );
    expect(open.banner).toContain('明文');
    expect(open.banner).toContain('--tls-cert FILE --tls-key FILE');
    const plain = await fetch(new URL('api/session', open.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secretariat', password: 'secretariat-password' }),
    });
    expect(plain.status).toBe(200);
    // Over plain HTTP the cookie is not Secure, or a desk at http://192.168.… would never keep it.
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('refuses a certificate without its key, a key of another certificate, and unreadable files', async () => {
    const refused = async (options: Partial<ServerOptions>, env: Record<string, string> = {}) =>
      startServer({
        port: 0,
        host: '127.0.0.1',
        handleSignals: false,
        env,
        output: new PassThrough(),
        seed: 'empty',
        dataDir: path.join(folder, 'refused'),
        ...options,
      }).then(
        (server) => {
          started.push(server);
          return null;
        },
        (error: unknown) => error,
      );
    expect(await refused({ tlsCert: CERT })).toMatchObject({ field: '--tls-key' });
    expect(await refused({}, { PLENUM_TLS_KEY: KEY })).toMatchObject({ field: 'PLENUM_TLS_CERT' });
    const wrong = await refused({ tlsCert: CERT, tlsKey: path.join(folder, 'missing.key') });
    expect(wrong).toBeInstanceOf(InputError);
    expect(wrong).toMatchObject({ field: '--tls-key', zh: expect.stringContaining('无法读取') });
    expect(await refused({ tlsCert: KEY, tlsKey: KEY })).toMatchObject({ field: '--tls-cert' });
  });
});
