import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import {
  resolveScanItemEndpoint,
  SCAN_MARKS,
  scanDisagreementsEndpoint,
  scanOverviewEndpoint,
} from '../../../../../contract/scan.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { reviewShare, scanSettled, statisticRows } from './scan-logic.ts';

type Key = Parameters<ReturnType<typeof useI18n>['t']>[0];

/**
 * 扫描识读统计 for the scrutineers: sheets read, rejected, boxes reviewed, decisions changed — what
 * they look at before they sign off — and the boxes the two tellers read differently, to settle
 * [P2]. Shown for a paper round once scans were uploaded to it.
 */
export function ScanStatistics({
  congressId,
  roundId,
  mayResolve,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly mayResolve: boolean;
}) {
  const { t } = useI18n();
  const params = { congressId, roundId };
  const overview = useEndpoint(scanOverviewEndpoint, { params });
  const disagreements = useEndpoint(scanDisagreementsEndpoint, mayResolve ? { params } : null);
  const action = useAction();
  const stats = overview.data?.statistics;
  if (!stats || stats.files === 0) return <ErrorAlert error={overview.error} />;
  const settled = scanSettled(stats);
  return (
    <Card
      title={t('scan.stats.title')}
      extra={
        <Button size="small" onClick={() => void Promise.all([overview.reload(), disagreements.reload()])}>
          {t('common.refresh')}
        </Button>
      }
      data-testid="scan-statistics"
      style={{ marginBottom: 16 }}
    >
      <Alert
        type={settled ? 'success' : 'warning'}
        showIcon
        title={t(settled ? 'scan.stats.settled' : 'scan.stats.unsettled')}
        description={t('scan.stats.reviewShare', { share: reviewShare(stats) })}
        style={{ marginBottom: 12 }}
        data-testid="scan-settled"
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 3 }}
        items={statisticRows(stats).map((row) => ({
          key: row.key,
          label: t(`scan.stats.${row.key}` as Key),
          children: (
            <span
              data-testid={`scan-stat-${row.key}`}
              style={row.attention ? { color: '#c77700', fontWeight: 600 } : {}}
            >
              {row.value}
            </span>
          ),
        }))}
      />
      {mayResolve && (disagreements.data?.items.length ?? 0) > 0 && (
        <div style={{ marginTop: 16 }} data-testid="scan-disagreements">
          <h3>{t('scan.disagree.title')}</h3>
          {disagreements.data!.items.map((item) => (
            <Card key={item.id} size="small" style={{ marginBottom: 8 }}>
              <Space wrap align="start">
                <img
                  src={item.crop}
                  alt={item.candidate ?? ''}
                  style={{ maxWidth: 240, border: '1px solid #ddd' }}
                />
                <Space orientation="vertical">
                  <strong>{item.candidate ?? t('scan.review.writeIn', { n: item.position + 1 })}</strong>
                  {item.decisions.map((d) => (
                    <Tag key={d.by}>
                      {t('scan.disagree.by', { name: d.by, mark: t(`scan.mark.${d.mark}`) })}
                      {d.name ? `（${d.name}）` : ''}
                    </Tag>
                  ))}
                  {item.resolution ? (
                    <Tag color="green" data-testid="scan-resolution">
                      {t('scan.disagree.resolved', {
                        name: item.resolution.by,
                        mark: t(`scan.mark.${item.resolution.mark}`),
                      })}
                    </Tag>
                  ) : (
                    <Space wrap>
                      <span>{t('scan.disagree.resolve')}</span>
                      {SCAN_MARKS.filter((m) => item.kind === 'mark' || m !== 'for').map((mark) => (
                        <Button
                          key={mark}
                          size="small"
                          loading={action.busy === `${item.id}-${mark}`}
                          onClick={() =>
                            void action
                              .run(`${item.id}-${mark}`, () =>
                                call(resolveScanItemEndpoint, {
                                  params: { congressId, roundId, itemId: item.id },
                                  body: { mark },
                                }),
                              )
                              .then((ok) => {
                                if (ok) void Promise.all([overview.reload(), disagreements.reload()]);
                              })
                          }
                        >
                          {t(`scan.mark.${mark}`)}
                        </Button>
                      ))}
                    </Space>
                  )}
                </Space>
              </Space>
            </Card>
          ))}
        </div>
      )}
    </Card>
  );
}
