import { Empty, Spin } from 'antd';
import { useEffect } from 'react';
import { electionMethodsEndpoint } from '../../../../../contract/elections.ts';
import { PageShell } from '../../components/AppHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { ScreenControl } from '../screen/ScreenControl.tsx';
import { CredentialReissues } from './CredentialReissues.tsx';
import { ElectionPanel } from './ElectionPanel.tsx';
import { ElectionStrip } from './ElectionStrip.tsx';
import { HallCounts } from './HallCounts.tsx';
import { currentMethod } from './presiding-script.ts';
import { usePresidingLive } from './use-presiding-live.ts';

// 主持人: for each election, the quorum, the round's state with the buttons the presiding officer
// presses (open, close, announce), the words to read at each step (主持词), the verified result
// with the rule that decided it, and the next round the chain requires, set up in one click; the
// big screen's control. Everything follows the event stream: the hall
// votes while the presiding officer watches this page, and nobody should have to press refresh.

export default function PresidingScript({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { elections, stale, rounds, sittings, sittingsChanged, live } = usePresidingLive(congressId);
  const list = elections.data ?? [];
  // The election method for the script (主持词): the one adopted, else the draft to put to the vote.
  const methods = useEndpoint(electionMethodsEndpoint, { params: { congressId } });
  const reloadMethods = methods.reload;
  useEffect(() => {
    if (sittingsChanged > 0) void reloadMethods();
  }, [sittingsChanged, reloadMethods]);
  const method = currentMethod(methods.data ?? []);
  return (
    <PageShell wide>
      <div className="flow-title-row">
        <h1 className="section-title">{t('pres.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      <HallCounts congressId={congressId} sittings={sittings} stale={sittingsChanged} />
      <CredentialReissues
        congressId={congressId}
        stale={Object.values(stale).reduce((sum, n) => sum + n, 0)}
      />
      <ScreenControl congressId={congressId} />
      <ElectionStrip elections={list} />
      {elections.loading && !elections.data ? (
        <Spin />
      ) : list.length === 0 ? (
        <Empty description={t('pres.none')} />
      ) : (
        list.map((e) => (
          <ElectionPanel
            key={e.id}
            congressId={congressId}
            electionId={e.id}
            stale={stale[e.id] ?? 0}
            live={rounds}
            counts={e.sittingId ? (sittings[e.sittingId] ?? null) : null}
            method={method}
          />
        ))
      )}
    </PageShell>
  );
}
