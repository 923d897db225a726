import { Card, Empty, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  type ElectionView,
  electionEndpoint,
  electionsEndpoint,
  type RoundView,
} from '../../../../../contract/elections.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { PaperRoundCard } from './paper/PaperRoundCard.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// 选票录入与核对: the paper rounds of the congress, latest first, each with how far every teller
// has keyed each pass, the double-entry comparison per batch (for the scrutineers), and ballots
// issued against returned [B2]; buttons open the teller's entry and the scrutineers' comparison.

interface PaperRound {
  readonly election: ElectionView;
  readonly round: RoundView;
}

export function PaperOverview({ congressId, roles }: ConsoleSectionProps) {
  const { t } = useI18n();
  const list = useEndpoint(electionsEndpoint, { params: { congressId } });
  const [rounds, setRounds] = useState<readonly PaperRound[]>();
  const [error, setError] = useState<ApiError>();
  // Per round, bumped when a teller keys a sheet there: its card reads its numbers again.
  const [versions, setVersions] = useState<Readonly<Record<string, number>>>({});

  const load = useCallback(async () => {
    const paper = (list.data ?? []).filter((e) => e.ballotMode === 'paper');
    try {
      const views = await Promise.all(
        paper.map((e) => call(electionEndpoint, { params: { congressId, electionId: e.id } })),
      );
      setRounds(
        views.flatMap((election) =>
          [...election.rounds]
            .filter((round) => round.mode === 'paper')
            .reverse()
            .map((round) => ({ election, round })),
        ),
      );
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, [congressId, list.data]);
  useEffect(() => {
    if (list.data) void load();
  }, [list.data, load]);

  const live = useCongressEvents(congressId, {
    voting: (event) => {
      if (!('roundId' in event)) return;
      // A round opened, closed or counted changes the list; a keyed sheet only its card.
      if ('status' in event) void load();
      const roundId = event.roundId;
      setVersions((v) => ({ ...v, [roundId]: (v[roundId] ?? 0) + 1 }));
    },
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void load();
      setVersions((v) => Object.fromEntries(Object.entries(v).map(([id, n]) => [id, n + 1])));
    },
  });

  return (
    <div className="console-page" data-testid="paper-section">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.paper')}</h1>
        <LiveBadge status={live} />
      </div>
      <ErrorAlert error={list.error ?? error} onRetry={() => void list.reload()} />
      {!rounds ? (
        <Skeleton active />
      ) : rounds.length === 0 ? (
        <Card className="console-card">
          <Empty description={t('paper.none')} />
        </Card>
      ) : (
        rounds.map(({ election, round }) => (
          <PaperRoundCard
            key={round.id}
            congressId={congressId}
            electionTitle={election.title}
            round={round}
            roles={roles}
            version={versions[round.id] ?? 0}
          />
        ))
      )}
    </div>
  );
}
