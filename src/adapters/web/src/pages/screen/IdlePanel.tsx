import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * No vote and no result on screen: under the attendance, the sentence the presiding officer reads
 * out; before anything, a welcome; after the congress, that it has closed.
 */
export function IdlePanel({
  kind,
  counts,
}: {
  readonly kind: 'attendance' | 'welcome' | 'closed';
  readonly counts: AttendanceCounts | null;
}) {
  const { t, lang } = useI18n();
  if (kind === 'closed')
    return (
      <div className="screen-idle" data-testid="screen-closed">
        <div className="screen-closed">{t('screen.closedTitle')}</div>
      </div>
    );
  return (
    <div className="screen-idle" data-testid="screen-idle">
      {counts && (
        <div className="screen-summary" data-testid="screen-summary">
          {lang === 'zh'
            ? counts.summary.zh
            : t(counts.quorum.met ? 'screen.summaryMet' : 'screen.summaryNotMet', {
                expected: counts.expected,
                leave: counts.onLeave.total,
                present: counts.present,
                minimum: counts.quorum.minimumPresent,
              })}
        </div>
      )}
      <div className="screen-welcome">{kind === 'welcome' ? t('screen.welcome') : t('screen.waiting')}</div>
    </div>
  );
}
