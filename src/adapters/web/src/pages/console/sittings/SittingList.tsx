import { Card, Tag } from 'antd';
import type { SittingView } from '../../../../../../contract/procedure.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHallDateTime } from '../../../lib/format.ts';

export const SITTING_STATUS_COLOR = { scheduled: 'blue', open: 'green', closed: 'default' } as const;

/** The sittings by time; choosing one shows it beside (below, on a phone). */
export function SittingList({
  sittings,
  chosenId,
  onChoose,
}: {
  readonly sittings: readonly SittingView[];
  readonly chosenId: string | undefined;
  readonly onChoose: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Card className="console-card setup-list-card" size="small" title={t('ov.sittings')}>
      <ul className="setup-list" data-testid="sitting-list">
        {sittings.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={s.id === chosenId ? 'setup-list-item chosen' : 'setup-list-item'}
              aria-current={s.id === chosenId ? 'true' : undefined}
              onClick={() => onChoose(s.id)}
              data-testid="sitting-item"
              data-sitting-id={s.id}
            >
              <span className="setup-list-title">{s.title}</span>
              <Tag color={SITTING_STATUS_COLOR[s.status]}>{t(`sitting.status.${s.status}`)}</Tag>
              <span className="setup-list-meta">
                {formatHallDateTime(s.startsAt, lang) || t('sit.noTime')}
                {' · '}
                {t(`sit.kind.${s.kind}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
