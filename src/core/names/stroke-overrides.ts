/**
 * The reviewed override table for §7: where cnchar's data lacks a character, gets one wrong, or
 * maps a character to the wrong standard form. Every entry says why. Tests check each entry
 * (test/core/names/stroke-overrides.test.ts): stroke names must be known, `count` must equal the
 * number of strokes, and every character cnchar-trad would map although cnchar-order lists it as a
 * character of its own must be decided here, one way or the other.
 *
 * Stroke names use cnchar-order's vocabulary, including its merged names ("横撇|横钩"), so that an
 * override sorts exactly like the data it sits among. Component forms follow GF 0023-2020
 * 《通用规范汉字笔顺规范》 (王 on the left ends with 提, 木 on the left with 点, …).
 */

export interface StrokeOverride {
  readonly character: string;
  /** The strokes in writing order, separated by spaces. */
  readonly strokes: string;
  /** The standard total stroke count, entered separately as a check on `strokes`. */
  readonly count: number;
  readonly why: string;
}

export interface VariantOverride {
  /** A traditional or variant form that can appear in a name. */
  readonly character: string;
  /** Its standard form in 《通用规范汉字表》, the one that is counted (§7 rule 6). */
  readonly standard: string;
  readonly why: string;
}

export interface KeptStandardForm {
  readonly character: string;
  /** What cnchar-trad's tradToSimple would turn it into; we do not. */
  readonly cncharWouldMapTo: string;
  readonly why: string;
}

const MISSING = 'not in cnchar-order; a name character';

export const STROKE_OVERRIDES: readonly StrokeOverride[] = [
  // Top-100 surnames where cnchar's stroke shapes differ from GF 0023-2020. The classes (and so the
  // order by §7 rule 2) do not change; the sub-forms of rule 3 do.
  {
    character: '李',
    strokes: '横 竖 撇 点 横撇|横钩 竖钩 横',
    count: 7,
    why: '木 as a top component ends with 点 (GF 0023: 一丨丿丶㇇亅一); cnchar has 捺',
  },
  {
    character: '谢',
    strokes: '点 横折提 撇 竖 横折钩 横 横 提 撇 横 竖钩 点',
    count: 12,
    why: '身 on the left ends its third 横 as 提 (as in 射); cnchar has 横',
  },
  {
    character: '姚',
    strokes: '撇点 撇 提 撇 点 提 竖弯钩 撇 点',
    count: 9,
    why: '女 on the left ends with 提 (女字旁 𡿨丿㇀); cnchar has 横',
  },
  {
    character: '廖',
    strokes: '点 横 撇 横折钩 点 提 横折钩 点 提 撇 点 撇 撇 撇',
    count: 14,
    why: '羽 in 翏 starts each half with 横折钩 (𠃌, as cnchar itself has in 翊), and 人 under it ends with 点; cnchar has 横折 and 捺',
  },
  {
    character: '潘',
    strokes: '点 点 提 撇 点 撇 横 竖 撇 点 竖 横折 横 竖 横',
    count: 15,
    why: '米 on top of 田 in 番 ends with 点; cnchar has 捺',
  },

  // Characters of personal names that cnchar-order lacks (from a check of the 百家姓 and of
  // common given-name characters). Each is written from its components' strokes in cnchar's data.
  {
    character: '禛',
    strokes: '点 横撇|横钩 竖 点 横 竖 竖 横折 横 横 横 横 撇 点',
    count: 14,
    why: `${MISSING}: 礻 + 真`,
  },
  {
    character: '瑢',
    strokes: '横 横 竖 提 点 点2 横撇|横钩 撇 点 撇 捺 竖 横折 横',
    count: 14,
    why: `${MISSING}: 王 + 容`,
  },
  {
    character: '玚',
    strokes: '横 横 竖 提 横折折折钩|横撇弯钩 撇 撇',
    count: 7,
    why: `${MISSING}: 王 + 𠃓 (as in 扬)`,
  },
  { character: '玠', strokes: '横 横 竖 提 撇 捺 撇 竖', count: 8, why: `${MISSING}: 王 + 介` },
  {
    character: '瑱',
    strokes: '横 横 竖 提 横 竖 竖 横折 横 横 横 横 撇 点',
    count: 14,
    why: `${MISSING}: 王 + 真`,
  },
  {
    character: '瑨',
    strokes: '横 横 竖 提 横 竖 竖 点 撇 横 竖 横折 横 横',
    count: 14,
    why: `${MISSING}: 王 + 晋`,
  },
  {
    character: '瑸',
    strokes: '横 横 竖 提 点 点2 横撇|横钩 撇 竖 横 竖 横 撇 点',
    count: 14,
    why: `${MISSING}: 王 + 宾`,
  },
  {
    character: '琀',
    strokes: '横 横 竖 提 撇 捺 点 横撇|横钩 竖 横折 横',
    count: 11,
    why: `${MISSING}: 王 + 含`,
  },
  {
    character: '琭',
    strokes: '横 横 竖 提 横折 横 横 竖钩 点 提 撇 捺',
    count: 12,
    why: `${MISSING}: 王 + 录`,
  },
  {
    character: '瑆',
    strokes: '横 横 竖 提 竖 横折 横 横 撇 横 横 竖 横',
    count: 13,
    why: `${MISSING}: 王 + 星`,
  },
  {
    character: '瑊',
    strokes: '横 横 竖 提 横 撇 横 竖 横折 横 斜钩|卧钩 撇 点',
    count: 13,
    why: `${MISSING}: 王 + 咸`,
  },
  {
    character: '瑔',
    strokes: '横 横 竖 提 撇 竖 横折 横 横 竖钩 横撇|横钩 撇 捺',
    count: 13,
    why: `${MISSING}: 王 + 泉`,
  },
  { character: '玘', strokes: '横 横 竖 提 横折 横 竖弯钩', count: 7, why: `${MISSING}: 王 + 己` },
  { character: '淏', strokes: '点 点 提 竖 横折 横 横 横 横 撇 捺', count: 11, why: `${MISSING}: 氵 + 昊` },
  {
    character: '浛',
    strokes: '点 点 提 撇 捺 点 横撇|横钩 竖 横折 横',
    count: 10,
    why: `${MISSING}: 氵 + 含`,
  },
  { character: '渼', strokes: '点 点 提 点 撇 横 横 竖 横 横 撇 捺', count: 12, why: `${MISSING}: 氵 + 美` },
  { character: '沨', strokes: '点 点 提 撇 横斜钩 撇 点', count: 7, why: `${MISSING}: 氵 + 风` },
  {
    character: '渟',
    strokes: '点 点 提 点 横 竖 横折 横 点2 横撇|横钩 横 竖钩',
    count: 12,
    why: `${MISSING}: 氵 + 亭`,
  },
  { character: '洢', strokes: '点 点 提 撇 竖 横折 横 横 撇', count: 9, why: `${MISSING}: 氵 + 伊` },
  { character: '沄', strokes: '点 点 提 横 横 撇折 点', count: 7, why: `${MISSING}: 氵 + 云` },
  {
    character: '浥',
    strokes: '点 点 提 竖 横折 横 横折 竖 横 竖弯钩',
    count: 10,
    why: `${MISSING}: 氵 + 邑`,
  },
  {
    character: '湜',
    strokes: '点 点 提 竖 横折 横 横 横 竖 横 撇 捺',
    count: 12,
    why: `${MISSING}: 氵 + 是`,
  },
  {
    character: '暻',
    strokes: '竖 横折 横 横 竖 横折 横 横 点 横 竖 横折 横 竖钩 撇 点',
    count: 16,
    why: `${MISSING}: 日 + 景`,
  },
  {
    character: '晙',
    strokes: '竖 横折 横 横 撇折 点 撇 点 撇 横撇|横钩 捺',
    count: 11,
    why: `${MISSING}: 日 + 夋`,
  },
  { character: '晧', strokes: '竖 横折 横 横 撇 横 竖 横 竖 横折 横', count: 11, why: `${MISSING}: 日 + 告` },
  {
    character: '锜',
    strokes: '撇 横 横 横 竖提 横 撇 点 横 竖 横折 横 竖钩',
    count: 13,
    why: `${MISSING}: 钅 + 奇`,
  },
  {
    character: '颋',
    strokes: '撇 横 竖 横 横折折撇 捺 横 撇 竖 横折 撇 点',
    count: 12,
    why: `${MISSING}: 廷 + 页`,
  },
  {
    character: '竤',
    strokes: '点 横 点 撇 提 点 点2 横撇|横钩 横 撇 撇折 点',
    count: 12,
    why: `${MISSING}: 立 + 宏`,
  },
  {
    character: '垿',
    strokes: '横 竖 提 点 横 撇 横撇|横钩 点 横撇|横钩 竖钩',
    count: 10,
    why: `${MISSING}: 土 + 序`,
  },
  { character: '妘', strokes: '撇点 撇 提 横 横 撇折 点', count: 7, why: `${MISSING}: 女 + 云` },
  {
    character: '姵',
    strokes: '撇点 撇 提 撇 竖 撇 横斜钩 横 竖 横折钩 竖',
    count: 11,
    why: `${MISSING}: 女 + 佩`,
  },
  {
    character: '嫄',
    strokes: '撇点 撇 提 横 撇 撇 竖 横折 横 横 竖钩 撇 点',
    count: 13,
    why: `${MISSING}: 女 + 原`,
  },
  {
    character: '婳',
    strokes: '撇点 撇 提 横 竖 横折 横 竖 横 竖弯 竖',
    count: 11,
    why: `${MISSING}: 女 + 画`,
  },
  {
    character: '婠',
    strokes: '撇点 撇 提 点 点2 横撇|横钩 竖 横折 横 横折 横',
    count: 11,
    why: `${MISSING}: 女 + 官`,
  },
  {
    character: '宬',
    strokes: '点 点2 横撇|横钩 横 撇 横折钩 斜钩|卧钩 撇 点',
    count: 9,
    why: `${MISSING}: 宀 + 成`,
  },
  {
    character: '峣',
    strokes: '竖 竖弯 竖 横 斜钩|卧钩 撇 横 撇 竖弯钩',
    count: 9,
    why: `${MISSING}: 山 + 尧`,
  },
  {
    character: '愔',
    strokes: '点2 点 竖 点 横 点 撇 横 竖 横折 横 横',
    count: 12,
    why: `${MISSING}: 忄 + 音`,
  },
  { character: '杺', strokes: '横 竖 撇 点 点2 斜钩|卧钩 点 点', count: 8, why: `${MISSING}: 木 + 心` },
  { character: '炟', strokes: '点2 撇 撇 点 竖 横折 横 横 横', count: 9, why: `${MISSING}: 火 + 旦` },
  { character: '烔', strokes: '点2 撇 撇 点 竖 横折钩 横 竖 横折 横', count: 10, why: `${MISSING}: 火 + 同` },
  {
    character: '畯',
    strokes: '竖 横折 横 竖 提 撇折 点 撇 点 撇 横撇|横钩 捺',
    count: 12,
    why: `${MISSING}: 田 + 夋`,
  },
  {
    character: '秾',
    strokes: '撇 横 竖 撇 点 点2 横撇|横钩 撇 竖提 撇 捺',
    count: 11,
    why: `${MISSING}: 禾 + 农`,
  },
  { character: '袆', strokes: '点 横撇|横钩 竖 撇 点 横 横 横折钩 竖', count: 9, why: `${MISSING}: 衤 + 韦` },
  {
    character: '褀',
    strokes: '点 横撇|横钩 竖 撇 点 横 竖 竖 横 横 横 撇 点',
    count: 13,
    why: `${MISSING}: 衤 + 其`,
  },
  {
    character: '赪',
    strokes: '横 竖 横 撇 竖钩 撇 点 竖 横 竖 横折 撇 点',
    count: 13,
    why: `${MISSING}: 赤 + 贞`,
  },
  {
    character: '鹍',
    strokes: '竖 横折 横 横 横 竖提 撇 竖弯钩 撇 横折钩 点 竖折折钩 横',
    count: 13,
    why: `${MISSING}: 昆 + 鸟`,
  },
];

const TRAD =
  'traditional form; cnchar-order lists it as a character of its own, so without this it would be counted as written';
const TRAD_UNMAPPED = 'traditional or variant form that cnchar-trad does not map';

/** §7 rule 6: forms that are counted as their standard form. They take precedence over cnchar-trad. */
export const VARIANT_OVERRIDES: readonly VariantOverride[] = [
  { character: '製', standard: '制', why: TRAD },
  { character: '採', standard: '采', why: TRAD },
  { character: '產', standard: '产', why: TRAD },
  { character: '峯', standard: '峰', why: `variant (异体字) of 峰; ${TRAD}` },
  { character: '復', standard: '复', why: TRAD },
  { character: '恆', standard: '恒', why: TRAD },
  { character: '後', standard: '后', why: TRAD },
  { character: '剎', standard: '刹', why: `variant of 刹; ${TRAD}` },
  { character: '託', standard: '托', why: TRAD },
  { character: '佔', standard: '占', why: `variant of 占; ${TRAD}` },
  { character: '佈', standard: '布', why: `variant of 布; ${TRAD}` },
  { character: '摺', standard: '折', why: TRAD },
  { character: '囯', standard: '国', why: `variant of 国; ${TRAD}` },
  { character: '註', standard: '注', why: TRAD },
  { character: '霑', standard: '沾', why: `variant of 沾; ${TRAD}` },
  { character: '塚', standard: '冢', why: `variant of 冢; ${TRAD}` },
  { character: '孃', standard: '娘', why: TRAD },
  { character: '贇', standard: '赟', why: TRAD },
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
  {
    character: '樑',
    standard: '梁',
    why: `variant of 梁 (not in 通用规范汉字表); cnchar-order lists it on its own`,
  },
  { character: '髮', standard: '发', why: TRAD_UNMAPPED },
  { character: '鼈', standard: '鳖', why: TRAD_UNMAPPED },
  { character: '産', standard: '产', why: TRAD_UNMAPPED },
  { character: '複', standard: '复', why: TRAD_UNMAPPED },
  { character: '彙', standard: '汇', why: TRAD_UNMAPPED },
  { character: '鑒', standard: '鉴', why: TRAD_UNMAPPED },
  { character: '曆', standard: '历', why: TRAD_UNMAPPED },
  { character: '鹵', standard: '卤', why: TRAD_UNMAPPED },
  { character: '淒', standard: '凄', why: TRAD_UNMAPPED },
  { character: '歎', standard: '叹', why: TRAD_UNMAPPED },
  { character: '縧', standard: '绦', why: TRAD_UNMAPPED },
  { character: '顔', standard: '颜', why: `${TRAD_UNMAPPED} (the 彦-form of 顏, common in names)` },
  { character: '溼', standard: '湿', why: TRAD_UNMAPPED },
  {
    character: '讬',
    standard: '托',
    why: 'non-standard simplification of 託; cnchar has its count but no stroke order',
  },
];

const STANDARD = 'a standard character of 通用规范汉字表 in its own right, not a traditional form';
const RESTORED = '异体字 restored as a standard character by 通用规范汉字表 (2013) for names';

/**
 * Characters that cnchar-trad would "simplify" but that are standard characters themselves (or
 * at least not forms of the character it names); they are counted as written. The code keeps any
 * character that has stroke data of its own; this list records that each such case was reviewed.
 */
export const KEPT_STANDARD_FORMS: readonly KeptStandardForm[] = [
  { character: '叠', cncharWouldMapTo: '迭', why: `${STANDARD} (the simplified form of 疊)` },
  { character: '矽', cncharWouldMapTo: '硅', why: 'a different word for silicon, not a form of 硅' },
  { character: '夥', cncharWouldMapTo: '伙', why: `${STANDARD} (<文> 多)` },
  {
    character: '薰',
    cncharWouldMapTo: '熏',
    why: '确认为规范字 by 通用规范汉字表 (no longer a variant of 熏)',
  },
  {
    character: '於',
    cncharWouldMapTo: '于',
    why: '确认为规范字 by 通用规范汉字表: the surname 於 is not 于',
  },
  { character: '著', cncharWouldMapTo: '着', why: STANDARD },
  { character: '阪', cncharWouldMapTo: '坂', why: 'standard in 通用规范汉字表 for place names (大阪)' },
  { character: '吒', cncharWouldMapTo: '咤', why: RESTORED },
  { character: '垵', cncharWouldMapTo: '埯', why: STANDARD },
  {
    character: '乾',
    cncharWouldMapTo: '干',
    why: '乾 (qián) is not simplified to 干 (乾坤, 乾隆, the surname 乾)',
  },
  { character: '昇', cncharWouldMapTo: '升', why: `${RESTORED} (毕昇)` },
  { character: '氹', cncharWouldMapTo: '凼', why: STANDARD },
  { character: '祐', cncharWouldMapTo: '佑', why: RESTORED },
  {
    character: '珮',
    cncharWouldMapTo: '佩',
    why: 'common in given names; counted as written (not a form of 佩 in a name)',
  },
  { character: '頫', cncharWouldMapTo: '俯', why: 'a name character (赵孟頫), not a form of 俯' },
  {
    character: '噁',
    cncharWouldMapTo: '恶',
    why: '异体字 restored as a standard character by 通用规范汉字表 (二噁英)',
  },
  { character: '槃', cncharWouldMapTo: '盘', why: STANDARD },
  { character: '僳', cncharWouldMapTo: '傈', why: `${STANDARD} (傈僳族)` },
  { character: '佘', cncharWouldMapTo: '畲', why: `${STANDARD}: the surname 佘 (佘太君), 7 strokes` },
  { character: '潟', cncharWouldMapTo: '舄', why: STANDARD },
  { character: '炤', cncharWouldMapTo: '照', why: 'a name character, counted as written' },
  { character: '醯', cncharWouldMapTo: '酰', why: STANDARD },
  { character: '琍', cncharWouldMapTo: '璃', why: 'a name character, counted as written (not a form of 璃)' },
  { character: '镟', cncharWouldMapTo: '碹', why: STANDARD },
  { character: '澂', cncharWouldMapTo: '澄', why: RESTORED },
];
