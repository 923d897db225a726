import { describe, expect, it } from 'vitest';
import { compareNames, nameSortKey, sortNames, stripAnnotations } from '../../../src/core/names/index.ts';

const sorted = (names: readonly string[]) => sortNames(names, (name) => name);

/** Every adjacent pair strictly increasing, and sorting the reversed list gives the list back. */
function expectStrictOrder(names: readonly string[]) {
  for (let i = 1; i < names.length; i++) {
    expect(compareNames(names[i - 1]!, names[i]!), `${names[i - 1]} < ${names[i]}`).toBeLessThan(0);
  }
  expect(sorted([...names].reverse())).toEqual(names);
}

describe('election-rules.md §7 examples', () => {
  it('§7 于 < 才 < 万 < 么 < 习 < 马 (all 3 strokes: first stroke class, then the next)', () => {
    expectStrictOrder(['于', '才', '万', '么', '习', '马']);
  });

  it('§7 中 < 仁 < 月 (4 strokes)', () => {
    expectStrictOrder(['中', '仁', '月']);
  });

  it('§7 洋 < 勇 (9 strokes)', () => {
    expectStrictOrder(['洋', '勇']);
  });

  it('§7 丁宁 < 丁纯 < 丁炜 < 丁铭 < 丁小强: a single-character given name first', () => {
    expectStrictOrder(['丁宁', '丁纯', '丁炜', '丁铭', '丁小强']);
  });

  it('§7 the empty position after the surname sorts before any character, even a one-stroke one', () => {
    expectStrictOrder(['王', '王乙', '王鑫', '王一丁']);
  });
});

describe('nameSortKey', () => {
  it('§7 keys compare with plain < on strings', () => {
    const names = ['丁宁', '丁纯', '丁小强', '于波', '欧阳修', '阿不都·热合曼'];
    const byKey = [...names].sort((a, b) =>
      nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0,
    );
    expect(byKey).toEqual(sorted(names));
    expect(nameSortKey('丁宁') < nameSortKey('丁小强')).toBe(true);
    expect(nameSortKey('')).toBe('');
  });

  it('keys hold no control characters and no surrogates, so they can be stored as text', () => {
    for (const name of ['丁宁', '王小强', '鑫', '齉']) {
      for (const unit of Array.from(nameSortKey(name), (c) => c.charCodeAt(0))) {
        expect(unit).toBeGreaterThanOrEqual(0x100);
        expect(unit).toBeLessThan(0xd800);
      }
    }
  });
});

describe('cli-contract.md `plenum names sort`', () => {
  it('§7 丁小强, 丁宁（女）, 于波 → 丁宁（女）, 丁小强, 于波, each name kept as written', () => {
    expect(sorted(['丁小强', '丁宁（女）', '于波'])).toEqual(['丁宁（女）', '丁小强', '于波']);
  });
});

describe('surnames ordered by hand from their strokes', () => {
  it('§7 2–5 strokes: 丁 < 于 < 万 < 马 < 王 < 韦 < 毛 < 方 < 尹 < 孔 < 邓 < 石 < 龙 < 卢 < 叶 < 田 < 史 < 付 < 白 < 冯', () => {
    // 王 一一丨一 | 韦 一一乛丨 | 毛 丿一一乛 | 方 丶一乛丿 | 尹 乛一一丿 | 孔 乛丨一乛 | 邓 乛丶乛丨
    // 石 一丿丨乛一 | 龙 一丿乛丿丶 | 卢 丨一乛一丿 | 叶 丨乛一一丨 | 田 丨乛一丨一 | 史 丨乛一丿丶
    // 付 丿丨一丨丶 | 白 丿丨乛一一 | 冯 丶一乛乛一
    expectStrictOrder('丁于万马王韦毛方尹孔邓石龙卢叶田史付白冯'.split(''));
  });

  it('§7 6 strokes: 吕 < 朱 < 任 < 向 < 刘 < 闫 < 江 < 汤 < 许 < 孙', () => {
    // 吕 丨乛一丨乛一 | 朱 丿一 | 任 丿丨丿 | 向 丿丨乛 | 刘 丶一 | 闫 丶丨 | 江 丶丶一一 | 汤 丶丶一乛 | 许 丶乛 | 孙 乛
    expectStrictOrder('吕朱任向刘闫江汤许孙'.split(''));
  });

  it('§7 7 strokes: 严 < 苏 < 杜 < 李 < 杨 < 肖 < 吴 < 邱 < 何 < 余 < 邹 < 汪 < 沈 < 宋 < 张 < 陆 < 陈 < 邵', () => {
    // 严 一丨丨丶 | 苏 一丨丨乛 | 杜 一丨丿丶一 | 李 一丨丿丶乛丨 | 杨 一丨丿丶乛丿 | 肖 丨丶 | 吴 丨乛
    // 邱 丿丨一丨一 | 何 丿丨一丨乛 | 余 丿丶 | 邹 丿乛 | 汪 丶丶一一 | 沈 丶丶一丶 | 宋 丶丶乛
    // 张 乛一 | 陆 乛丨一一 | 陈 乛丨一乛 | 邵 乛丿
    expectStrictOrder('严苏杜李杨肖吴邱何余邹汪沈宋张陆陈邵'.split(''));
  });

  it('§7 a published list: the 19th Politburo (按姓氏笔画为序), two-character names before three within a surname', () => {
    const politburo = [
      '丁薛祥',
      '习近平',
      '王晨',
      '王沪宁',
      '刘鹤',
      '许其亮',
      '孙春兰（女）',
      '李希',
      '李强',
      '李克强',
      '李鸿忠',
      '杨洁篪',
      '杨晓渡',
      '汪洋',
      '张又侠',
      '陈希',
      '陈全国',
      '陈敏尔',
      '赵乐际',
      '胡春华',
      '栗战书',
      '郭声琨',
      '黄坤明',
      '韩正',
      '蔡奇',
    ];
    expectStrictOrder(politburo);
  });
});

describe('compound surnames', () => {
  it('§7 compared position by position, never summed: 欧 (8) then 阳, so 欧阳修 < 郑宁 although 欧+阳 = 14', () => {
    expectStrictOrder(['欧宁', '欧阳修', '欧阳锋', '郑宁']);
  });

  it('§7 a list of compound surnames', () => {
    // 上 3 | 公 4 | 东 一 5 | 令 丿 5 | 司 乛 5 | 欧 8 | 皇 9 | 诸 10 | 慕 14; 司马 < 司徒 (马 3 < 徒 10)
    expectStrictOrder([
      '上官婉儿',
      '公孙胜',
      '东方朔',
      '令狐冲',
      '司马光',
      '司徒雷',
      '欧阳修',
      '皇甫嵩',
      '诸葛亮',
      '慕容复',
    ]);
  });
});

describe('traditional and variant forms (§7 item 6)', () => {
  it('§7 張 sorts as 张, and the text is kept', () => {
    expect(nameSortKey('張三')).toBe(nameSortKey('张三'));
    expect(sorted(['張三', '马六', '张三', '李四'])).toEqual(['马六', '李四', '張三', '张三']);
  });

  it('§7 歐陽 sorts as 欧阳, 劉 as 刘, 鍾 as 钟, 陳 as 陈', () => {
    expect(compareNames('歐陽修', '欧阳修')).toBe(0);
    expect(compareNames('劉備', '刘备')).toBe(0);
    expect(compareNames('鍾偉', '钟伟')).toBe(0);
    expect(compareNames('陳希', '陈希')).toBe(0);
  });

  it('§7 standard characters that cnchar-trad would map are counted as written: 於 is not 于, 佘 is not 畲', () => {
    expect(compareNames('於', '于')).toBeGreaterThan(0);
    expect(compareNames('佘', '余')).not.toBe(0);
    // 佘 and 余 have the same strokes (丿㇏一一亅丿丶): the code point decides (U+4F58 < U+4F59).
    expectStrictOrder(['于', '佘', '余', '於']);
  });
});

describe('annotations, padding and separators (§7 item 4)', () => {
  it('§7 （女）, (回族), full-width and ASCII padding are not part of the key', () => {
    const key = nameSortKey('王宁');
    for (const variant of [
      '王　宁',
      '王 宁',
      ' 王宁 ',
      '王宁（女）',
      '王宁(女)',
      '王　宁（女）（回族）',
      '王宁（河南(郑州)）',
      '王\u00a0宁',
    ]) {
      expect(nameSortKey(variant), variant).toBe(key);
    }
  });

  it('§7 stripAnnotations gives the counted text: 王　宁（女） → 王宁', () => {
    expect(stripAnnotations('王　宁（女）')).toBe('王宁');
    expect(stripAnnotations('阿不都·热合曼（维吾尔族）')).toBe('阿不都热合曼');
    expect(stripAnnotations('买买提•依明')).toBe('买买提依明');
    expect(stripAnnotations('王宁（女')).toBe('王宁');
    expect(stripAnnotations('王宁）')).toBe('王宁');
  });

  it('§7 separators of transliterated names are ignored', () => {
    expect(nameSortKey('阿不都·热合曼')).toBe(nameSortKey('阿不都热合曼'));
    expect(nameSortKey('阿不都・热合曼')).toBe(nameSortKey('阿不都热合曼'));
  });

  it('§7 the padded two-character name sorts as the unpadded one, and the output keeps the padding', () => {
    expect(sorted(['丁小强', '丁　宁（女）', '于　波'])).toEqual(['丁　宁（女）', '丁小强', '于　波']);
  });
});

describe('stability (§7 item 5)', () => {
  it('§7 identical keys keep their input order', () => {
    const items = [
      { id: 1, name: '王宁' },
      { id: 2, name: '丁一' },
      { id: 3, name: '王　宁（女）' },
      { id: 4, name: '王宁' },
      { id: 5, name: '王寧' },
    ];
    expect(sortNames(items, (item) => item.name).map((item) => item.id)).toEqual([2, 1, 3, 4, 5]);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = ['王宁', '丁一'];
    const output = sorted(input);
    expect(output).not.toBe(input);
    expect(input).toEqual(['王宁', '丁一']);
  });

  it('an empty list and an empty name', () => {
    expect(sorted([])).toEqual([]);
    expect(sorted(['王', '', '（空）'])).toEqual(['', '（空）', '王']);
  });
});
