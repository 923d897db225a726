import type { Database } from '../../../../src/persistence/index.ts';
import { buildWorld, type World } from '../../../support/builder/index.ts';

// A congress with a paper election whose first round is open, built by the test builder in rows
// mode: a county congress, 30 delegates, an adopted election method, the election with its five
// candidates and officers, an open sitting, the round, and an electronic election for contrast.

/** Printed in surname-stroke order: 丁 2; 王 4; 李 7 (横 first) < 张 7 (横折 first); 赵 9. */
export const CANDIDATES = ['丁宁', '王刚', '李强', '张伟', '赵敏'] as const;
export const SEATS = 3;
export const EXPECTED = 30;
export const PRESENT = 25;

export interface PaperCongress {
  /** The world it was built in: setRoundStatus moves a round on. */
  readonly world: World;
  readonly congressId: string;
  readonly electionId: string;
  readonly roundId: string;
  /** A round of an electronic election of the same congress. */
  readonly electronicRoundId: string;
}

export async function seedPaperCongress(
  database: Database,
  options: {
    readonly tag?: string;
    readonly tellerAccounts?: readonly string[];
    readonly parameters?: object;
  } = {},
): Promise<PaperCongress> {
  const tag = options.tag ?? 'p';
  const world = buildWorld(database, { tag });
  // Named, not numbered: the tests grant their staff roles in it before it exists.
  const congress = await world.congress({
    id: `${tag}-congress`,
    number: 15,
    venue: '县会议中心',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
    secretaryGeneral: '周明',
  });
  const delegates = await congress.delegates(
    Array.from({ length: EXPECTED }, (_, i) => ({
      name: i < CANDIDATES.length ? CANDIDATES[i]! : `代表${i + 1}`,
      gender: i % 2 === 0 ? '男' : '女',
    })),
  );
  const sitting = await congress.sitting({ title: '第二次全体会议', sortOrder: 2 });
  await congress.method();
  const rounds: string[] = [];
  const elections: string[] = [];
  for (const [mode, title] of [
    ['paper', '选举县委委员'],
    ['electronic', '选举县纪委委员'],
  ] as const) {
    const election = await congress.election({
      title,
      seats: SEATS,
      mode,
      sitting: sitting.id,
      parameters: options.parameters ?? {},
      candidates: delegates.slice(0, CANDIDATES.length),
      officers: [
        { role: 'chief-scrutineer', name: '代表10' },
        { role: 'scrutineer', name: '代表11' },
        { role: 'teller', name: '计票人甲', ...account(options.tellerAccounts?.[0]) },
        { role: 'teller', name: '计票人乙', ...account(options.tellerAccounts?.[1]) },
      ],
    });
    elections.push(election.id);
    rounds.push((await election.round({ present: PRESENT })).id);
  }
  return {
    world,
    congressId: congress.id,
    electionId: elections[0]!,
    roundId: rounds[0]!,
    electronicRoundId: rounds[1]!,
  };
}

const account = (id: string | undefined) => (id === undefined ? {} : { account: id });

export interface PaperSheetSpec {
  readonly sheetNo: number;
  readonly marks: string;
  readonly writeIns?: readonly string[];
  readonly voidReason?: string;
}

/**
 * Twenty ballots of one batch, columns 丁宁 王刚 李强 张伟 赵敏, 3 seats. By hand (valid ballots only):
 *   sheets 1–12  FFF--                      丁宁 王刚 李强 for
 *   sheets 13–16 FFAF-                      丁宁 王刚 张伟 for, 李强 against
 *   sheet 17     FFFF-                      four "for" marks on 3 seats: invalid [B3]
 *   sheet 18     -----                      blank: valid, all abstentions
 *   sheet 19     FF--- and 刘洋 written in  three "for": valid
 *   sheet 20     FFF-- declared void        an identifying mark: invalid
 * returned 20, valid 18, invalid 2;
 * 丁宁 17 for / 0 against / 1 abstain; 王刚 17/0/1; 李强 12/4/2; 张伟 4/0/14; 赵敏 0/0/18; 刘洋 1.
 */
export function batchOfTwenty(): PaperSheetSpec[] {
  return Array.from({ length: 20 }, (_, i): PaperSheetSpec => {
    const sheetNo = i + 1;
    if (sheetNo <= 12) return { sheetNo, marks: 'FFF--' };
    if (sheetNo <= 16) return { sheetNo, marks: 'FFAF-' };
    if (sheetNo === 17) return { sheetNo, marks: 'FFFF-' };
    if (sheetNo === 18) return { sheetNo, marks: '-----' };
    if (sheetNo === 19) return { sheetNo, marks: 'FF---', writeIns: ['刘洋'] };
    return { sheetNo, marks: 'FFF--', voidReason: '有识别标记' };
  });
}
