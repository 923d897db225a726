import type { BALLOT_CHOICES, castBallotEndpoint } from '../../../../../contract/ballots.ts';
import type { BodyIn } from '../../../../../contract/endpoint.ts';

// The delegate's electronic ballot on the phone, without React: what counts as "for", the body the
// cast endpoint takes, how many write-in lines to show, and finding one's own sealed ballot
// on the board published after the close [B4].

/** For, against, abstain: one per printed candidate. */
export type Choice = (typeof BALLOT_CHOICES)[number];

/** The mark printed beside a choice on the phone: ○ for, × against, nothing for abstain. */
export const CHOICE_SYMBOL: Readonly<Record<Choice, string>> = { F: '○', A: '×', '-': '' };

/** A fresh ballot: every candidate abstained, every write-in line empty. */
export function blankBallot(
  candidates: number,
  writeInSlots: number,
): { choices: Choice[]; writeIns: string[] } {
  return {
    choices: Array.from({ length: candidates }, () => '-' as const),
    writeIns: Array.from({ length: writeInSlots }, () => ''),
  };
}

/** The list with item `index` replaced: one choice marked, one write-in line typed. */
export function replaced<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

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

/** The body of POST …/electronic/cast. */
export type CastBody = BodyIn<typeof castBallotEndpoint>;

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
  published: readonly { readonly tracker: string }[],
  typed: string,
): number | null {
  const key = receiptKey(typed);
  if (key === '') return null;
  const at = published.findIndex((b) => receiptKey(b.tracker) === key);
  return at === -1 ? null : at + 1;
}

/** What the review step says: for (write-ins included [B1]), against and abstain. */
export function ballotSummary(
  choices: readonly Choice[],
  lines: readonly string[],
): { for: number; against: number; abstain: number } {
  return {
    for: forCount(choices, lines),
    against: choices.filter((c) => c === 'A').length,
    abstain: choices.filter((c) => c === '-').length,
  };
}
