import type { Role, RoundsTable } from '../../../../src/adapters/db/congress-schema.ts';
import type { Database } from '../../../../src/adapters/db/index.ts';
import { inTransaction } from '../../../../src/adapters/db/index.ts';
import { createAccount } from '../../../../src/services/accounts/account-service.ts';
import type { Actor } from '../../../../src/services/actor.ts';
import type { ServiceContext } from '../../../../src/services/context.ts';
import { insertCountyCongress } from '../../../support/congress-fixtures.ts';
import { SYSTEM } from '../../../support/http.ts';

// A congress with a paper election whose first round is open, written directly (no other
// services): organisation, congress, 30 delegates, an adopted election method, the election with
// its five candidates and officers, an open sitting, the round, and an electronic election for contrast.

/** Printed in surname-stroke order: 丁 2; 王 4; 李 7 (横 first) < 张 7 (横折 first); 赵 9. */
export const CANDIDATES = ['丁宁', '王刚', '李强', '张伟', '赵敏'] as const;
export const SEATS = 3;
export const EXPECTED = 30;
export const PRESENT = 25;

export interface PaperCongress {
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
  const id = (name: string) => `${tag}-${name}`;
  const created = '2026-09-20T00:00:00.000Z';
  const congressId = id('congress');
  await inTransaction(database, async (trx) => {
    await insertCountyCongress(trx, {
      tag,
      congressId,
      startsOn: '2026-09-27',
      endsOn: '2026-09-29',
      secretaryGeneral: '周明',
      createdAt: created,
    });
    await trx
      .insertInto('delegates')
      .values(
        Array.from({ length: EXPECTED }, (_, i) => ({
          id: id(`del-${i + 1}`),
          congress_id: congressId,
          delegation_id: null,
          code: String(i + 1).padStart(3, '0'),
          name: i < CANDIDATES.length ? CANDIDATES[i]! : `代表${i + 1}`,
          gender: i % 2 === 0 ? '男' : '女',
          ethnicity: '汉族',
          birth_date: null,
          joined_date: null,
          position: null,
          id_number: null,
          voting_rights: 1,
          suspension_reason: null,
          photo: null,
          credential_hash: null,
          account_id: null,
          created_at: created,
        })),
      )
      .execute();
    await trx
      .insertInto('sittings')
      .values({
        id: id('sitting'),
        congress_id: congressId,
        kind: 'plenary',
        title: '第二次全体会议',
        status: 'open',
        sort_order: 2,
        starts_at: null,
        ends_at: null,
        venue: null,
        presiding: null,
        opened_at: '2026-09-28T01:00:00.000Z',
        closed_at: null,
      })
      .execute();
    await trx
      .insertInto('election_methods')
      .values({
        id: id('method'),
        congress_id: congressId,
        title: '选举办法',
        status: 'adopted',
        parameters_json: '{}',
        votes_for: 25,
        votes_against: 0,
        votes_abstain: 0,
        expected: EXPECTED,
        body: null,
        adopted_at: '2026-09-27T02:00:00.000Z',
      })
      .execute();
    for (const [suffix, mode] of [
      ['paper', 'paper'],
      ['electronic', 'electronic'],
    ] as const) {
      const electionId = id(`election-${suffix}`);
      await trx
        .insertInto('elections')
        .values({
          id: electionId,
          congress_id: congressId,
          office: 'committee-member',
          title: suffix === 'paper' ? '选举县委委员' : '选举县纪委委员',
          rule_set: 'local-congress',
          parameters_json: JSON.stringify(options.parameters ?? {}),
          ballot_mode: mode,
          status: 'in-progress',
          seats: SEATS,
          sort_order: suffix === 'paper' ? 1 : 2,
          preliminary_advance: null,
          sitting_id: id('sitting'),
          method_id: id('method'),
        })
        .execute();
      await trx
        .insertInto('candidates')
        .values(
          CANDIDATES.map((name, i) => ({
            id: id(`cand-${suffix}-${i}`),
            election_id: electionId,
            name,
            approved_rank: null,
            delegate_id: id(`del-${i + 1}`),
            gender: null,
            ethnicity: null,
            position: null,
          })),
        )
        .execute();
      const officer = (
        n: number,
        role: 'chief-scrutineer' | 'scrutineer' | 'teller',
        name: string,
        account: string | null,
      ) => ({
        id: id(`officer-${suffix}-${n}`),
        election_id: electionId,
        role,
        name,
        delegate_id: null,
        account_id: account,
      });
      await trx
        .insertInto('election_officers')
        .values([
          officer(1, 'chief-scrutineer', '代表10', null),
          officer(2, 'scrutineer', '代表11', null),
          officer(3, 'teller', '计票人甲', options.tellerAccounts?.[0] ?? null),
          officer(4, 'teller', '计票人乙', options.tellerAccounts?.[1] ?? null),
        ])
        .execute();
      await trx
        .insertInto('rounds')
        .values({
          id: suffix === 'paper' ? id('round') : id('round-electronic'),
          election_id: electionId,
          seq: 1,
          kind: 'formal',
          mode,
          status: 'open',
          candidates_json: JSON.stringify(CANDIDATES),
          seats: SEATS,
          advance: null,
          expected: EXPECTED,
          present: PRESENT,
          ballots_issued: null,
          sitting_id: id('sitting'),
          opened_at: '2026-09-28T02:00:00.000Z',
          closed_at: null,
          result_json: null,
          signed_off_at: null,
          announced_at: null,
        })
        .execute();
    }
  });
  return {
    congressId,
    electionId: id('election-paper'),
    roundId: id('round'),
    electronicRoundId: id('round-electronic'),
  };
}

/** Moves a round on as the election service would (closing records the ballots issued [B2]). */
export async function setRoundStatus(
  database: Database,
  roundId: string,
  status: RoundsTable['status'],
  ballotsIssued?: number,
): Promise<void> {
  await inTransaction(database, async (trx) => {
    await trx
      .updateTable('rounds')
      .set({
        status,
        ...(ballotsIssued === undefined
          ? {}
          : { ballots_issued: ballotsIssued, closed_at: '2026-09-28T03:00:00.000Z' }),
      })
      .where('id', '=', roundId)
      .execute();
  });
}

export type StaffActor = Extract<Actor, { kind: 'account' }>;

/** A staff account created with createAccount, and the actor it acts as. */
export async function staff(
  context: ServiceContext,
  username: string,
  roles: ReadonlyArray<{ congressId: string; role: Role }>,
): Promise<StaffActor> {
  const { id } = await createAccount(context, SYSTEM, {
    username,
    displayName: username,
    password: `${username}-password`,
    roles,
  });
  const byCongress = new Map<string, Set<Role>>();
  for (const grant of roles) {
    const set = byCongress.get(grant.congressId) ?? new Set<Role>();
    set.add(grant.role);
    byCongress.set(grant.congressId, set);
  }
  return { kind: 'account', accountId: id, username, displayName: username, roles: byCongress };
}

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
