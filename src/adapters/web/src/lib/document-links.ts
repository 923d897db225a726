import { congressUrl, query } from './api.ts';
import { hasAny, type Role } from './roles.ts';
import type { RoundView, SittingView } from './types.ts';

// The printable documents of a congress as the documents page offers them: the PDF's address
// when the user may have it now, or why not yet. Pure, so the rules are tested without a browser.
// Who may have what is the server's rule (src/adapters/http/routes/document-routes.ts); a document
// a role can never have is left out (null) rather than shown disabled.

export const DOCUMENT_ROLES = {
  /** Blank ballots are controlled stationery. */
  ballots: ['admin'],
  tallySheet: ['admin', 'scrutineer', 'presiding', 'teller'],
  /** The list of those elected before the election is complete (a draft); after, anyone. */
  listDraft: ['admin', 'presiding'],
  delegateList: ['admin'],
  attendance: ['admin', 'presiding', 'check-in'],
} as const satisfies Record<string, readonly Role[]>;

export type Unavailable =
  | 'before-count'
  | 'electronic'
  | 'voting-closed'
  | 'not-published'
  | 'nothing-announced'
  | 'sitting-not-open';

export type DocumentLink =
  | { readonly url: string; readonly draft?: boolean }
  | { readonly unavailable: Unavailable };

export interface RoundDocuments {
  readonly ballots: DocumentLink | null;
  readonly tallySheet: DocumentLink | null;
  /** A paper round not yet counted: the same sheet with blanks, for a count by hand. */
  readonly blankTallySheet: DocumentLink | null;
}

const COUNTED: ReadonlySet<RoundView['status']> = new Set(['counted', 'signed-off', 'announced']);

export function roundDocuments(
  congressId: string,
  round: Pick<RoundView, 'id' | 'mode' | 'status'>,
  roles: ReadonlySet<Role>,
): RoundDocuments {
  const base = congressUrl(congressId, `/rounds/${encodeURIComponent(round.id)}`);
  const counted = COUNTED.has(round.status);
  const mayTally = hasAny(roles, DOCUMENT_ROLES.tallySheet);
  let ballots: DocumentLink | null = null;
  if (hasAny(roles, DOCUMENT_ROLES.ballots)) {
    if (round.mode === 'electronic') ballots = { unavailable: 'electronic' };
    // Ballots are printed for the vote (as many as electors present when it opened), not after it.
    else if (round.status !== 'open') ballots = { unavailable: 'voting-closed' };
    else ballots = { url: `${base}/ballots.pdf` };
  }
  return {
    ballots,
    tallySheet: !mayTally
      ? null
      : counted
        ? { url: `${base}/tally-sheet.pdf` }
        : { unavailable: 'before-count' },
    blankTallySheet:
      mayTally && !counted && round.mode === 'paper' ? { url: `${base}/tally-sheet.pdf` } : null,
  };
}

/** [T7] How the list of those elected to an office is ordered. */
export type ListOrder = 'strokes' | 'votes' | 'approved' | 'given';

export function listOrder(office: string): ListOrder {
  if (office === 'alternate-member') return 'votes';
  if (office === 'standing-committee' || office === 'secretary' || office === 'deputy-secretary')
    return 'approved';
  if (office === 'other') return 'given';
  return 'strokes';
}

/** ?annotate=0 leaves out （女）（回族） after the names; annotated is the default. */
function annotation(annotate: boolean): string {
  return query({ annotate: annotate ? undefined : '0' });
}

/** The list of those elected: published once complete; before, a draft for admin and presiding. */
export function electionListDocument(
  congressId: string,
  election: {
    readonly id: string;
    readonly status: string;
    readonly rounds: ReadonlyArray<Pick<RoundView, 'status'>>;
  },
  roles: ReadonlySet<Role>,
  annotate: boolean,
): DocumentLink {
  const url =
    congressUrl(congressId, `/elections/${encodeURIComponent(election.id)}/list.pdf`) + annotation(annotate);
  if (election.status === 'complete') return { url };
  if (!hasAny(roles, DOCUMENT_ROLES.listDraft)) return { unavailable: 'not-published' };
  if (!election.rounds.some((round) => round.status === 'announced'))
    return { unavailable: 'nothing-announced' };
  return { url, draft: true };
}

export function delegateListDocument(
  congressId: string,
  roles: ReadonlySet<Role>,
  annotate: boolean,
): DocumentLink | null {
  if (!hasAny(roles, DOCUMENT_ROLES.delegateList)) return null;
  return { url: congressUrl(congressId, '/delegates.pdf') + annotation(annotate) };
}

/** A sitting's attendance record: once it has opened (before, nobody has checked in). */
export function attendanceDocument(
  congressId: string,
  sitting: Pick<SittingView, 'id' | 'status'>,
  roles: ReadonlySet<Role>,
): DocumentLink | null {
  if (!hasAny(roles, DOCUMENT_ROLES.attendance)) return null;
  if (sitting.status === 'scheduled') return { unavailable: 'sitting-not-open' };
  return { url: congressUrl(congressId, `/sittings/${encodeURIComponent(sitting.id)}/attendance.pdf`) };
}
