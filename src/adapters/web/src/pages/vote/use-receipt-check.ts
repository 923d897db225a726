import { useState } from 'react';
import { publishedBallotsEndpoint, type SealedBallot } from '../../../../../contract/ballots.ts';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { findReceipt } from './vote-ballot.ts';
import type { RoundRef } from './vote-rounds.ts';

/**
 * Where one's sealed ballot stands on the board: its tracker, its place, of how many. The board
 * pairs no sealed ballot with an opened one, so the check proves the ballot was counted, never
 * how it was marked [B4].
 */
export interface Found {
  readonly ballot: SealedBallot;
  readonly at: number;
  readonly of: number;
}

/**
 * The receipt check: a closed round (the latest unless chosen), the receipt typed, and the
 * sealed ballot found on the whole board — as anyone may read and recount it [B4].
 * `found` is null when the receipt is not in the list, undefined before a check.
 */
export function useReceiptCheck(congressId: string, rounds: readonly RoundRef[]) {
  const [roundId, setRoundId] = useState<string>();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<Found | null>();
  const [error, setError] = useState<ApiError>();
  const chosen = roundId ?? rounds[rounds.length - 1]?.roundId;

  const check = async () => {
    if (!chosen) return;
    try {
      const list = await call(publishedBallotsEndpoint, { params: { congressId, roundId: chosen } });
      const at = findReceipt(list.sealed, receipt);
      setFound(at === null ? null : { ballot: list.sealed[at - 1]!, at, of: list.sealed.length });
      setError(undefined);
    } catch (caught) {
      setFound(undefined);
      setError(asApiError(caught));
    }
  };

  const choose = (id: string) => {
    setRoundId(id);
    setFound(undefined);
  };
  return { chosen, choose, receipt, setReceipt, found, error, check };
}
