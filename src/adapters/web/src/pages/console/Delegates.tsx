import {
  DownloadOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { congressUrl } from '../../lib/api.ts';
import { filterDelegates } from '../../lib/delegate-filter.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import type { DelegateView, DelegationView } from '../../lib/types.ts';
import { useApi } from '../../lib/use-api.ts';

export function Delegates({
  congressId,
  canAdmin,
}: {
  readonly congressId: string;
  readonly canAdmin: boolean;
}) {
  const { t } = useI18n();
  const { navigate, search } = useRouter();
  const delegates = useApi<DelegateView[]>(congressUrl(congressId, '/delegates'));
  const delegations = useApi<DelegationView[]>(congressUrl(congressId, '/delegations'));
  const [text, setText] = useState('');
  const [delegationId, setDelegationId] = useState<string | undefined>(search.get('delegation') ?? undefined);

  const shown = useMemo(
    () => filterDelegates(delegates.data ?? [], text, delegationId),
    [delegates.data, text, delegationId],
  );

  return (
    <div className="console-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.delegates')}</h1>
        {canAdmin && (
          <Space wrap>
            <Button
              icon={<ImportOutlined />}
              onClick={() => navigate(pathFor('consoleImport', { congressId }))}
            >
              {t('dl.import')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={congressUrl(congressId, '/delegate-export?format=xlsx')}
            >
              {t('dl.export')}
            </Button>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              onClick={() => navigate(pathFor('consoleCredentials', { congressId }))}
            >
              {t('dl.credentials')}
            </Button>
          </Space>
        )}
      </div>
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('dl.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="toolbar-search"
          data-testid="delegate-search"
        />
        <Select
          allowClear
          placeholder={t('dl.allDelegations')}
          value={delegationId}
          onChange={(v) => setDelegationId(v)}
          options={(delegations.data ?? []).map((d) => ({
            value: d.id,
            label: `${d.name}（${d.delegates}）`,
          }))}
          className="toolbar-select"
          popupMatchSelectWidth={false}
          data-testid="delegation-filter"
        />
        <span className="muted toolbar-count" data-testid="delegate-count">
          {t('dl.total', { n: shown.length })}
        </span>
      </div>
      <ErrorAlert error={delegates.error} onRetry={() => void delegates.reload()} />
      <Table
        rowKey="id"
        size="middle"
        loading={delegates.loading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 500] }}
        columns={[
          { title: t('dl.col.code'), dataIndex: 'code', width: 90 },
          {
            title: t('dl.col.name'),
            dataIndex: 'name',
            width: 110,
            render: (name: string) => <strong>{name}</strong>,
          },
          {
            title: t('dl.col.gender'),
            dataIndex: 'gender',
            width: 64,
            responsive: ['md'],
            render: (g: string) =>
              g === 'male' ? t('dl.gender.male') : g === 'female' ? t('dl.gender.female') : g,
          },
          { title: t('dl.col.ethnicity'), dataIndex: 'ethnicity', width: 80, responsive: ['md'] },
          { title: t('dl.col.delegation'), dataIndex: 'delegation', width: 150 },
          { title: t('dl.col.position'), dataIndex: 'position', ellipsis: true, responsive: ['lg'] },
          {
            title: t('dl.col.voting'),
            dataIndex: 'votingRights',
            width: 90,
            render: (v: boolean, d: DelegateView) =>
              v ? (
                <Tag color="green">{t('dl.voting.yes')}</Tag>
              ) : (
                <Tooltip title={d.suspensionReason}>
                  <Tag color="red">{t('dl.voting.no')}</Tag>
                </Tooltip>
              ),
          },
          {
            title: t('dl.col.credential'),
            dataIndex: 'hasCredential',
            width: 100,
            responsive: ['md'],
            render: (v: boolean) =>
              v ? (
                <Tag color="blue">{t('dl.credential.yes')}</Tag>
              ) : (
                <span className="muted">{t('dl.credential.no')}</span>
              ),
          },
        ]}
      />
    </div>
  );
}
