import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { type AuditEntry, auditEndpoint, congressAuditEndpoint } from '../../../../../contract/audit.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type AuditKind, actionGroups, actionKind, labelOf, subjectKind } from '../../lib/audit.ts';
import { formatHallDateTime } from '../../lib/format.ts';
import { rolesInEveryCongress } from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { AuditEntryDetail } from './audit/AuditEntryDetail.tsx';
import { ChainVerdict, useChainVerification } from './audit/ChainVerdict.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// 审计日志: the append-only, hash-chained record of every change, newest first, a page at a time;
// filtered by action (or a whole kind of actions) and by subject; each entry opens to show the
// state before and after and its hashes. The log read is this congress's entries; whoever holds
// the role in every congress may switch to the whole installation's. "Verify" checks the chain.

const PAGE_SIZE = 50;

export function AuditLog({ congressId }: ConsoleSectionProps) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const everyCongress = mayCall(auditEndpoint, new Set(rolesInEveryCongress(session)));
  const [scope, setScope] = useState<'congress' | 'all'>('congress');
  const [action, setAction] = useState<string>();
  const [subject, setSubject] = useState<string>();
  const [subjectText, setSubjectText] = useState('');
  const [page, setPage] = useState(1);
  const chain = useChainVerification(congressId);
  const compact = !Grid.useBreakpoint().md;

  const filters = { action, subject, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  // Two endpoints, one page shape: only the scope shown is loaded.
  const congressLog = useEndpoint(
    congressAuditEndpoint,
    scope === 'congress' ? { params: { congressId }, query: filters } : null,
  );
  const wholeLog = useEndpoint(auditEndpoint, scope === 'all' ? { query: filters } : null);
  const log = scope === 'all' ? wholeLog : congressLog;
  const labels = log.data?.labels ?? {};

  // The system itself (the demo seed, set-up scripts) acts as account:system, which is no account.
  const actorName = (actor: string) =>
    labels[actor]?.name ?? (actor === 'account:system' ? t('audit.system') : actor);
  const kindTag = (kind: AuditKind | null) =>
    kind ? <Tag className="audit-kind">{t(`audit.kind.${kind}`)}</Tag> : null;
  const filterSubject = (value: string | undefined) => {
    setSubject(value);
    setSubjectText(value ?? '');
    setPage(1);
  };
  const actionCell = (a: string) => (
    <span className="audit-action">
      {kindTag(actionKind(a))}
      <code>{a}</code>
    </span>
  );
  const subjectCell = (s: string) => {
    const label = labelOf(labels, s);
    return (
      <div className="audit-subject">
        <span>
          {kindTag(subjectKind(s))}
          {label && (
            <span className="audit-subject-name" title={label.name}>
              {label.name}
            </span>
          )}
          {label?.round !== undefined && (
            <span className="audit-subject-round">{t('ballot.roundN', { n: label.round })}</span>
          )}
        </span>
        <button
          type="button"
          className="audit-subject-code"
          title={t('audit.filterThis')}
          onClick={() => filterSubject(s)}
        >
          {s}
        </button>
      </div>
    );
  };
  // A phone gets one column: the entry's number and action, its subject, then when and by whom.
  const columns: ColumnsType<AuditEntry> = compact
    ? [
        {
          title: t('audit.col.entry'),
          key: 'entry',
          render: (_, entry) => (
            <div className="audit-compact">
              <div>
                <span className="mono">{entry.seq}</span> {actionCell(entry.action)}
              </div>
              {subjectCell(entry.subject)}
              <div className="muted small">
                {formatHallDateTime(entry.at, lang)} · {actorName(entry.actor)}
              </div>
            </div>
          ),
        },
      ]
    : [
        {
          title: t('audit.col.seq'),
          dataIndex: 'seq',
          width: 72,
          render: (seq: number) => <span className="mono">{seq}</span>,
        },
        {
          title: t('audit.col.at'),
          dataIndex: 'at',
          render: (at: string) => <span className="audit-at">{formatHallDateTime(at, lang)}</span>,
        },
        {
          title: t('audit.col.actor'),
          dataIndex: 'actor',
          responsive: ['lg'],
          render: (actor: string) => <span title={actor}>{actorName(actor)}</span>,
        },
        { title: t('audit.col.action'), dataIndex: 'action', render: actionCell },
        { title: t('audit.col.subject'), dataIndex: 'subject', render: subjectCell },
      ];

  return (
    <div className="console-page" data-testid="audit-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.audit')}</h1>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={chain.busy}
          onClick={() => void chain.verify()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </div>
      <ErrorAlert error={chain.error} />
      {chain.verification && <ChainVerdict verification={chain.verification} />}
      <p className="muted audit-intro">{t('audit.intro')}</p>
      <div className="toolbar audit-toolbar">
        {everyCongress && (
          <Segmented
            value={scope}
            onChange={(value) => {
              setScope(value as 'congress' | 'all');
              setAction(undefined);
              setPage(1);
            }}
            options={[
              { value: 'congress', label: t('audit.scope.congress') },
              { value: 'all', label: t('audit.scope.all') },
            ]}
            data-testid="audit-scope"
          />
        )}
        <Select
          allowClear
          showSearch
          placeholder={t('audit.filterAction')}
          value={action}
          onChange={(value) => {
            setAction(value);
            setPage(1);
          }}
          className="toolbar-select audit-action-filter"
          popupMatchSelectWidth={false}
          data-testid="audit-action-filter"
          options={actionGroups(log.data?.actions ?? []).map((group) => ({
            label: group.kind ? t(`audit.kind.${group.kind}`) : group.prefix,
            title: group.prefix,
            options: [
              ...(group.actions.length > 1
                ? [{ value: group.prefix, label: t('audit.allOf', { prefix: group.prefix }) }]
                : []),
              ...group.actions.map((a) => ({ value: a, label: a })),
            ],
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.filterSubject')}
          value={subjectText}
          onChange={(e) => {
            setSubjectText(e.target.value);
            if (e.target.value === '') filterSubject(undefined);
          }}
          onSearch={(value) => filterSubject(value.trim() || undefined)}
          className="toolbar-search"
          data-testid="audit-subject-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void log.reload()}>
          {t('common.refresh')}
        </Button>
        {log.data && (
          <span className="muted toolbar-count" data-testid="audit-count">
            {t('audit.total', { n: log.data.total })}
          </span>
        )}
      </div>
      <ErrorAlert error={log.error} onRetry={() => void log.reload()} />
      <Card className="console-card audit-card" size="small">
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={log.loading}
          dataSource={[...(log.data?.entries ?? [])]}
          {...(compact ? {} : { scroll: { x: 'max-content' } })}
          onRow={(entry) => ({ 'data-testid': 'audit-entry', 'data-action': entry.action }) as object}
          expandable={{
            expandedRowRender: (entry) => (
              <AuditEntryDetail entry={entry} actorName={actorName(entry.actor)} />
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: log.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={columns}
        />
      </Card>
    </div>
  );
}
