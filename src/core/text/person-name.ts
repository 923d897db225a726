import type { Bilingual } from './bilingual.ts';

// Names as they enter Plenum — the delegate form and the delegate import, candidates, write-ins,
// officers, a term's positions, speakers, presenters, units — go through one refusal rule and one
// normalisation (issue 13, item 12). A name is stored and printed, compared with others (张伟 must
// not stand beside a second 张\u200b伟 that looks the same), shown on screens and in HTML, and
// written to files; so it may not hold what is invisible, what reorders the text around it, what
// is not text at all, or markup.

/** Whitespace at either end of a name is dropped, never refused (cells and forms pad names). */
const EDGE_SPACE = /^[\p{Zs}\t\n\r]+|[\p{Zs}\t\n\r]+$/gu;

/** Text-direction controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** Zero-width and other invisible format characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD…). */
const FORMAT = /\p{Cf}/u;
/** Control characters (C0, DEL, C1), and the line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Code points that Unicode reserves as never being characters (U+FFFE, U+FDD0…). */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** Half of a surrogate pair without the other half: not text (it would be stored as invalid UTF-8). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Markup: a name is never HTML, and is refused the same whether typed or imported. */
const MARKUP = /[<>]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `text` cannot be a name, or null. Checked on the text as given (after its outer spaces
 * are dropped), so that nothing refused is silently removed instead.
 */
export function nameProblem(text: string): Bilingual | null {
  if (LONE_SURROGATE.test(text)) {
    return {
      en: 'contains an unpaired surrogate (it is not valid Unicode text)',
      zh: '含有不成对的代理码元（不是有效的 Unicode 文本）',
    };
  }
  const s = text.replace(EDGE_SPACE, '');
  const bidi = BIDI.exec(s);
  if (bidi) {
    return {
      en: `contains a text-direction control (${codePoint(bidi[0])}), which makes it read otherwise than it is stored`,
      zh: `含有文字方向控制字符（${codePoint(bidi[0])}），会使显示的内容与实际不同`,
    };
  }
  const control = CONTROL.exec(s);
  if (control) {
    return {
      en: `contains a control character (${codePoint(control[0])})`,
      zh: `含有控制字符（${codePoint(control[0])}）`,
    };
  }
  const invisible = FORMAT.exec(s) ?? NONCHARACTER.exec(s);
  if (invisible) {
    return {
      en: `contains an invisible character (${codePoint(invisible[0])}); retype the name`,
      zh: `含有不可见字符（${codePoint(invisible[0])}），请重新输入`,
    };
  }
  if (s.includes('\uFFFD')) {
    return {
      en: 'contains U+FFFD, the mark of text damaged by a wrong encoding; retype the name',
      zh: '含有替换字符（U+FFFD），文字已因编码错误而损坏，请重新输入',
    };
  }
  if (MARKUP.test(s)) return { en: 'contains < or >; a name holds no markup', zh: '不能含有“<”或“>”' };
  return null;
}

/** Without the spaces at either end (spaces, tabs, line ends; not the invisible characters JS's trim also takes). */
export function trimSpaces(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/**
 * The common form of any name or title (a unit, a delegation, a presiding officer as the
 * programme writes them): NFC, no spaces at either end, runs of spaces as one.
 */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(EDGE_SPACE, '').replace(/\s+/g, ' ');
}

/**
 * A person's name as stored: NFC; Chinese names lose any spaces (王　宁 is padded for print, the
 * name is 王宁) and their middle dot is unified (买买提·艾力 typed with . or ・); names in Latin
 * letters keep single spaces. Shared by the contract's name fields and the delegate import.
 */
export function normalisePersonName(text: string): string {
  const s = normaliseName(text);
  if (/[A-Za-z]/.test(s)) return s;
  return s.replace(/\s+/g, '').replace(/[.．・•‧∙⋅]/g, '·');
}
