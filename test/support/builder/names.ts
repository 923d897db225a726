import { makeIdNumber } from '../../../src/core/text/id-number.ts';

// People for test congresses: plausible names (every character in the stroke data, so ballots and
// lists sort them) and ID numbers that pass the checks.

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娟建国文辉鹏飞宁纯炜铭'];

/** A distinct, plausible name for each i below 3,700 (surname + one or two given characters). */
export function personName(i: number): string {
  const surname = SURNAMES[i % SURNAMES.length]!;
  const first = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const second = i % 3 === 0 ? '' : GIVEN[(i * 7) % GIVEN.length]!;
  return surname + first + second;
}

/** `count` distinct names from personName, starting at `from`. */
export function personNames(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => personName(from + i));
}

/** A valid ID number for each i: births spread over 1960–1990, odd sequence for men. */
export function idNumberFor(i: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + i * 23 * 86_400_000);
  return makeIdNumber('150502', birth.toISOString().slice(0, 10), (i * 2 + 1) % 1000);
}
