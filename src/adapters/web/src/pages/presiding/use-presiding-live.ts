import { useState } from 'react';
import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import { electionsEndpoint } from '../../../../../contract/elections.ts';
import { type LiveRounds, staleElection, withProgress } from '../../lib/round-live.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { bumpStale, type StaleCounters, withCounts } from './presiding-logic.ts';

/**
 * What the presiding officer's page follows on the event stream: the elections (each panel reads
 * its own again when its counter grows), the rounds' progress, the hall's counts, and sittings
 * opening or closing.
 */
export function usePresidingLive(congressId: string) {
  const elections = useEndpoint(electionsEndpoint, { params: { congressId } });
  const [stale, setStale] = useState<StaleCounters>({});
  const [rounds, setRounds] = useState<LiveRounds>({});
  const [sittings, setSittings] = useState<Readonly<Record<string, AttendanceCounts>>>({});
  const [sittingsChanged, setSittingsChanged] = useState(0);

  const touch = (electionId: string | null) => setStale((s) => bumpStale(s, electionId));
  const live = useCongressEvents(congressId, {
    snapshot: (snapshot) => setSittings((s) => withCounts(s, snapshot.sittings)),
    attendance: (counts) => setSittings((s) => withCounts(s, [counts])),
    voting: (event) => {
      setRounds((known) => withProgress(known, event));
      const changed = staleElection(event);
      if (changed) {
        touch(changed);
        void elections.reload();
      }
    },
    result: (result) => {
      touch(result.electionId);
      void elections.reload();
    },
    // A sitting opened or closed: the counts shown may belong to another sitting now.
    congress: () => setSittingsChanged((n) => n + 1),
    // After a reconnection nothing is replayed: every election looks again.
    onOpen: () => touch(null),
  });

  return { elections, stale, rounds, sittings, sittingsChanged, live };
}
