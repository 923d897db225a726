import { Button, Card, InputNumber, Popconfirm, Radio, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ElectionView, RoundKind, SeatReduction } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type openRoundBody, showsNextReason } from './presiding-logic.ts';
import type { PanelAction } from './use-election-panel.ts';

/**
 * What the chain of rounds requires next, set up in one click: the next round, or after a
 * shortfall a supplementary round or fewer seats [T4]; or the election complete with those elected.
 */
export function NextStepCard({
  election,
  roundFinished,
  busy,
  onOpen,
  onReduce,
}: {
  readonly election: ElectionView;
  readonly roundFinished: boolean;
  readonly busy: PanelAction | undefined;
  readonly onOpen: (
    next: Parameters<typeof openRoundBody>[0],
    candidates: 'open' | readonly string[],
  ) => void;
  readonly onReduce: (reduction: SeatReduction) => void;
}) {
  const { t, tx } = useI18n();
  // reduce-seats takes how many seats to give up (1 … the shortfall), not the new total [T4].
  const [reduceBy, setReduceBy] = useState<number | null>(null);
  const [approvedBy, setApprovedBy] = useState<SeatReduction['approvedBy']>('presidium');
  const next = election.chain.next;
  const kindText = next.step === 'round' ? t(`round.kind.${next.kind}`) : null;
  return (
    <Card
      size="small"
      type="inner"
      title={t('pres.next')}
      className="presiding-next"
      data-testid="pres-next"
      data-step={next.step}
    >
      {showsNextReason(next, tx(next.reason), kindText) && (
        <div className="presiding-next-reason">
          {tx(next.reason)} <Tag>[{next.reason.rule}]</Tag>
        </div>
      )}
      {next.step === 'round' && roundFinished && (
        <Space orientation="vertical">
          <div data-testid="pres-next-round" className="presiding-next-round">
            {t(`round.kind.${next.kind}`)} · {t('pres.seats', { n: next.seats })}
            {next.candidates !== 'open' && ` · ${t('pres.among', { names: next.candidates.join('、') })}`}
            {tx(next.reason) === kindText && <Tag>[{next.reason.rule}]</Tag>}
          </div>
          <OpenConfirm
            election={election}
            kind={next.kind}
            seats={next.seats}
            candidates={next.candidates === 'open' ? election.candidates.length : next.candidates.length}
            onConfirm={() => onOpen(next, next.candidates)}
          >
            <Button type="primary" size="large" loading={busy === 'open'} data-testid="pres-open">
              {t('pres.openRound', { kind: t(`round.kind.${next.kind}`) })}
            </Button>
          </OpenConfirm>
        </Space>
      )}
      {next.step === 'decide-shortfall' && roundFinished && (
        <Space orientation="vertical">
          <div>
            {t('pres.shortfall', { n: next.seats, names: next.eligible.join('、') || t('common.none') })}
          </div>
          <OpenConfirm
            election={election}
            kind="supplementary"
            seats={next.seats}
            candidates={next.eligible.length}
            onConfirm={() => onOpen({ kind: 'supplementary', seats: next.seats }, 'open')}
          >
            <Button type="primary" loading={busy === 'open'} data-testid="pres-open">
              {t('pres.openRound', { kind: t('round.kind.supplementary') })}
            </Button>
          </OpenConfirm>
          <Space wrap>
            {t('pres.reduceBy')}
            <InputNumber min={1} max={next.seats} value={reduceBy} onChange={(v) => setReduceBy(v)} />
            {t('pres.reduceByUnit', { max: next.seats })}
            <Radio.Group value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)}>
              <Radio value="presidium">{t('pres.byPresidium')}</Radio>
              <Radio value="electors-majority">{t('pres.byElectors')}</Radio>
            </Radio.Group>
            <Button
              disabled={reduceBy === null}
              loading={busy === 'reduce'}
              onClick={() => reduceBy !== null && onReduce({ seats: reduceBy, approvedBy })}
            >
              {t('pres.reduce')}
            </Button>
          </Space>
        </Space>
      )}
      {next.step === 'complete' && (
        <Space orientation="vertical">
          <Tag color="green" data-testid="pres-complete">
            {t('pres.complete')}
          </Tag>
          {election.chain.elected.length > 0 && (
            <div data-testid="pres-elected">
              {t('pres.electedAll', {
                n: election.chain.elected.length,
                names: election.chain.elected.join('、'),
              })}
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}

/**
 * Opening a round issues its ballots and cannot be undone: the presiding officer confirms, with
 * what is about to be voted on before their eyes.
 */
function OpenConfirm({
  election,
  kind,
  seats,
  candidates,
  onConfirm,
  children,
}: {
  readonly election: ElectionView;
  readonly kind: RoundKind;
  readonly seats: number;
  readonly candidates: number;
  readonly onConfirm: () => void;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={t('confirm.openRound', { kind: t(`round.kind.${kind}`) })}
      description={
        <div className="confirm-body" data-testid="pres-open-warning">
          {t('confirm.openRoundBody', { title: election.title, seats, n: candidates })}
        </div>
      }
      okText={t('confirm.openRoundOk')}
      placement="topLeft"
      okButtonProps={{ 'data-testid': 'pres-open-confirm' }}
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
}
