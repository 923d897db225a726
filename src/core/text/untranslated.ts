// Chinese left in an English draft. Free text the secretariat has not translated (a report's
// title, a conclusion, a category of attendees) stays Chinese in the English edition; the editor
// marks these runs and asks before publishing instead of letting the English go out with them.
// One implementation for the news generator (re-exported by core/documents/news) and the web.

/** One run of Chinese in a text: its offsets (UTF-16 code units, as String.prototype.slice counts). */
export interface UntranslatedSpan {
  /** The first code unit of the run. */
  readonly start: number;
  /** Just past its last code unit: text.slice(start, end) === span.text. */
  readonly end: number;
  readonly text: string;
}

/**
 * Han characters (every CJK block), CJK symbols and punctuation (、。《》「」【】〔〕 and the
 * ideographic space), full-width forms (，：；！？（）), CJK compatibility forms, and the
 * Bopomofo, Hiragana and Katakana that mean a draft is not English either.
 */
const CJK = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\ufe30-\ufe4f\uff00-\uffef]/u;

/** What may sit inside one run between Chinese characters: spaces, digits and the middle dot. */
const JOINER = /[\s\d·.,:%-]/u;

/**
 * The runs of Chinese characters in a text, in order. A run spans the spaces and digits between
 * Chinese characters (聚焦绿色转型 聚力高质量发展; 应到代表 417 名 is one run), never the English
 * around it: “聚焦绿色转型” gives the run inside the quotes. Empty for a fully English text.
 */
export function untranslatedSpans(text: string): UntranslatedSpan[] {
  const spans: UntranslatedSpan[] = [];
  let start = -1;
  let lastCjkEnd = -1;
  let offset = 0;
  for (const character of text) {
    const end = offset + character.length;
    if (CJK.test(character)) {
      if (start === -1) start = offset;
      lastCjkEnd = end;
    } else if (start !== -1 && !JOINER.test(character)) {
      spans.push({ start, end: lastCjkEnd, text: text.slice(start, lastCjkEnd) });
      start = -1;
    }
    offset = end;
  }
  if (start !== -1) spans.push({ start, end: lastCjkEnd, text: text.slice(start, lastCjkEnd) });
  return spans;
}

/** Whether an English draft still holds Chinese. */
export function hasUntranslated(text: string): boolean {
  return untranslatedSpans(text).length > 0;
}
