import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import type { PaperReconciliation } from '../../../../../contract/ballots.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ApiError } from '../../lib/api.ts';

/** Both passes of every teller so far: sheets returned, agreed, unresolved, and the provisional totals. */
export function RunningTotals({
  totals,
  error,
  onRefresh,
}: {
  readonly totals: PaperReconciliation | undefined;
  readonly error: ApiError | undefined;
  readonly onRefresh: () => void;
}) {
  const { t, tx } = useI18n();
  const progress = totals?.progress;
  return (
    <Card
      title={t('teller.totals')}
      extra={
        <Button size="small" onClick={onRefresh}>
          {t('common.refresh')}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      {totals && (
        <>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title={t('teller.returned')} value={progress?.sheets} />
            </Col>
            <Col span={8}>
              <Statistic title={t('teller.agreed')} value={progress?.settled} />
            </Col>
            <Col span={8}>
              <Statistic title={t('teller.unresolved')} value={progress?.unresolved} />
            </Col>
          </Row>
          <div className="teller-only">
            {t('teller.onlyAB', { a: totals.progress.onlyA, b: totals.progress.onlyB })}
          </div>
          <div className="teller-provisional">{tx(totals.provisional)}</div>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={[...totals.provisional.candidates]}
            columns={[
              { title: t('ballot.candidate'), dataIndex: 'name' },
              { title: '○', dataIndex: 'for', width: 56 },
              { title: '×', dataIndex: 'against', width: 56 },
              { title: t('ballot.abstain'), dataIndex: 'abstain', width: 88 },
            ]}
          />
        </>
      )}
    </Card>
  );
}
