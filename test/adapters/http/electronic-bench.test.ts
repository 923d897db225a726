import { expect, it } from 'vitest';
import { benchElectronicVoting } from '../../../scripts/bench/evote-bench.ts';
import { describeEachDatabase, POSTGRES_TEST_URL } from '../../support/databases.ts';

// The benchmark itself, small: the real server on a free port, delegates logging in and casting
// over HTTP from a worker thread, the round closed and sealed, nothing lost.
describeEachDatabase('electronic voting benchmark (smoke)', (target) => {
  it('40 delegates cast over HTTP within half a second; every accepted ballot is stored once', async () => {
    const result = await benchElectronicVoting({
      delegates: 40,
      spreadMs: 500,
      ...(target.name === 'postgres' ? { databaseUrl: POSTGRES_TEST_URL } : {}),
    });
    expect(result.engine).toBe(target.name);
    expect(result.login.errors).toBe(0);
    expect(result.cast).toMatchObject({ accepted: 40, errors: 0 });
    expect(result.stored).toEqual({ ballots: 40, voters: 40, distinctReceipts: 40, countedBallots: 40 });
    expect(result.lost).toBe(0);
  });
});
