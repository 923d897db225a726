// The check-in desk's decisions, kept pure so they can be tested without a browser: what the
// typed or scanned text is, which search hit to act on at once, and how an outcome is shown.

/** What the desk does with the text in its input when Enter is pressed. */
export type DeskInput =
  | { readonly kind: 'empty' }
  /** Looks like a printed delegate code (0001, A-012): check in by code at once. */
  | { readonly kind: 'code'; readonly code: string }
  /** A name, pinyin (wxq, wangxq) or part of a code: search first. */
  | { readonly kind: 'search'; readonly query: string };

/** Codes are 1–20 letters, digits or hyphens; one with a digit is read as a code, letters alone as pinyin. */
const CODE = /^[A-Za-z0-9-]{1,20}$/;

export function classifyDeskInput(raw: string): DeskInput {
  // Scanners may add a carriage return or spaces; full-width digits come from Chinese IMEs.
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (CODE.test(text) && /\d/.test(text)) return { kind: 'code', code: text };
  return { kind: 'search', query: text.slice(0, 32) };
}

export interface CandidateLike {
  readonly id: string;
  readonly code: string;
}

/**
 * The hit to act on without asking: the only one, or the one whose code is exactly what was
 * typed. Otherwise null: the desk shows the pick list.
 */
export function soleCandidate<T extends CandidateLike>(query: string, candidates: readonly T[]): T | null {
  if (candidates.length === 1) return candidates[0]!;
  const wanted = query.normalize('NFKC').trim().toUpperCase();
  const byCode = candidates.filter((c) => c.code.toUpperCase() === wanted);
  return byCode.length === 1 ? byCode[0]! : null;
}

/** Arrow keys in the pick list: wraps around at both ends. */
export function moveSelection(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return (((index + delta) % length) + length) % length;
}

/** How the confirmation looks: green, amber, red, or neutral (blue) for check-out and cancellations. */
export type DeskTone = 'success' | 'warning' | 'error' | 'info';

export type DeskVerdict =
  | 'checked-in'
  | 'already-present'
  | 'no-vote'
  | 'checked-out'
  | 'not-checked-in'
  | 'leave'
  | 'leave-cancelled'
  | 'unchanged'
  | 'not-found';

export interface OutcomeLike {
  readonly changed: boolean;
  readonly action: 'check-in' | 'check-out' | 'leave' | 'cancel-leave';
  readonly status: 'absent' | 'present' | 'leave';
  readonly delegate: { readonly votingRights: boolean };
}

export function deskVerdict(outcome: OutcomeLike | null): DeskVerdict {
  if (!outcome) return 'not-found';
  switch (outcome.action) {
    case 'check-in':
      if (!outcome.delegate.votingRights) return 'no-vote';
      return outcome.changed ? 'checked-in' : 'already-present';
    case 'check-out':
      return outcome.changed ? 'checked-out' : 'not-checked-in';
    case 'leave':
      return outcome.changed ? 'leave' : 'unchanged';
    case 'cancel-leave':
      return outcome.changed ? 'leave-cancelled' : 'unchanged';
  }
}

export const VERDICT_TONE: Readonly<Record<DeskVerdict, DeskTone>> = {
  'checked-in': 'success',
  'already-present': 'warning',
  'no-vote': 'error',
  'checked-out': 'info',
  'not-checked-in': 'warning',
  leave: 'warning',
  'leave-cancelled': 'info',
  unchanged: 'info',
  'not-found': 'error',
};

/** Keys the desk answers to, shown on screen. */
export const DESK_KEYS = { clear: 'Escape', leave: 'F2', checkOut: 'F4' } as const;
