import type { CongressesTable, SittingsTable } from '../../../src/adapters/db/congress-schema.ts';
import { type Database, inTransaction } from '../../../src/adapters/db/index.ts';
import type { Actor } from '../../../src/services/actor.ts';

// Rows for attendance tests and the check-in benchmark, written straight into the tables: the
// congress services are someone else's work in progress, and attendance must not wait for them.

export interface AttendanceFixtureOptions {
  /** Delegates with voting rights (default 10). */
  readonly voting?: number;
  /** [Q4] delegates without a vote (列席 / rights suspended), after the voting ones (default 0). */
  readonly nonVoting?: number;
  /** Names for the first delegates, in order; the rest are generated. */
  readonly names?: readonly string[];
  readonly ruleSet?: CongressesTable['rule_set'];
  readonly kind?: CongressesTable['kind'];
  /** Status of each sitting created, in order (default one open sitting). */
  readonly sittings?: readonly SittingsTable['status'][];
  readonly delegations?: number;
  /** Keeps the ids of two congresses in one database apart. */
  readonly tag?: string;
}

export interface FixtureDelegate {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly votingRights: boolean;
}

export interface AttendanceFixture {
  readonly congressId: string;
  /** The first sitting. */
  readonly sittingId: string;
  readonly sittingIds: readonly string[];
  readonly delegates: readonly FixtureDelegate[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '小强明华国建平志红军伟丽敏静秀英芳玉兰桂梅霞海波涛宁纯炜铭鹏飞勇杰磊超';

/** A deterministic made-up name for delegate n (1-based): two or three characters. */
export function generatedName(n: number): string {
  const surname = SURNAMES[(n * 7) % SURNAMES.length]!;
  const first = GIVEN[(n * 13) % GIVEN.length]!;
  return n % 3 === 0 ? surname + first : surname + first + GIVEN[(n * 17 + 5) % GIVEN.length]!;
}

/** Printed on the delegate card and in its QR code. */
export const fixtureCode = (n: number) => `A${String(n).padStart(4, '0')}`;

export async function seedAttendanceCongress(
  database: Database,
  options: AttendanceFixtureOptions = {},
): Promise<AttendanceFixture> {
  const tag = options.tag ?? 'c';
  const voting = options.voting ?? 10;
  const total = voting + (options.nonVoting ?? 0);
  const congressId = `${tag}-congress`;
  const created = '2026-09-20T00:00:00.000Z';
  const delegationCount = Math.max(1, options.delegations ?? 3);
  const sittingStatuses = options.sittings ?? ['open'];
  const delegates: FixtureDelegate[] = Array.from({ length: total }, (_, i) => ({
    id: `${tag}-del-${i + 1}`,
    code: fixtureCode(i + 1),
    name: options.names?.[i] ?? generatedName(i + 1),
    votingRights: i < voting,
  }));
  const sittingIds = sittingStatuses.map((_, i) => `${tag}-sitting-${i + 1}`);
  await inTransaction(database, async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id: `${tag}-org`,
        name: '中共通辽市委员会',
        short_name: '市委',
        locality: '通辽市',
        level: 'city',
        parent_id: null,
      })
      .execute();
    await trx
      .insertInto('congresses')
      .values({
        id: congressId,
        organisation_id: `${tag}-org`,
        kind: options.kind ?? 'congress',
        number: 6,
        plenary_number: options.kind === 'plenary' ? 1 : null,
        term_id: null,
        title:
          options.kind === 'plenary'
            ? '中共通辽市第六届委员会第一次全体会议'
            : '中国共产党通辽市第六次代表大会',
        theme: null,
        venue: '市行政中心大礼堂',
        starts_on: '2026-09-27',
        ends_on: '2026-09-29',
        rule_set: options.ruleSet ?? 'local-congress',
        status: 'in-session',
        secretary_general: null,
        created_at: created,
      })
      .execute();
    await trx
      .insertInto('delegations')
      .values(
        Array.from({ length: delegationCount }, (_, i) => ({
          id: `${tag}-dlg-${i + 1}`,
          congress_id: congressId,
          name: `第${i + 1}代表团`,
          sort_order: i + 1,
        })),
      )
      .execute();
    for (let start = 0; start < delegates.length; start += 200) {
      await trx
        .insertInto('delegates')
        .values(
          delegates.slice(start, start + 200).map((delegate, j) => ({
            id: delegate.id,
            congress_id: congressId,
            delegation_id: `${tag}-dlg-${((start + j) % delegationCount) + 1}`,
            code: delegate.code,
            name: delegate.name,
            gender: '男',
            ethnicity: '汉族',
            birth_date: null,
            joined_date: null,
            position: null,
            id_number: null,
            voting_rights: delegate.votingRights ? 1 : 0,
            suspension_reason: delegate.votingRights ? null : '预备党员',
            photo: (start + j) % 2 === 0 ? `photos/${delegate.code}.jpg` : null,
            credential_hash: null,
            account_id: null,
            created_at: created,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('sittings')
      .values(
        sittingStatuses.map((status, i) => ({
          id: sittingIds[i]!,
          congress_id: congressId,
          kind: i === 0 ? ('opening' as const) : ('plenary' as const),
          title: i === 0 ? '开幕大会' : `第${i + 1}次全体会议`,
          status,
          sort_order: i + 1,
          starts_at: null,
          ends_at: null,
          venue: null,
          presiding: null,
          opened_at: status === 'scheduled' ? null : '2026-09-27T01:00:00.000Z',
          closed_at: status === 'closed' ? '2026-09-27T03:00:00.000Z' : null,
        })),
      )
      .execute();
  });
  return { congressId, sittingId: sittingIds[0]!, sittingIds, delegates };
}

/** Sets attendance rows directly (for counts at scale, without a desk action per delegate). */
export async function setAttendance(
  database: Database,
  sittingId: string,
  rows: ReadonlyArray<{
    readonly delegateId: string;
    readonly status: 'present' | 'absent' | 'leave';
    readonly leaveReason?: string;
  }>,
): Promise<void> {
  await inTransaction(database, async (trx) => {
    for (let start = 0; start < rows.length; start += 200) {
      await trx
        .insertInto('attendance')
        .values(
          rows.slice(start, start + 200).map((row) => ({
            sitting_id: sittingId,
            delegate_id: row.delegateId,
            status: row.status,
            updated_at: '2026-09-27T00:30:00.000Z',
            leave_reason: row.leaveReason ?? null,
            checked_in_at: row.status === 'present' ? '2026-09-27T00:30:00.000Z' : null,
            checked_out_at: null,
            desk: row.status === 'present' ? '1' : null,
          })),
        )
        .execute();
    }
  });
}

/** Rows written per table, to show that a refused or repeated request wrote nothing. */
export async function writeCounts(
  database: Database,
): Promise<{ attendance: number; events: number; audit: number }> {
  const count = async (table: 'attendance' | 'attendance_events' | 'audit_log') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    attendance: await count('attendance'),
    events: await count('attendance_events'),
    audit: await count('audit_log'),
  };
}

/** The check-in account acting in service tests (services do not check roles; routes do). */
export const DESK: Actor = {
  kind: 'account',
  accountId: 'desk',
  username: 'desk1',
  displayName: '签到员',
  roles: new Map(),
};
