import type { RoundKeyStatus } from '../../../../../contract/ballot-keys.ts';
import type { RoundView } from '../../../../../contract/elections.ts';

// Opening a sealed electronic round without React [B4]: what the scrutineers typed (or a QR
// scanner typed for them) read as share codes, checked for what can be checked here — length and
// letters — so a slip of the finger is caught before the request; the server checks the rest
// (the checksum, and that the share is this round's). And what the card says about the key.

/** The letters of a share code (no 0/O, 1/I/L, which are misread), as the server writes them. */
const SHARE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters of a share code without its dashes (share-code.ts on the server). */
export const SHARE_CODE_LENGTH = 59;

/** One share as typed: the code as the server reads it, and what is wrong with it here, if anything. */
export interface TypedShare {
  readonly code: string;
  /** 'length': not 59 characters; 'letters': a character no code has (0, O, 1, I, L, punctuation). */
  readonly problem: 'length' | 'letters' | null;
}

/** What separates groups in a typed or scanned code: spaces, dashes and the like. */
const SEPARATORS = /[\s\-_.·—]/g;

/**
 * The shares in the text box: one per line, any case, with or without spaces or dashes. A line
 * holding several whole codes run together (pasted without line breaks) gives each of them; the
 * same code typed twice counts once.
 */
export function typedShares(text: string): TypedShare[] {
  const codes: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const code = line.toUpperCase().replace(SEPARATORS, '');
    if (code === '') continue;
    if (code.length > SHARE_CODE_LENGTH && code.length % SHARE_CODE_LENGTH === 0) {
      for (let at = 0; at < code.length; at += SHARE_CODE_LENGTH)
        codes.push(code.slice(at, at + SHARE_CODE_LENGTH));
    } else codes.push(code);
  }
  return [...new Set(codes)].map((code) => ({
    code,
    problem:
      code.length !== SHARE_CODE_LENGTH
        ? 'length'
        : [...code].every((c) => SHARE_ALPHABET.includes(c))
          ? null
          : 'letters',
  }));
}

/** A code in the groups of four it is printed in, for reading back. */
export function groupedCode(code: string): string {
  return (code.replace(SEPARATORS, '').match(/.{1,4}/g) ?? []).join('-');
}

/** The shares to send: every one typed, if none has a problem; else none. */
export function sharesToSend(typed: readonly TypedShare[]): string[] {
  return typed.length > 0 && typed.every((s) => s.problem === null) ? typed.map((s) => s.code) : [];
}

/**
 * Where the opening of a round's ballots stands, for the card:
 * - 'none': not an electronic round, or one cast before ballots were sealed — no card;
 * - 'voting': the round is open, the ballots stay sealed until the close;
 * - 'waiting': closed, shares to enter;
 * - 'opened': the shares opened the ballots; counting proceeds.
 */
export type KeyCardState = 'none' | 'voting' | 'waiting' | 'opened';

export function keyCardState(
  round: Pick<RoundView, 'mode' | 'status' | 'ballotsOpened'>,
  status: Pick<RoundKeyStatus, 'publicKey' | 'opened'> | undefined,
): KeyCardState {
  if (round.mode !== 'electronic' || round.status === 'prepared') return 'none';
  if (status?.opened || round.ballotsOpened) return 'opened';
  if (!status) return 'none';
  if (status.publicKey === null) return 'none';
  return round.status === 'open' ? 'voting' : 'waiting';
}

/** How many more shares open the ballots (0 once opened, or for a round with no key). */
export function sharesStillNeeded(status: Pick<RoundKeyStatus, 'threshold' | 'entered' | 'opened'>): number {
  if (status.opened || status.threshold === null) return 0;
  return Math.max(0, status.threshold - status.entered);
}

/**
 * Whether the count would be refused now: an electronic round whose ballots are still sealed
 * (said beside the button, which stays: in a rehearsal the count opens them with the kept shares).
 */
export function countWaitsForShares(state: KeyCardState): boolean {
  return state === 'waiting';
}
