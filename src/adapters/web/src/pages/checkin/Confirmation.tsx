import { useI18n } from '../../i18n/i18n.tsx';
import { avatarText, formatHallTime } from '../../lib/format.ts';
import { type Shown, VERDICT_TONE } from './desk-logic.ts';

/** The outcome in large type and colour (green, amber, red, blue), with the delegate's photo. */
export function Confirmation({
  shown,
  photo,
}: {
  readonly shown: Shown;
  readonly photo: string | null | undefined;
}) {
  const { t, tx } = useI18n();
  const tone = VERDICT_TONE[shown.verdict];
  const outcome = shown.outcome;
  return (
    <section
      className={`confirm confirm-${tone}`}
      data-testid="confirmation"
      data-verdict={shown.verdict}
      data-tone={tone}
      aria-live="assertive"
      key={shown.at}
    >
      <div className="confirm-banner">{t(`desk.verdict.${shown.verdict}`)}</div>
      {outcome ? (
        <div className="confirm-body">
          <div className="confirm-photo">
            {photo ? (
              <img src={photo} alt={outcome.delegate.name} />
            ) : (
              <span className="avatar-text">{avatarText(outcome.delegate.name)}</span>
            )}
          </div>
          <div className="confirm-text">
            <div className="confirm-name" data-testid="confirm-name">
              {outcome.delegate.name}
            </div>
            {/* A committee's plenary has no delegations: no empty line for one. */}
            {outcome.delegate.delegation && (
              <div className="confirm-line">
                <span className="confirm-key">{t('desk.delegation')}</span> {outcome.delegate.delegation}
              </div>
            )}
            <div className="confirm-line">
              <span className="confirm-key">{t('desk.code')}</span>{' '}
              <span className="confirm-code">{outcome.delegate.code}</span>
            </div>
            {shown.verdict === 'already-present' && outcome.checkedInAt && (
              <div className="confirm-when" data-testid="confirm-when">
                {outcome.desk
                  ? t('desk.alreadyAt', { time: formatHallTime(outcome.checkedInAt), desk: outcome.desk })
                  : t('desk.alreadyAtNoDesk', { time: formatHallTime(outcome.checkedInAt) })}
              </div>
            )}
            {shown.verdict === 'no-vote' && <div className="confirm-when">{t('desk.noVoteHint')}</div>}
            {shown.verdict !== 'already-present' && (
              <div className="confirm-message">{tx(outcome.message)}</div>
            )}
          </div>
        </div>
      ) : (
        <div className="confirm-body">
          <div className="confirm-text">
            <div className="confirm-message large">{t('desk.notFoundHint', { q: shown.query ?? '' })}</div>
          </div>
        </div>
      )}
    </section>
  );
}
