import { Button, Card, Popconfirm, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LabelledNumber } from '../../../components/LabelledNumber.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { api, congressUrl } from '../../../lib/api.ts';
import type { ElectionDetail } from '../../../lib/setup-types.ts';
import type { RoundKind } from '../../../lib/types.ts';

/**
 * What the election needs next once the last round is announced, as the server's chain says: the round it requires (a formal
 * round, a run-off 再次投票 among the tied [T3]), or for a shortfall either a supplementary round
 * (另行选举) or a reduction of the seats approved by the presidium or a majority of electors [T4].
 */
export function NextRound({
  congressId,
  election,
  canRun,
  onChanged,
}: {
  readonly congressId: string;
  readonly election: ElectionDetail;
  readonly canRun: boolean;
  readonly onChanged: () => void;
}) {
  const { t, tx, lang } = useI18n();
  const action = useAction();
  const [reduceBy, setReduceBy] = useState<number | null>(null);
  const [approvedBy, setApprovedBy] = useState<'presidium' | 'electors-majority'>('presidium');
  const next = election.chain.next;
  const url = (rest: string) =>
    congressUrl(congressId, `/elections/${encodeURIComponent(election.id)}${rest}`);
  const open = (kind: RoundKind, seats: number, candidates: 'open' | readonly string[], advance?: number) =>
    action
      .run(
        'open',
        () =>
          api.post(url('/rounds'), {
            kind,
            seats,
            ...(advance !== undefined ? { advance } : {}),
            ...(candidates !== 'open' ? { candidates } : {}),
            ...(election.sittingId ? { sittingId: election.sittingId } : {}),
          }),
        { done: t('el.roundOpened'), inline: true },
      )
      .then((ok) => ok && onChanged());
  const reduce = () =>
    action
      .run('reduce', () => api.post(url('/reduce-seats'), { seats: reduceBy, approvedBy }), {
        done: t('el.seatsReduced'),
        inline: true,
      })
      .then((ok) => ok && onChanged());
  const names = (list: readonly string[]) => list.join(lang === 'zh' ? '、' : ', ');

  return (
    <Card size="small" type="inner" title={t('pres.next')} className="next-round" data-testid="next-round">
      <div className="next-reason">
        {tx(next.reason)} <Tag>[{next.reason.rule}]</Tag>
      </div>
      <ErrorAlert error={action.error} />
      {canRun && next.step === 'round' && (
        <Space orientation="vertical">
          <div>
            {t(`round.kind.${next.kind}`)} · {t('pres.seats', { n: next.seats })}
            {next.candidates !== 'open' && ` · ${t('pres.among', { names: names(next.candidates) })}`}
          </div>
          <Popconfirm
            title={t('el.openRoundConfirm', { kind: t(`round.kind.${next.kind}`) })}
            onConfirm={() => void open(next.kind, next.seats, next.candidates, next.advance)}
          >
            <Button type="primary" loading={action.busy === 'open'} data-testid="round-open">
              {t('pres.openRound', { kind: t(`round.kind.${next.kind}`) })}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {canRun && next.step === 'decide-shortfall' && (
        <Space orientation="vertical">
          <div>{t('pres.shortfall', { n: next.seats, names: names(next.eligible) || t('common.none') })}</div>
          <Popconfirm
            title={t('el.openRoundConfirm', { kind: t('round.kind.supplementary') })}
            onConfirm={() => void open('supplementary', next.seats, 'open')}
          >
            <Button type="primary" loading={action.busy === 'open'}>
              {t('pres.openRound', { kind: t('round.kind.supplementary') })}
            </Button>
          </Popconfirm>
          <Space wrap>
            <LabelledNumber
              label={t('el.reduceBy')}
              min={1}
              max={next.seats}
              value={reduceBy}
              onChange={setReduceBy}
            />
            <Radio.Group value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)}>
              <Radio value="presidium">{t('pres.byPresidium')}</Radio>
              <Radio value="electors-majority">{t('pres.byElectors')}</Radio>
            </Radio.Group>
            <Popconfirm title={t('el.reduceConfirm', { n: reduceBy ?? 0 })} onConfirm={() => void reduce()}>
              <Button disabled={reduceBy === null} loading={action.busy === 'reduce'}>
                {t('pres.reduce')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
    </Card>
  );
}
