import { migrate, openDatabase } from '../../persistence/index.ts';
import { createAdministrator } from '../../services/accounts/first-administrator.ts';
import { cryptoRandom, systemClock } from '../../services/context.ts';
import { EventBus } from '../../services/events.ts';
import { databaseConfigFrom, describeDatabase } from '../http/server.ts';
import { parseCommandArgs } from './admin-commands.ts';
import { type CliIo, readAll, write } from './io.ts';

// `plenum accounts create-admin USERNAME [--display-name NAME] [--password-stdin] [--data DIR]`:
// the first administrator of a server started without the demo. With --password-stdin the
// password is the first line of standard input (printf 'secret\n' | plenum accounts …);
// otherwise one is generated and printed once. Works on the same database as `plenum serve`
// (--data DIR, or DATABASE_URL), creating and migrating it if it is new.

export async function createAdminCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseCommandArgs(
    'accounts create-admin',
    args,
    { data: 'string', 'display-name': 'string', 'password-stdin': 'boolean' },
    ['USERNAME'],
  );
  const password = flags['password-stdin'] ? (await readAll(io.stdin)).split(/\r\n|\r|\n/)[0] : undefined;
  const config = databaseConfigFrom(typeof flags.data === 'string' ? { dataDir: flags.data } : {});
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const context = { database, clock: systemClock, random: cryptoRandom, events: new EventBus() };
    const created = await createAdministrator(context, {
      username: positionals[0]!,
      displayName: typeof flags['display-name'] === 'string' ? flags['display-name'] : undefined,
      password,
    });
    await write(
      io.stdout,
      `administrator ${created.username} created in ${describeDatabase(config, database)}（已创建管理员账户）\n` +
        (created.generatedPassword ? `password（密码，仅显示这一次）: ${created.generatedPassword}\n` : ''),
    );
    return 0;
  } finally {
    await database.close();
  }
}
