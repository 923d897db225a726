import {
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { api, asApiError, congressUrl } from '../lib/api.ts';
import { MARK_SYMBOL, type SheetMark } from '../lib/ballot-entry.ts';
import type { ElectionSummary, ElectionView } from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';

// 监票人比对: the two passes of double entry compared; disagreeing sheets side by side with the
// differing columns highlighted, a form to record what the paper says, and the sign-off.

interface SheetContent {
  readonly marks: string;
  readonly writeIns: readonly string[];
  readonly voidReason: string | null;
}

interface Disagreement {
  readonly sheetNo: number;
  readonly a: SheetContent & { readonly enteredBy: string };
  readonly b: SheetContent & { readonly enteredBy: string };
  readonly differingCandidates: ReadonlyArray<{ readonly column: number; readonly candidate: string }>;
  readonly writeInsDiffer: boolean;
  readonly voidReasonDiffers: boolean;
  readonly resolution: (SheetContent & { readonly resolvedBy: string }) | null;
}

interface Comparison {
  readonly status: string;
  readonly candidates: readonly string[];
  readonly progress: {
    readonly sheets: number;
    readonly onlyA: number;
    readonly onlyB: number;
    readonly agreed: number;
    readonly resolved: number;
    readonly unresolved: number;
  };
  readonly batches: ReadonlyArray<{
    readonly batchNo: number;
    readonly onlyA: readonly number[];
    readonly onlyB: readonly number[];
    readonly agreed: readonly number[];
    readonly disagreements: readonly Disagreement[];
  }>;
}

interface Resolving {
  readonly batchNo: number;
  readonly sheetNo: number;
  marks: string;
  writeIns: string;
  voidReason: string;
}

function MarksRow({ marks, differing }: { readonly marks: string; readonly differing: ReadonlySet<number> }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 2, fontFamily: 'monospace' }}>
      {[...marks].map((m, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
          key={i}
          style={{
            width: 22,
            textAlign: 'center',
            border: '1px solid #f0f0f0',
            background: differing.has(i) ? '#ffccc7' : undefined,
            fontWeight: differing.has(i) ? 700 : 400,
          }}
        >
          {m === '-' ? '—' : (MARK_SYMBOL[m as SheetMark] ?? m)}
        </span>
      ))}
    </div>
  );
}

export default function ScrutineerCompare({ congressId }: { readonly congressId: string }) {
  const { t, tx } = useI18n();
  const { message } = AntApp.useApp();
  const elections = useApi<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  const [electionId, setElectionId] = useState<string>();
  const election = useApi<ElectionView>(
    electionId ? congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}`) : null,
  );
  const [roundId, setRoundId] = useState<string>();
  const comparison = useApi<Comparison>(
    roundId ? congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/paper/comparison`) : null,
  );
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const [busy, setBusy] = useState(false);
  const round = election.data?.rounds.find((r) => r.id === roundId);

  const post = async (url: string, body: unknown, done: string) => {
    setBusy(true);
    try {
      await api.post(url, body);
      void message.success(done);
      void comparison.reload();
      void election.reload();
      return true;
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const resolve = async () => {
    if (!resolving || !roundId) return;
    const writeIns = resolving.writeIns
      .split(/[,，、\s]+/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
    const ok = await post(
      congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/paper/resolutions`),
      {
        batchNo: resolving.batchNo,
        sheetNo: resolving.sheetNo,
        marks: resolving.marks.trim().toUpperCase(),
        writeIns,
        voidReason: resolving.voidReason.trim() === '' ? null : resolving.voidReason.trim(),
      },
      t('scr.resolved'),
    );
    if (ok) setResolving(null);
  };

  const data = comparison.data;
  const candidates = data?.candidates ?? [];

  return (
    <PageShell wide>
      <h1 className="section-title">{t('scr.title')}</h1>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 260 }}
          placeholder={t('ballot.pickElection')}
          value={electionId}
          options={(elections.data ?? [])
            .filter((e) => e.ballotMode === 'paper')
            .map((e) => ({ value: e.id, label: e.title }))}
          onChange={(id) => {
            setElectionId(id);
            setRoundId(undefined);
          }}
        />
        <Select
          style={{ minWidth: 260 }}
          placeholder={t('ballot.pickRound')}
          value={roundId}
          options={(election.data?.rounds ?? [])
            .filter((r) => r.mode === 'paper')
            .map((r) => ({
              value: r.id,
              label: `${t('ballot.roundN', { n: r.seq })} · ${t(`round.kind.${r.kind}`)} · ${t(`ballot.status.${r.status}`)}`,
            }))}
          onChange={setRoundId}
        />
        {roundId && <Button onClick={() => void comparison.reload()}>{t('common.refresh')}</Button>}
      </Space>
      <ErrorAlert error={comparison.error} />
      {!roundId ? (
        <Empty description={t('scr.pick')} />
      ) : data ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space size="large" wrap>
              <Statistic title={t('teller.returned')} value={data.progress.sheets} />
              <Statistic title={t('scr.agreed')} value={data.progress.agreed} />
              <Statistic title={t('scr.resolvedN')} value={data.progress.resolved} />
              <Statistic
                title={t('teller.unresolved')}
                value={data.progress.unresolved}
                valueStyle={{ color: data.progress.unresolved > 0 ? '#c62828' : undefined }}
              />
              <Statistic title={t('scr.onlyA')} value={data.progress.onlyA} />
              <Statistic title={t('scr.onlyB')} value={data.progress.onlyB} />
            </Space>
            <Space wrap style={{ marginTop: 16 }}>
              {round?.status === 'closed' && (
                <Button
                  loading={busy}
                  onClick={() =>
                    void post(
                      congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/count`),
                      {},
                      t('pres.done'),
                    )
                  }
                >
                  {t('pres.count')}
                </Button>
              )}
              <Popconfirm
                title={t('scr.signOffConfirm')}
                onConfirm={() =>
                  void post(
                    congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/sign-off`),
                    {},
                    t('scr.signedOff'),
                  )
                }
              >
                <Button type="primary" loading={busy} disabled={round?.status !== 'counted'}>
                  {t('scr.signOff')}
                </Button>
              </Popconfirm>
              {round && <Tag>{t(`ballot.status.${round.status}`)}</Tag>}
              {round?.status !== 'counted' && (
                <span style={{ color: '#8c8c8c' }}>{t('scr.signOffWhen')}</span>
              )}
            </Space>
          </Card>
          {data.batches.map((batch) => (
            <Card
              key={batch.batchNo}
              size="small"
              style={{ marginBottom: 12 }}
              title={
                <Space wrap>
                  {t('teller.batchN', { n: batch.batchNo })}
                  <Tag color="green">{t('scr.agreedN', { n: batch.agreed.length })}</Tag>
                  <Tag color={batch.disagreements.length > 0 ? 'red' : 'default'}>
                    {t('scr.disagreeN', { n: batch.disagreements.length })}
                  </Tag>
                  {batch.onlyA.length > 0 && (
                    <Tag color="orange">{t('scr.onlyAList', { list: batch.onlyA.join('、') })}</Tag>
                  )}
                  {batch.onlyB.length > 0 && (
                    <Tag color="orange">{t('scr.onlyBList', { list: batch.onlyB.join('、') })}</Tag>
                  )}
                </Space>
              }
            >
              {batch.disagreements.length === 0 ? (
                <span style={{ color: '#8c8c8c' }}>{t('scr.noDisagreement')}</span>
              ) : (
                <Table
                  size="small"
                  rowKey="sheetNo"
                  pagination={false}
                  dataSource={[...batch.disagreements]}
                  columns={[
                    { title: t('teller.sheetNo'), dataIndex: 'sheetNo', width: 70 },
                    {
                      title: t('scr.passes'),
                      render: (_: unknown, d: Disagreement) => {
                        const differing = new Set(d.differingCandidates.map((c) => c.column));
                        return (
                          <Space direction="vertical" size={2}>
                            <span>
                              <Tag>A</Tag>
                              {d.a.enteredBy}
                              {d.a.voidReason ? ` · ${t('teller.void')}：${d.a.voidReason}` : ''}
                              {d.a.writeIns.length > 0
                                ? ` · ${t('ballot.writeIn')}：${d.a.writeIns.join('、')}`
                                : ''}
                            </span>
                            <MarksRow marks={d.a.marks} differing={differing} />
                            <span>
                              <Tag>B</Tag>
                              {d.b.enteredBy}
                              {d.b.voidReason ? ` · ${t('teller.void')}：${d.b.voidReason}` : ''}
                              {d.b.writeIns.length > 0
                                ? ` · ${t('ballot.writeIn')}：${d.b.writeIns.join('、')}`
                                : ''}
                            </span>
                            <MarksRow marks={d.b.marks} differing={differing} />
                            <span style={{ color: '#c62828' }}>
                              {t('scr.differ', {
                                list:
                                  d.differingCandidates
                                    .map((c) => `${c.column + 1}.${c.candidate}`)
                                    .join('、') || t('common.none'),
                              })}
                              {d.writeInsDiffer ? ` · ${t('scr.writeInsDiffer')}` : ''}
                              {d.voidReasonDiffers ? ` · ${t('scr.voidDiffers')}` : ''}
                            </span>
                          </Space>
                        );
                      },
                    },
                    {
                      title: t('scr.resolution'),
                      width: 220,
                      render: (_: unknown, d: Disagreement) => (
                        <Space direction="vertical">
                          {d.resolution ? (
                            <Tag color="green">{t('scr.resolvedBy', { name: d.resolution.resolvedBy })}</Tag>
                          ) : (
                            <Tag color="red">{t('scr.unresolved')}</Tag>
                          )}
                          <Button
                            size="small"
                            onClick={() =>
                              setResolving({
                                batchNo: batch.batchNo,
                                sheetNo: d.sheetNo,
                                marks: (d.resolution ?? d.a).marks,
                                writeIns: (d.resolution ?? d.a).writeIns.join('、'),
                                voidReason: (d.resolution ?? d.a).voidReason ?? '',
                              })
                            }
                          >
                            {t('scr.resolve')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              )}
            </Card>
          ))}
        </>
      ) : null}
      <Modal
        open={resolving !== null}
        title={resolving ? t('scr.resolveTitle', { batch: resolving.batchNo, sheet: resolving.sheetNo }) : ''}
        onOk={() => void resolve()}
        okButtonProps={{ loading: busy }}
        onCancel={() => setResolving(null)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        width={720}
        destroyOnHidden
      >
        {resolving && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>{t('scr.marksHelp')}</div>
            <Input
              value={resolving.marks}
              style={{ fontFamily: 'monospace' }}
              maxLength={candidates.length}
              onChange={(e) => setResolving({ ...resolving, marks: e.target.value.toUpperCase() })}
            />
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {candidates.map((name, i) => (
                <Tag key={name}>
                  {i + 1}.{name}{' '}
                  {resolving.marks[i] === '-' ? '—' : (MARK_SYMBOL[resolving.marks[i] as SheetMark] ?? '·')}
                </Tag>
              ))}
            </div>
            <Input
              value={resolving.writeIns}
              placeholder={t('scr.writeIns')}
              onChange={(e) => setResolving({ ...resolving, writeIns: e.target.value })}
            />
            <Input
              value={resolving.voidReason}
              placeholder={t('teller.voidReason')}
              onChange={(e) => setResolving({ ...resolving, voidReason: e.target.value })}
            />
          </Space>
        )}
      </Modal>
    </PageShell>
  );
}
