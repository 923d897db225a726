import type { BallotForm } from '../../../../../contract/ballots.ts';
import { ChosenRows } from './ChosenRows.tsx';
import { ballotSummary, type Choice, writtenIn } from './vote-ballot.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Button, Note } from './vote-ui.tsx';

/** The ballot read back before it is cast; an over-marked one is cast only as knowingly invalid [B3]. */
export function BallotReview({
  form,
  choices,
  writeIns,
  busy,
  onCast,
  onChange,
}: {
  readonly form: BallotForm;
  readonly choices: readonly Choice[];
  readonly writeIns: readonly string[];
  readonly busy: boolean;
  readonly onCast: () => void;
  readonly onChange: () => void;
}) {
  const { t } = useVoteI18n();
  const summary = ballotSummary(choices, writeIns);
  const overMarked = summary.for > form.maxFor;
  return (
    <>
      <h3>{t('vote.confirmTitle')}</h3>
      <div className="vote-summary" data-testid="vote-summary">
        {t('vote.summary', summary)}
      </div>
      {overMarked && (
        <Note
          tone="error"
          className="vote-over"
          title={t('vote.overMarked', { n: summary.for, max: form.maxFor })}
        />
      )}
      <ChosenRows
        testid="vote-review"
        rows={form.candidates.map((c, i) => ({ name: c.name, choice: choices[i] ?? '-' }))}
        writeIns={writtenIn(writeIns)}
      />
      <div className="vote-confirm">
        <Button primary danger={overMarked} block busy={busy} onClick={onCast} data-testid="vote-cast">
          {overMarked ? t('vote.castInvalid') : t('vote.castNow')}
        </Button>
        <Button block onClick={onChange}>
          {t('vote.change')}
        </Button>
      </div>
    </>
  );
}
