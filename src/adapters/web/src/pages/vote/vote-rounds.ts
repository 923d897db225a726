import type { ElectionView } from '../../../../../contract/elections.ts';

// The electronic rounds a delegate sees, without React: which are open to vote in, which closed
// ones to check a receipt against, and the receipts this visit keeps on screen.

/** One electronic round, named by its election. */
export type RoundRef = {
  readonly roundId: string;
  readonly title: string;
  readonly seq: number;
  readonly status: ElectionView['rounds'][number]['status'];
};

/** The electronic rounds of the electronic elections, in the elections' order. */
export function electronicRounds(views: readonly ElectionView[]): RoundRef[] {
  return views
    .filter((view) => view.ballotMode === 'electronic')
    .flatMap((view) =>
      view.rounds
        .filter((r) => r.mode === 'electronic')
        .map((r) => ({ roundId: r.id, title: view.title, seq: r.seq, status: r.status })),
    );
}

/**
 * Open rounds to vote in; closed ones (for the receipt check); and of these the ones whose
 * receipt this visit has shown: a round closing does not take the receipt off the screen.
 */
export function splitRounds(
  rounds: readonly RoundRef[],
  cast: Readonly<Record<string, string>>,
): { open: RoundRef[]; closed: RoundRef[]; kept: RoundRef[] } {
  const open = rounds.filter((r) => r.status === 'open');
  const closed = rounds.filter((r) => r.status !== 'open');
  return { open, closed, kept: closed.filter((r) => cast[r.roundId] !== undefined) };
}
