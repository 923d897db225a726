import { App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import type { RoundKeyStatus } from '../../../../../contract/ballot-keys.ts';
import {
  paperComparisonEndpoint,
  paperReconciliationEndpoint,
  roundKeyEndpoint,
  votingProgressEndpoint,
} from '../../../../../contract/ballots.ts';
import { electionEndpoint, electionsEndpoint } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { asApiError } from '../../lib/api.ts';
import { staleElection } from '../../lib/round-live.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { useThrottled } from '../../lib/use-throttled.ts';
import { keyCardState } from './key-shares-logic.ts';
import { shownElectionId, shownRound } from './scrutineer-logic.ts';

/** How often the comparison is fetched again while the tellers key. */
const KEYING_REFRESH_MS = 1500;
/**
 * [B4] Shares entered from another scrutineer's device send no event: while a closed round's
 * ballots wait for their shares, the key's status is read again this often.
 */
const KEY_REFRESH_MS = 5000;

/**
 * The round the scrutineers watch (the election under way and its latest round, unless chosen),
 * what they see of it (paper: the comparison and the reconciliation; electronic: the turnout), kept
 * current by the event stream, and their writes (count, sign-off, resolutions), one at a time.
 */
export function useScrutineer(congressId: string) {
  const { tx } = useI18n();
  const { message } = AntApp.useApp();
  const elections = useEndpoint(electionsEndpoint, { params: { congressId } });
  const [picked, setPicked] = useState<string>();
  const electionId = shownElectionId(picked, elections.data ?? []);
  const election = useEndpoint(electionEndpoint, electionId ? { params: { congressId, electionId } } : null);
  const [pickedRound, setPickedRound] = useState<string>();
  const round = shownRound(election.data, pickedRound);
  const params = round ? { congressId, roundId: round.id } : null;
  const paper = round?.mode === 'paper';
  const comparison = useEndpoint(paperComparisonEndpoint, params && paper ? { params } : null);
  const reconciliation = useEndpoint(paperReconciliationEndpoint, params && paper ? { params } : null);
  const turnout = useEndpoint(votingProgressEndpoint, params && !paper ? { params } : null);
  // [B4] An electronic round's key: who holds its shares, which are entered, whether it is opened.
  const keyStatus = useEndpoint(
    roundKeyEndpoint,
    params && round?.mode === 'electronic' && round.status !== 'prepared' ? { params } : null,
  );
  const [keyAnswer, setKeyAnswer] = useState<RoundKeyStatus>();
  // The newest of the answer to this page's entry and the status read since.
  const key = keyAnswer?.roundId === round?.id && keyAnswer?.opened ? keyAnswer : keyStatus.data;
  const keyState = round ? keyCardState(round, key) : 'none';
  const reloadKey = keyStatus.reload;
  const roundStatus = round?.status;
  useEffect(() => {
    // The close seals nothing new but makes the shares enterable: read the status again.
    if (roundStatus) void reloadKey();
  }, [roundStatus, reloadKey]);
  useEffect(() => {
    if (keyState !== 'waiting') return;
    const timer = setInterval(() => void reloadKey(), KEY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [keyState, reloadKey]);
  const [busy, setBusy] = useState(false);

  const refreshRound = useThrottled(() => {
    void comparison.reload();
    void reconciliation.reload();
    void turnout.reload();
  }, KEYING_REFRESH_MS);
  const live = useCongressEvents(congressId, {
    voting: (event) => {
      const stale = staleElection(event);
      if (stale !== null) {
        if (stale === electionId) void election.reload();
        void elections.reload();
      }
      if ('roundId' in event && event.roundId === round?.id) refreshRound();
    },
    result: () => void election.reload(),
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void elections.reload();
      void election.reload();
      refreshRound();
    },
  });

  /** One write; the figures and the round are read again after it. False when it was refused. */
  const post = async (send: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await send();
      void message.success(done);
      void comparison.reload();
      void reconciliation.reload();
      void election.reload();
      return true;
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    elections,
    electionId,
    chooseElection: (id: string) => {
      setPicked(id);
      setPickedRound(undefined);
    },
    election,
    round,
    chooseRound: setPickedRound,
    params,
    paper,
    comparison,
    reconciliation,
    turnout,
    key,
    keyState,
    keyEntered: (status: RoundKeyStatus) => {
      setKeyAnswer(status);
      void reloadKey();
    },
    live,
    busy,
    post,
  };
}
