import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../../../contract/endpoint.ts';
import {
  checkTaskEndpoint,
  createTaskEndpoint,
  myUnitsEndpoint,
  type Task,
  tasksEndpoint,
  unitsEndpoint,
} from '../../../../../contract/follow-up.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BOARD_VIEWS, type BoardView } from '../../lib/committee.ts';
import { formatDate, joinList } from '../../lib/format.ts';
import { useRouter } from '../../lib/router.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { NewTaskDialog } from './follow-up/NewTaskDialog.tsx';
import { TaskDrawer } from './follow-up/TaskDrawer.tsx';
import { DeadlineTag, TASK_STATUS_COLOR } from './follow-up/task-tags.tsx';
import type { TermSectionProps } from './term-section-props.ts';

// The follow-up board (督办): every task of the term, the overdue, those due within 3 days and the
// closed (销号), by deadline; the office sees all units' tasks and may narrow to one, a unit's staff
// see their own. A task opens in a drawer with its history and the steps the reader may take.

export function FollowUpSection({ termId, roles, organisationId }: TermSectionProps) {
  const { t, lang } = useI18n();
  const { search } = useRouter();
  const office = mayCall(checkTaskEndpoint, roles);
  const [view, setView] = useState<BoardView>('all');
  const [unitId, setUnitId] = useState<string>();
  const [openTask, setOpenTask] = useState<string | null>(search.get('task'));
  const [creating, setCreating] = useState(false);
  const board = useEndpoint(tasksEndpoint, {
    params: { termId },
    query: { view, ...(unitId ? { unitId } : {}) },
  });
  const mine = useEndpoint(myUnitsEndpoint, {});
  const units = useEndpoint(unitsEndpoint, office && organisationId ? { params: { organisationId } } : null);
  const unitIds = new Set((mine.data ?? []).map((u) => u.id));

  return (
    <div className="console-page" data-testid="follow-up-page">
      <div className="console-page-head">
        <h1 className="page-title">{office ? t('cm.section.follow-up') : t('cm.fu.mine')}</h1>
        {mayCall(createTaskEndpoint, roles) && organisationId && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="task-new"
          >
            {t('cm.fu.new')}
          </Button>
        )}
      </div>
      {!office && mine.data && (
        <p className="muted" data-testid="follow-up-units">
          {mine.data.length > 0
            ? t('cm.fu.actingFor', {
                units: joinList(
                  mine.data.map((u) => u.name),
                  'zh',
                ),
              })
            : t('cm.fu.noUnit')}
        </p>
      )}
      <div className="cm-toolbar">
        <Segmented
          value={view}
          onChange={(v) => setView(v as BoardView)}
          options={BOARD_VIEWS.map((v) => ({ value: v, label: t(`cm.fu.view.${v}`) }))}
          data-testid="task-view"
        />
        {office && (
          <Select
            allowClear
            value={unitId}
            onChange={setUnitId}
            placeholder={t('cm.fu.allUnits')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            style={{ minWidth: 200 }}
          />
        )}
      </div>
      <ErrorAlert error={board.error} onRetry={() => void board.reload()} />
      <Card className="console-card" size="small">
        <Table
          size="middle"
          rowKey="id"
          loading={board.loading}
          dataSource={board.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cm.fu.none') }}
          onRow={(task) => ({ 'data-testid': 'task-row', 'data-status': task.status }) as never}
          columns={[
            {
              title: t('cm.fu.title'),
              key: 'title',
              render: (_: unknown, task: Task) => (
                <div className="cm-task-cell">
                  <button type="button" className="cm-link" onClick={() => setOpenTask(task.id)}>
                    {task.title}
                  </button>
                  <div className="muted small">{task.meetingTitle}</div>
                </div>
              ),
            },
            {
              title: t('cm.fu.leadUnit'),
              key: 'lead',
              width: 180,
              render: (_: unknown, task: Task) => (
                <div>
                  <div>{task.leadUnit.name}</div>
                  {task.supportingUnits.length > 0 && (
                    <div className="muted small">
                      {t('cm.fu.with', {
                        units: joinList(
                          task.supportingUnits.map((u) => u.name),
                          'zh',
                        ),
                      })}
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('cm.fu.deadline'),
              key: 'deadline',
              width: 170,
              render: (_: unknown, task: Task) => (
                <Space orientation="vertical" size={2}>
                  <span className={task.overdue ? 'cm-overdue' : undefined}>
                    {formatDate(task.deadline, lang)}
                  </span>
                  <span>
                    <DeadlineTag task={task} />
                  </span>
                </Space>
              ),
            },
            {
              title: t('cm.fu.status'),
              key: 'status',
              width: 110,
              render: (_: unknown, task: Task) => (
                <Tag color={TASK_STATUS_COLOR[task.status]}>{t(`cm.taskStatus.${task.status}`)}</Tag>
              ),
            },
            {
              title: t('cm.actions'),
              key: 'open',
              width: 100,
              render: (_: unknown, task: Task) => (
                <Button
                  size="small"
                  icon={<FormOutlined />}
                  onClick={() => setOpenTask(task.id)}
                  data-testid="task-open"
                >
                  {t('cm.fu.handle')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {openTask && (
        <TaskDrawer
          taskId={openTask}
          office={office}
          unitIds={unitIds}
          onClose={() => setOpenTask(null)}
          onChanged={() => void board.reload()}
        />
      )}
      {creating && organisationId && (
        <NewTaskDialog
          termId={termId}
          organisationId={organisationId}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void board.reload();
          }}
        />
      )}
    </div>
  );
}
