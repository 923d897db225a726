import { useReceiptCheck } from './use-receipt-check.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import type { RoundRef } from './vote-rounds.ts';
import { Button, ErrorNote, Note, Panel } from './vote-ui.tsx';

/** After the close: one's own ballot found by its receipt in the published list [B4]. */
export function ReceiptCheck({
  congressId,
  rounds,
}: {
  readonly congressId: string;
  readonly rounds: readonly RoundRef[];
}) {
  const { t } = useVoteI18n();
  const receipt = useReceiptCheck(congressId, rounds);
  const { found } = receipt;
  return (
    <Panel title={t('vote.checkTitle')} className="vote-check" data-testid="vote-check">
      {rounds.length === 0 ? (
        <p className="v-empty">{t('vote.checkNone')}</p>
      ) : (
        <div className="vote-check-form">
          <select
            className="v-input vote-check-round"
            value={receipt.chosen}
            onChange={(e) => receipt.choose(e.target.value)}
            aria-label={t('vote.checkTitle')}
            data-testid="vote-check-round"
          >
            {rounds.map((r) => (
              <option key={r.roundId} value={r.roundId}>
                {`${r.title} · ${t('ballot.roundN', { n: r.seq })}`}
              </option>
            ))}
          </select>
          <form
            className="v-row vote-check-input"
            onSubmit={(e) => {
              e.preventDefault();
              void receipt.check();
            }}
          >
            <input
              className="v-input"
              value={receipt.receipt}
              autoCapitalize="characters"
              spellCheck={false}
              aria-label={t('vote.receipt')}
              placeholder={t('vote.receiptExample')}
              onChange={(e) => receipt.setReceipt(e.target.value)}
              data-testid="vote-receipt"
            />
            <Button
              type="submit"
              primary
              disabled={receipt.receipt.trim() === ''}
              data-testid="vote-check-button"
            >
              {t('vote.check')}
            </Button>
          </form>
          <ErrorNote error={receipt.error} />
          {found === null && <Note tone="error" title={t('vote.notFound')} data-testid="vote-not-found" />}
          {found && (
            <div className="vote-found" data-testid="vote-found" data-receipt={found.ballot.tracker}>
              <Note tone="success" title={t('vote.found', { at: found.at, of: found.of })}>
                {t('vote.foundSecret')}
              </Note>
            </div>
          )}
        </div>
      )}
    </Panel>
  );
}
