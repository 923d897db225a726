import { Tag } from 'antd';
import type { Task, TaskStatus } from '../../../../../../contract/follow-up.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export const TASK_STATUS_COLOR: Readonly<Record<TaskStatus, string>> = {
  assigned: 'gold',
  acknowledged: 'blue',
  reported: 'cyan',
  checked: 'green',
  closed: 'default',
};

/** 已逾期 / 3日内到期 / 延期待批: what the board flags about a task's deadline. */
export function DeadlineTag({
  task,
}: {
  readonly task: Pick<Task, 'overdue' | 'dueSoon' | 'pendingExtension'>;
}) {
  const { t } = useI18n();
  return (
    <>
      {task.overdue && (
        <Tag color="red" data-testid="task-overdue">
          {t('cm.fu.overdue')}
        </Tag>
      )}
      {task.dueSoon && <Tag color="orange">{t('cm.fu.dueSoon')}</Tag>}
      {task.pendingExtension && <Tag color="gold">{t('cm.fu.extensionPending')}</Tag>}
    </>
  );
}
