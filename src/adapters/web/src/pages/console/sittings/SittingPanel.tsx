import { DeleteOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import type { ElectionMethod } from '../../../../../../contract/elections.ts';
import {
  type BodiesView,
  closeSittingEndpoint,
  deleteSittingEndpoint,
  openSittingEndpoint,
  type SittingView,
} from '../../../../../../contract/procedure.ts';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { formatHallDateTime, formatHallTime } from '../../../lib/format.ts';
import { CHAIRED_KINDS } from '../../../lib/procedure.ts';
import { AgendaList } from './AgendaList.tsx';
import { ChairsEditor } from './ChairsEditor.tsx';
import { SITTING_STATUS_COLOR } from './SittingList.tsx';

/** One sitting: what and when, the buttons that move it along, its executive chairs and agenda. */
export function SittingPanel({
  congressId,
  sitting,
  isAdmin,
  canRun,
  version,
  bodies,
  delegates,
  methods,
  onEdit,
  onChanged,
}: {
  readonly congressId: string;
  readonly sitting: SittingView;
  readonly isAdmin: boolean;
  readonly canRun: boolean;
  readonly version: number;
  readonly bodies: BodiesView | undefined;
  readonly delegates: readonly DelegateView[];
  readonly methods: readonly ElectionMethod[];
  readonly onEdit: () => void;
  readonly onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const params = { congressId, sittingId: sitting.id };
  const move = (to: 'open' | 'close') =>
    action
      .run(to, () => call(to === 'open' ? openSittingEndpoint : closeSittingEndpoint, { params }), {
        done: to === 'open' ? t('sit.opened') : t('sit.closed'),
      })
      .then((ok) => ok && onChanged());
  const remove = () =>
    action
      .run('delete', () => call(deleteSittingEndpoint, { params }), { done: t('sit.deleted') })
      .then((ok) => ok && onChanged());
  const when = sitting.startsAt
    ? `${formatHallDateTime(sitting.startsAt, lang)}${sitting.endsAt ? `–${formatHallTime(sitting.endsAt)}` : ''}`
    : t('sit.noTime');

  return (
    <div data-testid="sitting-panel" data-sitting-id={sitting.id}>
      <Card
        className="console-card"
        title={
          <Space wrap size={8}>
            <span>{sitting.title}</span>
            <Tag color={SITTING_STATUS_COLOR[sitting.status]} data-testid="sitting-status">
              {t(`sitting.status.${sitting.status}`)}
            </Tag>
          </Space>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          className="setup-descriptions"
        >
          <Descriptions.Item label={t('sit.field.kind')}>{t(`sit.kind.${sitting.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sit.field.time')}>{when}</Descriptions.Item>
          <Descriptions.Item label={t('ov.venue')}>{sitting.venue ?? t('common.dash')}</Descriptions.Item>
          <Descriptions.Item label={t('sit.field.presiding')}>
            {sitting.presiding ?? t('common.dash')}
          </Descriptions.Item>
          {sitting.openedAt && (
            <Descriptions.Item label={t('sit.field.openedAt')}>
              {formatHallDateTime(sitting.openedAt, lang)}
            </Descriptions.Item>
          )}
          {sitting.closedAt && (
            <Descriptions.Item label={t('sit.field.closedAt')}>
              {formatHallDateTime(sitting.closedAt, lang)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap className="setup-actions">
          {canRun && sitting.status === 'scheduled' && (
            <Popconfirm
              title={t('sit.openConfirm', { title: sitting.title })}
              onConfirm={() => void move('open')}
            >
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={action.busy === 'open'}
                data-testid="sitting-open"
              >
                {t('sit.open')}
              </Button>
            </Popconfirm>
          )}
          {canRun && sitting.status === 'open' && (
            <Popconfirm
              title={t('sit.closeConfirm', { title: sitting.title })}
              description={
                // Cannot be undone; the closing sitting closes the congress with it.
                <div className="confirm-body" data-testid="sitting-close-warning">
                  {t(sitting.kind === 'closing' ? 'confirm.closeSittingLast' : 'confirm.closeSittingBody')}
                </div>
              }
              okText={t('confirm.closeSittingOk')}
              okButtonProps={{ danger: sitting.kind === 'closing', 'data-testid': 'sitting-close-confirm' }}
              onConfirm={() => void move('close')}
            >
              <Button
                icon={<PauseCircleOutlined />}
                loading={action.busy === 'close'}
                data-testid="sitting-close"
              >
                {t('sit.close')}
              </Button>
            </Popconfirm>
          )}
          {isAdmin && sitting.status !== 'closed' && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="sitting-edit">
              {t('sit.edit')}
            </Button>
          )}
          {isAdmin && sitting.status === 'scheduled' && (
            <Popconfirm
              title={t('sit.deleteConfirm', { title: sitting.title })}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />} loading={action.busy === 'delete'}>
                {t('sit.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
      {CHAIRED_KINDS.has(sitting.kind) && (
        <ChairsEditor
          congressId={congressId}
          sitting={sitting}
          bodies={bodies}
          delegates={delegates}
          canEdit={isAdmin && sitting.status !== 'closed'}
          onChanged={onChanged}
        />
      )}
      <AgendaList
        congressId={congressId}
        sitting={sitting}
        isAdmin={isAdmin}
        canRun={canRun}
        version={version}
        bodies={bodies}
        methods={methods}
      />
    </div>
  );
}
