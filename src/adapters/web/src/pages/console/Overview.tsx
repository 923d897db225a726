import { FundProjectionScreenOutlined, IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import { publicAttendanceEndpoint } from '../../../../../contract/attendance.ts';
import {
  bodiesEndpoint,
  congressEndpoint,
  updateCongressEndpoint,
} from '../../../../../contract/congress.ts';
import { createDelegationEndpoint, delegationsEndpoint } from '../../../../../contract/delegates.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { type SittingView, sittingsEndpoint } from '../../../../../contract/procedure.ts';
import { setScreenEndpoint } from '../../../../../contract/screen.ts';
import { CountsBar } from '../../components/CountsBar.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateRange, formatHallDateTime } from '../../lib/format.ts';
import { rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { ScreenControl } from '../screen/ScreenControl.tsx';
import { CongressBasicsEditor } from './overview/CongressBasicsEditor.tsx';
import { DelegationsEditor } from './overview/DelegationsEditor.tsx';
import { RehearsalCard } from './rehearsal/RehearsalCard.tsx';

const STATUS_COLOR = {
  preparing: 'gold',
  'in-session': 'green',
  open: 'green',
  closed: 'default',
  scheduled: 'blue',
} as const;

export function Overview({ congressId }: { readonly congressId: string }) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const { session } = useSession();
  const roles = rolesFor(session, congressId);
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const bodies = useEndpoint(bodiesEndpoint, { params: { congressId } });
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const delegations = useEndpoint(delegationsEndpoint, { params: { congressId } });
  const current = useEndpoint(publicAttendanceEndpoint, { params: { congressId } });
  const [counts, setCounts] = useState<readonly AttendanceCounts[]>([]);
  // Bumped by every event, for the rehearsal card to see the congress move on.
  const [tick, setTick] = useState(0);
  const moved = () => setTick((n) => n + 1);
  useEffect(() => {
    if (current.data) setCounts(current.data.sittings);
  }, [current.data]);
  const live = useCongressEvents(congressId, {
    snapshot: (snapshot) => setCounts(snapshot.sittings),
    attendance: (next) => {
      setCounts((list) => list.map((s) => (s.sittingId === next.sittingId ? next : s)));
      moved();
    },
    congress: () => {
      void sittings.reload();
      void current.reload();
      moved();
    },
    voting: moved,
    result: moved,
  });

  const c = congress.data;
  const total = (delegations.data ?? []).reduce((sum, d) => sum + d.delegates, 0);

  return (
    <div className="console-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.overview')}</h1>
        <Space wrap>
          <Button
            icon={<IdcardOutlined />}
            onClick={() => navigate(pathFor('checkin', { congressId }, { desk: 1 }))}
          >
            {t('ov.openDesk')}
          </Button>
          <Button
            icon={<FundProjectionScreenOutlined />}
            onClick={() => window.open(pathFor('screen', { congressId }), '_blank')}
          >
            {t('ov.openScreen')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={congress.error} onRetry={() => void congress.reload()} />
      {!c ? (
        <Skeleton active />
      ) : (
        <Card
          className="console-card"
          extra={
            mayCall(updateCongressEndpoint, roles) && (
              <CongressBasicsEditor congress={c} onSaved={() => void congress.reload()} />
            )
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="middle" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('ov.name')} span="filled">
              <strong>{c.title}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('ov.organisation')}>{c.organisationName}</Descriptions.Item>
            <Descriptions.Item label={t('ov.status')}>
              <Tag color={STATUS_COLOR[c.status]}>{t(`congress.status.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('ov.dates')}>
              {formatDateRange(c.startsOn, c.endsOn, lang) || t('common.dash')}
            </Descriptions.Item>
            <Descriptions.Item label={t('ov.venue')}>{c.venue ?? t('common.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('ov.ruleSet')}>{t(`ruleSet.${c.ruleSet}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ov.secretaryGeneral')}>
              {c.secretaryGeneral ?? t('common.dash')}
            </Descriptions.Item>
            {c.theme && (
              <Descriptions.Item label={t('ov.theme')} span="filled">
                {c.theme}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}

      <RehearsalCard congressId={congressId} tick={tick} />
      {mayCall(setScreenEndpoint, roles) && <ScreenControl congressId={congressId} />}

      <div className="console-section-head">
        <h2 className="section-title">{t('ov.attendance')}</h2>
        <LiveBadge status={live} />
      </div>
      {counts.length === 0 ? (
        <Card className="console-card">
          <span className="muted">{t('att.noSitting')}</span>
        </Card>
      ) : (
        counts.map((s) => (
          <Card key={s.sittingId} className="console-card" size="small" title={s.sittingTitle}>
            <CountsBar counts={s} compact />
            <p className="muted counts-summary">{lang === 'zh' ? s.summary.zh : s.summary.en}</p>
          </Card>
        ))
      )}

      <div className="console-columns">
        <Card className="console-card" title={t('ov.sittings')} size="small">
          <ErrorAlert error={sittings.error} />
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            loading={sittings.loading}
            dataSource={sittings.data ?? []}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '#', dataIndex: 'sortOrder', width: 40 },
              {
                title: t('ov.name'),
                dataIndex: 'title',
                render: (title: string, s: SittingView) => (
                  <div>
                    <div>{title}</div>
                    {s.presiding && (
                      <div className="muted small">{t('ov.presiding', { name: s.presiding })}</div>
                    )}
                  </div>
                ),
              },
              {
                title: t('ov.startsAt'),
                dataIndex: 'startsAt',
                render: (v: string | null) => formatHallDateTime(v, lang),
              },
              {
                title: t('ov.status'),
                dataIndex: 'status',
                render: (v: SittingView['status']) => (
                  <Tag color={STATUS_COLOR[v]}>{t(`sitting.status.${v}`)}</Tag>
                ),
              },
            ]}
          />
        </Card>
        <Card className="console-card" title={t('ov.bodies')} size="small">
          <ErrorAlert error={bodies.error} />
          {(bodies.data?.bodies ?? []).map((b) => (
            <div key={b.body} className="body-row">
              <span>{t(`body.${b.body}`)}</span>
              <strong>{t('ov.members', { n: b.members.length })}</strong>
            </div>
          ))}
        </Card>
      </div>

      <Card
        className="console-card"
        title={`${t('ov.delegations')} · ${t('dl.total', { n: total })}`}
        size="small"
        extra={
          mayCall(createDelegationEndpoint, roles) && (
            <DelegationsEditor
              congressId={congressId}
              delegations={delegations.data ?? []}
              onChanged={() => void delegations.reload()}
            />
          )
        }
      >
        <ErrorAlert error={delegations.error} />
        <div className="delegation-chips">
          {(delegations.data ?? []).map((d) => (
            <button
              type="button"
              key={d.id}
              className="delegation-chip"
              onClick={() =>
                navigate(
                  `${pathFor('consoleDelegates', { congressId })}?delegation=${encodeURIComponent(d.id)}`,
                )
              }
            >
              <span>{d.name}</span>
              <strong>{d.delegates}</strong>
            </button>
          ))}
        </div>
      </Card>
    </div>
  );
}
