import { paperReconciliationEndpoint, turnoutEndpoint } from '../../../../../contract/ballots.ts';
import type { RoundView } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RoundProgress } from '../../lib/round-live.ts';
import { useEndpoint } from '../../lib/use-api.ts';

/** The electors of the round, the ballots issued, and how far voting or keying has come. */
export function RoundFigures({
  congressId,
  round,
  progress,
}: {
  readonly congressId: string;
  readonly round: RoundView;
  readonly progress: RoundProgress | undefined;
}) {
  const { t } = useI18n();
  const underway = round.status === 'open' || round.status === 'closed';
  const params = { congressId, roundId: round.id };
  // Where the stream has said nothing yet (the page was opened mid-vote), ask once.
  const ask = underway && progress === undefined;
  const turnout = useEndpoint(turnoutEndpoint, ask && round.mode === 'electronic' ? { params } : null);
  const keyed = useEndpoint(paperReconciliationEndpoint, ask && round.mode === 'paper' ? { params } : null);
  if (round.present === null) return null;
  const voted = progress?.voted ?? turnout.data?.voted;
  const entered = progress?.entered ?? keyed.data?.progress.sheets;
  return (
    <div className="presiding-figures">
      <span>{t('pres.roundElectors', { expected: round.expected ?? 0, present: round.present })}</span>
      {round.ballotsIssued !== null && <span>{t('pres.issued', { n: round.ballotsIssued })}</span>}
      {underway && round.mode === 'electronic' && voted !== undefined && (
        <span data-testid="pres-voted">{t('pres.voted', { n: voted, of: round.present })}</span>
      )}
      {underway && round.mode === 'paper' && entered !== undefined && (
        <span data-testid="pres-entered">{t('pres.entered', { n: entered })}</span>
      )}
    </div>
  );
}
