import { Button, Card, Empty, List, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  type ScanSheetView,
  type SetAside,
  scanOverviewEndpoint,
  scanRoundsEndpoint,
  setAsideScanSheetEndpoint,
} from '../../../../../contract/scan.ts';
import { PageShell } from '../../components/AppHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { ScanReview } from './ScanReview.tsx';
import { ScanUpload } from './ScanUpload.tsx';
import { sheetsAwaitingDisposition } from './scan-logic.ts';

// 扫描计票 (tellers): the paper round taking scans, the upload of the scanner's files, the review
// by exception of what the reader could not decide, and the rejected sheets to deal with.

export default function ScanDesk({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const rounds = useEndpoint(scanRoundsEndpoint, { params: { congressId } });
  const [roundId, setRoundId] = useState<string>();
  const available = rounds.data?.rounds ?? [];
  const latest = available[available.length - 1]?.roundId;
  useEffect(() => {
    if (!roundId && latest) setRoundId(latest);
  }, [roundId, latest]);
  const overview = useEndpoint(scanOverviewEndpoint, roundId ? { params: { congressId, roundId } } : null);
  const knownFiles = useMemo(() => new Set((overview.data?.files ?? []).map((f) => f.id)), [overview.data]);
  const [reviewKey, setReviewKey] = useState(0);

  return (
    <PageShell wide>
      <h1 className="section-title">{t('scan.title')}</h1>
      <p className="muted">{t('scan.intro')}</p>
      <ErrorAlert error={rounds.error ?? overview.error} onRetry={() => void rounds.reload()} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 360 }}
          placeholder={t('scan.pickRound')}
          value={roundId}
          loading={rounds.loading}
          options={available.map((r) => ({
            value: r.roundId,
            label: `${r.title} · ${t('ballot.roundN', { n: r.seq })} · ${t(`ballot.status.${r.status}`)}`,
          }))}
          onChange={setRoundId}
          notFoundContent={t('scan.noRound')}
          data-testid="scan-round"
        />
      </Space>
      {!roundId ? (
        rounds.data ? (
          <Empty description={t('scan.noRound')} />
        ) : null
      ) : (
        <div className="scan-desk">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ScanUpload
              congressId={congressId}
              roundId={roundId}
              knownFiles={knownFiles}
              onUploaded={() => {
                void overview.reload();
                setReviewKey((k) => k + 1);
              }}
            />
            <ScanReview
              key={`${roundId}-${reviewKey}`}
              congressId={congressId}
              roundId={roundId}
              candidates={overview.data?.candidates ?? []}
              onDecided={() => void overview.reload()}
            />
            <RejectedSheets
              congressId={congressId}
              roundId={roundId}
              sheets={overview.data?.sheets ?? []}
              files={overview.data?.files ?? []}
              onChanged={() => void overview.reload()}
            />
          </Space>
        </div>
      )}
    </PageShell>
  );
}

const DISPOSITIONS: ReadonlyArray<{
  readonly value: SetAside;
  readonly key: 'scan.sheets.rescanned' | 'scan.sheets.keyed' | 'scan.sheets.notThisRound';
}> = [
  { value: 'rescanned', key: 'scan.sheets.rescanned' },
  { value: 'keyed', key: 'scan.sheets.keyed' },
  { value: 'not-this-round', key: 'scan.sheets.notThisRound' },
];

/** Rejected sheets wait for a teller: scanned again, keyed by hand, or not this round's. */
function RejectedSheets({
  congressId,
  roundId,
  sheets,
  files,
  onChanged,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly sheets: readonly ScanSheetView[];
  readonly files: ReadonlyArray<{ readonly id: string; readonly filename: string | null }>;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const waiting = sheetsAwaitingDisposition(sheets);
  const fileName = (id: string) => files.find((f) => f.id === id)?.filename ?? id;
  return (
    <Card title={t('scan.sheets.title')} data-testid="scan-rejected">
      {waiting.length === 0 ? (
        <span className="muted">{t('scan.sheets.none')}</span>
      ) : (
        <List
          dataSource={waiting}
          renderItem={(sheet) => (
            <List.Item
              data-testid="scan-rejected-sheet"
              actions={DISPOSITIONS.map((d) => (
                <Button
                  key={d.value}
                  size="small"
                  loading={action.busy === `${sheet.id}-${d.value}`}
                  onClick={() =>
                    void action
                      .run(`${sheet.id}-${d.value}`, () =>
                        call(setAsideScanSheetEndpoint, {
                          params: { congressId, roundId, sheetId: sheet.id },
                          body: { disposition: d.value },
                        }),
                      )
                      .then((ok) => ok && onChanged())
                  }
                >
                  {t(d.key)}
                </Button>
              ))}
            >
              {t('scan.sheets.page', { file: fileName(sheet.fileId), page: sheet.page })}：
              {t(`scan.reason.${sheet.reason ?? 'unreadable-image'}`)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
