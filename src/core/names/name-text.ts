/**
 * What of a name's text counts for §7 (rule 4): not annotations in brackets — （女）, （回族）,
 * (河南) — not padding (王　宁), not the separators of transliterated names (阿不都·热合曼).
 */

/** Opening brackets: full-width （ and ASCII (. A bracket opened by one may be closed by either. */
const OPENING = new Set([0xff08, 0x28]);
const CLOSING = new Set([0xff09, 0x29]);

/**
 * Separators between the parts of a transliterated name: · U+00B7 (the 间隔号 as usually typed),
 * and the look-alikes typed in its place: • U+2022, ‧ U+2027, ・ U+30FB and its half-width form ･ U+FF65.
 */
const SEPARATORS = new Set([0xb7, 0x2022, 0x2027, 0x30fb, 0xff65]);

/**
 * Padding: any white space as JavaScript's \s knows it, which covers the ideographic space U+3000
 * of 王　宁, ASCII spaces and tabs, and the no-break spaces that spreadsheets leave behind.
 */
function isWhiteSpace(unit: number): boolean {
  return (
    unit === 0x20 ||
    (unit >= 0x09 && unit <= 0x0d) ||
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

/**
 * Calls `visit` with each code point of the name that counts, in order. Text inside brackets is
 * skipped, nested brackets included; a bracket left open runs to the end of the name (it cannot be
 * part of the name either way), and a closing bracket with no opening one is dropped.
 */
export function forEachCountedCodePoint(name: string, visit: (codePoint: number) => void): void {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    if (OPENING.has(unit)) {
      depth++;
      continue;
    }
    if (CLOSING.has(unit)) {
      if (depth > 0) depth--;
      continue;
    }
    if (depth > 0 || isWhiteSpace(unit) || SEPARATORS.has(unit)) continue;
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < name.length) {
      const low = name.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    visit(codePoint);
  }
}

/** The part of a name that §7 orders by: 王　宁（女） → 王宁, 阿不都·热合曼 → 阿不都热合曼. */
export function stripAnnotations(name: string): string {
  let kept = '';
  forEachCountedCodePoint(name, (codePoint) => {
    kept += String.fromCodePoint(codePoint);
  });
  return kept;
}
