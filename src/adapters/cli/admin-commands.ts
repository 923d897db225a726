import { existsSync } from 'node:fs';
import path from 'node:path';
import { SQLITE_FILE_NAME } from '../db/connection.ts';
import {
  auditHead,
  BackupError,
  type BackupFormat,
  backupDatabase,
  type Database,
  type DatabaseConfig,
  openDatabase,
  restoreDatabase,
  schemaVersion,
  verifyAuditChain,
} from '../db/index.ts';
import { databaseConfigFrom, describeDatabase, runningServerOn } from '../http/server.ts';
import { InputError } from '../shared/input-error.ts';
import { type CliIo, write } from './io.ts';

// The operator's commands around the database, all taking --data DIR (SQLite) or DATABASE_URL:
//   plenum backup <file> [--format native|json]   a SQLite copy (native) or the JSON export
//   plenum restore <file>                         replaces the database with a backup (either format)
//   plenum audit verify                           checks the hash chain of the audit log
// A backup or restore that cannot be used (unreadable, damaged, doctored, newer schema) is exit 2
// with one line; a broken audit chain is an answer, printed on stdout, with exit 1.

type FlagKind = 'string' | 'boolean';

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | true | undefined>>;
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
    flags[name] = value;
  }
  if (operands.length < positionals.length) {
    const missing = positionals[operands.length]!;
    throw new InputError(
      missing,
      `missing: plenum ${command} ${positionals.map((p) => p).join(' ')}`,
      `缺少参数 ${missing}`,
    );
  }
  return { flags, positionals: operands };
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
    const result = await asInputError(file, () => backupDatabase(database, file, { format }));
    await write(
      io.stdout,
      `backup written: ${result.file} (${result.format === 'sqlite' ? 'native SQLite' : 'JSON'}, schema ${result.schemaVersion}, ` +
        `audit head seq ${result.auditHead.seq} ${result.auditHead.hash})\n`,
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
  const result = await asInputError(file, () => restoreDatabase(config, file));
  await write(
    io.stdout,
    `restored ${file} into ${describeDatabase(config)}: ${result.format === 'sqlite' ? 'native SQLite' : 'JSON'} backup, ` +
      `schema ${result.schemaVersion}, ${result.auditEntries} audit entries, head ${result.auditHead.hash}\n`,
  );
  return 0;
}

/** `plenum audit verify [--data DIR]`: exit 0 when the chain holds, 1 when it is broken. */
export async function auditVerifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags } = parseCommandArgs('audit verify', args, DATA_FLAG);
  return withExistingDatabase(configFrom(flags), async (database) => {
    const verdict = await verifyAuditChain(database.db);
    if (!verdict.ok) {
      await write(io.stdout, `audit chain BROKEN at seq ${verdict.brokenAt}: ${verdict.reason}\n`);
      return 1;
    }
    const head = await auditHead(database.db);
    await write(io.stdout, `audit chain OK: ${verdict.entries} entries, head ${head.hash}\n`);
    return 0;
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
