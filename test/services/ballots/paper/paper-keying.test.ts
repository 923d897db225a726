import { expect, it } from 'vitest';
import { enterPaperBallot } from '../../../../src/services/ballots/paper/paper-entry.ts';
import { paperKeying } from '../../../../src/services/ballots/paper/paper-keying.ts';
import { staffAccount } from '../../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import { TestClock, testContext } from '../../../support/http.ts';
import { seedPaperCongress } from './fixtures.ts';

describeEachDatabase('paper ballots: keying progress per teller', (target) => {
  it('[P2] counts the sheets each teller keyed per pass and batch, never what they keyed', async () => {
    const database = await openMigrated(target);
    const clock = new TestClock();
    const context = testContext(database, clock);
    const congressId = 'p-congress';
    const teller1 = await staffAccount(context, 'teller1', [{ congressId, role: 'teller' }]);
    const teller2 = await staffAccount(context, 'teller2', [{ congressId, role: 'teller' }]);
    const { roundId } = await seedPaperCongress(database, {
      tellerAccounts: [teller1.accountId, teller2.accountId],
    });
    const key = async (teller: typeof teller1, pass: 'A' | 'B', batchNo: number, sheetNo: number) => {
      clock.advance(1000);
      await enterPaperBallot(context, teller, congressId, roundId, {
        pass,
        batchNo,
        sheetNo,
        marks: 'FFF--',
      });
    };
    expect(await paperKeying(context, congressId, roundId)).toEqual({ roundId, status: 'open', tellers: [] });
    for (const sheetNo of [1, 2, 3]) await key(teller1, 'A', 2, sheetNo);
    for (const sheetNo of [1, 2]) await key(teller1, 'A', 1, sheetNo);
    await key(teller2, 'B', 1, 1);
    const lastAt = clock.now().toISOString();

    const keying = await paperKeying(context, congressId, roundId);
    expect(keying.tellers).toEqual([
      {
        username: 'teller1',
        displayName: 'teller1',
        pass: 'A',
        batches: [
          { batchNo: 1, sheets: 2 },
          { batchNo: 2, sheets: 3 },
        ],
        sheets: 5,
        lastEnteredAt: expect.any(String),
      },
      {
        username: 'teller2',
        displayName: 'teller2',
        pass: 'B',
        batches: [{ batchNo: 1, sheets: 1 }],
        sheets: 1,
        lastEnteredAt: lastAt,
      },
    ]);
    expect(JSON.stringify(keying)).not.toContain('FFF--');
  });

  it('refuses an electronic round and a round of another congress', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, electronicRoundId, roundId } = await seedPaperCongress(database);
    await expect(paperKeying(context, congressId, electronicRoundId)).rejects.toMatchObject({
      code: 'not-paper-round',
    });
    await expect(paperKeying(context, 'another-congress', roundId)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
