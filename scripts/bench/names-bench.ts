import { sortNames } from '../../src/core/names/index.ts';
import { seededRandom } from './prng.ts';

// Realistic delegate lists: common surnames (weighted towards the most frequent, as real lists
// are), some compound ones, one- and two-character given names, some annotations and padding.
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '皇甫', '令狐', '东方', '慕容'];
const GIVEN = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力林宁波鑫淼喆堃玥珺燊垚赟嵘婕昊宇浩然子涵梓轩一诺欣怡',
);
const ANNOTATIONS = ['（女）', '（回族）', '（女，满族）', '(河南)'];

/** `count` names from `seed`, the same names for the same seed on every run. */
export function makeNames(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(random() * from.length)]!;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    // Squaring the draw favours the front of the list, the most frequent surnames.
    const surname =
      random() < 0.03 ? pick(COMPOUND_SURNAMES) : SURNAMES[Math.floor(random() ** 2 * SURNAMES.length)]!;
    const given = random() < 0.3 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
    let name = surname + given;
    if (given.length === 1 && surname.length === 1 && random() < 0.5) name = `${surname}　${given}`;
    if (random() < 0.2) name += pick(ANNOTATIONS);
    names.push(name);
  }
  return names;
}

/** Times one sortNames over `count` generated names; the keys are computed inside the timing. */
export function benchSortNames(count: number, seed: number): { ms: number } {
  const names = makeNames(count, seed);
  const start = performance.now();
  const sorted = sortNames(names, (name) => name);
  const ms = performance.now() - start;
  if (sorted.length !== count) throw new Error('sortNames lost names');
  return { ms };
}
