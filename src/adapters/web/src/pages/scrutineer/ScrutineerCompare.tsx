import { Empty, Select, Space } from 'antd';
import { PageShell } from '../../components/AppHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { rolesFor } from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { ScanStatistics } from '../scan/ScanStatistics.tsx';
import { AgreeingBatches } from './AgreeingBatches.tsx';
import { BatchCard } from './BatchCard.tsx';
import { KeyOpeningCard } from './KeyOpeningCard.tsx';
import { ResolveDialog } from './ResolveDialog.tsx';
import { RoundCard } from './RoundCard.tsx';
import { isQuiet, maySignOff } from './scrutineer-logic.ts';
import { useResolution } from './use-resolution.ts';
import { useScrutineer } from './use-scrutineer.ts';

// 监票人: the round under way in the chosen election. Paper: the two passes of double entry
// compared, disagreeing sheets side by side with the differing columns highlighted, a form to
// record what the paper says, and ballots issued against returned [B2]. Electronic: ballots issued
// against cast. Both: the count, the result it gave, and the sign-off [P2].

export default function ScrutineerCompare({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const scrutiny = useScrutineer(congressId);
  const { session } = useSession();
  const resolution = useResolution(scrutiny.params, scrutiny.post);
  const { round, paper } = scrutiny;
  const data = scrutiny.comparison.data;

  return (
    <PageShell wide>
      <div className="flow-title-row">
        <h1 className="section-title">{t('scr.title')}</h1>
        <LiveBadge status={scrutiny.live} />
      </div>
      <ErrorAlert error={scrutiny.elections.error} onRetry={() => void scrutiny.elections.reload()} />
      <Space wrap className="scr-pickers">
        <Select
          className="scr-select"
          placeholder={t('ballot.pickElection')}
          value={scrutiny.electionId}
          options={(scrutiny.elections.data ?? []).map((e) => ({
            value: e.id,
            label: `${e.title}（${t(`pres.mode.${e.ballotMode}`)}）`,
          }))}
          onChange={scrutiny.chooseElection}
          data-testid="scr-election"
        />
        <Select
          className="scr-select"
          placeholder={t('ballot.pickRound')}
          value={round?.id}
          options={(scrutiny.election.data?.rounds ?? []).map((r) => ({
            value: r.id,
            label: `${t('ballot.roundN', { n: r.seq })} · ${t(`round.kind.${r.kind}`)} · ${t(`ballot.status.${r.status}`)}`,
          }))}
          onChange={scrutiny.chooseRound}
        />
      </Space>
      <ErrorAlert
        error={scrutiny.comparison.error ?? scrutiny.reconciliation.error ?? scrutiny.turnout.error}
      />
      {!round ? (
        <Empty description={t('scr.pick')} />
      ) : (
        <>
          <RoundCard
            congressId={congressId}
            title={scrutiny.election.data?.title}
            round={round}
            comparison={paper ? data : undefined}
            reconciliation={paper ? scrutiny.reconciliation.data?.reconciliation : undefined}
            turnout={paper ? undefined : scrutiny.turnout.data}
            maySign={maySignOff(
              scrutiny.election.data,
              session?.kind === 'account' ? session.accountId : null,
            )}
            busy={scrutiny.busy}
            post={scrutiny.post}
            keyState={scrutiny.keyState}
          />
          <KeyOpeningCard
            key={`key-${round.id}`}
            congressId={congressId}
            round={round}
            state={scrutiny.keyState}
            status={scrutiny.key}
            busy={scrutiny.busy}
            post={scrutiny.post}
            onEntered={scrutiny.keyEntered}
          />
          {paper && (
            <ScanStatistics
              key={round.id}
              congressId={congressId}
              roundId={round.id}
              mayResolve={rolesFor(session, congressId).has('scrutineer')}
            />
          )}
          {paper &&
            data?.batches
              .filter((batch) => !isQuiet(batch))
              .map((batch) => <BatchCard key={batch.batchNo} batch={batch} onResolve={resolution.open} />)}
          {paper && data && <AgreeingBatches batches={data.batches.filter(isQuiet).map((b) => b.batchNo)} />}
        </>
      )}
      <ResolveDialog
        resolution={resolution}
        candidates={data?.candidates ?? []}
        seats={round?.seats ?? null}
        busy={scrutiny.busy}
      />
    </PageShell>
  );
}
