import { Segmented, Tag } from 'antd';
import {
  BALLOT_MODES,
  type BallotMode,
  setBallotModeEndpoint,
} from '../../../../../../contract/elections.ts';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

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
    const send = () =>
      call(setBallotModeEndpoint, { params: { congressId, electionId }, body: { ballotMode: next } });
    const done = await action.run('mode', send, {
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
      options={BALLOT_MODES.map((value) => ({ value, label: t(`pres.mode.${value}`) }))}
      data-testid="ballot-mode-switch"
      title={t('el.modeHint')}
    />
  );
}
