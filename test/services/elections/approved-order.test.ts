import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import { approvedOrderOf } from '../../../src/services/elections/approved-order.ts';
import { buildWorld } from '../../support/builder/index.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';

// [T7] The order the standing committee, the secretary and the deputies are published in: the
// approved order where the secretariat entered one; where it did not, the secretary and the
// deputies first (from the same plenary's elections), then the others by surname strokes —
// never the order the names happened to be typed in.

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describeEachDatabase('the approved order of the plenary’s lists', (target) => {
  async function plenary() {
    database = await openMigrated(target);
    const world = buildWorld(database);
    const congress = await world.congress({ number: 13 });
    const term = await world.term({
      organisation: congress.organisationId,
      number: 13,
      electedBy: congress.id,
    });
    const plenary = await world.congress({ kind: 'plenary', term: term.id });
    const election = (office: 'standing-committee' | 'secretary' | 'deputy-secretary', names: string[]) =>
      plenary.election({ office, seats: names.length, candidates: names });
    await election('secretary', ['赵伟']);
    await election('deputy-secretary', ['黄磊', '丁宁']);
    // Typed in no particular order: the secretary and a deputy among the others.
    const standing = await election('standing-committee', ['李强', '丁宁', '王刚', '赵伟', '黄磊']);
    const row = await database.db
      .selectFrom('elections')
      .select(['id', 'congress_id', 'office'])
      .where('id', '=', standing.id)
      .executeTakeFirstOrThrow();
    return { row };
  }

  it('[T7] follows the approved order the secretariat entered', async () => {
    const { row } = await plenary();
    expect(await approvedOrderOf(database!.db, row)).toEqual(['李强', '丁宁', '王刚', '赵伟', '黄磊']);
  });

  it('[T7] with no order entered: the secretary, the deputies in their order, then the others by strokes', async () => {
    const { row } = await plenary();
    await database!.db
      .updateTable('candidates')
      .set({ approved_rank: null })
      .where('election_id', '=', row.id)
      .execute();
    // 王 (4 strokes) before 李 (7).
    expect(await approvedOrderOf(database!.db, row)).toEqual(['赵伟', '黄磊', '丁宁', '王刚', '李强']);
  });
});
