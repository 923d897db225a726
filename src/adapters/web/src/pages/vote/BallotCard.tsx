import { BallotFill } from './BallotFill.tsx';
import { BallotReview } from './BallotReview.tsx';
import { useBallot } from './use-ballot.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Busy, ErrorNote, Note, Panel } from './vote-ui.tsx';

/** One open round: the ballot to fill, the review before casting, then the receipt. */
export function BallotCard({
  congressId,
  roundId,
  onCast,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly onCast: (receipt: string) => void;
}) {
  const { t, tx } = useVoteI18n();
  const ballot = useBallot(congressId, roundId, onCast);
  const { form } = ballot;

  if (ballot.error && !form) return <ErrorNote error={ballot.error} />;
  if (!form) return <Busy />;

  const header = (
    <div className="vote-ballot-head">
      <strong>{form.title}</strong>
      <span>
        {t('ballot.roundN', { n: form.seq })} · {tx(form.kindLabel)} · {t('vote.seats', { n: form.seats })}
      </span>
    </div>
  );

  if (ballot.step === 'done' && ballot.receipt) {
    return (
      <Panel title={header} className="vote-ballot" ref={ballot.top}>
        <Note tone="success" big title={t('vote.cast')}>
          <p>{t('vote.receiptAdvice')}</p>
          <div className="vote-receipt" data-testid="receipt">
            {ballot.receipt}
          </div>
        </Note>
      </Panel>
    );
  }
  if (form.hasVoted || !form.mayVote) {
    return (
      <Panel title={header} className="vote-ballot">
        <Note
          tone={form.hasVoted ? 'success' : 'info'}
          big
          title={form.hasVoted ? t('vote.already') : tx(form.reason ?? null)}
          data-testid="vote-not-now"
        />
      </Panel>
    );
  }

  return (
    <Panel
      title={header}
      className="vote-ballot"
      data-testid="vote-ballot"
      data-step={ballot.step}
      ref={ballot.top}
    >
      <ErrorNote error={ballot.error} />
      {ballot.step === 'fill' ? (
        <BallotFill
          form={form}
          choices={ballot.choices}
          writeIns={ballot.writeIns}
          onChoose={ballot.choose}
          onWriteIn={ballot.writeIn}
          onNext={() => ballot.go('confirm')}
        />
      ) : (
        <BallotReview
          form={form}
          choices={ballot.choices}
          writeIns={ballot.writeIns}
          busy={ballot.busy}
          onCast={() => void ballot.cast()}
          onChange={() => ballot.go('fill')}
        />
      )}
    </Panel>
  );
}
