import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import type {
  closeRoundEndpoint,
  ElectionStatus,
  ElectionView,
  NextStep,
  openRoundEndpoint,
  RoundView,
} from '../../../../../contract/elections.ts';
import type { BodyIn } from '../../../../../contract/endpoint.ts';

// The presiding officer's script without React: which elections to read again after an event,
// the latest round and whether the next may open, the bodies of open and close, and the hall's
// counts as the stream updates them.

/** Per election, a counter that grows whenever the stream says it changed. */
export type StaleCounters = Readonly<Record<string, number>>;

/** One election changed, or (null: after a reconnection, nothing is replayed) every one known. */
export function bumpStale(stale: StaleCounters, electionId: string | null): StaleCounters {
  return electionId === null
    ? Object.fromEntries(Object.entries(stale).map(([id, n]) => [id, n + 1]))
    : { ...stale, [electionId]: (stale[electionId] ?? 0) + 1 };
}

/** The round under way or last held. */
export function latestRound(election: ElectionView): RoundView | undefined {
  return election.rounds[election.rounds.length - 1];
}

/**
 * No round yet, the last one announced, or the next one prepared (its ballots printed in advance):
 * the next round may be opened (a prepared one opens as it was prepared).
 */
export function roundFinished(round: RoundView | undefined): boolean {
  return !round || round.status === 'announced' || round.status === 'prepared';
}

export type OpenRoundBody = BodyIn<typeof openRoundEndpoint>;

/** The body that opens the round the chain requires, in the election's sitting. */
export function openRoundBody(
  next: {
    readonly kind: OpenRoundBody['kind'];
    readonly seats: number;
    readonly advance?: number | undefined;
  },
  candidates: 'open' | readonly string[],
  sittingId: string | null | undefined,
): OpenRoundBody {
  return {
    kind: next.kind,
    seats: next.seats,
    ...(next.advance !== undefined ? { advance: next.advance } : {}),
    ...(candidates !== 'open' ? { candidates: [...candidates] } : {}),
    ...(sittingId ? { sittingId } : {}),
  };
}

/** Closing a paper round says how many ballots were issued [B2]; an electronic one says nothing. */
export function closeRoundBody(
  round: Pick<RoundView, 'mode'>,
  issued: number | null,
): BodyIn<typeof closeRoundEndpoint> {
  return round.mode === 'paper' && issued !== null ? { ballotsIssued: issued } : {};
}

/** The reason of the next step is shown unless it only repeats the round's kind. */
export function showsNextReason(next: NextStep, reasonText: string, kindText: string | null): boolean {
  return next.step !== 'round' || reasonText !== kindText;
}

/** The strip's tag for an election. */
export function electionStatusKey(
  status: ElectionStatus,
): 'pres.status.voting' | 'pres.status.complete' | 'pres.status.preparing' {
  return status === 'in-progress'
    ? 'pres.status.voting'
    : status === 'complete'
      ? 'pres.status.complete'
      : 'pres.status.preparing';
}

export const STATUS_COLOR: Readonly<Partial<Record<ElectionStatus, string>>> = {
  'in-progress': 'red',
  complete: 'green',
};

/** Counts per sitting as the stream brings them: a snapshot's or one sitting's, the newest kept. */
export function withCounts(
  known: Readonly<Record<string, AttendanceCounts>>,
  counts: readonly AttendanceCounts[],
): Readonly<Record<string, AttendanceCounts>> {
  return { ...known, ...Object.fromEntries(counts.map((c) => [c.sittingId, c])) };
}

/** The sittings the server names as current, each with the newest counts the stream brought. */
export function hallCounts(
  current: readonly AttendanceCounts[],
  live: Readonly<Record<string, AttendanceCounts>>,
): AttendanceCounts[] {
  return current.map((s) => live[s.sittingId] ?? s);
}

/**
 * [B4] Whether to offer a new key for the round (its slips were lost): an open electronic round in
 * which nobody has voted. While the page has not heard how many voted, it offers and the server
 * decides (it refuses once a ballot is sealed to the old key).
 */
export function mayRekey(round: Pick<RoundView, 'mode' | 'status'>, voted: number | undefined): boolean {
  return round.mode === 'electronic' && round.status === 'open' && (voted === undefined || voted === 0);
}

/**
 * [B4] Whether the key slips the opening returned are still worth showing: for that round, until
 * its ballots are opened (the holders need them after the close); no longer once it is counted.
 */
export function slipsStillNeeded(
  round: Pick<RoundView, 'id' | 'status' | 'ballotsOpened'>,
  keyRoundId: string,
): boolean {
  return (
    round.id === keyRoundId &&
    (round.status === 'open' || (round.status === 'closed' && round.ballotsOpened !== true))
  );
}

/** An audit hash as read aloud or copied by hand: groups of eight characters. */
export function groupedHash(hash: string): string {
  return (hash.match(/.{1,8}/g) ?? []).join(' ');
}

/** The credentials asked for during an open vote, as the presiding page lists them: waiting ones first, then newest first. */
export function reissueNotices<
  R extends { readonly status: 'pending' | 'approved'; readonly requestedAt: string },
>(reissues: readonly R[]): R[] {
  return [...reissues].sort(
    (a, b) =>
      Number(a.status !== 'pending') - Number(b.status !== 'pending') ||
      b.requestedAt.localeCompare(a.requestedAt),
  );
}
