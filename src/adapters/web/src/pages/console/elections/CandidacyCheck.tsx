import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CandidateListCheck } from '../../../lib/candidate-check.ts';

/** [C1]/[C2] for the list as it stands: the numbers, the rule, and what is missing; read out as it changes. */
export function CandidacyCheck({ check }: { readonly check: CandidateListCheck }) {
  const { t, lang } = useI18n();
  const [listSep, problemSep] = lang === 'zh' ? ['、', '；'] : [', ', '; '];
  const rule =
    check.rule === 'C2'
      ? t('el.check.rule.C2', { min: check.minimum })
      : check.rule === 'C4'
        ? t('el.check.rule.C4', { min: check.minimum })
        : check.maximum !== null
          ? t('el.check.rule.equal', { seats: check.maximum })
          : check.minimum > 1
            ? t('el.check.rule.atLeast', { min: check.minimum })
            : t('el.check.rule.free');
  const problems = [
    check.short > 0 ? t('el.check.short', { n: check.short }) : null,
    check.over > 0 ? t('el.check.over', { n: check.over }) : null,
    check.duplicates.length > 0 ? t('el.check.duplicates', { names: check.duplicates.join(listSep) }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <div
      className={check.ok ? 'candidacy-check ok' : 'candidacy-check broken'}
      role="status"
      aria-live="polite"
      data-testid="candidacy-check"
      data-ok={check.ok}
    >
      <span className="candidacy-icon" aria-hidden>
        {check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
      </span>
      <div>
        <div className="candidacy-summary" data-testid="candidacy-summary">
          {/* No "差额-11名": fewer candidates than seats is said as what is missing, below. */}
          {check.surplus >= 0
            ? t('el.check.summary', { count: check.count, seats: check.seats, surplus: check.surplus })
            : t('el.check.summaryShort', { count: check.count, seats: check.seats })}
        </div>
        <div className="candidacy-rule">
          [{check.rule}] {rule}
        </div>
        <div className="candidacy-verdict" data-testid="candidacy-verdict">
          {check.ok ? t('el.check.ok') : problems.join(problemSep)}
        </div>
      </div>
    </div>
  );
}
