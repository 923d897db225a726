// Congresses, delegates and files for the congress service's tests.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { auditHead, type Database } from '../../../src/adapters/db/index.ts';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { createCongress } from '../../../src/services/congress/congresses.ts';
import { createDelegate } from '../../../src/services/congress/delegates.ts';
import { createDelegation } from '../../../src/services/congress/delegations.ts';
import { createOrganisation } from '../../../src/services/congress/organisations.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { openMigrated, type TestDatabase } from '../../support/databases.ts';
import { SYSTEM, TestClock, testContext } from '../../support/http.ts';

export const ADMIN = SYSTEM;

export async function serviceContext(
  target: TestDatabase,
): Promise<{ database: Database; context: ServiceContext; clock: TestClock }> {
  const database = await openMigrated(target);
  const clock = new TestClock();
  return { database, context: testContext(database, clock), clock };
}

/** 内蒙古自治区 › 通辽市, and the city's 6th congress (the Tongliao seed). */
export async function tongliao(context: ServiceContext) {
  const region = await createOrganisation(context, ADMIN, {
    name: '中共内蒙古自治区委员会',
    shortName: '自治区党委',
    locality: '内蒙古自治区',
    level: 'province',
  });
  const city = await createOrganisation(context, ADMIN, {
    name: '中共通辽市委员会',
    shortName: '市委',
    locality: '通辽市',
    level: 'city',
    parentId: region.id,
  });
  const congress = await createCongress(context, ADMIN, {
    kind: 'congress',
    organisationId: city.id,
    number: 6,
    venue: '市行政中心大礼堂',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  return { region, city, congress };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娟建国文辉鹏飞宁纯炜铭'];

/** A distinct, plausible name for each i (surname + one or two given characters). */
export function personName(i: number): string {
  const surname = SURNAMES[i % SURNAMES.length]!;
  const first = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const second = i % 3 === 0 ? '' : GIVEN[(i * 7) % GIVEN.length]!;
  return surname + first + second;
}

/** A valid ID number for each i: births spread over 1960–1990, odd sequence for men. */
export function idNumberFor(i: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + i * 23 * 86_400_000);
  return makeIdNumber('150502', birth.toISOString().slice(0, 10), (i * 2 + 1) % 1000);
}

/** Adds `count` delegates in `delegations` delegations (round robin), returning their ids. */
export async function addDelegates(
  context: ServiceContext,
  congressId: string,
  count: number,
  delegations = 2,
): Promise<string[]> {
  const groups = [];
  for (let g = 0; g < delegations; g++)
    groups.push(
      await createDelegation(context, ADMIN, congressId, { name: `第${'一二三四五六七八九十'[g]}代表团` }),
    );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const delegate = await createDelegate(context, ADMIN, congressId, {
      name: personName(i),
      ethnicity: '汉族',
      idNumber: idNumberFor(i),
      joinedDate: '2000-07',
      position: '干部',
      delegationId: groups[i % delegations]!.id,
    });
    ids.push(delegate.id);
  }
  return ids;
}

export const LIST_HEADERS = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '入党时间',
  '工作单位及职务',
  '代表团',
  '公民身份号码',
  '表决权',
  '暂停原因',
];

/** The rows of a delegate list of `count` delegates in six delegations. */
export function listRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    String(i + 1),
    personName(i),
    '',
    i % 50 === 7 ? '回族' : '汉族',
    '1998.10',
    `示范单位${i + 1}负责人`,
    `第${'一二三四五六'[i % 6]}代表团`,
    idNumberFor(i),
    i === 5 ? '无' : '有',
    i === 5 ? '预备党员' : '',
  ]);
}

export async function listWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名单');
  sheet.getCell('A1').value = '通辽市第六次党代会代表名单';
  sheet.mergeCells('A1:J1');
  sheet.addRow(LIST_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function gbkCsv(rows: string[][]): Buffer {
  const text = [LIST_HEADERS, ...rows]
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
    .join('\r\n');
  return iconv.encode(`${text}\r\n`, 'gbk');
}

/** Rows in each table the congress service writes, and the audit head: what a refusal must leave alone. */
export async function snapshot(database: Database): Promise<Record<string, unknown>> {
  const tables = [
    'organisations',
    'terms',
    'term_positions',
    'congresses',
    'delegations',
    'delegates',
    'body_members',
    'sittings',
    'sitting_chairs',
    'agenda_items',
    'adoption_votes',
    'adoption_ballots',
    'adoption_voters',
  ] as const;
  const counts: Record<string, unknown> = {};
  for (const table of tables) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return { ...counts, audit: await auditHead(database.db) };
}

/** A check-in, as the attendance service records one (its own tests cover how). */
export async function markPresent(
  database: Database,
  sittingId: string,
  delegateIds: readonly string[],
): Promise<void> {
  if (delegateIds.length === 0) return;
  await database.db
    .insertInto('attendance')
    .values(
      delegateIds.map((delegate_id) => ({
        sitting_id: sittingId,
        delegate_id,
        status: 'present' as const,
        updated_at: '2026-09-27T01:00:00.000Z',
        leave_reason: null,
        checked_in_at: '2026-09-27T01:00:00.000Z',
        checked_out_at: null,
        desk: null,
      })),
    )
    .execute();
}
