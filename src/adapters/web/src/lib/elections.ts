import { turnoutEndpoint } from '../../../../contract/ballots.ts';
import {
  type ElectionView,
  electionEndpoint,
  electionsEndpoint,
  type Outcome,
  type RoundKind,
  type RoundStatus,
  type RoundView,
  resultsEndpoint,
} from '../../../../contract/elections.ts';
import type { ResultEvent, VotingEvent } from '../../../../contract/events.ts';
import { type ApiError, asApiError, call } from './api.ts';
import { shortfallBeyondRunoff } from './round-live.ts';

// What the big screen and the public pages show of the elections: announced results (never a
// result before it is announced [P2]) and the round being voted on with its progress.
//
// Source: GET /api/congresses/:id/results, the public list of elections with announced results
// (a server without it answers 404), else the staff list GET …/elections, else the elections the
// event stream has named. GET …/elections/:electionId is open to the public and hides results
// that are not announced.

export interface AnnouncedResult {
  readonly electionId: string;
  readonly electionTitle: string;
  readonly roundId: string;
  readonly seq: number;
  readonly kind: RoundKind;
  readonly seats: number;
  readonly announcedAt: string | null;
  readonly outcome: Outcome;
  /** In the order the result lists them (the published order), with the votes for each. */
  readonly elected: ReadonlyArray<{ readonly name: string; readonly votes: number }>;
  readonly electedAlternates: readonly string[];
  readonly runoff: boolean;
  /** [T4] Seats no one qualified for; the seats a run-off decides [T3] are not among them. */
  readonly shortfall: number;
}

export interface RoundInProgress {
  readonly electionId: string;
  readonly electionTitle: string;
  readonly roundId: string;
  readonly seq: number;
  readonly kind: RoundKind;
  readonly mode: RoundView['mode'];
  readonly status: Exclude<RoundStatus, 'announced' | 'prepared'>;
  /** 应投: electors present when the round opened. */
  readonly present: number;
  /** 已投 (electronic). */
  readonly voted: number | null;
  readonly ballotsIssued: number | null;
  /** Paper sheets keyed so far. */
  readonly entered: number | null;
}

export interface ElectionState {
  /** False: nobody may list this congress's elections yet (no public endpoint, not signed in). */
  readonly available: boolean;
  readonly elections: readonly ElectionView[];
  readonly results: readonly AnnouncedResult[];
  readonly inProgress: readonly RoundInProgress[];
  readonly error?: ApiError;
}

export const EMPTY_STATE: ElectionState = { available: false, elections: [], results: [], inProgress: [] };

function electedOf(round: RoundView): AnnouncedResult['elected'] {
  const result = round.result;
  if (!result) return [];
  return result.elected.map((name) => ({
    name,
    votes: result.results.find((r) => r.name === name)?.for ?? 0,
  }));
}

/** The state of the elections, from their views: announced rounds as results, unfinished ones as progress. */
export function electionStateOf(elections: readonly ElectionView[]): Omit<ElectionState, 'available'> {
  const results: AnnouncedResult[] = [];
  const inProgress: RoundInProgress[] = [];
  for (const election of elections) {
    for (const round of election.rounds) {
      if (round.status === 'announced' && round.result) {
        results.push({
          electionId: election.id,
          electionTitle: election.title,
          roundId: round.id,
          seq: round.seq,
          kind: round.kind,
          seats: round.seats,
          announcedAt: round.announcedAt,
          outcome: round.result.outcome,
          elected: electedOf(round),
          electedAlternates: round.result.electedAlternates ?? [],
          runoff: round.result.runoff !== null,
          shortfall: shortfallBeyondRunoff(round.result),
        });
      } else if (round.status !== 'announced' && round.status !== 'prepared') {
        inProgress.push({
          electionId: election.id,
          electionTitle: election.title,
          roundId: round.id,
          seq: round.seq,
          kind: round.kind,
          mode: round.mode,
          status: round.status,
          present: round.present ?? 0,
          voted: null,
          ballotsIssued: round.ballotsIssued,
          entered: null,
        });
      }
    }
  }
  return { elections, results, inProgress };
}

/**
 * Where the views come from: the public results endpoint when the server has it; else the staff
 * list (for a session allowed to read it); else the elections this screen has heard of on the
 * event stream (each election's view is public), remembered across reloads.
 */
async function electionViews(congressId: string, options: LoadOptions): Promise<ElectionView[] | null> {
  try {
    const published = await call(resultsEndpoint, { params: { congressId } });
    return published.elections;
  } catch (caught) {
    if (asApiError(caught).status !== 404) throw caught;
  }
  if (options.canList) {
    try {
      const list = await call(electionsEndpoint, { params: { congressId } });
      return Promise.all(list.map((e) => electionView(congressId, e.id)));
    } catch (caught) {
      const status = asApiError(caught).status;
      if (status !== 401 && status !== 403) throw caught;
    }
  }
  const known = knownElections(congressId);
  if (known.length === 0) return null;
  const views = await Promise.all(known.map((id) => electionView(congressId, id).catch(() => null)));
  return views.filter((v): v is ElectionView => v !== null);
}

export interface LoadOptions {
  /** The session may list the congress's elections (staff, check-in, delegates). */
  readonly canList: boolean;
}

const knownKey = (congressId: string) => `plenum.elections.${congressId}`;

/** Elections of this congress seen on the event stream by this browser. */
export function knownElections(congressId: string): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(knownKey(congressId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers an election the stream named; true if it was new. */
export function rememberElection(congressId: string, electionId: string): boolean {
  const known = knownElections(congressId);
  if (known.includes(electionId)) return false;
  try {
    localStorage.setItem(knownKey(congressId), JSON.stringify([...known, electionId]));
  } catch {
    // Private mode or full storage: the screen still works until it is reloaded.
  }
  return true;
}

export function electionView(congressId: string, electionId: string): Promise<ElectionView> {
  return call(electionEndpoint, { params: { congressId, electionId } });
}

export async function loadElectionState(congressId: string, options: LoadOptions): Promise<ElectionState> {
  try {
    const views = await electionViews(congressId, options);
    if (views === null) return EMPTY_STATE;
    const state = { available: true, ...electionStateOf(views) };
    // Electronic rounds under way: how many have voted (counts only, open to anyone).
    const withTurnout = await Promise.all(
      state.inProgress.map(async (round) => {
        if (round.mode !== 'electronic' || round.status !== 'open') return round;
        try {
          const turnout = await call(turnoutEndpoint, { params: { congressId, roundId: round.roundId } });
          return { ...round, voted: turnout.voted };
        } catch {
          return round;
        }
      }),
    );
    return { ...state, inProgress: withTurnout };
  } catch (caught) {
    return { ...EMPTY_STATE, error: asApiError(caught) };
  }
}

/** A voting event applied to the rounds in progress; 'reload' when it names a round we do not know. */
export function applyVoting(state: ElectionState, event: VotingEvent): ElectionState | 'reload' {
  if (!('roundId' in event)) return state;
  const known = state.inProgress.find((r) => r.roundId === event.roundId);
  if (!known) return 'reload';
  const update = (patch: Partial<RoundInProgress>): ElectionState => ({
    ...state,
    inProgress: state.inProgress.map((r) => (r.roundId === event.roundId ? { ...r, ...patch } : r)),
  });
  if ('voted' in event) return update({ voted: event.voted });
  if ('entered' in event) return update({ entered: event.entered });
  if (event.status === 'closed') return update({ status: 'closed', ballotsIssued: event.ballotsIssued });
  if (event.status === 'counted') return update({ status: 'counted' });
  return 'reload';
}

/** An announced result from the stream: shown at once, before the views are reloaded. */
export function applyResult(state: ElectionState, event: ResultEvent, electionTitle: string): ElectionState {
  const round = state.inProgress.find((r) => r.roundId === event.roundId);
  const result: AnnouncedResult = {
    electionId: event.electionId,
    electionTitle,
    roundId: event.roundId,
    seq: round?.seq ?? 0,
    kind: round?.kind ?? 'formal',
    seats: 0,
    announcedAt: new Date().toISOString(),
    outcome: event.outcome,
    elected: event.elected,
    electedAlternates: event.electedAlternates,
    runoff: event.runoff !== null,
    shortfall: shortfallBeyondRunoff(event),
  };
  return {
    ...state,
    results: [...state.results.filter((r) => r.roundId !== event.roundId), result],
    inProgress: state.inProgress.filter((r) => r.roundId !== event.roundId),
  };
}
