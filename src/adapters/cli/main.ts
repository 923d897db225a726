import { ServiceError } from '../../services/errors.ts';
import { InputError } from '../../services/input-error.ts';
import { HELP } from './help.ts';
import { type CliIo, write } from './io.ts';
import { namesSortCommand } from './names-sort-command.ts';
import { tallyCommand } from './tally-command.ts';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Loads a command's module when it runs, so `names sort` and `tally` do not load the server. */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (args, io) =>
    (await load())(args, io);
const admin = () => import('./admin-commands.ts');
const serve = () => import('./serve-command.ts');
const accounts = () => import('./accounts-command.ts');
const scanWatch = () => import('./scan-watch-command.ts');

const commands: Record<string, Command> = {
  'names sort': namesSortCommand,
  tally: tallyCommand,
  serve: lazy(async () => (await serve()).serveCommand),
  start: lazy(async () => (await serve()).startCommand),
  backup: lazy(async () => (await admin()).backupCommand),
  restore: lazy(async () => (await admin()).restoreCommand),
  'audit verify': lazy(async () => (await admin()).auditVerifyCommand),
  'ballots verify': lazy(async () => (await admin()).ballotsVerifyCommand),
  'accounts create-admin': lazy(async () => (await accounts()).createAdminCommand),
  'scan watch': lazy(async () => (await scanWatch()).scanWatchCommand),
};

/** Runs one command; returns the exit status. Never lets a stack trace reach the user. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      await write(io.stdout, HELP);
      return 0;
    }
    const two = `${argv[0]} ${argv[1] ?? ''}`;
    if (commands[two]) return await commands[two](argv.slice(2), io);
    const command = commands[argv[0]!];
    if (command) return await command(argv.slice(1), io);
    throw new InputError(
      argv.join(' '),
      'unknown command; see plenum --help',
      '未知命令，请参阅 plenum --help',
    );
  } catch (error) {
    if (error instanceof InputError) {
      await write(io.stderr, `${error.line()}\n`);
      return 2;
    }
    // Refused by the rules or the state of the data (a user name taken): the input was unusable.
    if (error instanceof ServiceError) {
      await write(io.stderr, `${error.code}: ${error.en}（${error.zh}）\n`.replace(/[\r\n]+(?=.)/g, ' '));
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    await write(io.stderr, `plenum: internal error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
