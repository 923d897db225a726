import { describe, expect, it } from 'vitest';
import { strokeProfile } from '../../../src/core/names/index.ts';
import { classifyStroke } from '../../../src/core/names/stroke-classes.ts';
import {
  cncharCharacters,
  cncharStrokeNames,
  cncharTradToSimple,
} from '../../../src/core/names/stroke-data.ts';
import {
  KEPT_STANDARD_FORMS,
  STROKE_OVERRIDES,
  VARIANT_OVERRIDES,
} from '../../../src/core/names/stroke-overrides.ts';

/** Every stroke name cnchar-order uses: overrides must stay within this vocabulary. */
const CNCHAR_NAMES = new Set(cncharCharacters().flatMap((c) => cncharStrokeNames(c)!));

describe('stroke-overrides.ts, reviewed', () => {
  it('every entry says why, and no character is entered twice', () => {
    const all = [...STROKE_OVERRIDES, ...VARIANT_OVERRIDES, ...KEPT_STANDARD_FORMS];
    for (const entry of all) expect(entry.why.length, entry.character).toBeGreaterThan(10);
    const characters = all.map((e) => e.character);
    expect(new Set(characters).size).toBe(characters.length);
    for (const c of characters) expect(Array.from(c), c).toHaveLength(1);
  });

  it('stroke overrides use cnchar-order stroke names, and their count matches', () => {
    for (const override of STROKE_OVERRIDES) {
      const names = override.strokes.split(' ');
      expect(names, override.character).toHaveLength(override.count);
      for (const name of names) {
        expect(CNCHAR_NAMES.has(name), `${override.character}: ${name}`).toBe(true);
        expect(classifyStroke(name), name).not.toBeNull();
      }
      expect(strokeProfile(override.character).strokes).toEqual(names);
    }
  });

  it('§7 variant overrides map to a standard form that has strokes', () => {
    for (const variant of VARIANT_OVERRIDES) {
      const profile = strokeProfile(variant.character);
      expect(profile.standard, variant.character).toBe(variant.standard);
      expect(profile.count).toBe(strokeProfile(variant.standard).count);
    }
  });

  it('§7 every character cnchar-trad maps although it has stroke data of its own was decided by review', () => {
    const decided = new Set([...VARIANT_OVERRIDES, ...KEPT_STANDARD_FORMS].map((e) => e.character));
    const conflicts = cncharCharacters().filter((c) => cncharTradToSimple(c) !== undefined);
    expect(conflicts.filter((c) => !decided.has(c))).toEqual([]);
    expect(conflicts).toHaveLength(45);
  });

  it('§7 kept standard forms are counted as written', () => {
    for (const kept of KEPT_STANDARD_FORMS) {
      expect(cncharTradToSimple(kept.character), kept.character).toBe(kept.cncharWouldMapTo);
      expect(strokeProfile(kept.character).standard).toBe(kept.character);
    }
    expect(strokeProfile('佘').count).toBe(7);
    expect(strokeProfile('於').count).toBe(8);
    expect(strokeProfile('乾').count).toBe(11);
  });

  it('§7 traditional forms count as their standard form: 張 7, 製 8, 髮 5, 顔 15', () => {
    expect(strokeProfile('張')).toMatchObject({ standard: '张', count: 7 });
    expect(strokeProfile('製')).toMatchObject({ standard: '制', count: 8 });
    expect(strokeProfile('髮')).toMatchObject({ standard: '发', count: 5 });
    expect(strokeProfile('顔')).toMatchObject({ standard: '颜', count: 15 });
  });
});
