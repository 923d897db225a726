import { Card, Space, Tag } from 'antd';
import type { BatchComparison, Disagreement } from '../../../../../contract/ballots.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { joinList } from '../../lib/format.ts';
import { SheetDisagreement } from './SheetDisagreement.tsx';

/** A batch with something to look at: its disagreements, and the sheets keyed in one pass only. */
export function BatchCard({
  batch,
  onResolve,
}: {
  readonly batch: BatchComparison;
  readonly onResolve: (batchNo: number, disagreement: Disagreement) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Card
      size="small"
      className="scr-batch"
      data-testid="scr-batch"
      data-batch={batch.batchNo}
      title={
        <Space wrap>
          {t('teller.batchN', { n: batch.batchNo })}
          <Tag color="green">{t('scr.agreedN', { n: batch.agreed.length })}</Tag>
          <Tag color={batch.disagreements.length > 0 ? 'red' : 'default'}>
            {t('scr.disagreeN', { n: batch.disagreements.length })}
          </Tag>
          {batch.onlyA.length > 0 && (
            <Tag color="orange">{t('scr.onlyAList', { list: joinList(batch.onlyA, lang) })}</Tag>
          )}
          {batch.onlyB.length > 0 && (
            <Tag color="orange">{t('scr.onlyBList', { list: joinList(batch.onlyB, lang) })}</Tag>
          )}
        </Space>
      }
    >
      {batch.disagreements.length === 0 ? (
        <span className="scr-hint">{t('scr.noDisagreement')}</span>
      ) : (
        batch.disagreements.map((d) => (
          <SheetDisagreement key={d.sheetNo} disagreement={d} onResolve={() => onResolve(batch.batchNo, d)} />
        ))
      )}
    </Card>
  );
}
