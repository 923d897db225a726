import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatHallTime, hallToday } from '../../lib/format.ts';
import type { LiveStatus } from '../../lib/use-events.ts';
import { useClock } from './use-stage.ts';

/** The congress's title, the sitting, the date and time, and a dot for the live connection. */
export function ScreenHeader({
  title,
  sittingTitle,
  live,
}: {
  readonly title: string;
  readonly sittingTitle: string;
  readonly live: LiveStatus;
}) {
  const { t, lang } = useI18n();
  const now = useClock();
  return (
    <header className="screen-header">
      <div className="screen-stars" aria-hidden="true">
        ★
      </div>
      <h1 className="screen-title" data-testid="screen-title">
        {title}
      </h1>
      <div className="screen-subtitle">
        <span>{sittingTitle}</span>
        <span className="screen-date">
          {formatDate(hallToday(now), lang)} {formatHallTime(now.toISOString())}
        </span>
        <span
          role="img"
          className={`screen-live live-${live}`}
          title={t(`live.${live}`)}
          aria-label={t(`live.${live}`)}
          data-testid="live-status"
          data-status={live}
        />
      </div>
    </header>
  );
}
