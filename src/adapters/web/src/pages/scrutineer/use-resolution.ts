import { useState } from 'react';
import {
  type Disagreement,
  resolvePaperSheetEndpoint,
  type SheetContent,
} from '../../../../../contract/ballots.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { type Resolving, resolutionBody, resolvingFrom, takePass, withMark } from './scrutineer-logic.ts';

/** The dialog that records what a disputed sheet says: open for one sheet at a time. */
export function useResolution(
  params: { readonly congressId: string; readonly roundId: string } | null,
  post: (send: () => Promise<unknown>, done: string) => Promise<boolean>,
) {
  const { t } = useI18n();
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const change = (patch: Partial<Pick<Resolving, 'marks' | 'writeIns' | 'voidReason'>>) =>
    setResolving((r) => r && { ...r, ...patch });

  return {
    resolving,
    open: (batchNo: number, d: Disagreement) => setResolving(resolvingFrom(batchNo, d)),
    close: () => setResolving(null),
    change,
    mark: (column: number, mark: string) =>
      setResolving((r) => r && { ...r, marks: withMark(r.marks, column, mark) }),
    take: (content: SheetContent) => setResolving((r) => r && takePass(r, content)),
    record: async () => {
      if (!resolving || !params) return;
      const body = resolutionBody(resolving);
      const ok = await post(() => call(resolvePaperSheetEndpoint, { params, body }), t('scr.resolved'));
      if (ok) setResolving(null);
    },
  };
}
