import type { SearchCandidate } from '../../../../../contract/attendance.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Several delegates matched: ↑ ↓ choose, Enter or a click checks the chosen one in. */
export function PickList({
  candidates,
  selected,
  more,
  onPick,
}: {
  readonly candidates: readonly SearchCandidate[];
  readonly selected: number;
  readonly more: boolean;
  readonly onPick: (index: number) => void;
}) {
  const { t } = useI18n();
  if (candidates.length === 0) return null;
  return (
    <div className="pick-list" data-testid="pick-list">
      <div className="pick-title">{t('desk.pickTitle', { n: candidates.length })}</div>
      <ul>
        {candidates.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className={i === selected ? 'pick-item selected' : 'pick-item'}
              aria-current={i === selected}
              onClick={() => onPick(i)}
            >
              <span className="pick-name">{c.name}</span>
              <span className="pick-delegation">{c.delegation ?? ''}</span>
              <span className="pick-code">{c.code}</span>
              <span className={`pick-status status-${c.status}`}>{t(`desk.status.${c.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {more && <div className="pick-more">{t('desk.more')}</div>}
    </div>
  );
}
