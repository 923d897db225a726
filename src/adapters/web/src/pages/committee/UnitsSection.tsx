import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import {
  createUnitAccountEndpoint,
  createUnitEndpoint,
  type Unit,
  unitsEndpoint,
} from '../../../../../contract/follow-up.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import type { TermSectionProps } from './term-section-props.ts';

// The units (单位) of the organisation that request topics and carry out follow-up tasks, and the
// staff accounts of each: an account acts for its unit only (the 'unit' role), nothing else.

interface AccountValues {
  username: string;
  displayName: string;
  password: string;
}

export function UnitsSection({ organisationId }: TermSectionProps) {
  const { t } = useI18n();
  const action = useAction();
  const units = useEndpoint(unitsEndpoint, organisationId ? { params: { organisationId } } : null);
  const [adding, setAdding] = useState(false);
  const [accountFor, setAccountFor] = useState<Unit | null>(null);
  const [created, setCreated] = useState<{ unit: string; username: string }[]>([]);
  const [unitForm] = Form.useForm<{ names: string }>();
  const [accountForm] = Form.useForm<AccountValues>();

  const addUnits = async (values: { names: string }) => {
    const names = values.names
      .split(/[\n\r、，,；;]+/)
      .map((name) => name.trim())
      .filter(Boolean);
    const ok = await action.run(
      'units',
      async () => {
        for (const name of names)
          await call(createUnitEndpoint, { params: { organisationId: organisationId! }, body: { name } });
      },
      { done: t('cm.un.added', { n: names.length }), inline: true },
    );
    await units.reload();
    if (ok) setAdding(false);
  };
  const addAccount = async (values: AccountValues) => {
    if (!accountFor) return;
    const unit = accountFor;
    const ok = await action.run(
      'account',
      () =>
        call(createUnitAccountEndpoint, {
          params: { unitId: unit.id },
          body: { ...values, username: values.username.trim() },
        }),
      { done: t('cm.un.accountCreated', { username: values.username }), inline: true },
    );
    if (ok) {
      setCreated((list) => [...list, { unit: unit.name, username: values.username.trim() }]);
      setAccountFor(null);
    }
  };

  return (
    <div className="console-page" data-testid="units-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('cm.section.units')}</h1>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!organisationId}
          onClick={() => {
            action.clearError();
            setAdding(true);
          }}
          data-testid="unit-add"
        >
          {t('cm.un.add')}
        </Button>
      </div>
      <p className="muted">{t('cm.un.intro')}</p>
      <ErrorAlert error={units.error} onRetry={() => void units.reload()} />
      <Card className="console-card" size="small">
        <Table
          size="middle"
          rowKey="id"
          loading={units.loading}
          dataSource={units.data ?? []}
          pagination={false}
          locale={{ emptyText: t('cm.un.none') }}
          onRow={(unit) => ({ 'data-testid': 'unit-row', 'data-unit': unit.name }) as never}
          columns={[
            { title: '#', dataIndex: 'sortOrder', width: 60 },
            { title: t('cm.un.name'), dataIndex: 'name' },
            {
              title: t('cm.un.accounts'),
              key: 'accounts',
              render: (_: unknown, unit: Unit) => (
                <Space wrap size={4}>
                  {created
                    .filter((c) => c.unit === unit.name)
                    .map((c) => (
                      <code key={c.username}>{c.username}</code>
                    ))}
                  <Button
                    size="small"
                    icon={<UserAddOutlined />}
                    onClick={() => {
                      action.clearError();
                      setAccountFor(unit);
                    }}
                    data-testid="unit-account-add"
                  >
                    {t('cm.un.addAccount')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={adding}
        title={t('cm.un.add')}
        okText={t('cm.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: action.busy === 'units', id: 'unit-add-ok' }}
        onOk={() => unitForm.submit()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <ErrorAlert error={action.error} />
        <Form form={unitForm} layout="vertical" preserve={false} onFinish={(v) => void addUnits(v)}>
          <Form.Item
            name="names"
            label={t('cm.un.names')}
            extra={t('cm.un.namesHint')}
            rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="unit-names" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={accountFor !== null}
        title={t('cm.un.accountTitle', { unit: accountFor?.name ?? '' })}
        okText={t('cm.un.createAccount')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: action.busy === 'account', id: 'unit-account-ok' }}
        onOk={() => accountForm.submit()}
        onCancel={() => setAccountFor(null)}
        destroyOnHidden
      >
        <p className="muted">{t('cm.un.accountExplain')}</p>
        <ErrorAlert error={action.error} />
        <Form form={accountForm} layout="vertical" preserve={false} onFinish={(v) => void addAccount(v)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[
              { required: true, message: t('cm.required') },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, message: t('cm.un.usernameHint') },
            ]}
          >
            <Input autoComplete="off" data-testid="unit-account-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('cm.un.displayName')}
            rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
          >
            <Input maxLength={50} data-testid="unit-account-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, min: 10, message: t('cm.un.passwordHint') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="unit-account-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
