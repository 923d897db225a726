import { Alert, Card, Space, Spin, Steps, Tag } from 'antd';
import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import {
  countRoundEndpoint,
  type ElectionMethod,
  ROUND_STATUSES,
} from '../../../../../contract/elections.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { KeySlips } from '../../components/KeySlips.tsx';
import { RoundResult } from '../../components/RoundResult.tsx';
import { SignedBy } from '../../components/SignedBy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { rolesFor } from '../../lib/roles.ts';
import type { LiveRounds } from '../../lib/round-live.ts';
import { useSession } from '../../lib/session.tsx';
import { CloseAnchor } from './CloseAnchor.tsx';
import { NextStepCard } from './NextStepCard.tsx';
import { mayRekey, roundFinished, slipsStillNeeded } from './presiding-logic.ts';
import { RoundActions } from './RoundActions.tsx';
import { RoundFigures } from './RoundFigures.tsx';
import { ScriptCard } from './ScriptCard.tsx';
import { useElectionPanel } from './use-election-panel.ts';

/** One election: its round's state and buttons, the verified result, and the next step of the chain. */
export function ElectionPanel({
  congressId,
  electionId,
  stale,
  live,
  counts,
  method,
}: {
  readonly congressId: string;
  readonly electionId: string;
  /** Grows when the stream says this election changed. */
  readonly stale: number;
  readonly live: LiveRounds;
  /** The attendance of the election's sitting, as the stream keeps it. */
  readonly counts: AttendanceCounts | null;
  readonly method: ElectionMethod | null;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  // Who may press 计票 (POST …/count): the tellers under the scrutineers' supervision [P2].
  const mayCount = mayCall(countRoundEndpoint, rolesFor(session, congressId));
  const panel = useElectionPanel(congressId, electionId, stale);
  const { election, round, shownKey } = panel;

  if (!election)
    return panel.error ? <ErrorAlert error={panel.error} onRetry={() => void panel.reload()} /> : <Spin />;

  return (
    <Card
      id={`election-${election.id}`}
      className="presiding-election"
      data-testid="election-panel"
      data-election={election.title}
      title={
        <Space wrap>
          <span>{election.title}</span>
          <Tag>{t('pres.seats', { n: election.chain.seats })}</Tag>
          <Tag color={election.ballotMode === 'paper' ? 'gold' : 'blue'}>
            {t(`pres.mode.${election.ballotMode}`)}
          </Tag>
        </Space>
      }
    >
      {round ? (
        <div data-testid="pres-round" data-round={round.id} data-status={round.status} data-kind={round.kind}>
          <h3 className="presiding-round-title">
            {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)} ·{' '}
            {t('pres.seats', { n: round.seats })}
          </h3>
          <Steps
            size="small"
            current={ROUND_STATUSES.indexOf(round.status)}
            status={round.status === 'announced' ? 'finish' : 'process'}
            items={ROUND_STATUSES.map((s) => ({ title: t(`ballot.status.${s}`) }))}
            className="presiding-steps"
          />
          <RoundFigures congressId={congressId} round={round} progress={live[round.id]} />
          <CloseAnchor anchor={round.closeAnchor} />
          {shownKey && slipsStillNeeded(round, shownKey.roundId) && (
            <KeySlips
              heading={`${election.title} · ${t('ballot.roundN', { n: round.seq })} · ${t(`round.kind.${round.kind}`)}`}
              keyShares={shownKey.key}
              onDone={panel.keyHandedOver}
            />
          )}
          <RoundActions
            round={round}
            mayCount={mayCount}
            mayRekey={!shownKey && mayRekey(round, live[round.id]?.voted)}
            busy={panel.busy}
            onClose={panel.closeRound}
            onCount={panel.countRound}
            onAnnounce={panel.announceRound}
            onRekey={panel.rekeyRound}
          />
          <SignedBy signatures={round.signedOffBy} message="pres.signedBy" />
          {round.result && <RoundResult result={round.result} />}
        </div>
      ) : (
        <Alert type="info" title={t('pres.noRound')} className="presiding-no-round" />
      )}
      <ScriptCard election={election} round={round} counts={counts} method={method} />
      <NextStepCard
        election={election}
        roundFinished={roundFinished(round)}
        busy={panel.busy}
        onOpen={panel.openRound}
        onReduce={panel.reduceSeats}
      />
    </Card>
  );
}
