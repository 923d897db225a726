import type { Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { InputError } from '../input-error.ts';
import { createAccount } from './account-service.ts';

// The first administrator of a server started without the demo: created by the operator at the
// server's console (`plenum accounts create-admin`), who has the database in hand anyway. The
// audit log names the command line as the actor.

export const COMMAND_LINE: Actor = {
  kind: 'account',
  accountId: 'command-line',
  username: 'command-line',
  displayName: '命令行（服务器操作员）',
  roles: new Map([['*', new Set(['admin'])]]),
};

/** 16 characters without look-alikes (about 79 bits): read off the screen once and typed. */
export const GENERATED_PASSWORD_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 10;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;

export interface FirstAdministrator {
  readonly username: string;
  readonly displayName?: string | undefined;
  /** Omitted: one is generated, to be shown once. */
  readonly password?: string | undefined;
}

/** Creates an administrator of every congress ('*'); answers the password when it was generated. */
export async function createAdministrator(
  context: ServiceContext,
  input: FirstAdministrator,
): Promise<{ id: string; username: string; generatedPassword: string | null }> {
  if (!USERNAME.test(input.username)) {
    throw new InputError(
      'USERNAME',
      '2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit',
      '用户名应为2至32位字母、数字、点、横线或下划线，以字母或数字开头',
    );
  }
  if (input.password !== undefined && [...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new InputError(
      'password',
      `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      `密码至少${MIN_PASSWORD_LENGTH}个字符`,
    );
  }
  const password = input.password ?? context.random.code(GENERATED_PASSWORD_LENGTH);
  const { id } = await createAccount(context, COMMAND_LINE, {
    username: input.username,
    displayName: input.displayName?.trim() || input.username,
    password,
    roles: [{ congressId: '*', role: 'admin' }],
  });
  return { id, username: input.username, generatedPassword: input.password === undefined ? password : null };
}

/** Whether any staff account exists: a server without one says how to create the first. */
export async function anyAccount(context: Pick<ServiceContext, 'database'>): Promise<boolean> {
  const row = await context.database.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
