import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathOf } from '../../contract/endpoint.ts';
import { type ScanIntake, scanRoundsEndpoint, uploadScanEndpoint } from '../../contract/scan.ts';
import { loginEndpoint, sessionEndpoint } from '../../contract/session.ts';
import { InputError } from '../../services/input-error.ts';
import { parseCommandArgs } from './admin-commands.ts';
import { type CliIo, readAll, write } from './io.ts';

// `plenum scan watch DIR --server URL --user NAME [--password-stdin] [--congress ID] [--round ID]
// [--once] [--interval SECONDS]`: runs on the scanner's computer. Logs in to the server as a teller,
// then uploads every scan file (PDF, TIFF, PNG, JPEG) that appears in DIR, once each, and prints what
// the server read. A file is uploaded when its size has stayed the same over one poll (the scanner
// has finished writing it). Uploaded files are listed, with their SHA-256, in DIR/.plenum-uploaded
// so that a restarted watcher does not send them again (the server would answer "unchanged" anyway:
// it keeps files by hash). With --once it uploads what is there now and exits.

export const JOURNAL = '.plenum-uploaded';
const SCAN_FILE = /\.(pdf|tiff?|png|jpe?g)$/i;

interface Session {
  readonly base: URL;
  readonly cookie: string;
  readonly csrf: string;
}

async function api(
  session: Pick<Session, 'base'> & Partial<Session>,
  method: 'GET' | 'POST',
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; cookie: string }> {
  const response = await fetch(new URL(apiPath.replace(/^\//, ''), session.base), {
    method,
    headers: {
      ...(session.cookie ? { cookie: session.cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' && session.csrf ? { 'x-csrf-token': session.csrf } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text.slice(0, 200) };
  }
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!;
  return { status: response.status, json, cookie };
}

function refusal(json: unknown): string {
  const error = json as { code?: string; en?: string; message?: string } | null;
  return [error?.code, error?.en ?? error?.message].filter(Boolean).join(': ') || 'no explanation';
}

async function login(base: URL, username: string, password: string): Promise<Session> {
  let answer: Awaited<ReturnType<typeof api>>;
  try {
    answer = await api({ base }, 'POST', loginEndpoint.path, { username, password });
  } catch (error) {
    throw new InputError(
      '--server',
      `cannot reach ${base.href}: ${error instanceof Error ? error.message : String(error)}`,
      `无法连接服务器 ${base.href}`,
    );
  }
  if (answer.status !== 200)
    throw new InputError(
      '--user',
      `login refused: ${refusal(answer.json)}`,
      '登录被拒绝，请检查用户名和密码',
    );
  return { base, cookie: answer.cookie, csrf: (answer.json as { csrfToken: string }).csrfToken };
}

async function pickCongress(session: Session, wanted: string | undefined): Promise<string> {
  const answer = await api(session, 'GET', sessionEndpoint.path);
  const info = answer.json as { kind: string; rolesByCongress?: Record<string, string[]> };
  const congresses = Object.entries(info.rolesByCongress ?? {})
    .filter(([id, roles]) => id !== '*' && roles.includes('teller'))
    .map(([id]) => id);
  if (wanted) {
    if (!congresses.includes(wanted) && !(info.rolesByCongress?.['*'] ?? []).includes('teller'))
      throw new InputError(
        '--congress',
        'this account is not a teller of that congress',
        '该账户不是此大会的计票人',
      );
    return wanted;
  }
  if (congresses.length === 1) return congresses[0]!;
  throw new InputError(
    '--congress',
    congresses.length === 0
      ? 'this account is a teller of no congress'
      : `this account is a teller of several congresses (${congresses.join(', ')}); name one`,
    congresses.length === 0 ? '该账户不是任何大会的计票人' : '该账户是多个大会的计票人，请用 --congress 指定',
  );
}

/** The round to upload to: the one named, or the only paper round taking scans now (null: none yet). */
async function pickRound(
  session: Session,
  congressId: string,
  wanted: string | undefined,
): Promise<string | null> {
  if (wanted) return wanted;
  const answer = await api(session, 'GET', pathOf(scanRoundsEndpoint, { congressId }));
  if (answer.status !== 200) throw new Error(`scan rounds: ${answer.status} ${refusal(answer.json)}`);
  const { rounds } = answer.json as { rounds: Array<{ roundId: string; title: string; seq: number }> };
  if (rounds.length === 0) return null;
  if (rounds.length === 1) return rounds[0]!.roundId;
  throw new InputError(
    '--round',
    `several paper rounds take scans now (${rounds.map((r) => `${r.roundId} ${r.title} #${r.seq}`).join('; ')}); name one`,
    '有多个纸质轮次正在接收扫描件，请用 --round 指定',
  );
}

export function describeIntake(name: string, outcome: string, intake: ScanIntake): string {
  if (outcome === 'unchanged') return `${name}: uploaded before, nothing changed（此文件已上传）`;
  const read = intake.sheets.filter((s) => s.status === 'read');
  const review = read.reduce((sum, s) => sum + s.items, 0);
  const rejected = intake.sheets.filter((s) => s.status === 'rejected');
  const duplicates = intake.sheets.filter((s) => s.status === 'duplicate');
  const parts = [`${read.length} read（已识读）`];
  if (review > 0) parts.push(`${review} box(es) to review（待复核）`);
  if (rejected.length > 0)
    parts.push(
      `${rejected.length} rejected（拒读）: ${rejected.map((s) => `p${s.page} ${s.reason}`).join(', ')}`,
    );
  if (duplicates.length > 0) parts.push(`${duplicates.length} duplicate(s)（重复）`);
  return `${name}: ${intake.sheets.length} sheet(s), ${parts.join(', ')}`;
}

async function journal(dir: string): Promise<Set<string>> {
  try {
    const text = await readFile(path.join(dir, JOURNAL), 'utf8');
    return new Set(text.split('\n').flatMap((line) => (line ? [line.split(' ')[0]!] : [])));
  } catch {
    return new Set();
  }
}

export async function scanWatchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseCommandArgs(
    'scan watch',
    args,
    {
      server: 'string',
      user: 'string',
      'password-stdin': 'boolean',
      congress: 'string',
      round: 'string',
      once: 'boolean',
      interval: 'string',
    },
    ['DIR'],
  );
  const dir = positionals[0];
  if (!dir) throw new InputError('DIR', 'name the folder the scanner writes to', '请指定扫描仪写入的文件夹');
  if (typeof flags.server !== 'string')
    throw new InputError('--server', 'the server’s address is required', '需要服务器地址 --server URL');
  if (typeof flags.user !== 'string')
    throw new InputError('--user', 'a teller’s user name is required', '需要计票人用户名 --user');
  const interval = flags.interval === undefined ? 2 : Number(flags.interval);
  if (!(interval > 0 && interval <= 3600))
    throw new InputError(
      '--interval',
      'seconds between looks at the folder, 0–3600',
      '轮询间隔（秒）应在 0–3600 之间',
    );
  let base: URL;
  try {
    base = new URL(flags.server.endsWith('/') ? flags.server : `${flags.server}/`);
  } catch {
    throw new InputError('--server', 'not a URL', '不是有效的网址');
  }
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new InputError('DIR', `${dir} is not a folder`, `${dir} 不是文件夹`);
  }
  const password = flags['password-stdin']
    ? (await readAll(io.stdin)).split(/\r\n|\r|\n/)[0]!
    : process.env.PLENUM_PASSWORD;
  if (!password)
    throw new InputError(
      '--password-stdin',
      'the password: first line of stdin with --password-stdin, or PLENUM_PASSWORD',
      '密码：用 --password-stdin 从标准输入读取，或设置 PLENUM_PASSWORD',
    );

  const session = await login(base, flags.user, password);
  const congressId = await pickCongress(
    session,
    typeof flags.congress === 'string' ? flags.congress : undefined,
  );
  const wantedRound = typeof flags.round === 'string' ? flags.round : undefined;
  await write(
    io.stdout,
    `logged in to ${base.href} as ${flags.user}; watching ${path.resolve(dir)}（开始监视）\n`,
  );

  const uploaded = await journal(dir);
  /** Size of each file at the previous look: a file is complete when its size holds. */
  const seen = new Map<string, number>();
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failures = 0;
  try {
    let waitingForRound = false;
    while (!stopping) {
      const roundId = await pickRound(session, congressId, wantedRound);
      if (roundId === null) {
        if (!waitingForRound)
          await write(io.stdout, 'no paper round takes scans yet; waiting（暂无接收扫描件的纸质轮次）\n');
        waitingForRound = true;
      } else {
        waitingForRound = false;
        const names = (await readdir(dir))
          .filter((name) => SCAN_FILE.test(name) && !name.startsWith('.'))
          .sort();
        for (const name of names) {
          if (stopping) break;
          const file = path.join(dir, name);
          const size = (await stat(file)).size;
          const before = seen.get(name);
          seen.set(name, size);
          if (size === 0 || (!flags.once && before !== size)) continue;
          const content = await readFile(file);
          const sha256 = createHash('sha256').update(content).digest('hex');
          if (uploaded.has(sha256)) continue;
          const answer = await api(session, 'POST', pathOf(uploadScanEndpoint, { congressId, roundId }), {
            filename: name,
            contentBase64: content.toString('base64'),
            source: 'watch',
          });
          if (answer.status === 200 || answer.status === 201) {
            uploaded.add(sha256);
            await appendFile(path.join(dir, JOURNAL), `${sha256} ${name}\n`);
            await write(
              io.stdout,
              `${describeIntake(name, answer.status === 201 ? 'created' : 'unchanged', answer.json as ScanIntake)}\n`,
            );
          } else {
            failures++;
            // Refused (not a scan, too large, the round counted): not retried until the file changes.
            uploaded.add(sha256);
            await write(io.stderr, `${name}: refused (${answer.status}) ${refusal(answer.json)}\n`);
          }
        }
      }
      if (flags.once) break;
      await new Promise((resolve) => setTimeout(resolve, interval * 1000));
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return failures > 0 && flags.once ? 1 : 0;
}
