import {
  attendancePdfEndpoint,
  ballotsPdfEndpoint,
  delegateListPdfEndpoint,
  electedListPdfEndpoint,
  LIST_DRAFT_ROLES,
  tallySheetPdfEndpoint,
} from '../../../../contract/documents.ts';
import type { RoundView } from '../../../../contract/elections.ts';
import { mayCall } from '../../../../contract/endpoint.ts';
import type { SittingView } from '../../../../contract/procedure.ts';
import { urlOf } from './api.ts';
import { hasAny, type Role } from './roles.ts';

// The printable documents of a congress as the documents page offers them: the PDF's address
// when the user may have it now, or why not yet. Pure, so the rules are tested without a browser.
// Who may have what is the contract's (src/contract/documents.ts); a document a role can never
// have is left out (null) rather than shown disabled.

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
  const params = { congressId, roundId: round.id };
  const tallySheet = urlOf(tallySheetPdfEndpoint, { params });
  const counted = COUNTED.has(round.status);
  const mayTally = mayCall(tallySheetPdfEndpoint, roles);
  let ballots: DocumentLink | null = null;
  if (mayCall(ballotsPdfEndpoint, roles)) {
    if (round.mode === 'electronic') ballots = { unavailable: 'electronic' };
    // Ballots are printed for the vote — in advance once the round is prepared, or while it is
    // open (as many as electors present when it opened) — not after it.
    else if (round.status !== 'open' && round.status !== 'prepared')
      ballots = { unavailable: 'voting-closed' };
    else ballots = { url: urlOf(ballotsPdfEndpoint, { params }) };
  }
  return {
    ballots,
    tallySheet: !mayTally ? null : counted ? { url: tallySheet } : { unavailable: 'before-count' },
    blankTallySheet: mayTally && !counted && round.mode === 'paper' ? { url: tallySheet } : null,
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
function annotation(annotate: boolean) {
  return { annotate: annotate ? undefined : ('0' as const) };
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
  const url = urlOf(electedListPdfEndpoint, {
    params: { congressId, electionId: election.id },
    query: annotation(annotate),
  });
  if (election.status === 'complete') return { url };
  if (!hasAny(roles, LIST_DRAFT_ROLES)) return { unavailable: 'not-published' };
  if (!election.rounds.some((round) => round.status === 'announced'))
    return { unavailable: 'nothing-announced' };
  return { url, draft: true };
}

export function delegateListDocument(
  congressId: string,
  roles: ReadonlySet<Role>,
  annotate: boolean,
): DocumentLink | null {
  if (!mayCall(delegateListPdfEndpoint, roles)) return null;
  return { url: urlOf(delegateListPdfEndpoint, { params: { congressId }, query: annotation(annotate) }) };
}

/** A sitting's attendance record: once it has opened (before, nobody has checked in). */
export function attendanceDocument(
  congressId: string,
  sitting: Pick<SittingView, 'id' | 'status'>,
  roles: ReadonlySet<Role>,
): DocumentLink | null {
  if (!mayCall(attendancePdfEndpoint, roles)) return null;
  if (sitting.status === 'scheduled') return { unavailable: 'sitting-not-open' };
  return { url: urlOf(attendancePdfEndpoint, { params: { congressId, sittingId: sitting.id } }) };
}
