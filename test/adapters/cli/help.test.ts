import { describe, expect, it } from 'vitest';
import { expectUsageError, runCli } from './run-cli.ts';

describe.concurrent('plenum --help', () => {
  it('exits 0 and describes `names sort` and `tally` on stdout', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('names sort');
    expect(run.stdout).toContain('tally');
  });

  it('an unknown command is exit 2 with one line on stderr', async () => {
    expectUsageError(await runCli(['tallies']), 'tallies');
  });

  it('an unknown flag to tally is exit 2 with one line naming it', async () => {
    expectUsageError(await runCli(['tally', '--pretty'], '{}'), '--pretty');
  });
});
