import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Input,
  Select,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
} from 'antd';
import { type ReactNode, useState } from 'react';
import {
  acknowledgeTaskEndpoint,
  checkTaskEndpoint,
  closeTaskEndpoint,
  decideExtensionEndpoint,
  reportBackEndpoint,
  reportProgressEndpoint,
  requestExtensionEndpoint,
  type Task,
  taskEndpoint,
} from '../../../../../../contract/follow-up.ts';
import { termMeetingsEndpoint } from '../../../../../../contract/meetings.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { addDaysIso, formatHeldAt, type TaskStep, taskSteps } from '../../../lib/committee.ts';
import { formatDate, formatHallDateTime, joinList } from '../../../lib/format.ts';
import { useEndpoint } from '../../../lib/use-api.ts';
import { DeadlineTag, TASK_STATUS_COLOR } from './task-tags.tsx';

// One follow-up task and its history, with the steps the reader may take now: the lead unit
// acknowledges (签收), asks for more time (申请延期) and reports progress (报送进展) with its
// supporting units; the office checks the result (核查通过 / 退回), closes it (销号), answers an
// extension and puts a report-back on a later meeting's agenda (督办情况汇报).

const STAGES = ['assigned', 'acknowledged', 'reported', 'checked', 'closed'] as const;

export function TaskDrawer({
  taskId,
  office,
  unitIds,
  onClose,
  onChanged,
}: {
  readonly taskId: string;
  readonly office: boolean;
  readonly unitIds: ReadonlySet<string>;
  readonly onClose: () => void;
  readonly onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const task = useEndpoint(taskEndpoint, { params: { taskId } });
  const data = task.data;
  const meetings = useEndpoint(
    termMeetingsEndpoint,
    office && data ? { params: { termId: data.termId } } : null,
  );
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const [meetingId, setMeetingId] = useState<string>();
  const steps = data ? taskSteps(data, { office, unitIds }) : [];

  const step = async (key: TaskStep | string, write: () => Promise<Task>, done: string) => {
    const ok = await action.run(
      key,
      async () => {
        task.set(await write());
      },
      { done, inline: true },
    );
    if (ok) {
      setText('');
      setDeadline('');
      onChanged();
    }
  };
  const params = { taskId };
  const note = text.trim() ? { text: text.trim() } : {};

  const origin = meetings.data?.find((m) => m.id === data?.meetingId);
  const later = (meetings.data ?? []).filter(
    (m) =>
      m.id !== data?.meetingId &&
      m.status !== 'closed' &&
      (!origin?.heldAt || !m.heldAt || m.heldAt > origin.heldAt),
  );

  const button = (
    key: string,
    label: string,
    onClick: () => void,
    extra: { danger?: boolean; primary?: boolean; disabled?: boolean } = {},
  ) => (
    <Button
      key={key}
      type={extra.primary ? 'primary' : 'default'}
      danger={extra.danger}
      disabled={extra.disabled}
      loading={action.busy === key}
      onClick={onClick}
      data-testid={`task-${key}`}
    >
      {label}
    </Button>
  );

  const forms: ReactNode[] = [];
  if (data && steps.length > 0) {
    const needsText = steps.some((s) => s !== 'report-back');
    if (needsText)
      forms.push(
        <Input.TextArea
          key="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={steps.includes('report') ? t('cm.fu.progressHint') : t('cm.fu.noteHint')}
          data-testid="task-text"
        />,
      );
    const buttons: ReactNode[] = [];
    if (steps.includes('acknowledge'))
      buttons.push(
        button(
          'acknowledge',
          t('cm.fu.acknowledge'),
          () =>
            void step(
              'acknowledge',
              () => call(acknowledgeTaskEndpoint, { params, body: note }),
              t('cm.fu.acknowledged'),
            ),
          { primary: true },
        ),
      );
    if (steps.includes('report'))
      buttons.push(
        button(
          'report',
          t('cm.fu.report'),
          () =>
            void step(
              'report',
              () => call(reportProgressEndpoint, { params, body: { text: text.trim() } }),
              t('cm.fu.reported'),
            ),
          { primary: true, disabled: !text.trim() },
        ),
      );
    if (steps.includes('check')) {
      buttons.push(
        button(
          'accept',
          t('cm.fu.accept'),
          () =>
            void step(
              'accept',
              () => call(checkTaskEndpoint, { params, body: { accepted: true, ...note } }),
              t('cm.fu.accepted'),
            ),
          { primary: true },
        ),
        button(
          'return',
          t('cm.fu.return'),
          () =>
            void step(
              'return',
              () => call(checkTaskEndpoint, { params, body: { accepted: false, text: text.trim() } }),
              t('cm.fu.returned'),
            ),
          { danger: true, disabled: !text.trim() },
        ),
      );
    }
    if (steps.includes('close'))
      buttons.push(
        button(
          'close',
          t('cm.fu.close'),
          () => void step('close', () => call(closeTaskEndpoint, { params, body: note }), t('cm.fu.closed')),
          { primary: true },
        ),
      );
    if (steps.includes('decide-extension') && data.pendingExtension)
      buttons.push(
        button(
          'grant',
          t('cm.fu.grant'),
          () =>
            void step(
              'grant',
              () => call(decideExtensionEndpoint, { params, body: { grant: true, ...note } }),
              t('cm.fu.granted'),
            ),
          { primary: true },
        ),
        button(
          'refuse',
          t('cm.fu.refuse'),
          () =>
            void step(
              'refuse',
              () => call(decideExtensionEndpoint, { params, body: { grant: false, ...note } }),
              t('cm.fu.refused'),
            ),
          { danger: true },
        ),
      );
    if (buttons.length > 0)
      forms.push(
        <Space key="buttons" wrap>
          {buttons}
        </Space>,
      );
    if (steps.includes('extension'))
      forms.push(
        <div key="extension" className="cm-task-extension">
          <span className="field-label">{t('cm.fu.extensionTo')}</span>
          <Input
            type="date"
            value={deadline}
            min={addDaysIso(data.deadline, 1)}
            onChange={(e) => setDeadline(e.target.value)}
            style={{ width: 180 }}
            data-testid="task-extension-date"
          />
          {button(
            'extension',
            t('cm.fu.askExtension'),
            () =>
              void step(
                'extension',
                () => call(requestExtensionEndpoint, { params, body: { deadline, text: text.trim() } }),
                t('cm.fu.extensionAsked'),
              ),
            { disabled: !deadline || !text.trim() },
          )}
          <span className="muted small">{t('cm.fu.extensionHint')}</span>
        </div>,
      );
    if (steps.includes('report-back'))
      forms.push(
        <div key="report-back" className="cm-task-extension">
          <span className="field-label">{t('cm.fu.reportBackAt')}</span>
          <Select
            value={meetingId}
            onChange={setMeetingId}
            style={{ minWidth: 280 }}
            placeholder={later.length === 0 ? t('cm.fu.noLaterMeeting') : t('cm.fu.pickMeeting')}
            options={later.map((m) => ({
              value: m.id,
              label: `${lang === 'zh' ? m.title : m.titleEn}${m.heldAt ? ` · ${formatHeldAt(m.heldAt, lang)}` : ''}`,
            }))}
            data-testid="task-report-back-meeting"
          />
          {button(
            'report-back',
            t('cm.fu.reportBack'),
            () =>
              meetingId &&
              void step(
                'report-back',
                () => call(reportBackEndpoint, { params, body: { meetingId } }),
                t('cm.fu.reportBackDone'),
              ),
            { disabled: !meetingId },
          )}
        </div>,
      );
  }

  const stage = data ? STAGES.indexOf(data.status) : 0;

  return (
    <Drawer
      open
      onClose={onClose}
      size="min(760px, 100vw)"
      title={data?.title ?? t('cm.fu.task')}
      data-testid="task-drawer"
    >
      <ErrorAlert error={task.error} onRetry={() => void task.reload()} />
      {!data ? (
        <Skeleton active />
      ) : (
        <div className="cm-task" data-testid="task-detail" data-status={data.status}>
          <Steps
            size="small"
            current={stage}
            status={data.status === 'closed' ? 'finish' : 'process'}
            items={STAGES.map((s) => ({ title: t(`cm.taskStatus.${s}`) }))}
            className="cm-task-steps"
          />
          <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}>
            <Descriptions.Item label={t('cm.fu.status')}>
              <Space wrap size={4}>
                <Tag color={TASK_STATUS_COLOR[data.status]} data-testid="task-status">
                  {t(`cm.taskStatus.${data.status}`)}
                </Tag>
                <DeadlineTag task={data} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('cm.fu.meeting')}>{data.meetingTitle}</Descriptions.Item>
            <Descriptions.Item label={t('cm.fu.leadUnit')}>{data.leadUnit.name}</Descriptions.Item>
            {data.supportingUnits.length > 0 && (
              <Descriptions.Item label={t('cm.fu.supporting')}>
                {joinList(
                  data.supportingUnits.map((u) => u.name),
                  'zh',
                )}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('cm.fu.deadline')}>
              {formatDate(data.deadline, lang)}
            </Descriptions.Item>
            {data.detail && (
              <Descriptions.Item label={t('cm.fu.detail')}>
                <div className="cm-pre">{data.detail}</div>
              </Descriptions.Item>
            )}
          </Descriptions>
          {data.pendingExtension && (
            <Alert
              type="warning"
              showIcon
              title={t('cm.fu.pendingExtension', { date: formatDate(data.pendingExtension.deadline, lang) })}
              description={data.pendingExtension.text ?? undefined}
              className="cm-gap"
            />
          )}
          {forms.length > 0 && (
            <div className="cm-task-actions" data-testid="task-actions">
              <ErrorAlert error={action.error} />
              {forms}
            </div>
          )}
          <h3 className="cm-subtitle">{t('cm.fu.history')}</h3>
          <Timeline
            items={data.events.map((event) => ({
              title: formatHallDateTime(event.at, lang),
              content: (
                <div>
                  <strong>{t(`cm.taskEvent.${event.kind}`)}</strong>
                  <span className="muted">
                    {' '}
                    · {event.unit && !event.by.includes(event.unit.name) ? `${event.unit.name} ` : ''}
                    {event.by}
                  </span>
                  {event.deadline && (
                    <div className="small">
                      {t('cm.fu.eventDeadline', { date: formatDate(event.deadline, lang) })}
                    </div>
                  )}
                  {event.text && <div className="cm-pre small">{event.text}</div>}
                </div>
              ),
            }))}
          />
        </div>
      )}
    </Drawer>
  );
}
