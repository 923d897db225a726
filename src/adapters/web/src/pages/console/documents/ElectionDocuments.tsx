import { Card, Skeleton, Tag } from 'antd';
import { useEffect } from 'react';
import { electionEndpoint, type RoundView } from '../../../../../../contract/elections.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { electionListDocument, listOrder, roundDocuments } from '../../../lib/document-links.ts';
import type { Role } from '../../../lib/roles.ts';
import { useEndpoint } from '../../../lib/use-api.ts';
import { DocumentRow } from './DocumentRow.tsx';

const ELECTION_STATUS_COLOR: Readonly<Record<string, string>> = {
  preparing: 'default',
  'in-progress': 'processing',
  complete: 'success',
};

/** An election's documents: the list of those elected, and each round's ballots and tally sheet. */
export function ElectionDocuments({
  congressId,
  electionId,
  roles,
  annotate,
  refresh,
}: {
  readonly congressId: string;
  readonly electionId: string;
  readonly roles: ReadonlySet<Role>;
  readonly annotate: boolean;
  /** Changes when a round changed state: load the election again. */
  readonly refresh: number;
}) {
  const { t } = useI18n();
  const election = useEndpoint(electionEndpoint, { params: { congressId, electionId } });
  const { reload } = election;
  useEffect(() => {
    if (refresh > 0) void reload();
  }, [refresh, reload]);
  const e = election.data;

  return (
    <Card
      className="console-card doc-card"
      size="small"
      data-testid="election-documents"
      data-election-id={electionId}
      title={e?.title}
      extra={
        e && (
          <Tag color={ELECTION_STATUS_COLOR[e.status] ?? 'default'}>
            {t(`doc.election.${e.status}` as 'doc.election.preparing')}
          </Tag>
        )
      }
    >
      <ErrorAlert error={election.error} onRetry={() => void reload()} />
      {!e ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <DocumentRow
            title={t('doc.list')}
            detail={`${t(`doc.order.${listOrder(e.office)}`)} · ${t('doc.seats', { n: e.seats })}`}
            link={electionListDocument(congressId, e, roles, annotate)}
            testId="doc-list"
          />
          {e.rounds.length === 0 ? (
            <p className="muted doc-empty">{t('doc.noRounds')}</p>
          ) : (
            e.rounds.map((round) => (
              <RoundDocuments key={round.id} congressId={congressId} round={round} roles={roles} />
            ))
          )}
        </>
      )}
    </Card>
  );
}

function RoundDocuments({
  congressId,
  round,
  roles,
}: {
  readonly congressId: string;
  readonly round: RoundView;
  readonly roles: ReadonlySet<Role>;
}) {
  const { t } = useI18n();
  const documents = roundDocuments(congressId, round, roles);
  return (
    <section className="doc-round" data-testid="round-documents" data-round-id={round.id}>
      <h3 className="doc-round-title">
        <span>{t('ballot.roundN', { n: round.seq })}</span>
        <span className="muted">
          {t(`round.kind.${round.kind}`)} · {t(`pres.mode.${round.mode}`)}
        </span>
        <Tag>{t(`ballot.status.${round.status}`)}</Tag>
      </h3>
      {documents.ballots && (
        <DocumentRow
          title={t('doc.ballots')}
          detail={round.present !== null ? t('doc.ballotsDetail', { n: round.present }) : undefined}
          link={documents.ballots}
          testId="doc-ballots"
        />
      )}
      {documents.tallySheet && (
        <DocumentRow
          title={t('doc.tallySheet')}
          detail={t('doc.tallySheetDetail')}
          link={documents.tallySheet}
          testId="doc-tally"
        />
      )}
      {documents.blankTallySheet && (
        <DocumentRow
          title={t('doc.blankTallySheet')}
          detail={t('doc.blankTallySheetDetail')}
          link={documents.blankTallySheet}
          testId="doc-blank-tally"
        />
      )}
    </section>
  );
}
