import { useCallback, useEffect, useState } from 'react';
import { electionEndpoint, electionsEndpoint } from '../../../../../contract/elections.ts';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { staleElection } from '../../lib/round-live.ts';
import { useAnswerOrder } from '../../lib/use-answer-order.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { electronicRounds, type RoundRef, splitRounds } from './vote-rounds.ts';

/**
 * The electronic rounds of the congress, read again whenever the stream says a round opened or
 * closed, and the receipts cast in this visit.
 */
export function useVoteRounds(congressId: string) {
  const [rounds, setRounds] = useState<RoundRef[]>();
  const [error, setError] = useState<ApiError>();
  const [cast, setCast] = useState<Readonly<Record<string, string>>>({});

  const order = useAnswerOrder();

  const load = useCallback(async () => {
    // A round opened then closed makes two loads: the later-begun one decides what is shown.
    const ticket = order.begin();
    try {
      const list = await call(electionsEndpoint, { params: { congressId } });
      const views = await Promise.all(
        list
          .filter((e) => e.ballotMode === 'electronic')
          .map((e) => call(electionEndpoint, { params: { congressId, electionId: e.id } })),
      );
      if (!order.accept(ticket)) return;
      setRounds(electronicRounds(views));
      setError(undefined);
    } catch (caught) {
      if (order.current(ticket)) setError(asApiError(caught));
    }
  }, [congressId, order]);

  useEffect(() => {
    void load();
  }, [load]);
  useCongressEvents(congressId, {
    voting: (event) => {
      if (staleElection(event) !== null) void load();
    },
    onOpen: () => void load(),
  });

  return {
    loaded: rounds !== undefined,
    ...splitRounds(rounds ?? [], cast),
    cast,
    error,
    reload: load,
    keepReceipt: (roundId: string, receipt: string) => setCast((c) => ({ ...c, [roundId]: receipt })),
  };
}
