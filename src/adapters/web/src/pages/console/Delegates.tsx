import {
  DownloadOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import {
  type DelegateView,
  delegatesEndpoint,
  delegationsEndpoint,
  exportDelegatesEndpoint,
  issueCredentialsEndpoint,
  previewDelegateImportEndpoint,
} from '../../../../../contract/delegates.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { urlOf } from '../../lib/api.ts';
import { filterDelegates } from '../../lib/delegate-filter.ts';
import type { Role } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useEndpoint } from '../../lib/use-api.ts';

export function Delegates({
  congressId,
  roles,
  members,
}: {
  readonly congressId: string;
  readonly roles: ReadonlySet<Role>;
  /** A meeting's roster (委员 or 常委, taken from the register): no delegations, no import. */
  readonly members?: 'plenary' | 'standing-committee' | undefined;
}) {
  const { t } = useI18n();
  const { navigate, search } = useRouter();
  const delegates = useEndpoint(delegatesEndpoint, { params: { congressId } });
  const delegations = useEndpoint(delegationsEndpoint, { params: { congressId } });
  const canImport = !members && mayCall(previewDelegateImportEndpoint, roles);
  const canExport = mayCall(exportDelegatesEndpoint, roles);
  const canIssue = mayCall(issueCredentialsEndpoint, roles);
  const [text, setText] = useState('');
  const [delegationId, setDelegationId] = useState<string | undefined>(search.get('delegation') ?? undefined);

  const shown = useMemo(
    () => filterDelegates(delegates.data ?? [], text, delegationId),
    [delegates.data, text, delegationId],
  );

  return (
    <div className="console-page">
      <div className="console-page-head">
        <h1 className="page-title">
          {members ? t(`cm.section.roster.${members}`) : t('console.section.delegates')}
        </h1>
        {(canImport || canExport || canIssue) && (
          <Space wrap>
            {canImport && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => navigate(pathFor('consoleImport', { congressId }))}
              >
                {t('dl.import')}
              </Button>
            )}
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                href={urlOf(exportDelegatesEndpoint, { params: { congressId }, query: { format: 'xlsx' } })}
              >
                {t('dl.export')}
              </Button>
            )}
            {canIssue && (
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                onClick={() => navigate(pathFor('consoleCredentials', { congressId }))}
              >
                {t('dl.credentials')}
              </Button>
            )}
          </Space>
        )}
      </div>
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={members ? t('cm.dl.search') : t('dl.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="toolbar-search"
          data-testid="delegate-search"
        />
        {!members && (
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
        )}
        <span className="muted toolbar-count" data-testid="delegate-count">
          {members ? t('cm.dl.total', { n: shown.length }) : t('dl.total', { n: shown.length })}
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
          { title: members ? t('cm.rc.code') : t('dl.col.code'), dataIndex: 'code', width: 90 },
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
          ...(members ? [] : [{ title: t('dl.col.delegation'), dataIndex: 'delegation', width: 150 }]),
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
