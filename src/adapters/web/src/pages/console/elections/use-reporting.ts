import { useCallback, useEffect, useState } from 'react';
import {
  type CongressView,
  type PositionView,
  termEndpoint,
  termsEndpoint,
} from '../../../../../../contract/congress.ts';
import type { ElectionView } from '../../../../../../contract/elections.ts';
import { call } from '../../../lib/api.ts';
import { useAnswerOrder } from '../../../lib/use-answer-order.ts';

// [P6] Where those elected stand with the higher committee: a completed election puts them in
// the term the congress elects (or, at a plenary, the plenary's own term), filed or awaiting
// approval. Read from the organisation's terms once an election is complete.

export function useReporting(
  congress: CongressView | undefined,
  elections: readonly Pick<ElectionView, 'status'>[],
): { readonly positions: readonly PositionView[]; reload(): Promise<void> } {
  const [positions, setPositions] = useState<readonly PositionView[]>([]);
  const anyComplete = elections.some((e) => e.status === 'complete');
  const congressId = congress?.id;
  const organisationId = congress?.organisationId;
  const termId = congress?.termId ?? null;

  const order = useAnswerOrder();

  const reload = useCallback(async () => {
    if (!anyComplete || !congressId || !organisationId) return;
    const ticket = order.begin();
    try {
      const terms = await call(termsEndpoint, { params: { organisationId } });
      const filled = terms.filter((term) => term.electedByCongressId === congressId || term.id === termId);
      const views = await Promise.all(
        filled.map((term) => call(termEndpoint, { params: { termId: term.id } })),
      );
      if (order.accept(ticket)) setPositions(views.flatMap((view) => view.positions));
    } catch {
      // Reporting is shown when it can be read; the election itself does not depend on it.
      if (order.accept(ticket)) setPositions([]);
    }
  }, [anyComplete, congressId, organisationId, termId, order]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { positions, reload };
}
