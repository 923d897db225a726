import { Segmented, Tag } from 'antd';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { api, congressUrl } from '../../../lib/api.ts';

type BallotMode = 'paper' | 'electronic';

/**
 * Paper ballots or electronic voting: the secretariat chooses while the election is prepared;
 * once a round has opened the kind of ballot is fixed and only shown.
 */
export function BallotModeSwitch({
  congressId,
  electionId,
  mode,
  canChange,
  onChanged,
}: {
  readonly congressId: string;
  readonly electionId: string;
  readonly mode: BallotMode;
  readonly canChange: boolean;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  if (!canChange) return <Tag data-testid="ballot-mode">{t(`pres.mode.${mode}`)}</Tag>;
  const choose = async (next: BallotMode) => {
    const url = congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}/ballot-mode`);
    const done = await action.run('mode', () => api.put(url, { ballotMode: next }), {
      done: t('el.modeChanged', { mode: t(`pres.mode.${next}`) }),
    });
    if (done) onChanged();
  };
  return (
    <Segmented<BallotMode>
      size="small"
      value={mode}
      disabled={action.busy !== undefined}
      onChange={(next) => void choose(next)}
      options={(['paper', 'electronic'] as const).map((value) => ({ value, label: t(`pres.mode.${value}`) }))}
      data-testid="ballot-mode-switch"
      title={t('el.modeHint')}
    />
  );
}
