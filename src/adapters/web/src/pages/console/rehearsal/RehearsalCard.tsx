import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  rehearsalStateEndpoint,
  rehearseCheckInsEndpoint,
  rehearsePaperKeyingEndpoint,
  rehearseVotesEndpoint,
} from '../../../../../../contract/rehearsal.ts';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { useEndpoint } from '../../../lib/use-api.ts';
import { useThrottled } from '../../../lib/use-throttled.ts';

// 演练助手: only in the demonstration congress (the server says whether this is one). One person
// lets the rest of the hall act — the other delegates check in, the other electors vote, two
// tellers key the other paper ballots — and runs the congress from the first check-in to the
// first plenary's results. Everything goes through the hall's own services and is audited.

export function RehearsalCard({ congressId, tick }: { readonly congressId: string; readonly tick: number }) {
  const { t } = useI18n();
  const state = useEndpoint(rehearsalStateEndpoint, { params: { congressId } });
  const action = useAction();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const reload = useThrottled(() => void state.reload(), 1000);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when the congress moves on
  useEffect(reload, [tick]);

  const data = state.data;
  if (!data?.allowed) return null;
  const run = async (key: string, write: () => Promise<unknown>, done: string) => {
    await action.run(key, write, { done });
    await state.reload();
  };

  const nothing = data.sittings.length === 0 && data.rounds.length === 0;
  return (
    <Card
      className="console-card rehearsal-card"
      size="small"
      title={
        <span>
          <ExperimentOutlined /> {t('rh.title')}
        </span>
      }
      data-testid="rehearsal-card"
    >
      <Alert type="info" showIcon title={t('rh.intro')} className="rehearsal-intro" />
      {nothing && <p className="muted">{t('rh.nothing')}</p>}
      {data.sittings.map((sitting) => {
        const count = counts[sitting.id] ?? sitting.absent;
        return (
          <div
            className="rehearsal-line"
            key={sitting.id}
            data-testid="rehearsal-sitting"
            data-sitting-id={sitting.id}
          >
            <span className="rehearsal-what">
              {sitting.title}
              <span className="muted">{t('rh.absent', { n: sitting.absent })}</span>
            </span>
            <Space.Compact>
              <InputNumber
                min={1}
                max={Math.max(1, sitting.absent)}
                value={count}
                onChange={(value) => setCounts((c) => ({ ...c, [sitting.id]: value ?? 1 }))}
                disabled={sitting.absent === 0}
                aria-label={t('rh.howMany')}
                data-testid="rehearsal-checkin-count"
              />
              <Button
                onClick={() =>
                  void run(
                    `checkin-${sitting.id}`,
                    () =>
                      call(rehearseCheckInsEndpoint, {
                        params: { congressId },
                        body: { sittingId: sitting.id, count },
                      }),
                    t('rh.checkedIn', { n: count }),
                  )
                }
                loading={action.busy === `checkin-${sitting.id}`}
                disabled={sitting.absent === 0}
                data-testid="rehearsal-checkin"
              >
                {t('rh.checkIn')}
              </Button>
            </Space.Compact>
          </div>
        );
      })}
      {data.rounds.map((round) => {
        const key = `round-${round.roundId}`;
        const electronic = round.mode === 'electronic';
        return (
          <div
            className="rehearsal-line"
            key={round.roundId}
            data-testid="rehearsal-round"
            data-mode={round.mode}
            data-pending={round.pending}
          >
            <span className="rehearsal-what">
              {round.election} {t('ballot.roundN', { n: round.seq })}{' '}
              <Tag>{t(`pres.mode.${round.mode}`)}</Tag>
              <span className="muted">
                {t(electronic ? 'rh.yetToVote' : 'rh.yetToKey', { n: round.pending })}
              </span>
            </span>
            <Button
              onClick={() =>
                void run(
                  key,
                  () =>
                    call(electronic ? rehearseVotesEndpoint : rehearsePaperKeyingEndpoint, {
                      params: { congressId, roundId: round.roundId },
                    }),
                  t(electronic ? 'rh.voted' : 'rh.keyed', { n: round.pending }),
                )
              }
              loading={action.busy === key}
              disabled={round.pending === 0}
              data-testid={electronic ? 'rehearsal-vote' : 'rehearsal-key'}
            >
              {t(electronic ? 'rh.vote' : 'rh.key')}
            </Button>
          </div>
        );
      })}
    </Card>
  );
}
