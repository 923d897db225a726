import { ScheduleOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { congressEndpoint } from '../../../../../contract/congress.ts';
import { delegatesEndpoint } from '../../../../../contract/delegates.ts';
import {
  createMethodEndpoint,
  type ElectionView,
  electionEndpoint,
  electionMethodsEndpoint,
  electionsEndpoint,
  prepareFirstPlenaryEndpoint,
  recordMethodVoteEndpoint,
} from '../../../../../contract/elections.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { ElectionPanel } from './elections/ElectionPanel.tsx';
import { ElectionTable } from './elections/ElectionTable.tsx';
import { FirstPlenaryCard } from './elections/FirstPlenaryCard.tsx';
import { MethodCard } from './elections/MethodCard.tsx';
import { useReporting } from './elections/use-reporting.ts';
import type { ConsoleSectionProps } from './section-props.ts';

// 选举: the election method and its adoption vote [P4]; the congress's elections with their
// seats and candidacy; for the chosen one the candidate list checked live against [C1]/[C2], the
// scrutineers [P1] and tellers [P2], and the rounds with their results, the next round the chain
// requires, the printed documents and [P6] reporting. Only the secretariat edits; the presiding
// officer also records votes and starts rounds, as the server allows.

export function Elections({ congressId, roles }: ConsoleSectionProps) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  // The first plenary's card: preparing it, and at the plenary the discipline commission's result.
  const mayPrepare = mayCall(prepareFirstPlenaryEndpoint, roles);
  const list = useEndpoint(electionsEndpoint, { params: { congressId } });
  const methods = useEndpoint(electionMethodsEndpoint, { params: { congressId } });
  const delegates = useEndpoint(delegatesEndpoint, { params: { congressId } });
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const [details, setDetails] = useState<Readonly<Record<string, ElectionView>>>({});
  const [detailError, setDetailError] = useState<ApiError>();
  const [chosenId, setChosenId] = useState<string>();

  // Every election's full view: the list shows candidacy and rounds, the panel the chosen one.
  const loadDetails = useCallback(async () => {
    const ids = (list.data ?? []).map((e) => e.id);
    try {
      const views = await Promise.all(
        ids.map((electionId) => call(electionEndpoint, { params: { congressId, electionId } })),
      );
      setDetails(Object.fromEntries(views.map((v) => [v.id, v])));
      setDetailError(undefined);
    } catch (caught) {
      setDetailError(asApiError(caught));
    }
  }, [congressId, list.data]);
  useEffect(() => {
    void loadDetails();
  }, [loadDetails]);

  useCongressEvents(congressId, {
    voting: () => void loadDetails(),
    result: () => void loadDetails(),
  });

  const reporting = useReporting(congress.data, Object.values(details));
  const elections = list.data ?? [];
  const chosen = details[chosenId ?? ''] ?? details[elections[0]?.id ?? ''];
  const refresh = () => {
    void loadDetails();
    void methods.reload();
    void reporting.reload();
  };

  return (
    <div className="console-page" data-testid="elections-section">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.elections')}</h1>
        {roles.has('presiding') && (
          <Button icon={<ScheduleOutlined />} onClick={() => navigate(pathFor('presiding', { congressId }))}>
            {t('nav.presiding')}
          </Button>
        )}
      </div>
      <MethodCard
        congressId={congressId}
        methods={methods.data}
        error={methods.error}
        canDraft={mayCall(createMethodEndpoint, roles)}
        canRecordVote={mayCall(recordMethodVoteEndpoint, roles)}
        onChanged={refresh}
      />
      {mayPrepare && congress.data?.kind === 'congress' && list.data && (
        <FirstPlenaryCard congress={congress.data} elections={list.data} onChanged={refresh} />
      )}
      <ErrorAlert error={list.error ?? detailError} onRetry={() => void list.reload()} />
      {!list.data ? (
        <Skeleton active />
      ) : (
        <ElectionTable elections={elections} details={details} chosenId={chosen?.id} onChoose={setChosenId} />
      )}
      {chosen && (
        <ElectionPanel
          key={chosen.id}
          congressId={congressId}
          election={chosen}
          delegates={delegates.data ?? []}
          roles={roles}
          reporting={reporting.positions}
          onChanged={refresh}
        />
      )}
      {/* At the plenary, the discipline commission's result comes after its own elections. */}
      {mayPrepare && congress.data?.kind === 'plenary' && list.data && (
        <FirstPlenaryCard congress={congress.data} elections={list.data} onChanged={refresh} />
      )}
    </div>
  );
}
