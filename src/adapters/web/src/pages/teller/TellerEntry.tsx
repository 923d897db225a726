import { App as AntApp } from 'antd';
import { PageShell } from '../../components/AppHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { EntryDesk } from './EntryDesk.tsx';
import { TellerSetup } from './TellerSetup.tsx';
import { useTellerSetup } from './use-teller-setup.ts';

// 计票人录入: a teller keys paper ballots, one sheet at a time, in pass A or B of a batch. The
// keys are handled by the pure state machine in lib/ballot-entry.ts.

export default function TellerEntry({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const setup = useTellerSetup(congressId);
  return (
    <PageShell wide>
      <div className="flow-title-row">
        <h1 className="section-title">{t('teller.title')}</h1>
        {/* Scanned ballots (issue 14): uploading the scanner's files and reviewing by exception. */}
        <Link to={`/c/${encodeURIComponent(congressId)}/scan`} data-testid="teller-scan-link">
          {t('scan.open')}
        </Link>
      </div>
      <ErrorAlert error={setup.elections.error} onRetry={() => void setup.elections.reload()} />
      {!setup.started || !setup.roundId ? (
        <TellerSetup setup={setup} />
      ) : (
        <EntryDesk
          congressId={congressId}
          roundId={setup.roundId}
          pass={setup.pass}
          batchNo={setup.batchNo}
          title={setup.title}
          seats={setup.seats}
          live={setup.live[setup.roundId]}
          onBack={() => setup.setStarted(false)}
          notify={(text) => void message.success(text, 1)}
        />
      )}
    </PageShell>
  );
}
