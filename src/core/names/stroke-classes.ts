import { GF_2001_TURNING_ORDER } from './turning-strokes.ts';

/** The five stroke classes of §7 rule 2, in their order: 横 < 竖 < 撇 < 点 < 折. */
export type StrokeClass = '一' | '丨' | '丿' | '丶' | '乛';
export const STROKE_CLASS_ORDER: readonly StrokeClass[] = ['一', '丨', '丿', '丶', '乛'];

/** One stroke, classified: its class and its sub-form rank inside the class (smaller first). */
export interface ClassifiedStroke {
  readonly name: string;
  readonly strokeClass: StrokeClass;
  /** 0-based position of the class in STROKE_CLASS_ORDER. */
  readonly classRank: number;
  /** Primary form before secondary forms; turning strokes in GF 2001-2001 order ([§7] rule 3). */
  readonly formRank: number;
}

/**
 * The strokes that do not turn, by the name cnchar-order gives them. The class follows the 1965
 * 《印刷通用汉字字形表》 as §7 states it and GF 2001-2001 §1 restates it (提归于横, 竖钩归于竖,
 * 捺归于点, 折笔归于折); the form rank puts
 * the primary form first, as GF 3003-1999 does (横 before 提, 竖 before 竖钩, 点 before 捺).
 * cnchar's "点2" is the left-leaning dot (the first stroke of 火, the second of 宀): a 点. Its shape
 * glyph in cnchar is ㇀ (the 提 glyph), which is why we classify by name and never by shape.
 */
const PLAIN_STROKES: Readonly<Record<string, { strokeClass: StrokeClass; formRank: number }>> = {
  横: { strokeClass: '一', formRank: 0 },
  提: { strokeClass: '一', formRank: 1 },
  竖: { strokeClass: '丨', formRank: 0 },
  竖钩: { strokeClass: '丨', formRank: 1 },
  撇: { strokeClass: '丿', formRank: 0 },
  点: { strokeClass: '丶', formRank: 0 },
  // Other variants of 点 after the plain 点; GF 0023-2020 writes 点2 as 丶, so this only decides
  // between characters that are otherwise identical stroke by stroke.
  点2: { strokeClass: '丶', formRank: 1 },
  捺: { strokeClass: '丶', formRank: 2 },
};

const classifiedCache = new Map<string, ClassifiedStroke | null>();

/**
 * Classifies one stroke by its name. A name may list alternatives the data does not tell apart
 * ("横撇|横钩"); they must fall in one class, and the stroke takes the earliest form rank among
 * them. Returns null for a name we do not know or whose alternatives straddle two classes: a data
 * problem that the override table has to settle, never a guess.
 */
export function classifyStroke(name: string): ClassifiedStroke | null {
  const cached = classifiedCache.get(name);
  if (cached !== undefined) return cached;
  let result: ClassifiedStroke | null = null;
  const alternatives = name.split('|').map(classifySingle);
  const first = alternatives[0];
  if (first && alternatives.every((a) => a !== null && a.strokeClass === first.strokeClass)) {
    const formRank = Math.min(...alternatives.map((a) => a!.formRank));
    result = {
      name,
      strokeClass: first.strokeClass,
      classRank: STROKE_CLASS_ORDER.indexOf(first.strokeClass),
      formRank,
    };
  }
  classifiedCache.set(name, result);
  return result;
}

function classifySingle(name: string): { strokeClass: StrokeClass; formRank: number } | null {
  const plain = PLAIN_STROKES[name];
  if (plain) return plain;
  // 竖钩 appears in the GF 2001 table too, but it is caught above: it counts as 竖.
  const turning = GF_2001_TURNING_ORDER.indexOf(name);
  return turning >= 0 ? { strokeClass: '乛', formRank: turning } : null;
}
