import { Alert, Button, Card, Empty, Image, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  decideScanItemEndpoint,
  type ReviewItem,
  reviewQueueEndpoint,
  type ScanMark,
  scanSheetImageEndpoint,
} from '../../../../../contract/scan.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call, urlOf } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { decisionBody, decisionProblem, markChoices } from './scan-logic.ts';

type T = ReturnType<typeof useI18n>['t'];
type Key = Parameters<T>[0];

/**
 * 复核: the calling teller's queue, one box at a time — its crop, why the machine did not read it,
 * the whole sheet beside it — and the four readings [B1]. The other teller decides the same boxes
 * without seeing this teller's decisions [P2].
 */
export function ScanReview({
  congressId,
  roundId,
  candidates,
  onDecided,
}: {
  readonly congressId: string;
  readonly roundId: string;
  /** The printed candidates: a write-in may not name one of them. */
  readonly candidates: readonly string[];
  readonly onDecided: () => void;
}) {
  const { t } = useI18n();
  const params = { congressId, roundId };
  const queue = useEndpoint(reviewQueueEndpoint, { params, query: { limit: 20 } });
  const item = queue.data?.items[0];
  return (
    <Card
      title={t('scan.review.title')}
      extra={
        queue.data ? (
          <Tag data-testid="scan-remaining">{t('scan.review.remaining', { n: queue.data.remaining })}</Tag>
        ) : null
      }
      data-testid="scan-review"
    >
      <ErrorAlert error={queue.error} onRetry={() => void queue.reload()} />
      {!item ? (
        queue.data ? (
          <Empty description={t('scan.review.done')} data-testid="scan-review-done" />
        ) : null
      ) : (
        <ReviewBox
          key={item.id}
          item={item}
          congressId={congressId}
          roundId={roundId}
          candidates={candidates}
          onDecided={() => {
            void queue.reload();
            onDecided();
          }}
        />
      )}
    </Card>
  );
}

function itemTitle(t: T, item: ReviewItem): string {
  return item.kind === 'write-in'
    ? t('scan.review.writeIn', { n: item.position + 1 })
    : t('scan.review.item', { candidate: item.candidate ?? '' });
}

function ReviewBox({
  item,
  congressId,
  roundId,
  candidates,
  onDecided,
}: {
  readonly item: ReviewItem;
  readonly congressId: string;
  readonly roundId: string;
  readonly candidates: readonly string[];
  readonly onDecided: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const sheetUrl = urlOf(scanSheetImageEndpoint, { params: { congressId, roundId, sheetId: item.sheetId } });

  const decide = async (mark: ScanMark) => {
    const wrong = decisionProblem(item, mark, name, candidates);
    if (wrong) {
      setProblem(t(wrong === 'name-needed' ? 'scan.review.nameNeeded' : 'scan.review.namePrinted'));
      return;
    }
    setProblem(undefined);
    const ok = await action.run(
      `mark-${mark}`,
      () =>
        call(decideScanItemEndpoint, {
          params: { congressId, roundId, itemId: item.id },
          body: decisionBody(item, mark, name),
        }),
      { done: t('scan.review.decided') },
    );
    if (ok) onDecided();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scan-item">
      <div className="scan-item-head">
        <strong data-testid="scan-item-title">{itemTitle(t, item)}</strong>
        {item.reason && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            {t('scan.review.why', { reason: t(`scan.why.${item.reason}` as Key) })}
          </Tag>
        )}
      </div>
      <Space wrap align="start" size="large">
        <img
          src={item.crop}
          alt={itemTitle(t, item)}
          className="scan-crop"
          style={{ maxWidth: 360, border: '1px solid #ddd', background: '#fff' }}
          data-testid="scan-crop"
        />
        <div data-testid="scan-sheet-image">
          <Image
            src={sheetUrl}
            alt={t('scan.review.sheet')}
            width={160}
            style={{ border: '1px solid #ddd' }}
          />
        </div>
      </Space>
      {item.kind === 'write-in' && (
        <Input
          style={{ maxWidth: 320 }}
          placeholder={t('scan.review.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="scan-name"
        />
      )}
      {problem && <Alert type="warning" title={problem} showIcon />}
      <Space wrap>
        {markChoices(item).map((mark) => (
          <Button
            key={mark}
            size="large"
            type={mark === 'for' ? 'primary' : 'default'}
            loading={action.busy === `mark-${mark}`}
            disabled={action.busy !== undefined}
            onClick={() => void decide(mark)}
            data-testid={`scan-mark-${mark}`}
          >
            {t(`scan.mark.${mark}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}
