import { existsSync } from 'node:fs';
import path from 'node:path';
import { removeTemporariesNow } from '../../persistence/atomic-file.ts';
import { SQLITE_FILE_NAME } from '../../persistence/connection.ts';
import {
  type AuditHead,
  auditHead,
  BackupError,
  type BackupFormat,
  backupDatabase,
  type Database,
  type DatabaseConfig,
  openDatabase,
  readManifest,
  restoreDatabase,
  schemaVersion,
  verifyAuditChain,
} from '../../persistence/index.ts';
import { proveCount } from '../../services/ballots/electronic/key-shares.ts';
import { InputError } from '../../services/input-error.ts';
import { databaseConfigFrom, describeDatabase, runningServerOn } from '../http/server.ts';
import { type CliIo, write } from './io.ts';

// The operator's commands around the database, all taking --data DIR (SQLite) or DATABASE_URL:
//   plenum backup <file> [--format native|json]   a SQLite copy (native) or the JSON export, and
//                                                 its manifest (<file>.manifest.json)
//   plenum restore <file>                         replaces the database with a backup (either format)
//   plenum audit verify [--anchor SEQ:HASH]… [--manifest FILE]…
//                                                 checks the hash chain of the audit log, the
//                                                 ballots sealed into it, and heads kept outside it
//   plenum ballots verify <round-id> --share CODE…
//                                                 the scrutineers prove a round's count [B4]
// A backup or restore that cannot be used (unreadable, damaged, doctored, newer schema) is exit 2
// with one line; a broken audit chain is an answer, printed on stdout, with exit 1.

/** A flag with one value, a flag that may be given several times, or a switch. */
type FlagKind = 'string' | 'strings' | 'boolean';

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | true | undefined>>;
  /** The values of each repeatable ('strings') flag, in the order given. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly positionals: readonly string[];
}

/**
 * `--name value`, `--name=value` and boolean `--name`; `positionals` names the required operands
 * in order. Anything else is an InputError naming it.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  spec: Readonly<Record<string, FlagKind>>,
  positionals: readonly string[] = [],
): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg === '--' || operands.length >= positionals.length) {
        throw new InputError(
          arg,
          `unexpected argument to plenum ${command}`,
          `plenum ${command} 不接受此参数`,
        );
      }
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind)
      throw new InputError(
        `--${name}`,
        `unknown option to plenum ${command}`,
        `plenum ${command} 不接受此选项`,
      );
    if (kind === 'boolean') {
      if (eq !== -1) throw new InputError(`--${name}`, 'takes no value', '此选项不带参数值');
      flags[name] = true;
      continue;
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      throw new InputError(`--${name}`, 'needs a value', '缺少参数值');
    }
    if (kind === 'strings') lists[name] = [...(lists[name] ?? []), value];
    else flags[name] = value;
  }
  if (operands.length < positionals.length) {
    const missing = positionals[operands.length]!;
    throw new InputError(
      missing,
      `missing: plenum ${command} ${positionals.map((p) => p).join(' ')}`,
      `缺少参数 ${missing}`,
    );
  }
  return { flags, lists, positionals: operands };
}

const DATA_FLAG = { data: 'string' } as const;

/** `plenum backup <file> [--format native|json] [--data DIR]` */
export async function backupCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseCommandArgs('backup', args, { ...DATA_FLAG, format: 'string' }, [
    '<file>',
  ]);
  const config = configFrom(flags);
  const format = backupFormat(flags.format, config);
  const file = path.resolve(positionals[0]!);
  return withExistingDatabase(config, async (database) => {
    const result = await asInputError(file, () =>
      removingTemporariesOnSignal(() => backupDatabase(database, file, { format })),
    );
    await write(
      io.stdout,
      `backup written: ${result.file} (${result.format === 'sqlite' ? 'native SQLite' : 'JSON'}, schema ${result.schemaVersion}, ` +
        `audit head seq ${result.auditHead.seq} ${result.auditHead.hash})\n` +
        `manifest written: ${result.manifest} (keep a copy apart: its audit head is checked by plenum audit verify --manifest)\n`,
    );
    return 0;
  });
}

/** `plenum restore <file> [--data DIR]`: refused while a server runs on the SQLite folder. */
export async function restoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseCommandArgs('restore', args, DATA_FLAG, ['<file>']);
  const config = configFrom(flags);
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) throw new InputError(positionals[0]!, 'no such file', '文件不存在');
  if (config.dataDir) {
    const server = await runningServerOn(config.dataDir);
    if (server) {
      throw new InputError(
        '--data',
        `a Plenum server (pid ${server.pid}${server.port ? `, port ${server.port}` : ''}) is running on ${config.dataDir}; stop it before restoring`,
        `Plenum 服务（进程 ${server.pid}）正在使用该数据目录，请先停止服务再恢复`,
      );
    }
  }
  const result = await asInputError(file, () =>
    removingTemporariesOnSignal(() => asDamagedBackup(() => restoreDatabase(config, file))),
  );
  await write(
    io.stdout,
    `restored ${file} into ${describeDatabase(config)}: ${result.format === 'sqlite' ? 'native SQLite' : 'JSON'} backup, ` +
      `schema ${result.schemaVersion}, ${result.auditEntries} audit entries, head ${result.auditHead.hash}\n`,
  );
  return 0;
}

/**
 * `plenum audit verify [--anchor SEQ:HASH]… [--manifest FILE]… [--data DIR]`: exit 0 when the chain
 * holds, 1 when it is broken. The chain is checked with the ballots sealed into it [B4] and, when
 * given, against heads recorded outside the database (issue 13 item 14): a tally sheet's or the
 * presiding page's `seq:hash`, or a backup's manifest. Entries cut off the end with the head row
 * rewritten pass the chain alone, never such an anchor.
 */
export async function auditVerifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, lists } = parseCommandArgs('audit verify', args, {
    ...DATA_FLAG,
    anchor: 'strings',
    manifest: 'strings',
  });
  const anchors = [
    ...(lists.anchor ?? []).map(parseAnchor),
    ...(await Promise.all(
      (lists.manifest ?? []).map((file) =>
        asInputError(file, async () => (await readManifest(file)).auditHead),
      ),
    )),
  ];
  return withExistingDatabase(configFrom(flags), async (database) => {
    const verdict = await verifyAuditChain(database.db, { anchors });
    if (!verdict.ok) {
      await write(io.stdout, `audit chain BROKEN at seq ${verdict.brokenAt}: ${verdict.reason}\n`);
      return 1;
    }
    const head = await auditHead(database.db);
    await write(io.stdout, `audit chain OK: ${verdict.entries} entries, head ${head.hash}\n`);
    if (anchors.length > 0) {
      await write(
        io.stdout,
        `anchors OK: ${anchors.map((a) => `seq ${a.seq}`).join(', ')} recorded outside the database ${anchors.length === 1 ? 'is' : 'are'} in the chain\n`,
      );
    }
    return 0;
  });
}

/** `SEQ:HASH` as printed on a tally sheet or the presiding page. */
function parseAnchor(text: string): AuditHead {
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match) {
    throw new InputError(
      '--anchor',
      'write the head as SEQ:HASH, e.g. 1204:9f86d081… (the 64 hex digits as printed)',
      '请按“序号:哈希值”填写，如 1204:9f86d081…（64位十六进制，与打印件一致）',
    );
  }
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/**
 * `plenum ballots verify <round-id> --share CODE --share CODE… [--data DIR]`: the scrutineers prove
 * a round's count [B4]. With enough of their key shares the sealed ballots are opened again in
 * memory (nothing is written): they must be the set sealed at the close, and open to exactly the
 * ballots counted. Exit 0 when proven, 1 when not.
 */
export async function ballotsVerifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, lists, positionals } = parseCommandArgs(
    'ballots verify',
    args,
    { ...DATA_FLAG, share: 'strings' },
    ['<round-id>'],
  );
  const shares = lists.share ?? [];
  if (shares.length < 2) {
    throw new InputError(
      '--share',
      'give the shares of at least two scrutineers',
      '请提供至少两名监票人的密钥分片',
    );
  }
  return withExistingDatabase(configFrom(flags), async (database) => {
    const proof = await proveCount(database, positionals[0]!, shares);
    const seal = (s: { ballots: number; digest: string }) => `${s.ballots} ballots, sha256 ${s.digest}`;
    const lines = [
      `round ${proof.roundId} (${proof.title}): opened with shares ${proof.shares.map((s) => `${s.index} (${s.holder})`).join(', ')}; ${proof.threshold} needed`,
      `  sealed at the close (entry ${proof.sealed.recordedAt ?? '-'}): ${proof.sealed.recorded ? seal(proof.sealed.recorded) : 'no digest recorded'}`,
      `  sealed now:                 ${seal(proof.sealed.stored)}`,
      `  opened now with the shares: ${seal(proof.opened.fromShares)}`,
      `  counted (stored):           ${seal(proof.opened.stored)}`,
      proof.proven
        ? 'count proven: the ballots counted are exactly the ballots sealed at the close'
        : 'count NOT proven: the ballots counted are not the ballots sealed at the close',
    ];
    await write(io.stdout, `${lines.join('\n')}\n`);
    return proof.proven ? 0 : 1;
  });
}

function configFrom(flags: ParsedArgs['flags']): DatabaseConfig {
  const data = flags.data;
  return databaseConfigFrom(typeof data === 'string' ? { dataDir: data } : {});
}

function backupFormat(flag: string | true | undefined, config: DatabaseConfig): BackupFormat {
  if (flag === undefined) return config.url ? 'json' : 'sqlite';
  if (flag === 'json') return 'json';
  if (flag === 'native') {
    if (config.url) {
      throw new InputError(
        '--format',
        'native backups are SQLite files; a PostgreSQL database backs up as json',
        'PostgreSQL 数据库只能备份为 json 格式',
      );
    }
    return 'sqlite';
  }
  throw new InputError('--format', 'must be native or json', '应为 native 或 json');
}

/** Opens a database that exists and was migrated; never creates one by looking at it. */
async function withExistingDatabase<T>(
  config: DatabaseConfig,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  if (config.dataDir && !existsSync(path.join(config.dataDir, SQLITE_FILE_NAME))) {
    throw new InputError(
      '--data',
      `no Plenum database in ${config.dataDir}`,
      `${config.dataDir} 中没有 Plenum 数据库`,
    );
  }
  const database = await openDatabase(config);
  try {
    if (!(await schemaVersion(database))) {
      throw new InputError(
        '--data',
        `${describeDatabase(config, database)} is not a Plenum database`,
        '不是 Plenum 数据库',
      );
    }
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * Ctrl+C or SIGTERM during a backup or restore: its temporary files go before the process ends
 * (exit 130 or 143, as a shell reports a process ended by the signal).
 */
async function removingTemporariesOnSignal<T>(fn: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporariesNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * A restore that the database engine stops on the backup's own content — SQLite finds the file
 * malformed or not a database; a row breaks a constraint or has a value of the wrong kind — was
 * given a damaged backup: a BackupError (one line, exit 2), not an internal error.
 */
async function asDamagedBackup<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      const code = (cause as { code?: unknown }).code;
      if (
        typeof code === 'string' &&
        (/^SQLITE_(CORRUPT|NOTADB|CONSTRAINT|MISMATCH|RANGE|TOOBIG|FORMAT|IOERR_SHORT_READ)/.test(code) ||
          /^2[23][0-9A-Z]{3}$/.test(code))
      ) {
        const reason = cause.message.split('\n')[0];
        throw new BackupError(
          'invalid-backup',
          `the backup file is damaged: ${reason}`,
          `备份文件已损坏，无法恢复（${reason}）`,
          { cause: error },
        );
      }
    }
    throw error;
  }
}

/** A BackupError is about the file the operator named: one line, exit 2. */
async function asInputError<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof BackupError) {
      const split = error.message.lastIndexOf(' / ');
      const en = split === -1 ? error.message : error.message.slice(0, split);
      const zh = split === -1 ? error.message : error.message.slice(split + 3);
      throw new InputError(file, en, zh);
    }
    throw error;
  }
}
