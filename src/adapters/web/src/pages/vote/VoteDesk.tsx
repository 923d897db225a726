import { BallotCard } from './BallotCard.tsx';
import { ReceiptCheck } from './ReceiptCheck.tsx';
import { SittingPapers } from './SittingPapers.tsx';
import { useVoteRounds } from './use-vote-rounds.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Busy, ErrorNote, Note, Panel } from './vote-ui.tsx';

/** A signed-in delegate: the open rounds' ballots, the receipts kept, the receipt check, the papers. */
export function VoteDesk({ congressId, name }: { readonly congressId: string; readonly name: string }) {
  const { t } = useVoteI18n();
  const rounds = useVoteRounds(congressId);
  return (
    <>
      <Note tone="info" className="vote-hello" title={t('vote.hello', { name })} />
      <ErrorNote error={rounds.error} onRetry={() => void rounds.reload()} />
      {!rounds.loaded ? (
        <Busy />
      ) : rounds.open.length === 0 ? (
        <Panel>
          <p className="v-empty" data-testid="vote-none">
            {t('vote.noOpen')}
          </p>
        </Panel>
      ) : (
        rounds.open.map((r) => (
          <BallotCard
            key={r.roundId}
            congressId={congressId}
            roundId={r.roundId}
            onCast={(receipt) => rounds.keepReceipt(r.roundId, receipt)}
          />
        ))
      )}
      {rounds.kept.map((r) => (
        <Panel key={r.roundId} className="vote-kept" data-testid="vote-kept-receipt">
          <div className="vote-kept-title">
            {r.title} · {t('ballot.roundN', { n: r.seq })} · {t('vote.yourReceipt')}
          </div>
          <div className="vote-receipt small">{rounds.cast[r.roundId]}</div>
        </Panel>
      ))}
      <ReceiptCheck congressId={congressId} rounds={rounds.closed} />
      <SittingPapers congressId={congressId} />
    </>
  );
}
