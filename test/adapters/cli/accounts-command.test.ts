import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/persistence/index.ts';
import { Client, testApp } from '../../support/http.ts';
import { expectUsageError, runCli } from './run-cli.ts';

// `plenum accounts create-admin`: the first administrator of a server started without the demo,
// created at the server's console, who can then log in and whose creation is audited.

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plenum-accounts-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('plenum accounts create-admin', () => {
  it('creates an administrator of every congress on a new database, with the password from stdin', async () => {
    const data = path.join(folder, 'stdin');
    const run = await runCli(
      ['accounts', 'create-admin', 'wang', '--display-name', '王秘书', '--password-stdin', '--data', data],
      'correct horse battery staple\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('administrator wang created');
    expect(run.stdout).not.toContain('correct horse');
    const database = await openDatabase({ dataDir: data });
    try {
      const test = await testApp(database);
      const client = await new Client(test.app).login('wang', 'correct horse battery staple');
      const session = (await client.get('/api/session')).json();
      expect(session).toMatchObject({
        kind: 'account',
        displayName: '王秘书',
        rolesByCongress: { '*': ['admin'] },
      });
      const audit = await database.db.selectFrom('audit_log').selectAll().execute();
      expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
        ['account.create', 'account:command-line'],
      ]);
      expect(JSON.stringify(audit)).not.toContain('correct horse');
      await test.close();
    } finally {
      await database.close();
    }
  });

  it('generates a password and prints it once when none is given', async () => {
    const data = path.join(folder, 'generated');
    const run = await runCli(['accounts', 'create-admin', 'li', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    const password = /密码，仅显示这一次）: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Z2-9]{16}$/);
    const database = await openDatabase({ dataDir: data });
    try {
      const test = await testApp(database);
      await new Client(test.app).login('li', password!);
      await test.close();
    } finally {
      await database.close();
    }
  });

  it('refuses a user name that is taken, a malformed one and a short password, with one line and exit 2', async () => {
    const data = path.join(folder, 'refusals');
    expect((await runCli(['accounts', 'create-admin', 'zhao', '--data', data])).code).toBe(0);
    expectUsageError(await runCli(['accounts', 'create-admin', 'zhao', '--data', data]), 'zhao', '已被使用');
    expectUsageError(await runCli(['accounts', 'create-admin', 'x y', '--data', data]), 'USERNAME', '用户名');
    expectUsageError(
      await runCli(['accounts', 'create-admin', 'qian', '--password-stdin', '--data', data], 'short\n'),
      'password',
      '密码',
    );
    expectUsageError(await runCli(['accounts', 'create-admin', '--data', data]), 'USERNAME');
  });
});
