import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { AttendanceCounts } from '../../../../contract/attendance.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** 应到 / 请假 / 实到 and the quorum verdict with its numbers: the desk's and the console's view. */
export function CountsBar({
  counts,
  compact = false,
}: {
  readonly counts: AttendanceCounts | undefined;
  readonly compact?: boolean;
}) {
  const { t } = useI18n();
  if (!counts) return null;
  const met = counts.quorum.met;
  return (
    <div className={compact ? 'counts-bar compact' : 'counts-bar'} data-testid="counts" aria-live="polite">
      <div className="count-tile">
        <span className="count-label">{t('att.expected')}</span>
        <span className="count-value" data-testid="count-expected">
          {counts.expected}
        </span>
      </div>
      <div className="count-tile" title={t('att.leaveKinds', counts.onLeave)}>
        <span className="count-label">{t('att.leave')}</span>
        <span className="count-value" data-testid="count-leave">
          {counts.onLeave.total}
        </span>
      </div>
      <div className="count-tile present">
        <span className="count-label">{t('att.present')}</span>
        <span className="count-value" data-testid="count-present">
          {counts.present}
        </span>
      </div>
      <div
        className={met ? 'count-tile quorum met' : 'count-tile quorum not-met'}
        data-testid="quorum"
        data-met={met}
      >
        <span className="quorum-verdict">
          {met ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
          {met ? t('att.quorumMet') : t('att.quorumNotMet')}
        </span>
        <span className="quorum-detail">
          {t('att.quorumMin', { fraction: counts.quorum.fraction, n: counts.quorum.minimumPresent })}
          {counts.nonVoting.present > 0 ? ` · ${t('att.nonVoting', { n: counts.nonVoting.present })}` : ''}
        </span>
      </div>
    </div>
  );
}
