import { useEffect, useState } from 'react';
import { electionEndpoint, electionsEndpoint } from '../../../../../contract/elections.ts';
import { type LiveRounds, staleElection, withProgress } from '../../lib/round-live.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { electionUnderWay, keyableRounds, type Pass, paperElections } from './teller-logic.ts';

/**
 * The teller's choices before keying: the election (the one under way unless chosen), the round
 * (the latest that may be keyed), the pass and the batch; and the rounds' progress from the stream.
 */
export function useTellerSetup(congressId: string) {
  const elections = useEndpoint(electionsEndpoint, { params: { congressId } });
  const [electionId, setElectionId] = useState<string>();
  const election = useEndpoint(electionEndpoint, electionId ? { params: { congressId, electionId } } : null);
  const [roundId, setRoundId] = useState<string>();
  const [pass, setPass] = useState<Pass>('A');
  const [batchNo, setBatchNo] = useState(1);
  const [started, setStarted] = useState(false);
  const [live, setLive] = useState<LiveRounds>({});
  const reloadElections = elections.reload;
  const reloadElection = election.reload;

  // A round opening or closing changes what may be keyed; the other tellers' progress shows live.
  useCongressEvents(congressId, {
    voting: (event) => {
      setLive((known) => withProgress(known, event));
      if (staleElection(event)) {
        void reloadElections();
        void reloadElection();
      }
    },
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void reloadElections();
      void reloadElection();
    },
  });

  const underWay = electionUnderWay(elections.data ?? []);
  useEffect(() => {
    if (!electionId && underWay) setElectionId(underWay);
  }, [electionId, underWay]);
  const rounds = keyableRounds(election.data);
  const latest = rounds[rounds.length - 1]?.id;
  useEffect(() => {
    if (!roundId && latest) setRoundId(latest);
  }, [roundId, latest]);

  return {
    elections,
    paperElections: paperElections(elections.data ?? []),
    electionId,
    chooseElection: (id: string) => {
      setElectionId(id);
      setRoundId(undefined);
    },
    title: election.data?.title ?? '',
    rounds,
    roundId,
    /** The seats of the round being keyed: a sheet marking more names for is invalid [B3]. */
    seats: rounds.find((r) => r.id === roundId)?.seats ?? null,
    setRoundId,
    pass,
    setPass,
    batchNo,
    setBatchNo,
    started,
    setStarted,
    live,
  };
}
