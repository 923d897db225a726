import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ElectionMethod } from '../../../../../../contract/elections.ts';
import {
  type AgendaItemView,
  type AgendaKind,
  agendaEndpoint,
  type BodiesView,
  deleteAgendaItemEndpoint,
  type SittingView,
} from '../../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { voteStage } from '../../../lib/procedure.ts';
import { useEndpoint } from '../../../lib/use-api.ts';
import { AgendaItemForm } from './AgendaItemForm.tsx';
import { VotePanel } from './VotePanel.tsx';

const KIND_COLOR: Readonly<Record<AgendaKind, string>> = {
  report: 'geekblue',
  'written-report': 'cyan',
  'adoption-vote': 'volcano',
  election: 'red',
  other: 'default',
};

/** The agenda of a sitting in order: reports, written reports, adoption votes with their votes. */
export function AgendaList({
  congressId,
  sitting,
  isAdmin,
  canRun,
  version,
  bodies,
  methods,
}: {
  readonly congressId: string;
  readonly sitting: SittingView;
  readonly isAdmin: boolean;
  readonly canRun: boolean;
  readonly version: number;
  readonly bodies: BodiesView | undefined;
  readonly methods: readonly ElectionMethod[];
}) {
  const { t } = useI18n();
  const agenda = useEndpoint(agendaEndpoint, { params: { congressId, sittingId: sitting.id } });
  const action = useAction();
  const [form, setForm] = useState<AgendaItemView | 'new' | null>(null);
  // The stream says something changed: read the agenda again (not on the first render).
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void agenda.reload();
  }, [version, agenda.reload]);

  const editable = isAdmin && sitting.status !== 'closed';
  const reload = () => void agenda.reload();
  const remove = (item: AgendaItemView) =>
    action
      .run('delete', () => call(deleteAgendaItemEndpoint, { params: { congressId, itemId: item.id } }), {
        done: t('sit.agendaDeleted'),
      })
      .then((ok) => ok && reload());

  return (
    <Card
      className="console-card"
      size="small"
      title={t('sit.agenda')}
      extra={
        editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setForm('new')}
            data-testid="agenda-add"
          >
            {t('sit.agendaAdd')}
          </Button>
        )
      }
      data-testid="agenda-card"
    >
      <ErrorAlert error={agenda.error} onRetry={reload} />
      {agenda.data && agenda.data.length === 0 && <Empty description={t('sit.agendaNone')} />}
      <ol className="agenda-list" data-testid="agenda">
        {(agenda.data ?? []).map((item) => {
          const stage = voteStage(item);
          const fixed = stage === 'voting' || stage === 'closed';
          return (
            <li key={item.id} className="agenda-item" data-testid="agenda-item" data-item-id={item.id}>
              <div className="agenda-head">
                <span className="agenda-title">
                  <Tag color={KIND_COLOR[item.kind]}>{t(`sit.agendaKind.${item.kind}`)}</Tag>
                  <strong data-testid="agenda-title">{item.title}</strong>
                </span>
                {editable && (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('sit.edit')}
                      title={t('sit.edit')}
                      onClick={() => setForm(item)}
                      data-testid="agenda-edit"
                    />
                    {!fixed && (
                      <Popconfirm title={t('sit.agendaDeleteConfirm')} onConfirm={() => void remove(item)}>
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('sit.delete')}
                          title={t('sit.delete')}
                          data-testid="agenda-delete"
                        />
                      </Popconfirm>
                    )}
                  </Space>
                )}
              </div>
              {item.presenter && (
                <div className="muted small">{t('sit.presenterLine', { name: item.presenter })}</div>
              )}
              {item.body && (
                <Typography.Paragraph
                  className="agenda-body"
                  ellipsis={{
                    rows: 2,
                    expandable: 'collapsible',
                    symbol: (open) => (open ? t('sit.less') : t('sit.more')),
                  }}
                >
                  {item.body}
                </Typography.Paragraph>
              )}
              {stage !== 'none' && (
                <VotePanel
                  congressId={congressId}
                  item={item}
                  sittingOpen={sitting.status === 'open'}
                  canRun={canRun}
                  canSetUp={editable}
                  onSetUp={() => setForm(item)}
                  onChanged={reload}
                />
              )}
            </li>
          );
        })}
      </ol>
      {form !== null && (
        <AgendaItemForm
          congressId={congressId}
          sitting={sitting}
          item={form === 'new' ? null : form}
          bodies={bodies}
          methods={methods}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
