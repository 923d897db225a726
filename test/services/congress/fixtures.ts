// Congresses, delegates and files for the congress service's tests: the Tongliao congress built
// by the test builder through the services (these tests build on what the services made).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { auditHead, type Database } from '../../../src/persistence/index.ts';
import { getCongress } from '../../../src/services/congress/congresses.ts';
import { getOrganisation } from '../../../src/services/congress/organisations.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { buildWorld, type CongressBuilder, idNumberFor, personName } from '../../support/builder/index.ts';
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

/**
 * 内蒙古自治区 › 通辽市, and the city's 6th congress (the Tongliao seed), as the services return
 * them; `builder` adds to the congress through the services (check-ins: builder.attendance).
 */
export async function tongliao(context: ServiceContext) {
  const world = buildWorld(context.database, { via: 'services', context });
  const region = await world.organisation({
    name: '中共内蒙古自治区委员会',
    shortName: '自治区党委',
    locality: '内蒙古自治区',
    level: 'province',
  });
  const city = await world.organisation({
    name: '中共通辽市委员会',
    shortName: '市委',
    locality: '通辽市',
    level: 'city',
    parent: region.id,
  });
  const builder = await world.congress({
    organisation: city.id,
    number: 6,
    venue: '市行政中心大礼堂',
    startsOn: '2026-09-27',
    endsOn: '2026-09-29',
  });
  return {
    region: await getOrganisation(context, region.id),
    city: await getOrganisation(context, city.id),
    congress: await getCongress(context, builder.id),
    builder,
  };
}

/** Adds `count` delegates in `delegations` delegations (round robin), returning their ids. */
export async function addDelegates(
  context: ServiceContext,
  congressId: string,
  count: number,
  delegations = 2,
): Promise<string[]> {
  const congress: CongressBuilder = await buildWorld(context.database, {
    via: 'services',
    context,
  }).congressOf(congressId);
  const groups = await congress.delegations(
    Array.from({ length: delegations }, (_, g) => `第${'一二三四五六七八九十'[g]}代表团`),
  );
  const delegates = await congress.delegates(
    Array.from({ length: count }, (_, i) => ({
      name: personName(i),
      ethnicity: '汉族',
      idNumber: idNumberFor(i),
      joinedDate: '2000-07',
      position: '干部',
    })),
    { delegations: groups },
  );
  return delegates.map((d) => d.id);
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
