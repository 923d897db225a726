import { Alert, Button, Card, Popconfirm, Space, Statistic, Tag } from 'antd';
import type {
  PaperComparison,
  PaperReconciliation,
  VotingProgress,
} from '../../../../../contract/ballots.ts';
import {
  countRoundEndpoint,
  type RoundView,
  signOffRoundEndpoint,
} from '../../../../../contract/elections.ts';
import { RoundResult } from '../../components/RoundResult.tsx';
import { SignedBy } from '../../components/SignedBy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { countWaitsForShares, type KeyCardState } from './key-shares-logic.ts';

/**
 * The round's figures (paper: issued, returned, agreed, resolved, unresolved, one pass only, and
 * the check of issued against returned [B2]; electronic: issued against cast), the count and
 * the sign-off [P2], and the result once counted.
 */
export function RoundCard({
  congressId,
  title,
  round,
  comparison,
  reconciliation,
  turnout,
  maySign,
  busy,
  post,
  keyState,
}: {
  readonly congressId: string;
  readonly title: string | undefined;
  readonly round: RoundView;
  /** A paper round's comparison; undefined for an electronic round (or until loaded). */
  readonly comparison: PaperComparison | undefined;
  readonly reconciliation: PaperReconciliation['reconciliation'] | undefined;
  readonly turnout: VotingProgress | undefined;
  /** [P2] This login is linked to one of the election's scrutineers. */
  readonly maySign: boolean;
  readonly busy: boolean;
  readonly post: (send: () => Promise<unknown>, done: string) => Promise<boolean>;
  /** [B4] Where the opening of an electronic round's sealed ballots stands. */
  readonly keyState: KeyCardState;
}) {
  const { t, tx } = useI18n();
  const paper = round.mode === 'paper';
  const progress = comparison?.progress;
  const unresolved = progress?.unresolved ?? 0;
  const params = { congressId, roundId: round.id };
  return (
    <Card
      className="scr-round"
      data-testid="scr-round"
      data-round={round.id}
      data-status={round.status}
      title={
        <Space wrap>
          <span>
            {title} · {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)}
          </span>
          <Tag color={round.status === 'signed-off' ? 'green' : 'default'}>
            {t(`ballot.status.${round.status}`)}
          </Tag>
        </Space>
      }
    >
      {paper ? (
        <>
          <Space size="large" wrap>
            <Statistic title={t('scr.issued')} value={reconciliation?.issued ?? t('common.dash')} />
            <Statistic title={t('teller.returned')} value={progress?.sheets ?? 0} />
            <Statistic title={t('scr.agreed')} value={progress?.agreed ?? 0} />
            <Statistic title={t('scr.resolvedN')} value={progress?.resolved ?? 0} />
            <Statistic
              title={t('teller.unresolved')}
              value={unresolved}
              styles={{ content: { color: unresolved > 0 ? '#c62828' : undefined } }}
            />
            <Statistic title={t('scr.onlyA')} value={progress?.onlyA ?? 0} />
            <Statistic title={t('scr.onlyB')} value={progress?.onlyB ?? 0} />
          </Space>
          {reconciliation && (
            <Alert
              className="scr-reconciliation"
              data-testid="scr-reconciliation"
              data-valid={String(reconciliation.valid)}
              type={reconciliation.valid === null ? 'info' : reconciliation.valid ? 'success' : 'error'}
              showIcon
              title={`[${reconciliation.rule}] ${tx(reconciliation)}`}
            />
          )}
        </>
      ) : (
        // A block of its own: inline, the count button below would ride up beside the figures.
        <Space size="large" wrap data-testid="scr-turnout" style={{ display: 'flex' }}>
          <Statistic title={t('scr.issued')} value={turnout?.issued ?? round.present ?? 0} />
          <Statistic title={t('scr.cast')} value={turnout?.voted ?? 0} />
        </Space>
      )}
      <Space wrap className="scr-actions">
        {round.status === 'closed' && (
          <Button
            type="primary"
            size="large"
            loading={busy}
            disabled={paper && unresolved > 0}
            onClick={() => void post(() => call(countRoundEndpoint, { params }), t('pres.done'))}
            data-testid="scr-count"
          >
            {t('pres.count')}
          </Button>
        )}
        {round.status === 'closed' && countWaitsForShares(keyState) && (
          <span className="scr-hint" data-testid="scr-count-sealed">
            {t('key.countSealed')}
          </span>
        )}
        {round.status === 'closed' && paper && unresolved > 0 && (
          <span className="scr-hint">{t('scr.resolveFirst', { n: unresolved })}</span>
        )}
        {round.status === 'open' && <span className="scr-hint">{t('scr.countWhen')}</span>}
        {(round.status === 'counted' || round.status === 'signed-off') && (
          <Popconfirm
            title={t('scr.signOffConfirm')}
            okButtonProps={{ 'data-testid': 'scr-sign-off-confirm' }}
            onConfirm={() => void post(() => call(signOffRoundEndpoint, { params }), t('scr.signedOff'))}
          >
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={round.status !== 'counted' || !maySign}
              data-testid="scr-sign-off"
            >
              {round.status === 'signed-off' ? t('scr.signedOff') : t('scr.signOff')}
            </Button>
          </Popconfirm>
        )}
        {round.status === 'counted' && !maySign && (
          <span className="scr-hint" data-testid="scr-not-yours">
            {t('scr.notYours')}
          </span>
        )}
      </Space>
      <SignedBy signatures={round.signedOffBy} message="scr.signedBy" />
      {round.result && <RoundResult result={round.result} />}
    </Card>
  );
}
