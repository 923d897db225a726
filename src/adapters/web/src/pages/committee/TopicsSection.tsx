import {
  CalendarOutlined,
  CheckOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { myUnitsEndpoint } from '../../../../../contract/follow-up.ts';
import { termMeetingsEndpoint } from '../../../../../contract/meetings.ts';
import {
  requestTopicEndpoint,
  reviewTopicEndpoint,
  scheduleTopicEndpoint,
  type TopicView,
  topicQueueEndpoint,
  updateTopicEndpoint,
  withdrawTopicEndpoint,
} from '../../../../../contract/topics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { formatHeldAt, topicSteps } from '../../lib/committee.ts';
import { formatDate, hallToday } from '../../lib/format.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import type { TermSectionProps } from './term-section-props.ts';
import { TopicFormDialog, type TopicFormValues, topicFields, topicFormValues } from './topics/TopicForm.tsx';
import { TOPIC_STATUS_COLOR, TopicSummary } from './topics/TopicSummary.tsx';

// The topic queue (议题): a unit requests a topic; the office reviews it (approves it for the queue
// or returns it with a note) and puts an approved or deferred topic on a meeting's agenda. A unit's
// staff see their own units' requests, may correct one while it waits and withdraw it.

const FILTERS = ['queue', 'requested', 'approved', 'deferred', 'scheduled', 'rejected', 'concluded'] as const;
type Filter = (typeof FILTERS)[number];

type Dialog =
  | { readonly kind: 'request' }
  | { readonly kind: 'edit' | 'review' | 'schedule'; readonly topic: TopicView }
  | null;

export function TopicsSection({ termId, roles, organisationId }: TermSectionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [filter, setFilter] = useState<Filter>('queue');
  const queue = useEndpoint(topicQueueEndpoint, {
    params: { termId },
    query: filter === 'queue' ? {} : { status: filter },
  });
  // The units the user acts for, of this term's organisation.
  const mine = useEndpoint(myUnitsEndpoint, {});
  const units = (mine.data ?? []).filter((u) => !organisationId || u.organisationId === organisationId);
  const office = mayCall(reviewTopicEndpoint, roles);
  const meetings = useEndpoint(termMeetingsEndpoint, office ? { params: { termId } } : null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const [schedule] = Form.useForm<{ meetingId: string; place?: number }>();

  const close = () => {
    setDialog(null);
    setNote('');
    action.clearError();
  };
  const write = async (key: string, request: () => Promise<unknown>, done: string) => {
    const ok = await action.run(key, request, { done, inline: true });
    if (ok) {
      close();
      await queue.reload();
    }
  };

  const request = (values: TopicFormValues) =>
    write(
      'request',
      () =>
        call(requestTopicEndpoint, {
          params: { termId },
          body: {
            committee: values.committee,
            requestingUnitId: values.requestingUnitId!,
            ...topicFields(values),
          },
        }),
      t('cm.tp.requested'),
    );
  const edit = (topic: TopicView, values: TopicFormValues) =>
    write(
      'edit',
      () => call(updateTopicEndpoint, { params: { termId, topicId: topic.id }, body: topicFields(values) }),
      t('cm.saved'),
    );
  const review = (topic: TopicView, approve: boolean) =>
    write(
      approve ? 'approve' : 'return',
      () =>
        call(reviewTopicEndpoint, {
          params: { termId, topicId: topic.id },
          body: { approve, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      approve ? t('cm.tp.approved') : t('cm.tp.returned'),
    );
  const put = (topic: TopicView, values: { meetingId: string; place?: number }) =>
    write(
      'schedule',
      () =>
        call(scheduleTopicEndpoint, {
          params: { congressId: values.meetingId },
          body: { topicId: topic.id, ...(values.place ? { place: values.place } : {}) },
        }),
      t('cm.tp.scheduled'),
    );
  const withdraw = (topic: TopicView) =>
    action.run(
      `withdraw:${topic.id}`,
      async () => {
        await call(withdrawTopicEndpoint, { params: { termId, topicId: topic.id } });
        await queue.reload();
      },
      { done: t('cm.tp.withdrawn') },
    );

  const openMeetings = (meetings.data ?? []).filter(
    (m) => dialog?.kind === 'schedule' && m.committee === dialog.topic.committee && m.status !== 'closed',
  );
  // The next meeting of the topic's body that has not been held yet, else the latest.
  const today = hallToday(new Date());
  const suggested =
    openMeetings.find((m) => (m.heldAt ?? '9999') >= today)?.id ?? openMeetings.at(-1)?.id ?? undefined;
  // The term's meetings may arrive after the schedule dialog opened: its form took no initial
  // meeting then, and would refuse to put the topic anywhere until one is chosen by hand.
  const scheduling = dialog?.kind === 'schedule';
  useEffect(() => {
    if (scheduling && suggested && !schedule.getFieldValue('meetingId'))
      schedule.setFieldValue('meetingId', suggested);
  }, [scheduling, suggested, schedule]);

  return (
    <div className="console-page" data-testid="topics-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('cm.section.topics')}</h1>
        {mayCall(requestTopicEndpoint, roles) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'request' })}
            disabled={units.length === 0}
            data-testid="topic-request"
          >
            {t('cm.tp.request')}
          </Button>
        )}
      </div>
      {mine.data && units.length === 0 && <p className="muted">{t('cm.tp.noUnits')}</p>}
      <Segmented
        className="cm-filter"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={FILTERS.map((f) => ({ value: f, label: t(`cm.tp.filter.${f}`) }))}
        data-testid="topic-filter"
      />
      <ErrorAlert error={queue.error} onRetry={() => void queue.reload()} />
      <Card className="console-card" size="small">
        <Table
          size="middle"
          rowKey="id"
          loading={queue.loading}
          dataSource={queue.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cm.tp.none') }}
          onRow={(topic) => ({ 'data-testid': 'topic-row', 'data-status': topic.status }) as never}
          columns={[
            {
              title: t('cm.tp.title'),
              key: 'title',
              render: (_: unknown, topic: TopicView) => <TopicSummary topic={topic} />,
            },
            {
              title: t('cm.tp.requestingUnit'),
              key: 'unit',
              width: 150,
              render: (_: unknown, topic: TopicView) => topic.requestingUnit?.name ?? t('common.dash'),
            },
            {
              title: t('cm.tp.requestedAt'),
              dataIndex: 'requestedAt',
              width: 150,
              render: (at: string) => formatDate(hallToday(new Date(at)), lang),
            },
            {
              title: t('cm.tp.status'),
              key: 'status',
              width: 120,
              render: (_: unknown, topic: TopicView) => (
                <Space orientation="vertical" size={2}>
                  <Tag color={TOPIC_STATUS_COLOR[topic.status]} data-testid="topic-status">
                    {t(`cm.topicStatus.${topic.status}`)}
                  </Tag>
                  {topic.note && <span className="muted small">{topic.note}</span>}
                </Space>
              ),
            },
            {
              title: t('cm.actions'),
              key: 'actions',
              width: 200,
              render: (_: unknown, topic: TopicView) => {
                const steps = topicSteps(topic.status, { office });
                return (
                  <Space wrap size={4}>
                    {steps.includes('review') && (
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        onClick={() => setDialog({ kind: 'review', topic })}
                        data-testid="topic-review"
                      >
                        {t('cm.tp.review')}
                      </Button>
                    )}
                    {steps.includes('schedule') && (
                      <Button
                        size="small"
                        type="primary"
                        icon={<CalendarOutlined />}
                        onClick={() => setDialog({ kind: 'schedule', topic })}
                        data-testid="topic-schedule"
                      >
                        {t('cm.tp.schedule')}
                      </Button>
                    )}
                    {steps.includes('edit') && (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setDialog({ kind: 'edit', topic })}
                      >
                        {t('cm.edit')}
                      </Button>
                    )}
                    {steps.includes('withdraw') && (
                      <Popconfirm
                        title={t('cm.tp.withdrawConfirm')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void withdraw(topic)}
                      >
                        <Button size="small" icon={<RollbackOutlined />}>
                          {t('cm.tp.withdraw')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>

      {dialog?.kind === 'request' && (
        <TopicFormDialog
          title={t('cm.tp.request')}
          units={units}
          initial={{}}
          busy={action.busy === 'request'}
          error={action.error}
          onSubmit={(v) => void request(v)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'edit' && (
        <TopicFormDialog
          title={t('cm.tp.editTitle')}
          units={units}
          initial={topicFormValues(dialog.topic)}
          editing
          busy={action.busy === 'edit'}
          error={action.error}
          onSubmit={(v) => void edit(dialog.topic, v)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'review' && (
        <Modal
          open
          title={t('cm.tp.reviewTitle')}
          onCancel={close}
          destroyOnHidden
          footer={[
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="return"
              danger
              loading={action.busy === 'return'}
              disabled={!note.trim()}
              onClick={() => void review(dialog.topic, false)}
              data-testid="topic-return"
            >
              {t('cm.tp.return')}
            </Button>,
            <Button
              key="approve"
              type="primary"
              loading={action.busy === 'approve'}
              onClick={() => void review(dialog.topic, true)}
              data-testid="topic-approve"
            >
              {t('cm.tp.approve')}
            </Button>,
          ]}
        >
          <ErrorAlert error={action.error} />
          <TopicSummary topic={dialog.topic} detailed />
          <div className="field-label">{t('cm.tp.reviewNote')}</div>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={300}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('cm.tp.reviewNoteHint')}
          />
        </Modal>
      )}
      {dialog?.kind === 'schedule' && (
        <Modal
          open
          title={t('cm.tp.scheduleTitle')}
          okText={t('cm.tp.schedule')}
          cancelText={t('common.cancel')}
          okButtonProps={{ loading: action.busy === 'schedule', id: 'topic-schedule-ok' }}
          onOk={() => schedule.submit()}
          onCancel={close}
          destroyOnHidden
        >
          <ErrorAlert error={action.error} />
          <TopicSummary topic={dialog.topic} />
          <Form
            form={schedule}
            layout="vertical"
            preserve={false}
            initialValues={{ meetingId: suggested }}
            onFinish={(v) => void put(dialog.topic, v)}
          >
            <Form.Item
              name="meetingId"
              label={t('cm.tp.meeting')}
              rules={[{ required: true, message: t('cm.required') }]}
              extra={openMeetings.length === 0 ? t('cm.tp.noMeeting') : undefined}
            >
              <Select
                options={openMeetings.map((m) => ({
                  value: m.id,
                  label: `${lang === 'zh' ? m.title : m.titleEn}${m.heldAt ? ` · ${formatHeldAt(m.heldAt, lang)}` : ''}`,
                }))}
                data-testid="topic-meeting"
              />
            </Form.Item>
            <Form.Item name="place" label={t('cm.tp.place')} extra={t('cm.tp.placeHint')}>
              <InputNumber min={1} max={200} placeholder={t('cm.tp.last')} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
