import type { Choice } from './vote-ballot.ts';
import { useVoteI18n } from './vote-i18n.tsx';

/** A ballot read back: each candidate with the mark (○ 赞成, × 不赞成, 弃权), then the names written in. */
export function ChosenRows({
  rows,
  writeIns,
  testid,
}: {
  readonly rows: ReadonlyArray<{ readonly name: string; readonly choice: Choice }>;
  readonly writeIns: readonly string[];
  readonly testid?: string;
}) {
  const { t } = useVoteI18n();
  const word = (choice: Choice) =>
    choice === 'F'
      ? `○ ${t('ballot.for')}`
      : choice === 'A'
        ? `× ${t('ballot.against')}`
        : t('ballot.abstain');
  const row = (key: string, name: string, choice: Choice, candidate?: string) => (
    <li key={key} className="vote-row" data-candidate={candidate} data-choice={choice}>
      <span className="vote-name">{name}</span>
      <span className={`vote-chosen choice-${choice === '-' ? 'abstain' : choice}`}>
        <span className="mark-word">{word(choice)}</span>
      </span>
    </li>
  );
  return (
    <ol className="vote-rows review" data-testid={testid}>
      {rows.map((r) => row(r.name, r.name, r.choice, r.name))}
      {writeIns.map((w) => row(`+${w}`, `${t('ballot.writeIn')}：${w}`, 'F'))}
    </ol>
  );
}
