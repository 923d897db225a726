import { describe, expect, it } from 'vitest';
import { characterCoverage, orderedCharacters } from '../../../src/core/names/character-order.ts';
import { compareNames, strokeProfile } from '../../../src/core/names/index.ts';
import { classifyStroke, STROKE_CLASS_ORDER } from '../../../src/core/names/stroke-classes.ts';
import { GF_2001_TURNING_ORDER } from '../../../src/core/names/turning-strokes.ts';

describe('stroke classes (§7 rule 2)', () => {
  it('§7 提 counts as 横, 竖钩 as 竖, 捺 and 点2 as 点, every turning stroke as 折', () => {
    expect(classifyStroke('提')?.strokeClass).toBe('一');
    expect(classifyStroke('竖钩')?.strokeClass).toBe('丨');
    expect(classifyStroke('捺')?.strokeClass).toBe('丶');
    expect(classifyStroke('点2')?.strokeClass).toBe('丶');
    for (const name of [
      '横折',
      '横撇',
      '横钩',
      '竖提',
      '竖弯',
      '撇折',
      '撇点',
      '弯钩',
      '斜钩',
      '卧钩',
      '横撇|横钩',
    ]) {
      expect(classifyStroke(name)?.strokeClass, name).toBe('乛');
    }
  });

  it('§7 alternatives in different classes are a data problem, not a guess', () => {
    expect(classifyStroke('横|竖')).toBeNull();
    expect(classifyStroke('横折|点')).toBeNull();
    expect(classifyStroke('不是笔画')).toBeNull();
  });

  it('§7 no character of the data has such a problem', () => {
    expect(characterCoverage().dataProblems).toEqual([]);
    // cnchar's 6,939, less the 21 it lists that are counted as a standard form (製 → 制 …), plus the
    // 46 characters the override table adds.
    expect(characterCoverage().characters).toBe(6939 - 21 + 46);
  });

  it('§7 sub-forms: primary forms first, turning strokes in GF 2001-2001 order, merged names at the earlier place', () => {
    expect(classifyStroke('横')!.formRank).toBeLessThan(classifyStroke('提')!.formRank);
    expect(classifyStroke('竖')!.formRank).toBeLessThan(classifyStroke('竖钩')!.formRank);
    expect(classifyStroke('点')!.formRank).toBeLessThan(classifyStroke('点2')!.formRank);
    expect(classifyStroke('点2')!.formRank).toBeLessThan(classifyStroke('捺')!.formRank);
    expect(classifyStroke('横撇|横钩')!.formRank).toBe(GF_2001_TURNING_ORDER.indexOf('横撇'));
    expect(classifyStroke('斜钩|卧钩')!.formRank).toBe(GF_2001_TURNING_ORDER.indexOf('斜钩'));
    expect(classifyStroke('横折')!.formRank).toBeLessThan(classifyStroke('横折钩')!.formRank);
  });
});

describe('the total order of characters (§7 rules 2 and 3)', () => {
  const ordered = orderedCharacters();
  const classRank = (classes: string) => Array.from(classes, (c) => STROKE_CLASS_ORDER.indexOf(c as '一'));

  it('§7 is ordered by count, then classes stroke by stroke', () => {
    for (let i = 1; i < ordered.length; i++) {
      const a = strokeProfile(ordered[i - 1]!);
      const b = strokeProfile(ordered[i]!);
      if (a.count !== b.count) {
        expect(a.count, `${a.character} ${b.character}`).toBeLessThan(b.count);
        continue;
      }
      const ra = classRank(a.classes);
      const rb = classRank(b.classes);
      const at = ra.findIndex((r, k) => r !== rb[k]);
      if (at >= 0) expect(ra[at]!, `${a.character} ${b.character}`).toBeLessThan(rb[at]!);
    }
  });

  it('§7 distinct standard characters never tie: the code point ends every tie', () => {
    expect(new Set(ordered).size).toBe(ordered.length);
    for (let i = 1; i < ordered.length; i++) expect(compareNames(ordered[i - 1]!, ordered[i]!)).toBe(-1);
  });

  it('§7 sub-forms decide between equal classes: 干 (竖) < 于 (竖钩), 六 (点) < 文 (捺), 刀 (横折钩) < 乃 (横撇弯钩)', () => {
    // 干 and 刀 have the higher code points: the sub-form, not the final tie-break, decides these.
    expect('干' > '于' && '刀' > '乃').toBe(true);
    expect(compareNames('干', '于')).toBe(-1);
    expect(compareNames('六', '文')).toBe(-1);
    expect(compareNames('刀', '乃')).toBe(-1);
  });

  it('§7 identical stroke data: the code point decides (土 U+571F < 士 U+58EB)', () => {
    expect(strokeProfile('土').strokes).toEqual(strokeProfile('士').strokes);
    expect(compareNames('土', '士')).toBe(-1);
  });

  it('strokeProfile describes one character', () => {
    expect(strokeProfile('马')).toEqual({
      character: '马',
      standard: '马',
      count: 3,
      classes: '乛乛一',
      strokes: ['横折', '竖折折钩', '横'],
    });
    expect(() => strokeProfile('马六')).toThrow(RangeError);
    expect(() => strokeProfile('')).toThrow(RangeError);
  });
});
