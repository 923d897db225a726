import type { BallotForm } from '../../../../../contract/ballots.ts';
import { CHOICE_SYMBOL, type Choice, forCount, shownWriteInLines } from './vote-ballot.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Button, Note } from './vote-ui.tsx';

const CHOICES: readonly Choice[] = ['F', 'A', '-'];

/** The ballot laid out like the paper one: a row per candidate, the write-in lines, the count of "for". */
export function BallotFill({
  form,
  choices,
  writeIns,
  onChoose,
  onWriteIn,
  onNext,
}: {
  readonly form: BallotForm;
  readonly choices: readonly Choice[];
  readonly writeIns: readonly string[];
  readonly onChoose: (index: number, choice: Choice) => void;
  readonly onWriteIn: (index: number, text: string) => void;
  readonly onNext: () => void;
}) {
  const { t, tx } = useVoteI18n();
  const marked = forCount(choices, writeIns);
  const lines = shownWriteInLines(writeIns, form.writeInSlots);
  return (
    <>
      <Note tone="info" className="vote-instructions" title={tx(form.instructions)} />
      <ol className="vote-rows">
        {form.candidates.map((c, i) => (
          <li key={c.name} className="vote-row" data-testid="ballot-row" data-candidate={c.name}>
            <span className="vote-name">{c.name}</span>
            <fieldset className="vote-choices" aria-label={c.name}>
              {CHOICES.map((choice) => (
                <button
                  type="button"
                  key={choice}
                  aria-pressed={choices[i] === choice}
                  className={`vote-choice choice-${choice === '-' ? 'abstain' : choice} ${choices[i] === choice ? 'chosen' : ''}`}
                  data-choice={choice}
                  onClick={() => onChoose(i, choice)}
                >
                  {choice === '-' ? (
                    t('ballot.abstain')
                  ) : (
                    <>
                      <span className="vote-symbol">{CHOICE_SYMBOL[choice]}</span>
                      {choice === 'F' ? t('ballot.for') : t('ballot.against')}
                    </>
                  )}
                </button>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      {form.writeInSlots > 0 && (
        <div className="vote-write-ins">
          <div className="vote-write-in-help">{t('vote.writeInHelp')}</div>
          {writeIns.slice(0, lines).map((w, i) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed in number
              key={i}
              className="v-input"
              maxLength={40}
              value={w}
              aria-label={t('vote.writeInSlot', { n: i + 1 })}
              placeholder={t('vote.writeInSlot', { n: i + 1 })}
              onChange={(e) => onWriteIn(i, e.target.value)}
              data-testid="vote-write-in"
            />
          ))}
        </div>
      )}
      <div className={marked > form.maxFor ? 'vote-count over' : 'vote-count'} data-testid="vote-count">
        {t('vote.forCount', { n: marked, max: form.maxFor })}
      </div>
      <Button primary block onClick={onNext} data-testid="vote-next">
        {t('vote.next')}
      </Button>
    </>
  );
}
