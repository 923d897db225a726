import { Button, Tag } from 'antd';
import type { ElectionSummary } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { electionStatusKey, STATUS_COLOR } from './presiding-logic.ts';

/** Every election at a glance, the one being voted on in red: a click brings its panel into view. */
export function ElectionStrip({ elections }: { readonly elections: readonly ElectionSummary[] }) {
  const { t } = useI18n();
  if (elections.length < 2) return null;
  return (
    <nav className="presiding-strip" aria-label={t('pres.elections')}>
      {elections.map((e) => (
        <Button
          key={e.id}
          type={e.status === 'in-progress' ? 'primary' : 'default'}
          onClick={() => document.getElementById(`election-${e.id}`)?.scrollIntoView({ behavior: 'smooth' })}
          data-testid="pres-strip-item"
        >
          {e.title}
          <Tag color={STATUS_COLOR[e.status]}>{t(electionStatusKey(e.status))}</Tag>
        </Button>
      ))}
    </nav>
  );
}
