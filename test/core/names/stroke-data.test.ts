import cncharImport from 'cnchar';
import cncharOrder from 'cnchar-order';
import cncharTrad from 'cnchar-trad';
import { describe, expect, it } from 'vitest';
import { strokeProfile } from '../../../src/core/names/index.ts';
import { classifyStroke } from '../../../src/core/names/stroke-classes.ts';
import {
  cncharCharacters,
  cncharStrokeNames,
  cncharTradPairs,
  cncharTradToSimple,
} from '../../../src/core/names/stroke-data.ts';
import { STROKE_OVERRIDES, VARIANT_OVERRIDES } from '../../../src/core/names/stroke-overrides.ts';

// What we verified in cnchar 3.2.6's data. The counts below are what the checks found; a new
// version of the packages that changes them fails here and has to be looked at again.

/**
 * The part of cnchar's API these checks use. The package is CommonJS typed with `export default`;
 * under NodeNext TypeScript types the default import as the module object, while Node hands over
 * module.exports, the cnchar object itself.
 */
interface CnChar {
  use(...plugins: unknown[]): void;
  stroke(text: string, ...args: string[]): unknown;
  convert: { tradToSimple(text: string): string };
  dict: { stroke: Record<string, string> };
}
const cnchar = cncharImport as unknown as CnChar;
cnchar.use(cncharOrder, cncharTrad);

/** cnchar's own stroke counts: its dictionary lists the characters by count. */
function cncharCounts(dict: Record<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [count, characters] of Object.entries(dict)) {
    for (const character of Array.from(characters)) counts.set(character, Number(count));
  }
  return counts;
}

describe('cnchar data, checked', () => {
  it('covers 6,939 simplified characters with a stroke order', () => {
    expect(cncharCharacters()).toHaveLength(6939);
  });

  it('§7 total stroke count equals the length of the stroke order for every simplified character', () => {
    const counts = cncharCounts(cnchar.dict.stroke);
    expect(counts.size).toBe(6944);
    const mismatches = cncharCharacters().filter((c) => counts.get(c) !== cncharStrokeNames(c)!.length);
    expect(mismatches).toEqual([]);
    // Characters that have a count but no order: we cannot order them (讬 is mapped to 托 instead).
    const withoutOrder = [...counts.keys()].filter((c) => cncharStrokeNames(c) === undefined);
    expect(withoutOrder.join('')).toBe('讬挼欻鞥黁');
  });

  it('the traditional data has 24 count/order mismatches (龍 forms and a few more): we never count traditional strokes', () => {
    const tradDict = (
      cncharTrad as unknown as { dict: { count: Record<string, string>; order: Record<string, string> } }
    ).dict;
    const counts = cncharCounts(tradDict.count);
    const mismatches = Object.keys(tradDict.order).filter((c) => counts.get(c) !== tradDict.order[c]!.length);
    expect(mismatches).toHaveLength(24);
    expect(mismatches).toContain('龔');
  });

  it("our reading of the dictionaries equals cnchar.stroke(c, 'order', 'name') for every character", () => {
    for (const character of cncharCharacters()) {
      const viaApi = (cnchar.stroke(character, 'order', 'name') as string[][])[0];
      expect(cncharStrokeNames(character), character).toEqual(viaApi);
    }
  });

  it('our reading of cnchar-trad equals cnchar.convert.tradToSimple for every pair', () => {
    const pairs = cncharTradPairs();
    expect(pairs.length).toBeGreaterThan(2600);
    for (const [traditional, simplified] of pairs) {
      expect(cnchar.convert.tradToSimple(traditional), traditional).toBe(simplified);
    }
    expect(cncharTradToSimple('张')).toBeUndefined();
  });

  it('§7 the 百家姓 top 100 have their standard stroke counts', () => {
    // Counts from the standard (《通用规范汉字表》 / GF 0023-2020), entered by hand.
    const expected: Record<number, string> = {
      2: '丁',
      3: '马于万',
      4: '王韦方孔尹毛邓',
      5: '田冯叶卢石付白龙史',
      6: '刘孙朱许吕任江闫向汤',
      7: '李张陈杨吴何宋肖余杜苏沈陆汪邹邱严邵',
      8: '周林罗郑金范孟武',
      9: '赵胡姚姜钟段侯贺郝',
      10: '徐郭高唐袁贾夏秦陶顾钱莫',
      11: '黄梁曹崔龚',
      12: '谢韩彭曾董蒋程覃',
      13: '雷',
      14: '蔡谭廖熊',
      15: '潘黎',
      16: '薛',
      17: '魏戴',
    };
    expect(Object.values(expected).join('')).toHaveLength(100);
    const wrong: string[] = [];
    for (const [count, surnames] of Object.entries(expected)) {
      for (const surname of Array.from(surnames)) {
        const profile = strokeProfile(surname);
        if (profile.count !== Number(count)) wrong.push(`${surname}: ${profile.count}, expected ${count}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('§7 characters common in names have their standard counts (all are in cnchar-order)', () => {
    const expected: Record<string, number> = {
      乜: 2,
      亓: 4,
      邝: 5,
      禤: 15, // 礻4 + 罒5 + 羽6
      昇: 8,
      喆: 12,
      堃: 11,
      玥: 8,
      珺: 11,
      琍: 11,
      燊: 16,
      鑫: 24,
      犇: 12,
      淼: 12,
      垚: 9,
      赟: 16,
      曌: 16,
      菂: 11,
      羿: 9,
      嵘: 12,
      婕: 11,
      姮: 9,
    };
    for (const [character, count] of Object.entries(expected)) {
      expect(cncharStrokeNames(character), character).toHaveLength(count);
      expect(strokeProfile(character).count, character).toBe(count);
    }
  });

  it('the override table only adds characters cnchar lacks, or corrects top-100 surnames', () => {
    const corrected = STROKE_OVERRIDES.filter((o) => cncharStrokeNames(o.character) !== undefined).map(
      (o) => o.character,
    );
    expect(corrected.join('')).toBe('李谢姚廖潘');
    for (const character of corrected) {
      // A correction changes sub-forms only, never the count or the classes (the order by rule 2).
      const classes = cncharStrokeNames(character)!.map((name) => classifyStroke(name)!.strokeClass);
      expect(strokeProfile(character).classes, character).toBe(classes.join(''));
    }
    expect(STROKE_OVERRIDES.length).toBe(51);
    expect(VARIANT_OVERRIDES.length).toBe(35);
  });
});
