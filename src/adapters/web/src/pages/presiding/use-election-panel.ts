import { App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { rekeyRoundEndpoint } from '../../../../../contract/ballots.ts';
import {
  announceRoundEndpoint,
  closeRoundEndpoint,
  countRoundEndpoint,
  electionEndpoint,
  openRoundEndpoint,
  reduceSeatsEndpoint,
  type SeatReduction,
} from '../../../../../contract/elections.ts';
import type { OpenedKey } from '../../components/KeySlips.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { asApiError, call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { closeRoundBody, latestRound, openRoundBody } from './presiding-logic.ts';

/**
 * The sign-off arrives as a 'voting' event; while a count waits for it the page also looks again
 * this often, in case the event was missed while the stream reconnected.
 */
const SIGN_OFF_POLL_MS = 15_000;

export type PanelAction = 'open' | 'close' | 'count' | 'announce' | 'reduce' | 'rekey';

/**
 * One election on the presiding officer's page: its view, read again when the stream says it
 * changed (`stale` grows) and while a count awaits the scrutineers' sign-off, and the writes its
 * buttons make, one at a time, each confirmed or refused in a message.
 */
export function useElectionPanel(congressId: string, electionId: string, stale: number) {
  const { t, tx } = useI18n();
  const { message } = AntApp.useApp();
  const view = useEndpoint(electionEndpoint, { params: { congressId, electionId } });
  const [busy, setBusy] = useState<PanelAction>();
  // Held in this page's memory only, until the operator confirms the slips are handed over.
  const [shownKey, setShownKey] = useState<OpenedKey>();
  const reload = view.reload;

  useEffect(() => {
    if (stale > 0) void reload();
  }, [stale, reload]);

  const election = view.data;
  const round = election ? latestRound(election) : undefined;
  const awaitingSignOff = round?.status === 'counted';
  useEffect(() => {
    if (!awaitingSignOff) return;
    const timer = setInterval(() => void reload(), SIGN_OFF_POLL_MS);
    return () => clearInterval(timer);
  }, [awaitingSignOff, reload]);

  const run = async (key: PanelAction, send: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await send();
      void message.success(t('pres.done'));
      await view.reload();
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
    } finally {
      setBusy(undefined);
    }
  };
  const roundParams = (roundId: string) => ({ params: { congressId, roundId } });

  return {
    election,
    round,
    error: view.error,
    reload,
    busy,
    openRound: (next: Parameters<typeof openRoundBody>[0], candidates: 'open' | readonly string[]) =>
      void run('open', async () => {
        const opened = await call(openRoundEndpoint, {
          params: { congressId, electionId },
          body: openRoundBody(next, candidates, election?.sittingId),
        });
        if (opened.key) setShownKey({ roundId: opened.roundId, key: opened.key });
      }),
    closeRound: (issued: number | null) =>
      round &&
      void run('close', () =>
        call(closeRoundEndpoint, { ...roundParams(round.id), body: closeRoundBody(round, issued) }),
      ),
    countRound: () => round && void run('count', () => call(countRoundEndpoint, roundParams(round.id))),
    announceRound: () =>
      round && void run('announce', () => call(announceRoundEndpoint, roundParams(round.id))),
    shownKey,
    /** The slips are printed and handed to their holders: the shares leave the page. */
    keyHandedOver: () => setShownKey(undefined),
    /** [B4] A new key for the open round nobody has voted in (the slips were lost): new slips. */
    rekeyRound: () =>
      round &&
      void run('rekey', async () => {
        const key = await call(rekeyRoundEndpoint, roundParams(round.id));
        setShownKey({ roundId: round.id, key });
      }),
    reduceSeats: (reduction: SeatReduction) =>
      void run('reduce', () =>
        call(reduceSeatsEndpoint, { params: { congressId, electionId }, body: reduction }),
      ),
  };
}
