import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Modal, Popconfirm, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import {
  createDelegationEndpoint,
  type DelegationView,
  deleteDelegationEndpoint,
  updateDelegationEndpoint,
} from '../../../../../../contract/delegates.ts';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

// 代表团: the secretariat adds, renames, reorders and removes delegations. The order is the one
// lists and the hall use; a delegation with delegates cannot be removed (move them first).

export function DelegationsEditor({
  congressId,
  delegations,
  onChanged,
}: {
  readonly congressId: string;
  readonly delegations: readonly DelegationView[];
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [newName, setNewName] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const action = useAction();
  const one = (d: DelegationView) => ({ congressId, delegationId: d.id });
  const write = async (key: string, request: () => Promise<unknown>) => {
    if (await action.run(key, request, { done: t('cg.delegationSaved') })) onChanged();
  };
  const add = async () => {
    const name = newName.trim();
    if (!name) return;
    const last = Math.max(0, ...delegations.map((d) => d.sortOrder));
    await write('add', () =>
      call(createDelegationEndpoint, { params: { congressId }, body: { name, sortOrder: last + 1 } }),
    );
    setNewName('');
  };
  const rename = (d: DelegationView) => {
    const name = (names[d.id] ?? d.name).trim();
    if (name && name !== d.name)
      void write(`name-${d.id}`, () => call(updateDelegationEndpoint, { params: one(d), body: { name } }));
  };
  return (
    <>
      <Button
        size="small"
        icon={<TeamOutlined />}
        onClick={() => setOpen(true)}
        data-testid="delegations-edit"
      >
        {t('cg.delegations')}
      </Button>
      <Modal
        open={open}
        title={t('cg.delegations')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
        width={720}
        destroyOnHidden
      >
        <Table<DelegationView>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ y: 420 }}
          dataSource={[...delegations]}
          onRow={(d) => ({ 'data-testid': 'delegation-row', 'data-name': d.name }) as object}
          columns={[
            {
              title: t('cg.order'),
              dataIndex: 'sortOrder',
              width: 90,
              render: (order: number, d) => (
                <InputNumber
                  size="small"
                  min={0}
                  max={10000}
                  defaultValue={order}
                  aria-label={t('cg.order')}
                  onBlur={(e) => {
                    const next = Number(e.target.value);
                    if (Number.isInteger(next) && next !== order)
                      void write(`order-${d.id}`, () =>
                        call(updateDelegationEndpoint, { params: one(d), body: { sortOrder: next } }),
                      );
                  }}
                />
              ),
            },
            {
              title: t('cg.delegationName'),
              dataIndex: 'name',
              render: (name: string, d) => (
                <Input
                  size="small"
                  maxLength={50}
                  value={names[d.id] ?? name}
                  onChange={(e) => setNames((n) => ({ ...n, [d.id]: e.target.value }))}
                  onBlur={() => rename(d)}
                  onPressEnter={() => rename(d)}
                  aria-label={t('cg.delegationName')}
                  data-testid="delegation-name"
                />
              ),
            },
            { title: t('cg.delegates'), dataIndex: 'delegates', width: 80 },
            {
              key: 'remove',
              width: 56,
              render: (_, d) =>
                d.delegates > 0 ? (
                  <Tooltip title={t('cg.notEmpty')}>
                    <Button size="small" icon={<DeleteOutlined />} disabled aria-label={t('cg.remove')} />
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={t('cg.removeConfirm', { name: d.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      void write(`remove-${d.id}`, () => call(deleteDelegationEndpoint, { params: one(d) }))
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('cg.remove')}
                      data-testid="delegation-remove"
                    />
                  </Popconfirm>
                ),
            },
          ]}
        />
        <Space.Compact className="delegation-add">
          <Input
            value={newName}
            maxLength={50}
            placeholder={t('cg.newDelegation')}
            onChange={(e) => setNewName(e.target.value)}
            onPressEnter={() => void add()}
            data-testid="delegation-new"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void add()}
            loading={action.busy === 'add'}
            disabled={!newName.trim()}
            data-testid="delegation-add"
          >
            {t('cg.add')}
          </Button>
        </Space.Compact>
      </Modal>
    </>
  );
}
