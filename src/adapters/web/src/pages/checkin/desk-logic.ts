import type {
  AttendanceOutcome,
  DelegateAtDesk,
  SearchCandidate,
  SearchResult,
} from '../../../../../contract/attendance.ts';

// The check-in desk's decisions, kept pure so they can be tested without a browser: what the
// typed or scanned text is, which search hit to act on at once, how an outcome is shown, and
// whom the leave and check-out keys act on.

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

export type CandidateLike = Pick<SearchCandidate, 'id' | 'code'>;

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

export type OutcomeLike = Pick<AttendanceOutcome, 'changed' | 'action' | 'status'> & {
  readonly delegate: Pick<DelegateAtDesk, 'votingRights'>;
};

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

/** Keys the desk answers to wherever the focus is (outside the leave dialog). */
export const DESK_KEYS = { clear: 'Escape', leave: 'F2', checkOut: 'F4' } as const;
export type DeskKey = keyof typeof DESK_KEYS;

/** The desk function a key press asks for, or null. */
export function deskKey(key: string): DeskKey | null {
  for (const [name, value] of Object.entries(DESK_KEYS)) if (value === key) return name as DeskKey;
  return null;
}

/** What the desk shows below the input: the last outcome, or "not found" with what was typed. */
export interface Shown {
  readonly verdict: DeskVerdict;
  readonly outcome?: AttendanceOutcome;
  /** What was typed, for "not found". */
  readonly query?: string;
  /** When it was shown: a new confirmation replaces the old one even when it says the same. */
  readonly at: number;
}

/** The desk's screen: the text in the input, the confirmation, the pick list and its selection. */
export interface DeskScreen {
  readonly text: string;
  readonly shown: Shown | null;
  readonly candidates: readonly SearchCandidate[];
  /** More delegates matched than the list holds. */
  readonly more: boolean;
  readonly selected: number;
}

export const EMPTY_SCREEN: DeskScreen = { text: '', shown: null, candidates: [], more: false, selected: 0 };

/** An outcome from the server, shown in place of the pick list. */
export function showOutcome(screen: DeskScreen, outcome: AttendanceOutcome, at: number): DeskScreen {
  return { ...screen, shown: { verdict: deskVerdict(outcome), outcome, at }, candidates: [], more: false };
}

/** Nobody matched what was typed. */
export function showNotFound(screen: DeskScreen, query: string, at: number): DeskScreen {
  return { ...screen, shown: { verdict: 'not-found', query, at }, candidates: [], more: false };
}

/** Several matched (or one, looked up for the leave or check-out key): the list, the first selected. */
export function showPickList(
  screen: DeskScreen,
  candidates: readonly SearchCandidate[],
  more: boolean,
): DeskScreen {
  return { ...screen, shown: null, candidates, more, selected: 0 };
}

/** Esc: the input, the confirmation and the list cleared for the next delegate. */
export function clearScreen(screen: DeskScreen): DeskScreen {
  return { ...EMPTY_SCREEN, selected: screen.selected };
}

/** What a search answered: nobody, the one to act on at once, or a list to pick from. */
export type SearchStep =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'one'; readonly candidate: SearchCandidate }
  | { readonly kind: 'pick' };

export function searchStep(query: string, result: SearchResult): SearchStep {
  if (result.candidates.length === 0) return { kind: 'not-found' };
  const sole = result.more ? null : soleCandidate(query, result.candidates);
  return sole ? { kind: 'one', candidate: sole } : { kind: 'pick' };
}

/**
 * The screen after looking up what was typed for the leave or check-out key: "not found", the
 * list to pick from, or the one delegate found, selected in a list of one (not checked in).
 */
export function screenAfterLookup(
  screen: DeskScreen,
  query: string,
  result: SearchResult,
  at: number,
): DeskScreen {
  const step = searchStep(query, result);
  if (step.kind === 'not-found') return showNotFound({ ...screen, text: '' }, query, at);
  const list = step.kind === 'one' ? [step.candidate] : result.candidates;
  return showPickList({ ...screen, text: '' }, list, step.kind === 'one' ? false : result.more);
}

/**
 * Whom the leave (F2) and check-out (F4) keys act on. What is typed now comes first: it is looked
 * up (never checked in) before anything is done, so a delegate who is absent can be put on leave,
 * and the previous delegate's confirmation is never taken for the one being typed. With the input
 * empty: the delegate shown, else the one selected in the pick list.
 */
export type DeskSubject =
  | { readonly kind: 'none' }
  | { readonly kind: 'typed'; readonly query: string }
  | { readonly kind: 'delegate'; readonly delegate: DelegateAtDesk };

export function deskSubject(screen: DeskScreen): DeskSubject {
  const input = classifyDeskInput(screen.text);
  if (input.kind === 'code') return { kind: 'typed', query: input.code };
  if (input.kind === 'search') return { kind: 'typed', query: input.query };
  const delegate = screen.shown?.outcome?.delegate ?? screen.candidates[screen.selected];
  return delegate ? { kind: 'delegate', delegate } : { kind: 'none' };
}
