// Line breaking and font runs for Chinese text, independent of pdfkit so it can be tested alone.
// pdfkit's own wrapping knows nothing of the fallback font, so every line is laid out here and
// drawn run by run.

/** Characters that may not start a line (标点禁则): closing brackets and most punctuation. */
const NO_LINE_START = new Set([...'，。、；：？！）」』”’》〉】〕…—%,.;:?!)]}·']);
/** Characters that may not end a line: opening brackets and quotation marks. */
const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{']);

/**
 * The units a line may break between: one Han character or punctuation mark each; a run of
 * Latin letters, digits and the signs inside numbers (417, 12,345, 33.3%, U+20BB7) as one unit;
 * spaces as their own units, which a line may drop at its end.
 */
export function breakUnits(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.,%+\-/:_]*|\s|./gsu) ?? [];
}

/**
 * Greedy line breaking with the common rules: a closing mark never starts a line (it takes the
 * last character of the previous line with it), an opening mark never ends one, a newline ends the
 * line. `measure` gives the width of a piece of text. A unit wider than the line is put alone.
 */
export function breakLines(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let width = 0;
    for (const unit of breakUnits(paragraph)) {
      const unitWidth = measure(unit);
      if (line.length > 0 && width + unitWidth > maxWidth && !/^\s$/u.test(unit)) {
        const carried: string[] = [];
        // Keep a closing mark with the character before it (several closing marks in a row —
        // ”； — go together), and an opening mark with what follows.
        if (NO_LINE_START.has(unit)) {
          while (line.length > 1 && NO_LINE_START.has(line.at(-1)!)) carried.unshift(line.pop()!);
          if (line.length > 1) carried.unshift(line.pop()!);
        }
        while (line.length > 1 && NO_LINE_END.has(line.at(-1)!)) carried.unshift(line.pop()!);
        lines.push(line.join('').trimEnd());
        line = carried;
        width = carried.reduce((sum, u) => sum + measure(u), 0);
      }
      if (line.length === 0 && /^\s$/u.test(unit) && lines.length > 0) continue; // no space at a line start
      line.push(unit);
      width += unitWidth;
    }
    lines.push(line.join('').trimEnd());
  }
  return lines;
}

export interface Run<F> {
  readonly text: string;
  readonly face: F;
}

/**
 * Splits text into runs of one face each: `pick` chooses the face for a code point (the primary
 * font when it has the glyph, else a fallback). Consecutive characters in the same face form one
 * run, so the text stays extractable word by word.
 */
export function fontRuns<F>(text: string, pick: (codePoint: number) => F): Run<F>[] {
  const runs: Array<{ text: string; face: F }> = [];
  for (const character of text) {
    const face = pick(character.codePointAt(0)!);
    const last = runs.at(-1);
    if (last && last.face === face) last.text += character;
    else runs.push({ text: character, face });
  }
  return runs;
}
