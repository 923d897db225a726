import { Grid } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  enterPaperBallotEndpoint,
  myPaperEntriesEndpoint,
  paperReconciliationEndpoint,
} from '../../../../../contract/ballots.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { applyKey, type EntryState, emptySheet, sheetBody } from '../../lib/ballot-entry.ts';
import type { RoundProgress } from '../../lib/round-live.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useThrottled } from '../../lib/use-throttled.ts';
import {
  afterDialog,
  dialogText,
  type EntryDialog,
  lastEntry,
  nextSheetNo,
  type Pass,
  sheetFor,
  sheetOvervote,
} from './teller-logic.ts';

/** Candidates per row of the grid; the arrow keys move by rows of this width. A phone has two. */
const COLUMNS = 5;
const PHONE_COLUMNS = 2;
/** How often the running totals are fetched again while sheets are being keyed. */
const TOTALS_REFRESH_MS = 1500;

/** A sheet the server refused: kept so the teller can bring it back and key it again. */
export interface Refused {
  readonly sheetNo: number;
  readonly state: EntryState;
  readonly error: ApiError;
}

/**
 * Keying one batch and pass: the sheet on the grid and its number, the sheets being saved, the
 * one refused, the write-in and void dialogs, this teller's entries and the running totals.
 */
export function useEntryDesk(
  congressId: string,
  roundId: string,
  pass: Pass,
  batchNo: number,
  seats: number | null,
  live: RoundProgress | undefined,
  notify: (text: string) => void,
) {
  const { t } = useI18n();
  const params = useMemo(() => ({ congressId, roundId }), [congressId, roundId]);
  const mine = useEndpoint(myPaperEntriesEndpoint, { params, query: { batchNo, pass } });
  const totals = useEndpoint(paperReconciliationEndpoint, { params });
  const candidates = mine.data?.candidates ?? [];
  const [sheet, setSheet] = useState<EntryState>(() => emptySheet(0));
  const [sheetNo, setSheetNo] = useState(1);
  const [refused, setRefused] = useState<Refused>();
  const [saving, setSaving] = useState(0);
  const [incomplete, setIncomplete] = useState(false);
  const [dialog, setDialog] = useState<EntryDialog | null>(null);
  const [text, setText] = useState('');
  const grid = useRef<HTMLDivElement>(null);
  const columns = Grid.useBreakpoint().sm === false ? PHONE_COLUMNS : COLUMNS;

  // The other tellers key too: the running totals follow, one request per interval at most.
  const refreshTotals = useThrottled(() => void totals.reload(), TOTALS_REFRESH_MS);
  useEffect(() => {
    if (live) refreshTotals();
  }, [live, refreshTotals]);

  // A new round or batch: a fresh sheet after the last one this teller keyed.
  useEffect(() => {
    if (!mine.data) return;
    const { candidates: names, entries } = mine.data;
    setSheet((s) => sheetFor(s, names.length));
    setSheetNo((n) => nextSheetNo(entries, n));
  }, [mine.data]);

  // The grid takes the keys: focused once the ballot is loaded and whenever a dialog closes.
  useEffect(() => {
    if (dialog === null && candidates.length > 0) grid.current?.focus();
  }, [dialog, candidates.length]);

  // Enter opens the next ballot at once and the sheet is saved meanwhile: a teller keys on without
  // waiting for the server, and no key typed during the save is lost. A refused sheet is kept.
  const commit = useCallback(
    async (state: EntryState) => {
      const body = sheetBody(state);
      if (!body) return;
      const no = sheetNo;
      setSheet(emptySheet(candidates.length));
      setSheetNo(no + 1);
      setSaving((n) => n + 1);
      try {
        await call(enterPaperBallotEndpoint, { params, body: { pass, batchNo, sheetNo: no, ...body } });
        // [B3] An over-marked sheet is keyed as the paper is, and said again to be invalid.
        notify(
          sheetOvervote(state, seats)
            ? t('teller.committedInvalid', { n: no })
            : t('teller.committed', { n: no }),
        );
        setRefused((r) => (r?.sheetNo === no ? undefined : r));
        void mine.reload();
        void totals.reload();
      } catch (caught) {
        setRefused({ sheetNo: no, state, error: asApiError(caught) });
      } finally {
        setSaving((n) => n - 1);
        grid.current?.focus();
      }
    },
    [params, pass, batchNo, sheetNo, seats, candidates.length, mine, totals, notify, t],
  );

  const restore = () => {
    if (!refused) return;
    setSheet(refused.state);
    setSheetNo(refused.sheetNo);
    setRefused(undefined);
    grid.current?.focus();
  };

  const openDialog = (which: EntryDialog) => {
    setText(dialogText(sheet, which));
    setDialog(which);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const result = applyKey(sheet, event.key, columns);
    if (!result.handled) return;
    event.preventDefault();
    setSheet(result.state);
    setIncomplete(result.action === 'incomplete');
    if (result.action === 'commit') void commit(result.state);
    if (result.action === 'write-in' || result.action === 'void') openDialog(result.action);
  };

  const closeDialog = () => {
    if (dialog) setSheet((s) => afterDialog(s, dialog, text));
    setDialog(null);
  };

  return {
    mine,
    totals,
    candidates,
    last: lastEntry(mine.data?.entries ?? []),
    sheet,
    setSheet,
    sheetNo,
    setSheetNo,
    refused,
    restore,
    saving: saving > 0,
    incomplete,
    grid,
    columns,
    onKeyDown,
    commit,
    dialog,
    text,
    setText,
    openDialog,
    closeDialog,
    cancelDialog: () => setDialog(null),
    moveTo: (index: number) => {
      setSheet((s) => ({ ...s, cursor: index }));
      grid.current?.focus();
    },
  };
}
