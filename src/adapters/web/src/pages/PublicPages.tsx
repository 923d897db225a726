import { CalendarOutlined, EnvironmentOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Skeleton, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { congressesEndpoint, publicCongressEndpoint } from '../../../../contract/congress.ts';
import { electionsEndpoint } from '../../../../contract/elections.ts';
import { mayCall } from '../../../../contract/endpoint.ts';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import {
  type AnnouncedResult,
  type ElectionState,
  loadElectionState,
  rememberElection,
} from '../lib/elections.ts';
import { formatDateRange, formatHallDateTime } from '../lib/format.ts';
import { rolesFor } from '../lib/roles.ts';
import { Link } from '../lib/router.tsx';
import { pathFor } from '../lib/routes.ts';
import { useSession } from '../lib/session.tsx';
import { useEndpoint } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';

// The public pages: the congresses and, for each, its results as announced. Nothing here is
// shown before the presiding officer announces it.

export function PublicListPage() {
  const { t, lang } = useI18n();
  const congresses = useEndpoint(congressesEndpoint, {});
  return (
    <PageShell>
      <h1 className="page-title">
        <TrophyOutlined /> {t('public.title')}
      </h1>
      <p className="muted">{t('public.intro')}</p>
      <ErrorAlert error={congresses.error} onRetry={() => void congresses.reload()} />
      {congresses.loading && !congresses.data ? (
        <Skeleton active />
      ) : (congresses.data ?? []).length === 0 ? (
        <Empty description={t('public.noCongress')} />
      ) : (
        <div className="public-list">
          {(congresses.data ?? []).map((c) => (
            <Card key={c.id} className="public-card" data-testid="public-congress">
              <h2>
                <Link to={pathFor('publicCongress', { congressId: c.id })}>{c.title}</Link>
              </h2>
              <p className="muted meta-line">
                <span>
                  <CalendarOutlined /> {formatDateRange(c.startsOn, c.endsOn, lang) || t('common.dash')}
                </span>
                {c.venue && (
                  <span>
                    <EnvironmentOutlined /> {c.venue}
                  </span>
                )}
              </p>
              <Link to={pathFor('publicCongress', { congressId: c.id })}>{t('public.open')} →</Link>
            </Card>
          ))}
        </div>
      )}
    </PageShell>
  );
}

export function PublicCongressPage({ congressId }: { readonly congressId: string }) {
  const { t, lang } = useI18n();
  const basics = useEndpoint(publicCongressEndpoint, { params: { congressId } });
  const { session, loading } = useSession();
  const canList = mayCall(electionsEndpoint, rolesFor(session, congressId));
  const [state, setState] = useState<ElectionState | null>(null);
  const reload = useCallback(async () => {
    if (!loading) setState(await loadElectionState(congressId, { canList }));
  }, [congressId, canList, loading]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useCongressEvents(congressId, {
    result: (result) => {
      rememberElection(congressId, result.electionId);
      void reload();
    },
    // A result announced while the stream was not connected is not replayed to a new connection.
    onOpen: () => void reload(),
  });

  const byElection = new Map<string, AnnouncedResult[]>();
  for (const result of state?.results ?? []) {
    byElection.set(result.electionId, [...(byElection.get(result.electionId) ?? []), result]);
  }

  return (
    <PageShell>
      <ErrorAlert error={basics.error} />
      {basics.data && (
        <section className="public-head">
          <h1 className="page-title">{basics.data.title}</h1>
          <p className="muted meta-line">
            <span>
              <CalendarOutlined />{' '}
              {formatDateRange(basics.data.startsOn, basics.data.endsOn, lang) || t('common.dash')}
            </span>
            {basics.data.venue && (
              <span>
                <EnvironmentOutlined /> {basics.data.venue}
              </span>
            )}
          </p>
        </section>
      )}
      <h2 className="section-title">{t('public.title')}</h2>
      {state === null ? (
        <Skeleton active />
      ) : state.error ? (
        <ErrorAlert error={state.error} onRetry={() => void reload()} />
      ) : !state.available ? (
        <Alert type="info" showIcon title={t('public.resultsUnavailable')} />
      ) : byElection.size === 0 ? (
        <Empty description={t('public.noResults')} />
      ) : (
        [...byElection.entries()].map(([electionId, results]) => (
          <Card
            key={electionId}
            className="result-card"
            title={results[0]!.electionTitle}
            data-testid="public-result"
          >
            {results.map((result) => (
              <div key={result.roundId} className="result-round">
                <div className="result-round-head">
                  <Tag color="red">{t(`round.kind.${result.kind}`)}</Tag>
                  {result.announcedAt && (
                    <span className="muted">
                      {t('public.announcedAt', { time: formatHallDateTime(result.announcedAt, lang) })}
                    </span>
                  )}
                </div>
                <h3>{t('public.elected', { n: result.elected.length })}</h3>
                <ol className="result-names">
                  {result.elected.map((e) => (
                    <li key={e.name}>
                      <span className="result-name">{e.name}</span>
                      <span className="result-votes">{t('public.votesN', { n: e.votes })}</span>
                    </li>
                  ))}
                </ol>
                {result.shortfall > 0 && (
                  <Alert type="warning" showIcon title={t('screen.shortfall', { n: result.shortfall })} />
                )}
              </div>
            ))}
          </Card>
        ))
      )}
    </PageShell>
  );
}
