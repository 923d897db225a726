import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  type ElectionView,
  openRoundEndpoint,
  prepareRoundEndpoint,
  type RoundKind,
  reduceSeatsEndpoint,
} from '../../../../../../contract/elections.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { OpenedKey } from '../../../components/KeySlips.tsx';
import { LabelledNumber } from '../../../components/LabelledNumber.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

/**
 * What the election needs next once the last round is announced, as the server's chain says: the round it requires (a formal
 * round, a run-off 再次投票 among the tied [T3]), or for a shortfall either a supplementary round
 * (另行选举) or a reduction of the seats approved by the presidium or a majority of electors [T4].
 * A round is prepared first (准备选票: list and seats fixed, ballots printable before the sitting),
 * then opened; or opened at once, as a run-off in the hall usually is.
 */
export function NextRound({
  congressId,
  election,
  canRun,
  canPrepare,
  onChanged,
  onKey,
}: {
  readonly congressId: string;
  readonly election: ElectionView;
  readonly canRun: boolean;
  /** The secretariat may prepare the round's ballots in advance. */
  readonly canPrepare: boolean;
  readonly onChanged: () => void;
  /** [B4] An electronic opening's key shares, to show once. */
  readonly onKey?: (opened: OpenedKey) => void;
}) {
  const { t, tx, lang } = useI18n();
  const action = useAction();
  const [reduceBy, setReduceBy] = useState<number | null>(null);
  const [approvedBy, setApprovedBy] = useState<'presidium' | 'electors-majority'>('presidium');
  const next = election.chain.next;
  const params = { congressId, electionId: election.id };
  const open = (kind: RoundKind, seats: number, candidates: 'open' | readonly string[], advance?: number) =>
    action
      .run(
        'open',
        async () => {
          const opened = await call(openRoundEndpoint, {
            params,
            body: {
              kind,
              seats,
              ...(advance !== undefined ? { advance } : {}),
              ...(candidates !== 'open' ? { candidates: [...candidates] } : {}),
              ...(election.sittingId ? { sittingId: election.sittingId } : {}),
            },
          });
          if (opened.key) onKey?.({ roundId: opened.roundId, key: opened.key });
        },
        { done: t('el.roundOpened'), inline: true },
      )
      .then((ok) => ok && onChanged());
  const prepare = (
    kind: RoundKind,
    seats: number,
    candidates: 'open' | readonly string[],
    advance?: number,
  ) =>
    action
      .run(
        'prepare',
        () =>
          call(prepareRoundEndpoint, {
            params,
            body: {
              kind,
              seats,
              ...(advance !== undefined ? { advance } : {}),
              ...(candidates !== 'open' ? { candidates: [...candidates] } : {}),
            },
          }),
        { done: t('el.prepared'), inline: true },
      )
      .then((ok) => ok && onChanged());
  const prepareButton = (
    kind: RoundKind,
    seats: number,
    candidates: 'open' | readonly string[],
    advance?: number,
  ) =>
    canPrepare && (
      <Popconfirm
        title={t('el.prepareConfirm', { kind: t(`round.kind.${kind}`) })}
        onConfirm={() => void prepare(kind, seats, candidates, advance)}
      >
        <Button icon={<PrinterOutlined />} loading={action.busy === 'prepare'} data-testid="round-prepare">
          {t('el.prepareRound')}
        </Button>
      </Popconfirm>
    );
  const reduce = (seats: number) =>
    action
      .run('reduce', () => call(reduceSeatsEndpoint, { params, body: { seats, approvedBy } }), {
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
          <Space wrap>
            {prepareButton(next.kind, next.seats, next.candidates, next.advance)}
            <Popconfirm
              title={t('el.openRoundConfirm', { kind: t(`round.kind.${next.kind}`) })}
              onConfirm={() => void open(next.kind, next.seats, next.candidates, next.advance)}
            >
              <Button type="primary" loading={action.busy === 'open'} data-testid="round-open">
                {t('pres.openRound', { kind: t(`round.kind.${next.kind}`) })}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
      {canRun && next.step === 'decide-shortfall' && (
        <Space orientation="vertical">
          <div>{t('pres.shortfall', { n: next.seats, names: names(next.eligible) || t('common.none') })}</div>
          <Space wrap>
            {prepareButton('supplementary', next.seats, 'open')}
            <Popconfirm
              title={t('el.openRoundConfirm', { kind: t('round.kind.supplementary') })}
              onConfirm={() => void open('supplementary', next.seats, 'open')}
            >
              <Button type="primary" loading={action.busy === 'open'}>
                {t('pres.openRound', { kind: t('round.kind.supplementary') })}
              </Button>
            </Popconfirm>
          </Space>
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
            <Popconfirm
              title={t('el.reduceConfirm', { n: reduceBy ?? 0 })}
              onConfirm={() => reduceBy !== null && void reduce(reduceBy)}
            >
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
