import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { organisationEndpoint } from '../../../../../contract/congress.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import {
  createMeetingEndpoint,
  type MeetingSummary,
  termMeetingsEndpoint,
} from '../../../../../contract/meetings.ts';
import { registerEndpoint } from '../../../../../contract/register.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { calendarMonths, formatHeldAt, formatMonth, meetingYears } from '../../lib/committee.ts';
import { Link } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { NewMeetingDialog } from './meetings/NewMeetingDialog.tsx';
import type { TermSectionProps } from './term-section-props.ts';

// The term's calendar of meetings by month (and year): plenary sessions and standing committee
// meetings, each with when and where it was held and who presided, opening its own console.

const STATUS_COLOR = { preparing: 'gold', 'in-session': 'green', closed: 'default' } as const;

export function MeetingsSection({ termId, roles, organisationId }: TermSectionProps) {
  const { t, lang } = useI18n();
  const meetings = useEndpoint(termMeetingsEndpoint, { params: { termId } });
  const canCreate = mayCall(createMeetingEndpoint, roles);
  const register = useEndpoint(registerEndpoint, canCreate ? { params: { termId } } : null);
  const organisation = useEndpoint(
    organisationEndpoint,
    canCreate && organisationId ? { params: { organisationId } } : null,
  );
  const [year, setYear] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const list = meetings.data ?? [];
  const years = meetingYears(list);
  const months = calendarMonths(list, year === 'all' ? undefined : Number(year));
  const presiders = (register.data?.current ?? [])
    .filter((e) => e.position === 'secretary' || e.position === 'deputy-secretary')
    .map((e) => e.personName);

  return (
    <div className="console-page" data-testid="meetings-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('cm.section.meetings')}</h1>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            disabled={!organisation.data}
            data-testid="meeting-new"
          >
            {t('cm.mt.new')}
          </Button>
        )}
      </div>
      <ErrorAlert error={meetings.error} onRetry={() => void meetings.reload()} />
      {years.length > 1 && (
        <Segmented
          className="cm-years"
          value={year}
          onChange={(v) => setYear(String(v))}
          options={[
            { value: 'all', label: t('common.all') },
            ...years.map((y) => ({ value: String(y), label: lang === 'zh' ? `${y}年` : String(y) })),
          ]}
        />
      )}
      {!meetings.data ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Card className="console-card">
          <Empty description={t('cm.mt.none')} />
        </Card>
      ) : (
        months.map((group) => (
          <Card
            key={group.key}
            className="console-card cm-month"
            size="small"
            title={
              group.year && group.month ? formatMonth(group.year, group.month, lang) : t('cm.mt.undated')
            }
            data-testid="meeting-month"
          >
            {group.meetings.map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} />
            ))}
          </Card>
        ))
      )}
      {creating && organisation.data && (
        <NewMeetingDialog
          termId={termId}
          presiders={presiders}
          committeeShortName={organisation.data.shortName}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}

function MeetingRow({ meeting }: { readonly meeting: MeetingSummary }) {
  const { t, lang } = useI18n();
  const to = pathFor('consoleOverview', { congressId: meeting.id });
  const presided = meeting.presidedBy
    ? meeting.presidedByCapacity
      ? t('cm.mt.presidedWithCapacity', { name: meeting.presidedBy, capacity: meeting.presidedByCapacity })
      : t('cm.mt.presided', { name: meeting.presidedBy })
    : '';
  return (
    <div className="cm-meeting" data-testid="meeting-row" data-meeting-id={meeting.id}>
      <div className="cm-meeting-date">{formatHeldAt(meeting.heldAt, lang) || t('cm.mt.undated')}</div>
      <div className="cm-meeting-main">
        <Link to={to} className="cm-meeting-title">
          {lang === 'zh' ? meeting.title : meeting.titleEn}
        </Link>
        <div className="muted small cm-meeting-meta">
          <Tag color={meeting.committee === 'plenary' ? 'red' : 'blue'}>
            {t(`cm.committee.${meeting.committee}`)}
            {meeting.enlarged ? t('cm.mt.enlargedMark') : ''}
          </Tag>
          {meeting.venue && <span>{meeting.venue}</span>}
          {presided && <span>{presided}</span>}
        </div>
      </div>
      <Tag color={STATUS_COLOR[meeting.status]}>{t(`congress.status.${meeting.status}`)}</Tag>
      <Link to={to} className="cm-meeting-open" aria-label={t('cm.mt.open')}>
        {t('cm.mt.open')} <RightOutlined />
      </Link>
    </div>
  );
}
