import {
  CheckCircleFilled,
  CloseCircleFilled,
  EditOutlined,
  FundProjectionScreenOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { type AttendanceCounts, attendanceCountsEndpoint } from '../../../../../../contract/attendance.ts';
import { setAttendeeGroupsEndpoint } from '../../../../../../contract/attendees.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import {
  type MeetingView,
  meetingEndpoint,
  updateMeetingEndpoint,
} from '../../../../../../contract/meetings.ts';
import { registerEndpoint } from '../../../../../../contract/register.ts';
import { meetingTopicsEndpoint } from '../../../../../../contract/topics.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../../components/LiveBadge.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHeldAt } from '../../../lib/committee.ts';
import { rolesFor } from '../../../lib/roles.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import { useSession } from '../../../lib/session.tsx';
import { useEndpoint } from '../../../lib/use-api.ts';
import { useCongressEvents } from '../../../lib/use-events.ts';
import { useThrottled } from '../../../lib/use-throttled.ts';
import { RehearsalCard } from '../rehearsal/RehearsalCard.tsx';
import type { ConsoleSectionProps } from '../section-props.ts';
import { AttendeeGroupsEditor, MeetingRecordEditor } from './MeetingRecordEditors.tsx';
import { RollCall } from './RollCall.tsx';
import '../../committee/committee.css';

// A meeting's own overview [M6]: its record (when and where it was held, who presided, whether a
// plenary was enlarged), the non-members who attended by category, the roster's counts and the
// live quorum with its rule ([M1] plenary, [M2] standing committee, [M3] when a cadre matter is on
// the agenda), the roll call, and its agenda. No congress panels: a meeting has no presidium,
// delegations or credentials committee, and its people are 委员 and 常委, not 代表.

const STATUS_COLOR = { preparing: 'gold', 'in-session': 'green', closed: 'default' } as const;

export function MeetingOverview({ congressId }: ConsoleSectionProps) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const { session } = useSession();
  const roles = rolesFor(session, congressId);
  const meeting = useEndpoint(meetingEndpoint, { params: { congressId } });
  const m = meeting.data;
  const counts = useEndpoint(
    attendanceCountsEndpoint,
    m && mayCall(attendanceCountsEndpoint, roles) ? { params: { congressId, sittingId: m.sittingId } } : null,
  );
  const topics = useEndpoint(meetingTopicsEndpoint, { params: { congressId } });
  const register = useEndpoint(
    registerEndpoint,
    m && mayCall(registerEndpoint, rolesFor(session, undefined)) ? { params: { termId: m.termId } } : null,
  );
  const [editing, setEditing] = useState<'record' | 'groups' | null>(null);
  const [tick, setTick] = useState(0);
  // A roll call marks dozens of people in a minute: the record and the lists are read again at
  // most once a second, the counts come with each event.
  const refresh = useThrottled(() => {
    void meeting.reload();
    setTick((n) => n + 1);
  }, 1000);
  const live = useCongressEvents(congressId, {
    attendance: (next) => {
      if (next.sittingId === m?.sittingId) counts.set(next);
      refresh();
    },
    congress: refresh,
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void counts.reload();
      refresh();
    },
  });

  // Who presided as the press names them: 省委常委、市委书记谭作钧, or the body (市委常委会).
  const presided = m?.presidedBy
    ? m.presidedByCapacity
      ? t('cm.ov.presider', { name: m.presidedBy, capacity: m.presidedByCapacity })
      : m.presidedBy
    : t('common.dash');

  return (
    <div className="console-page" data-testid="meeting-overview">
      <div className="console-page-head">
        <h1 className="page-title">{t('cm.ov.title')}</h1>
        <Space wrap>
          {m && (
            <Button onClick={() => navigate(pathFor('term', { termId: m.termId, section: 'meetings' }))}>
              {t('cm.ov.calendar')}
            </Button>
          )}
          <Button
            icon={<FundProjectionScreenOutlined />}
            onClick={() => window.open(pathFor('screen', { congressId }), '_blank')}
          >
            {t('ov.openScreen')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={meeting.error} onRetry={() => void meeting.reload()} />
      {!m ? (
        <Skeleton active />
      ) : (
        <>
          <Card
            className="console-card"
            size="small"
            title={t('cm.ov.record')}
            data-testid="meeting-record"
            extra={
              mayCall(updateMeetingEndpoint, roles) && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing('record')}
                  data-testid="meeting-edit"
                >
                  {t('cm.edit')}
                </Button>
              )
            }
          >
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="middle"
              styles={{ label: { whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label={t('cm.ov.name')} span="filled">
                <div>
                  <strong data-testid="meeting-title">{lang === 'zh' ? m.title : m.titleEn}</strong>
                  {lang === 'en' && <div className="muted small">{m.title}</div>}
                </div>
              </Descriptions.Item>
              <Descriptions.Item label={t('cm.ov.kind')}>
                <Tag color={m.committee === 'plenary' ? 'red' : 'blue'}>
                  {t(`cm.committee.${m.committee}`)}
                  {m.enlarged ? t('cm.mt.enlargedMark') : ''}
                </Tag>
                {m.committee === 'standing-committee' && m.yearNumber !== null && (
                  <span className="muted small">{t('cm.ov.numbers', { n: m.number, y: m.yearNumber })}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('ov.status')}>
                <Tag color={STATUS_COLOR[m.status]}>{t(`congress.status.${m.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('cm.ov.heldAt')}>
                <span data-testid="meeting-held-at">
                  {formatHeldAt(m.heldAt, lang) || t('cm.mt.undated')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cm.mt.venue')}>{m.venue ?? t('common.dash')}</Descriptions.Item>
              <Descriptions.Item label={t('cm.mt.presidedBy')} span="filled">
                <span data-testid="meeting-presided">{presided}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card
            className="console-card"
            size="small"
            title={t('cm.mt.groups')}
            data-testid="meeting-groups"
            extra={
              mayCall(setAttendeeGroupsEndpoint, roles) && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing('groups')}
                  data-testid="meeting-groups-edit"
                >
                  {t('cm.edit')}
                </Button>
              )
            }
          >
            {m.attendeeGroups.length === 0 ? (
              <span className="muted">{t('cm.ov.noGroups')}</span>
            ) : (
              <ol className="cm-group-list">
                {m.attendeeGroups.map((group) => (
                  <li key={`${group.kind}:${group.category}`} data-testid="meeting-group">
                    <Tag color={group.kind === 'non-voting' ? 'geekblue' : 'purple'}>
                      {t(`cm.group.${group.kind}`)}
                    </Tag>
                    <span>{group.category}</span>
                    {lang === 'en' && group.categoryEn && (
                      <span className="muted small"> · {group.categoryEn}</span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>

          <div className="console-section-head">
            <h2 className="section-title">{t('cm.ov.attendance')}</h2>
            <LiveBadge status={live} />
          </div>
          <AttendancePanel meeting={m} counts={counts.data} />

          {mayCall(attendanceCountsEndpoint, roles) && (
            <RollCall
              meeting={m}
              register={register.data}
              roles={roles}
              tick={tick}
              onChanged={() => {
                void meeting.reload();
                void counts.reload();
              }}
            />
          )}

          <Card
            className="console-card"
            size="small"
            title={t('cm.ov.agenda')}
            extra={
              <Button
                size="small"
                onClick={() => navigate(pathFor('consoleSection', { congressId, section: 'agenda' }))}
              >
                {t('cm.ov.openAgenda')}
              </Button>
            }
          >
            {(topics.data ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.ag.none')} />
            ) : (
              <ol className="cm-agenda-list">
                {(topics.data ?? []).map((topic) => (
                  <li key={topic.id}>
                    {topic.title}
                    {topic.presenter && <span className="muted small"> · {topic.presenter}</span>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <RehearsalCard congressId={congressId} tick={tick} />
        </>
      )}
      {m && editing === 'record' && (
        <MeetingRecordEditor
          meeting={m}
          register={register.data}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            meeting.set(next);
            setEditing(null);
          }}
        />
      )}
      {m && editing === 'groups' && (
        <AttendeeGroupsEditor
          meeting={m}
          onClose={() => setEditing(null)}
          onSaved={() => {
            void meeting.reload();
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}

/** 应到 / 实到 / 请假, the alternates and attendees, and the quorum verdict with its rule and numbers. */
function AttendancePanel({
  meeting,
  counts,
}: {
  readonly meeting: MeetingView;
  readonly counts: AttendanceCounts | undefined;
}) {
  const { t } = useI18n();
  const q = meeting.quorum;
  return (
    <Card className="console-card" size="small" data-testid="meeting-attendance">
      <div className="cm-tiles">
        <div className="cm-tile">
          <span>{t(`cm.ov.due.${meeting.committee}`)}</span>
          <strong data-testid="meeting-due">{meeting.roster.membersDue}</strong>
        </div>
        <div className="cm-tile present">
          <span>{t('att.present')}</span>
          <strong data-testid="meeting-present">{q.present}</strong>
        </div>
        <div className="cm-tile">
          <span>{t('att.leave')}</span>
          <strong data-testid="meeting-leave">{counts?.onLeave.total ?? t('common.dash')}</strong>
        </div>
        {meeting.committee === 'plenary' && (
          <div className="cm-tile">
            <span>{t('cm.ov.alternates')}</span>
            <strong data-testid="meeting-alternates">
              {counts?.alternates
                ? `${counts.alternates.present}/${counts.alternates.expected}`
                : meeting.roster.alternates}
            </strong>
          </div>
        )}
        {meeting.roster.attendees > 0 && (
          <div className="cm-tile">
            <span>{t('cm.ov.attendees')}</span>
            <strong>{meeting.roster.attendees}</strong>
          </div>
        )}
      </div>
      <div
        className={q.met ? 'cm-quorum met' : 'cm-quorum not-met'}
        data-testid="meeting-quorum"
        data-met={q.met}
      >
        {q.met ? <CheckCircleFilled /> : <CloseCircleFilled />}
        <span>
          <strong>{q.met ? t('att.quorumMet') : t('att.quorumNotMet')}</strong>
          {' · '}
          <span data-testid="meeting-quorum-rule">
            [{q.rule}]{' '}
            {t(`cm.quorum.${q.rule as 'M1' | 'M2' | 'M3'}`, { n: q.minimumPresent, due: q.expected })}
          </span>
          {' · '}
          {t('cm.ov.presentNow', { n: q.present })}
        </span>
      </div>
    </Card>
  );
}
