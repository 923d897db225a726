import { Card, Checkbox, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { congressEndpoint } from '../../../../../contract/congress.ts';
import { electionsEndpoint } from '../../../../../contract/elections.ts';
import { sittingsEndpoint } from '../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { attendanceDocument, delegateListDocument } from '../../lib/document-links.ts';
import { formatHallDateTime } from '../../lib/format.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { DocumentRow } from './documents/DocumentRow.tsx';
import { ElectionDocuments } from './documents/ElectionDocuments.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// Everything printable for the congress, as PDF in a new tab: the delegate list and each
// sitting's attendance record, then per election the list of those elected and each round's
// ballots and tally sheet. What the user may not have is left out; what is not ready yet is shown
// disabled with the reason. A round changing state (opened, closed, counted, announced) reloads.

export function Documents({ congressId, roles }: ConsoleSectionProps) {
  const { t, lang } = useI18n();
  const [annotate, setAnnotate] = useState(true);
  const [refresh, setRefresh] = useState(0);
  const elections = useEndpoint(electionsEndpoint, { params: { congressId } });
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  // A plenary session lists its members (委员名单), not delegates.
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const plenary = congress.data !== undefined && congress.data.kind !== 'congress';
  const live = useCongressEvents(congressId, {
    // Progress counts carry no status: only a round's change of state matters here.
    voting: (event) => {
      if ('status' in event) setRefresh((n) => n + 1);
    },
    result: () => {
      setRefresh((n) => n + 1);
      void elections.reload();
    },
    congress: () => void sittings.reload(),
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      setRefresh((n) => n + 1);
      void elections.reload();
      void sittings.reload();
    },
  });

  const delegateList = delegateListDocument(congressId, roles, annotate);
  const attendance = (sittings.data ?? []).flatMap((sitting) => {
    const link = attendanceDocument(congressId, sitting, roles);
    return link ? [{ sitting, link }] : [];
  });

  return (
    <div className="console-page" data-testid="documents-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.documents')}</h1>
        <LiveBadge status={live} />
      </div>
      <div className="doc-options">
        <span className="muted">{t('doc.intro')}</span>
        <Checkbox
          checked={annotate}
          onChange={(e) => setAnnotate(e.target.checked)}
          data-testid="doc-annotate"
        >
          {t('doc.annotate')}
        </Checkbox>
      </div>
      <ErrorAlert error={sittings.error} onRetry={() => void sittings.reload()} />
      {(delegateList || attendance.length > 0) && (
        <Card className="console-card doc-card" size="small" title={t('doc.congressDocuments')}>
          {/* Shown once the meeting is known: a plenary's list is the 委员名单, never 代表名单 for a moment. */}
          {delegateList && congress.data && (
            <DocumentRow
              title={t(plenary ? 'doc.memberList' : 'doc.delegateList')}
              detail={t(plenary ? 'doc.memberListDetail' : 'doc.delegateListDetail')}
              link={delegateList}
              testId="doc-delegates"
            />
          )}
          {attendance.map(({ sitting, link }) => (
            <DocumentRow
              key={sitting.id}
              title={t('doc.attendance', { sitting: sitting.title })}
              detail={[formatHallDateTime(sitting.startsAt, lang), t(`sitting.status.${sitting.status}`)]
                .filter(Boolean)
                .join(' · ')}
              link={link}
              testId="doc-attendance"
            />
          ))}
        </Card>
      )}
      <div className="console-section-head">
        <h2 className="section-title">{t('doc.elections')}</h2>
      </div>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      {!elections.data ? (
        elections.loading && <Skeleton active />
      ) : elections.data.length === 0 ? (
        <Card className="console-card">
          <Empty description={t('doc.noElections')} />
        </Card>
      ) : (
        elections.data.map((election) => (
          <ElectionDocuments
            key={election.id}
            congressId={congressId}
            electionId={election.id}
            roles={roles}
            annotate={annotate}
            refresh={refresh}
          />
        ))
      )}
    </div>
  );
}
