import { AuditOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import {
  type PaperKeying,
  paperComparisonEndpoint,
  paperKeyingEndpoint,
  paperReconciliationEndpoint,
} from '../../../../../../contract/ballots.ts';
import type { RoundView } from '../../../../../../contract/elections.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHallTime } from '../../../lib/format.ts';
import { batchStates, passTotals } from '../../../lib/paper-progress.ts';
import type { Role } from '../../../lib/roles.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

type TellerRow = PaperKeying['tellers'][number];

/** One paper round: issued against returned [B2], progress of both passes, keying per teller, batches. */
export function PaperRoundCard({
  congressId,
  electionTitle,
  round,
  roles,
  version,
}: {
  readonly congressId: string;
  readonly electionTitle: string;
  readonly round: RoundView;
  readonly roles: ReadonlySet<Role>;
  /** Bumped when a sheet of this round is keyed or resolved. */
  readonly version: number;
}) {
  const { t, tx, lang } = useI18n();
  const { navigate } = useRouter();
  const params = { congressId, roundId: round.id };
  const reconciliation = useEndpoint(paperReconciliationEndpoint, { params });
  const keying = useEndpoint(paperKeyingEndpoint, { params });
  // The comparison shows what each pass read: for the scrutineers only.
  const isScrutineer = roles.has('scrutineer');
  const comparison = useEndpoint(paperComparisonEndpoint, isScrutineer ? { params } : null);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void reconciliation.reload();
    void keying.reload();
    if (isScrutineer) void comparison.reload();
  }, [version, isScrutineer, reconciliation.reload, keying.reload, comparison.reload]);

  const rec = reconciliation.data;
  const progress = rec?.progress;
  const totals = passTotals(keying.data);
  const batches = batchStates(comparison.data?.batches ?? []);
  const batchList = (row: TellerRow) =>
    row.batches
      .map((b) => t('paper.batchSheets', { batch: b.batchNo, n: b.sheets }))
      .join(lang === 'zh' ? '，' : ', ');

  return (
    <Card className="console-card" data-testid="paper-round" data-round-id={round.id}>
      <div className="election-head">
        <h2 className="election-name">{electionTitle}</h2>
        <Space wrap size={4}>
          <Tag>
            {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)}
          </Tag>
          <Tag color={round.status === 'open' ? 'processing' : round.status === 'closed' ? 'gold' : 'green'}>
            {t(`ballot.status.${round.status}`)}
          </Tag>
        </Space>
        <Space wrap size={6} className="election-pdf">
          {roles.has('teller') && (
            <Button
              size="small"
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(pathFor('teller', { congressId }))}
              data-testid="open-teller"
            >
              {t('nav.teller')}
            </Button>
          )}
          {isScrutineer && (
            <Button
              size="small"
              icon={<AuditOutlined />}
              onClick={() => navigate(pathFor('scrutineer', { congressId }))}
              data-testid="open-scrutineer"
            >
              {t('nav.scrutineer')}
            </Button>
          )}
        </Space>
      </div>
      <ErrorAlert error={reconciliation.error ?? keying.error ?? comparison.error} />
      {rec && (
        <Alert
          className="reconciliation"
          type={rec.reconciliation.valid === null ? 'info' : rec.reconciliation.valid ? 'success' : 'error'}
          showIcon
          data-testid="reconciliation"
          data-valid={String(rec.reconciliation.valid)}
          title={`[${rec.reconciliation.rule}] ${tx(rec.reconciliation)}`}
        />
      )}
      {progress && (
        <div className="paper-stats" data-testid="paper-progress">
          <Statistic title={t('paper.issued')} value={rec?.reconciliation.issued ?? t('common.dash')} />
          <Statistic title={t('teller.returned')} value={progress.sheets} />
          <Statistic title={t('paper.passA')} value={totals.A} />
          <Statistic title={t('paper.passB')} value={totals.B} />
          <Statistic title={t('scr.agreed')} value={progress.agreed} />
          <Statistic title={t('scr.resolvedN')} value={progress.resolved} />
          <Statistic
            title={t('teller.unresolved')}
            value={progress.unresolved}
            styles={{ content: { color: progress.unresolved > 0 ? '#c62828' : undefined } }}
          />
          <Statistic title={t('scr.onlyA')} value={progress.onlyA} />
          <Statistic title={t('scr.onlyB')} value={progress.onlyB} />
        </div>
      )}
      <h3 className="paper-subtitle">{t('paper.byTeller')}</h3>
      <Table<TellerRow>
        size="small"
        rowKey={(r) => `${r.username}:${r.pass}`}
        pagination={false}
        loading={keying.loading}
        dataSource={[...(keying.data?.tellers ?? [])]}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('teller.noneYet') }}
        data-testid="paper-tellers"
        columns={[
          { title: t('paper.teller'), dataIndex: 'displayName', width: 110 },
          {
            title: t('teller.pass'),
            dataIndex: 'pass',
            width: 110,
            render: (pass: 'A' | 'B') => t(pass === 'A' ? 'teller.passA' : 'teller.passB'),
          },
          { title: t('paper.sheets'), dataIndex: 'sheets', width: 80 },
          { title: t('paper.batches'), key: 'batches', render: (_v, r) => batchList(r) },
          {
            title: t('paper.lastAt'),
            dataIndex: 'lastEnteredAt',
            responsive: ['sm'],
            render: (at: string) => formatHallTime(at),
          },
        ]}
      />
      {isScrutineer && (
        <>
          <h3 className="paper-subtitle">{t('paper.byBatch')}</h3>
          <Table
            size="small"
            rowKey="batchNo"
            pagination={false}
            loading={comparison.loading}
            dataSource={batches}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('teller.noneYet') }}
            data-testid="paper-batches"
            columns={[
              {
                title: t('teller.batch'),
                dataIndex: 'batchNo',
                render: (n: number) => t('teller.batchN', { n }),
              },
              { title: t('scr.agreed'), dataIndex: 'agreed' },
              { title: t('paper.disagreements'), dataIndex: 'disagreements' },
              { title: t('teller.unresolved'), dataIndex: 'unresolved' },
              { title: t('scr.onlyA'), dataIndex: 'onlyA' },
              { title: t('scr.onlyB'), dataIndex: 'onlyB' },
              {
                title: t('ov.status'),
                dataIndex: 'settled',
                render: (settled: boolean) =>
                  settled ? (
                    <Tag color="green">{t('paper.settled')}</Tag>
                  ) : (
                    <Tag color="orange">{t('paper.pending')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
