import { PauseCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Modal, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { congressEndpoint } from '../../../../../../contract/congress.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import { myUnitsEndpoint } from '../../../../../../contract/follow-up.ts';
import { meetingEndpoint } from '../../../../../../contract/meetings.ts';
import {
  deferTopicEndpoint,
  meetingTopicsEndpoint,
  requestTopicEndpoint,
  reviewTopicEndpoint,
  scheduleTopicEndpoint,
  type TopicView,
  topicQueueEndpoint,
} from '../../../../../../contract/topics.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { rolesFor } from '../../../lib/roles.ts';
import { useSession } from '../../../lib/session.tsx';
import { useEndpoint } from '../../../lib/use-api.ts';
import { TopicFormDialog, type TopicFormValues, topicFields } from '../../committee/topics/TopicForm.tsx';
import { TOPIC_STATUS_COLOR, TopicSummary } from '../../committee/topics/TopicSummary.tsx';
import type { ConsoleSectionProps } from '../section-props.ts';

// A meeting's agenda of topics, in order [M6]: who presents each and on whose behalf, the papers,
// who attends for it only. The office puts approved or deferred topics from the queue on it, adds a
// topic of its own (requested for a unit, approved and scheduled in one go), or defers one (暂缓):
// it goes back to the queue with the reason.

export function MeetingAgenda({ congressId, roles }: ConsoleSectionProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const action = useAction();
  const meeting = useEndpoint(meetingEndpoint, { params: { congressId } });
  const agenda = useEndpoint(meetingTopicsEndpoint, { params: { congressId } });
  const office = mayCall(scheduleTopicEndpoint, roles);
  const m = meeting.data;
  const termRoles = rolesFor(session, undefined);
  const queue = useEndpoint(
    topicQueueEndpoint,
    office && m && mayCall(topicQueueEndpoint, termRoles)
      ? { params: { termId: m.termId }, query: { committee: m.committee } }
      : null,
  );
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  // Units of the meeting's organisation only (the office acts for every organisation's units).
  const allUnits = useEndpoint(myUnitsEndpoint, office ? {} : null);
  const units = (allUnits.data ?? []).filter((u) => u.organisationId === congress.data?.organisationId);
  const ready = (queue.data ?? []).filter(
    (topic) => topic.status === 'approved' || topic.status === 'deferred',
  );
  const [adding, setAdding] = useState(false);
  const [deferring, setDeferring] = useState<TopicView | null>(null);
  const [note, setNote] = useState('');

  const reload = async () => {
    await Promise.all([agenda.reload(), queue.reload(), meeting.reload()]);
  };
  const schedule = (topic: TopicView) =>
    action.run(
      `schedule:${topic.id}`,
      async () => {
        agenda.set(
          await call(scheduleTopicEndpoint, { params: { congressId }, body: { topicId: topic.id } }),
        );
        await reload();
      },
      { done: t('cm.tp.scheduled') },
    );
  const add = async (values: TopicFormValues) => {
    if (!m) return;
    const ok = await action.run(
      'add',
      async () => {
        const topic = await call(requestTopicEndpoint, {
          params: { termId: m.termId },
          body: {
            committee: m.committee,
            requestingUnitId: values.requestingUnitId!,
            ...topicFields(values),
          },
        });
        await call(reviewTopicEndpoint, {
          params: { termId: m.termId, topicId: topic.id },
          body: { approve: true },
        });
        await call(scheduleTopicEndpoint, { params: { congressId }, body: { topicId: topic.id } });
        await reload();
      },
      { done: t('cm.tp.scheduled'), inline: true },
    );
    if (ok) setAdding(false);
  };
  const defer = async () => {
    if (!deferring) return;
    const topic = deferring;
    const ok = await action.run(
      'defer',
      async () => {
        await call(deferTopicEndpoint, {
          params: { congressId, topicId: topic.id },
          body: note.trim() ? { note: note.trim() } : {},
        });
        await reload();
      },
      { done: t('cm.ag.deferred'), inline: true },
    );
    if (ok) {
      setDeferring(null);
      setNote('');
    }
  };

  return (
    <div className="console-page" data-testid="meeting-agenda">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.agenda')}</h1>
        {office && mayCall(requestTopicEndpoint, termRoles) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!m || units.length === 0}
            onClick={() => {
              action.clearError();
              setAdding(true);
            }}
            data-testid="agenda-add"
          >
            {t('cm.ag.add')}
          </Button>
        )}
      </div>
      {office && allUnits.data && congress.data && units.length === 0 && (
        <p className="muted">{t('cm.tp.noUnits')}</p>
      )}
      <ErrorAlert error={agenda.error ?? meeting.error} onRetry={() => void reload()} />
      {!agenda.data ? (
        <Skeleton active />
      ) : (
        <Card className="console-card" size="small" title={t('cm.ag.title', { n: agenda.data.length })}>
          <Table
            size="middle"
            rowKey="id"
            dataSource={agenda.data}
            pagination={false}
            locale={{ emptyText: t('cm.ag.none') }}
            onRow={(topic) => ({ 'data-testid': 'agenda-topic', 'data-status': topic.status }) as never}
            columns={[
              { title: '#', dataIndex: 'sortOrder', width: 48 },
              {
                title: t('cm.tp.title'),
                key: 'topic',
                render: (_: unknown, topic: TopicView) => <TopicSummary topic={topic} detailed />,
              },
              {
                title: t('cm.tp.status'),
                key: 'status',
                width: 110,
                render: (_: unknown, topic: TopicView) => (
                  <Tag color={TOPIC_STATUS_COLOR[topic.status]}>{t(`cm.topicStatus.${topic.status}`)}</Tag>
                ),
              },
              ...(office
                ? [
                    {
                      title: t('cm.actions'),
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, topic: TopicView) =>
                        topic.status === 'scheduled' && (
                          <Button
                            size="small"
                            icon={<PauseCircleOutlined />}
                            onClick={() => {
                              action.clearError();
                              setDeferring(topic);
                            }}
                          >
                            {t('cm.ag.defer')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {office && queue.data && (
        <Card
          className="console-card"
          size="small"
          title={t('cm.ag.ready', { n: ready.length })}
          data-testid="agenda-ready"
        >
          {ready.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.ag.noneReady')} />
          ) : (
            ready.map((topic) => (
              <div key={topic.id} className="cm-row" data-testid="agenda-ready-topic">
                <TopicSummary topic={topic} />
                <Button
                  type="primary"
                  size="small"
                  loading={action.busy === `schedule:${topic.id}`}
                  onClick={() => void schedule(topic)}
                  data-testid="agenda-schedule"
                >
                  {t('cm.tp.schedule')}
                </Button>
              </div>
            ))
          )}
        </Card>
      )}
      {adding && m && (
        <TopicFormDialog
          title={t('cm.ag.add')}
          units={units}
          initial={{ committee: m.committee }}
          fixedCommittee={m.committee}
          busy={action.busy === 'add'}
          error={action.error}
          onSubmit={(v) => void add(v)}
          onClose={() => setAdding(false)}
        />
      )}
      <Modal
        open={deferring !== null}
        title={t('cm.ag.deferTitle')}
        okText={t('cm.ag.defer')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: action.busy === 'defer' }}
        onOk={() => void defer()}
        onCancel={() => setDeferring(null)}
        destroyOnHidden
      >
        <ErrorAlert error={action.error} />
        {deferring && <TopicSummary topic={deferring} />}
        <p className="muted">{t('cm.ag.deferExplain')}</p>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={300}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('cm.ag.deferNote')}
        />
      </Modal>
    </div>
  );
}
