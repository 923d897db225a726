import type { ScreenResult } from '../../../../../contract/screen.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { resultLayout, roundLabel } from './screen-logic.ts';

/** An announced result: those elected with their votes, as many as fit in one panel. */
export function ResultsPanel({ result }: { readonly result: ScreenResult }) {
  const { t } = useI18n();
  const layout = resultLayout(result.elected.length);
  return (
    <div className="screen-results" data-testid="screen-results" data-round={result.roundId}>
      <div className="screen-results-head">
        <div className="screen-section-label">{t('screen.results')}</div>
        <div className="screen-election-title">{result.electionTitle}</div>
        <div className="screen-round">
          {roundLabel(result.seq, t(`round.kind.${result.kind}`), (n) => t('screen.round', { n }))} ·{' '}
          {t('screen.electedN', { n: result.elected.length })}
          {result.shortfall > 0 ? ` · ${t('screen.shortfall', { n: result.shortfall })}` : ''}
          {result.runoff ? ` · ${t('screen.runoff')}` : ''}
          {result.electedInElection > result.elected.length
            ? ` · ${t('screen.electedTotal', { n: result.electedInElection })}`
            : ''}
        </div>
      </div>
      {result.elected.length === 0 ? (
        <div className="screen-message">{t('screen.noElected')}</div>
      ) : (
        <ol
          className={`screen-names size-${layout.size}`}
          style={{ gridTemplateColumns: `repeat(${layout.columns}, 1fr)` }}
        >
          {result.elected.map((person) => (
            <li key={person.name} className="screen-name">
              <span className="screen-name-text">{person.name}</span>
              <span className="screen-name-votes">{t('screen.votes', { n: person.votes })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
