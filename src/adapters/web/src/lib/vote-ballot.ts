// The delegate's electronic ballot on the phone, without React: what counts as "for", the body the
// cast endpoint takes, how many write-in lines to show, and finding one's own ballot in the list
// published after the close [B4].

export type Choice = 'F' | 'A' | '-';

/** Names written in, trimmed, blanks left out. */
export function writtenIn(lines: readonly string[]): string[] {
  return lines.map((w) => w.trim()).filter((w) => w !== '');
}

/** "For" marks, a written-in name counting as one [B1]. */
export function forCount(choices: readonly Choice[], lines: readonly string[]): number {
  return choices.filter((c) => c === 'F').length + writtenIn(lines).length;
}

/**
 * Write-in lines to show: the lines filled so far and one empty line, never more than the slots.
 * A ballot with thirty slots shows one line until someone writes a name, not thirty empty boxes.
 */
export function shownWriteInLines(lines: readonly string[], slots: number): number {
  let last = -1;
  lines.forEach((w, i) => {
    if (w.trim() !== '') last = i;
  });
  return Math.min(slots, last + 2);
}

export interface CastBody {
  readonly marks: string;
  readonly writeIns?: readonly string[];
  readonly confirmInvalid?: true;
}

/** The body of POST …/electronic/cast; an over-marked ballot is sent only as knowingly invalid [B3]. */
export function castBody(choices: readonly Choice[], lines: readonly string[], maxFor: number): CastBody {
  const names = writtenIn(lines);
  return {
    marks: choices.join(''),
    ...(names.length > 0 ? { writeIns: names } : {}),
    ...(forCount(choices, lines) > maxFor ? { confirmInvalid: true as const } : {}),
  };
}

/** A receipt as stored (K7QH-2M9P-XR4T) from what was typed: any case, any separators. */
export function receiptKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Where the receipt is in the published list (1-based), or null when it is not there. */
export function findReceipt(
  published: readonly { readonly receipt: string }[],
  typed: string,
): number | null {
  const key = receiptKey(typed);
  if (key === '') return null;
  const at = published.findIndex((b) => receiptKey(b.receipt) === key);
  return at === -1 ? null : at + 1;
}
