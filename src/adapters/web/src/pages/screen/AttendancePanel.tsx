import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** 应到 / 请假 / 实到 in large figures, and whether a quorum is present. */
export function AttendancePanel({ counts }: { readonly counts: AttendanceCounts }) {
  const { t } = useI18n();
  return (
    <section className="screen-attendance" data-testid="screen-attendance" data-sitting={counts.sittingId}>
      <div className="screen-section-label">{t('screen.attendance')}</div>
      <div className="screen-numbers">
        <ScreenNumber label={t('att.expected')} value={counts.expected} testid="screen-expected" />
        <ScreenNumber label={t('att.leave')} value={counts.onLeave.total} testid="screen-leave" />
        <ScreenNumber label={t('att.present')} value={counts.present} testid="screen-present" strong />
        <div
          className={counts.quorum.met ? 'screen-quorum met' : 'screen-quorum not-met'}
          data-testid="screen-quorum"
          data-met={counts.quorum.met}
        >
          <div className="screen-quorum-verdict">
            {counts.quorum.met ? t('att.quorumMet') : t('att.quorumNotMet')}
          </div>
          <div className="screen-quorum-detail">
            {t('att.quorumMin', {
              fraction: counts.quorum.fraction,
              n: counts.quorum.minimumPresent,
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function ScreenNumber({
  label,
  value,
  strong = false,
  testid,
}: {
  readonly label: string;
  readonly value: number;
  readonly strong?: boolean;
  readonly testid: string;
}) {
  return (
    <div className={strong ? 'screen-number strong' : 'screen-number'}>
      <div className="screen-number-label">{label}</div>
      <div className="screen-number-value" data-testid={testid}>
        {value}
      </div>
    </div>
  );
}
