import { FilePdfOutlined, IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { attendanceCountsEndpoint } from '../../../../../contract/attendance.ts';
import { attendancePdfEndpoint } from '../../../../../contract/documents.ts';
import { sittingsEndpoint } from '../../../../../contract/procedure.ts';
import { CountsBar } from '../../components/CountsBar.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { urlOf } from '../../lib/api.ts';
import { formatHallDateTime } from '../../lib/format.ts';
import { currentSitting, sittingsByTime } from '../../lib/procedure.ts';
import { ENTRY_ROLES, hasAny } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { AttendanceLists } from './attendance/AttendanceLists.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// 出席统计: for each sitting, 应到 / 请假 (因事, 因病, 其他) / 实到 and whether a quorum is present,
// updated live from the desks; who is absent and who is on leave (for the desks and the
// secretariat, who may read names); the check-in desk and the printed attendance record.

/** The desks and the secretariat read the names of those absent and on leave. */
const LIST_ROLES = ['check-in', 'admin'] as const;

export function AttendanceRecord({ congressId, roles }: ConsoleSectionProps) {
  const { t, tx, lang } = useI18n();
  const { navigate } = useRouter();
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const ordered = sittingsByTime(sittings.data ?? []);
  const [chosenId, setChosenId] = useState<string>();
  const sitting = ordered.find((s) => s.id === chosenId) ?? currentSitting(ordered);
  const counts = useEndpoint(
    attendanceCountsEndpoint,
    sitting ? { params: { congressId, sittingId: sitting.id } } : null,
  );
  // The lists follow the counts: reloaded when the desks change something.
  const [listVersion, setListVersion] = useState(0);
  const live = useCongressEvents(congressId, {
    attendance: (next) => {
      if (next.sittingId !== sitting?.id) return;
      counts.set(next);
      setListVersion((v) => v + 1);
    },
    congress: () => void sittings.reload(),
    // What the desks did while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void counts.reload();
      setListVersion((v) => v + 1);
    },
  });

  const c = counts.data;
  return (
    <div className="console-page" data-testid="attendance-section">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.attendance')}</h1>
        <Space wrap>
          {hasAny(roles, ENTRY_ROLES.checkin) && (
            <Button
              icon={<IdcardOutlined />}
              onClick={() => navigate(pathFor('checkin', { congressId }, { desk: 1 }))}
              data-testid="open-desk"
            >
              {t('ov.openDesk')}
            </Button>
          )}
          {sitting && (
            <Button
              icon={<FilePdfOutlined />}
              href={urlOf(attendancePdfEndpoint, { params: { congressId, sittingId: sitting.id } })}
              target="_blank"
              rel="noopener"
              data-testid="attendance-pdf"
            >
              {t('att.pdf')}
            </Button>
          )}
        </Space>
      </div>
      <ErrorAlert error={sittings.error} onRetry={() => void sittings.reload()} />
      {!sittings.data ? (
        <Skeleton active />
      ) : !sitting ? (
        <Card className="console-card">
          <Empty description={t('att.noSittings')} />
        </Card>
      ) : (
        <>
          <div className="toolbar">
            <Select
              value={sitting.id}
              onChange={setChosenId}
              className="toolbar-select attendance-sitting"
              aria-label={t('att.sitting')}
              popupMatchSelectWidth={false}
              options={ordered.map((s) => ({
                value: s.id,
                label: `${s.title} · ${t(`sitting.status.${s.status}`)}`,
              }))}
              data-testid="attendance-sitting"
            />
            {(sitting.openedAt ?? sitting.startsAt) && (
              <span className="muted">
                {t(sitting.openedAt ? 'att.openedAt' : 'att.startsAt', {
                  time: formatHallDateTime(sitting.openedAt ?? sitting.startsAt, lang),
                })}
              </span>
            )}
            <LiveBadge status={live} />
          </div>
          <ErrorAlert error={counts.error} onRetry={() => void counts.reload()} />
          {!c ? (
            <Skeleton active />
          ) : (
            <Card className="console-card" data-testid="attendance-counts">
              <CountsBar counts={c} />
              <p className="counts-summary" data-testid="attendance-summary">
                {tx(c.summary)}
              </p>
              <ul className="attendance-facts">
                <li>
                  <span className="muted">{t('att.leave')}</span>{' '}
                  {t('att.leaveKinds', {
                    personal: c.onLeave.personal,
                    illness: c.onLeave.illness,
                    other: c.onLeave.other,
                  })}
                </li>
                <li>
                  <span className="muted">{t('att.absent')}</span>{' '}
                  <span data-testid="count-absent">{t('att.persons', { n: c.absent })}</span>
                </li>
                <li>
                  <span className="muted">{t('att.quorumRule')}</span> [{c.quorum.rule}]{' '}
                  {t('att.quorumBase', { fraction: c.quorum.fraction, expected: c.expected })}
                </li>
                {c.nonVoting.expected > 0 && (
                  <li>
                    <span className="muted">{t('att.nonVotingLabel')}</span>{' '}
                    {t('att.nonVotingCounts', {
                      expected: c.nonVoting.expected,
                      present: c.nonVoting.present,
                    })}
                  </li>
                )}
              </ul>
            </Card>
          )}
          {hasAny(roles, LIST_ROLES) ? (
            <AttendanceLists
              key={sitting.id}
              congressId={congressId}
              sittingId={sitting.id}
              version={listVersion}
            />
          ) : (
            <p className="muted">{t('att.listsForDesks')}</p>
          )}
        </>
      )}
    </div>
  );
}
