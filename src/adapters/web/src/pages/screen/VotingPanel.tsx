import type { ScreenVoting } from '../../../../../contract/screen.ts';
import { Gauge } from '../../components/Gauge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { roundLabel } from './screen-logic.ts';

/** The vote under way: electronic, a gauge of ballots cast; paper, the electors and what to do. */
export function VotingPanel({ round }: { readonly round: ScreenVoting }) {
  const { t } = useI18n();
  const electors = round.present;
  return (
    <div className="screen-voting" data-testid="screen-voting" data-round={round.roundId}>
      <div className="screen-voting-head">
        <div className="screen-section-label">{t('screen.voting')}</div>
        <div className="screen-election-title">{round.electionTitle}</div>
        <div className="screen-round">
          {roundLabel(round.seq, t(`round.kind.${round.kind}`), (n) => t('screen.round', { n }))}
        </div>
      </div>
      <div className="screen-voting-body">
        {round.mode === 'electronic' ? (
          <>
            <Gauge value={round.voted ?? 0} max={electors} size={400} />
            <div className="screen-voting-figures">
              <Figure label={t('screen.voted')} value={round.voted ?? 0} testid="screen-voted" />
              <Figure label={t('screen.toVote')} value={electors} testid="screen-to-vote" />
            </div>
          </>
        ) : (
          <div className="screen-voting-figures wide">
            <Figure label={t('screen.toVote')} value={electors} testid="screen-to-vote" />
            <div className="screen-voting-note">{t('screen.paperVoting')}</div>
          </div>
        )}
      </div>
    </div>
  );
}

function Figure({
  label,
  value,
  testid,
}: {
  readonly label: string;
  readonly value: number;
  readonly testid: string;
}) {
  return (
    <div className="screen-figure">
      <span className="screen-figure-label">{label}</span>
      <span className="screen-figure-value" data-testid={testid}>
        {value}
      </span>
    </div>
  );
}
