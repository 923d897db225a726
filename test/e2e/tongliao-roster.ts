import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../src/core/text/id-number.ts';

// The delegate list of the Tongliao congress (seed 002: 中国共产党通辽市第六次代表大会, 应到代表417名,
// 因事因病请假4人, 实到代表413名), as the secretariat would upload it: 12 delegations, 417 delegates
// with voting rights and 3 whose rights are suspended (they attend without a vote [Q4], so they are
// not among the 417 expected), every one with a valid ID number.

export const DELEGATIONS = [
  '市直机关代表团',
  '科尔沁区代表团',
  '霍林郭勒市代表团',
  '开鲁县代表团',
  '库伦旗代表团',
  '奈曼旗代表团',
  '扎鲁特旗代表团',
  '科左中旗代表团',
  '科左后旗代表团',
  '经济技术开发区代表团',
  '教育卫生代表团',
  '国有企业代表团',
] as const;

export const VOTING_DELEGATES = 417;
export const SUSPENDED_DELEGATES = 3;
export const ROSTER_SIZE = VOTING_DELEGATES + SUSPENDED_DELEGATES;

/** The executive chairs named in the report, all delegates of the 市直机关 delegation. */
export const CHAIRS = [
  '孟宪东',
  '郭玉峰',
  '方玉东',
  '饶崇书',
  '张鸿福',
  '马慧吉',
  '王玲',
  '莫日根巴图',
  '亢永强',
  '焦刚伟',
  '赵航',
] as const;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娟建国文辉鹏飞宁纯炜铭志海春晓东'];

export interface RosterRow {
  readonly index: number;
  readonly name: string;
  readonly gender: '男' | '女';
  readonly ethnicity: string;
  readonly birthDate: string;
  readonly joined: string;
  readonly position: string;
  readonly delegation: string;
  readonly idNumber: string;
  readonly votingRights: boolean;
  readonly suspensionReason?: string;
}

/** Row indexes (0-based) of the three delegates without voting rights, in three delegations. */
export const SUSPENDED_ROWS: readonly number[] = [140, 280, 419];

function names(count: number): string[] {
  const taken = new Set<string>(CHAIRS);
  const out: string[] = [...CHAIRS];
  for (let i = 0; out.length < count; i++) {
    const surname = SURNAMES[i % SURNAMES.length]!;
    const first = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
    const second = i % 3 === 0 ? '' : GIVEN[(i * 7 + 3) % GIVEN.length]!;
    const name = surname + first + second;
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

const MONGOLIAN = new Set(['莫日根巴图']);
const WOMEN = new Set(['王玲', '马慧吉']);

/** The 420 rows of the list: the chairs first (市直机关代表团), then 35 to a delegation. */
export function tongliaoRoster(): RosterRow[] {
  const all = names(ROSTER_SIZE);
  return all.map((name, index) => {
    const delegation = DELEGATIONS[Math.floor(index / (ROSTER_SIZE / DELEGATIONS.length))]!;
    const female = WOMEN.has(name) || (!CHAIRS.includes(name as (typeof CHAIRS)[number]) && index % 4 === 1);
    const year = 1962 + (index % 24);
    const month = String(1 + (index % 12)).padStart(2, '0');
    const day = String(1 + (index % 28)).padStart(2, '0');
    const birthDate = `${year}-${month}-${day}`;
    // The last digit of the sequence code is odd for a man, even for a woman.
    const sequence = (index * 2 + (female ? 0 : 1)) % 1000;
    const suspended = SUSPENDED_ROWS.includes(index);
    return {
      index,
      name,
      gender: female ? '女' : '男',
      ethnicity: MONGOLIAN.has(name)
        ? '蒙古族'
        : index % 9 === 4
          ? '蒙古族'
          : index % 17 === 5
            ? '回族'
            : '汉族',
      birthDate,
      joined: `${year + 24}.${month}`,
      position: index === 0 ? '通辽市委书记' : `${delegation.replace('代表团', '')}党员干部`,
      delegation,
      idNumber: makeIdNumber('150502', birthDate, sequence),
      votingRights: !suspended,
      ...(suspended ? { suspensionReason: '停止执行代表职务' } : {}),
    };
  });
}

/** The list as an XLSX workbook: a merged title row above the header, as secretariats make them. */
export async function rosterWorkbook(rows: readonly RosterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名单');
  sheet.getCell('A1').value = '中国共产党通辽市第六次代表大会代表名单';
  sheet.mergeCells('A1:K1');
  sheet.getRow(2).values = [
    '序号',
    '姓名',
    '性别',
    '民族',
    '出生年月',
    '入党时间',
    '工作单位及职务',
    '代表团',
    '公民身份号码',
    '表决权',
    '暂停原因',
  ];
  rows.forEach((row, i) => {
    sheet.getRow(3 + i).values = [
      i + 1,
      row.name,
      row.gender,
      row.ethnicity,
      row.birthDate.slice(0, 7).replace('-', '.'),
      row.joined,
      row.position,
      row.delegation,
      row.idNumber,
      row.votingRights ? '有' : '无',
      row.suspensionReason ?? '',
    ];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
