import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LiveBadge } from '../components/LiveBadge.tsx';
import { MarkWord } from '../components/MarkWord.tsx';
import { type CountedResult, RoundResult } from '../components/RoundResult.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { api, asApiError, congressUrl } from '../lib/api.ts';
import { MARK_SYMBOL, type SheetMark } from '../lib/ballot-entry.ts';
import { joinList } from '../lib/format.ts';
import { splitNames } from '../lib/name-list.ts';
import { staleElection } from '../lib/round-live.ts';
import type { ElectionSummary, ElectionView, RoundView, VotingEvent } from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';
import { useThrottled } from '../lib/use-throttled.ts';

// 监票人: the round under way in the chosen election. Paper: the two passes of double entry
// compared, disagreeing sheets side by side with the differing columns highlighted, a form to
// record what the paper says, and ballots issued against returned [B2]. Electronic: ballots issued
// against cast. Both: the count, the result it gave, and the sign-off [P2].

interface SheetContent {
  readonly marks: string;
  readonly writeIns: readonly string[];
  readonly voidReason: string | null;
}

interface Difference {
  readonly column: number;
  readonly candidate: string;
}

interface Disagreement {
  readonly sheetNo: number;
  readonly a: SheetContent & { readonly enteredBy: string };
  readonly b: SheetContent & { readonly enteredBy: string };
  readonly differingCandidates: readonly Difference[];
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

interface Reconciliation {
  readonly reconciliation: {
    readonly rule: string;
    readonly issued: number | null;
    readonly returned: number;
    readonly valid: boolean | null;
    readonly en: string;
    readonly zh: string;
  };
}

interface Progress {
  readonly issued: number;
  readonly voted: number;
}

type StaffRound = Omit<RoundView, 'result'> & { readonly result: CountedResult | null };
type StaffElection = Omit<ElectionView, 'rounds'> & { readonly rounds: readonly StaffRound[] };

interface Resolving {
  readonly batchNo: number;
  readonly sheetNo: number;
  readonly a: SheetContent;
  readonly b: SheetContent;
  readonly differing: readonly Difference[];
  marks: string;
  writeIns: string;
  voidReason: string;
}

/** How often the comparison is fetched again while the tellers key. */
const KEYING_REFRESH_MS = 1500;

function MarksRow({ marks, differing }: { readonly marks: string; readonly differing: ReadonlySet<number> }) {
  return (
    <div className="scr-marks">
      {[...marks].map((m, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
          key={i}
          className={differing.has(i) ? 'differs' : undefined}
        >
          {m === '-' ? '—' : (MARK_SYMBOL[m as SheetMark] ?? m)}
        </span>
      ))}
    </div>
  );
}

/** The marks with one column changed. */
const withMark = (marks: string, column: number, mark: string) =>
  marks.slice(0, column) + mark + marks.slice(column + 1);

const resolvingFrom = (batchNo: number, d: Disagreement): Resolving => {
  const start = d.resolution ?? d.a;
  return {
    batchNo,
    sheetNo: d.sheetNo,
    a: d.a,
    b: d.b,
    differing: d.differingCandidates,
    marks: start.marks,
    writeIns: start.writeIns.join('、'),
    voidReason: start.voidReason ?? '',
  };
};

export default function ScrutineerCompare({ congressId }: { readonly congressId: string }) {
  const { t, tx, lang } = useI18n();
  const { message } = AntApp.useApp();
  const elections = useApi<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  const [picked, setPicked] = useState<string>();
  // The election being voted on, unless the scrutineer chose another.
  const electionId = picked ?? (elections.data ?? []).find((e) => e.status === 'in-progress')?.id;
  const election = useApi<StaffElection>(
    electionId ? congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}`) : null,
  );
  const [pickedRound, setPickedRound] = useState<string>();
  const rounds = election.data?.rounds ?? [];
  // The latest round unless the scrutineer chose one: a run-off shows as soon as it opens.
  const round = rounds.find((r) => r.id === pickedRound) ?? rounds[rounds.length - 1];
  const roundUrl = round ? congressUrl(congressId, `/rounds/${encodeURIComponent(round.id)}`) : null;
  const paper = round?.mode === 'paper';
  const comparison = useApi<Comparison>(roundUrl && paper ? `${roundUrl}/paper/comparison` : null);
  const reconciliation = useApi<Reconciliation>(
    roundUrl && paper ? `${roundUrl}/paper/reconciliation` : null,
  );
  const turnout = useApi<Progress>(roundUrl && !paper ? `${roundUrl}/electronic/progress` : null);
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const [busy, setBusy] = useState(false);

  const refreshRound = useThrottled(() => {
    void comparison.reload();
    void reconciliation.reload();
    void turnout.reload();
  }, KEYING_REFRESH_MS);
  const live = useCongressEvents(congressId, {
    voting: (data) => {
      const event = data as VotingEvent;
      const stale = staleElection(event);
      if (stale !== null) {
        if (stale === electionId) void election.reload();
        void elections.reload();
      }
      if ('roundId' in event && event.roundId === round?.id) refreshRound();
    },
    result: () => void election.reload(),
  });

  const post = async (url: string, body: unknown, done: string) => {
    setBusy(true);
    try {
      await api.post(url, body);
      void message.success(done);
      void comparison.reload();
      void reconciliation.reload();
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
    if (!resolving || !roundUrl) return;
    const writeIns = splitNames(resolving.writeIns);
    const ok = await post(
      `${roundUrl}/paper/resolutions`,
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

  const take = (content: SheetContent) =>
    resolving &&
    setResolving({
      ...resolving,
      marks: content.marks,
      writeIns: content.writeIns.join('、'),
      voidReason: content.voidReason ?? '',
    });

  const data = comparison.data;
  const candidates = data?.candidates ?? [];
  const unresolved = data?.progress.unresolved ?? 0;
  const check = reconciliation.data?.reconciliation;

  return (
    <PageShell wide>
      <div className="flow-title-row">
        <h1 className="section-title">{t('scr.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      <Space wrap className="scr-pickers">
        <Select
          className="scr-select"
          placeholder={t('ballot.pickElection')}
          value={electionId}
          options={(elections.data ?? []).map((e) => ({
            value: e.id,
            label: `${e.title}（${t(`pres.mode.${e.ballotMode}`)}）`,
          }))}
          onChange={(id) => {
            setPicked(id);
            setPickedRound(undefined);
          }}
          data-testid="scr-election"
        />
        <Select
          className="scr-select"
          placeholder={t('ballot.pickRound')}
          value={round?.id}
          options={rounds.map((r) => ({
            value: r.id,
            label: `${t('ballot.roundN', { n: r.seq })} · ${t(`round.kind.${r.kind}`)} · ${t(`ballot.status.${r.status}`)}`,
          }))}
          onChange={setPickedRound}
        />
      </Space>
      <ErrorAlert error={comparison.error ?? reconciliation.error ?? turnout.error} />
      {!round ? (
        <Empty description={t('scr.pick')} />
      ) : (
        <>
          <Card
            className="scr-round"
            data-testid="scr-round"
            data-round={round.id}
            data-status={round.status}
            title={
              <Space wrap>
                <span>
                  {election.data?.title} · {t('ballot.roundN', { n: round.seq })} ·{' '}
                  {t(`round.kind.${round.kind}`)}
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
                  <Statistic title={t('scr.issued')} value={check?.issued ?? t('common.dash')} />
                  <Statistic title={t('teller.returned')} value={data?.progress.sheets ?? 0} />
                  <Statistic title={t('scr.agreed')} value={data?.progress.agreed ?? 0} />
                  <Statistic title={t('scr.resolvedN')} value={data?.progress.resolved ?? 0} />
                  <Statistic
                    title={t('teller.unresolved')}
                    value={unresolved}
                    styles={{ content: { color: unresolved > 0 ? '#c62828' : undefined } }}
                  />
                  <Statistic title={t('scr.onlyA')} value={data?.progress.onlyA ?? 0} />
                  <Statistic title={t('scr.onlyB')} value={data?.progress.onlyB ?? 0} />
                </Space>
                {check && (
                  <Alert
                    className="scr-reconciliation"
                    data-testid="scr-reconciliation"
                    data-valid={String(check.valid)}
                    type={check.valid === null ? 'info' : check.valid ? 'success' : 'error'}
                    showIcon
                    title={`[${check.rule}] ${tx(check)}`}
                  />
                )}
              </>
            ) : (
              <Space size="large" wrap data-testid="scr-turnout">
                <Statistic title={t('scr.issued')} value={turnout.data?.issued ?? round.present ?? 0} />
                <Statistic title={t('scr.cast')} value={turnout.data?.voted ?? 0} />
              </Space>
            )}
            <Space wrap className="scr-actions">
              {round.status === 'closed' && (
                <Button
                  type="primary"
                  size="large"
                  loading={busy}
                  disabled={paper && unresolved > 0}
                  onClick={() => void post(`${roundUrl}/count`, {}, t('pres.done'))}
                  data-testid="scr-count"
                >
                  {t('pres.count')}
                </Button>
              )}
              {round.status === 'closed' && paper && unresolved > 0 && (
                <span className="scr-hint">{t('scr.resolveFirst', { n: unresolved })}</span>
              )}
              {round.status === 'open' && <span className="scr-hint">{t('scr.countWhen')}</span>}
              {(round.status === 'counted' || round.status === 'signed-off') && (
                <Popconfirm
                  title={t('scr.signOffConfirm')}
                  okButtonProps={{ 'data-testid': 'scr-sign-off-confirm' }}
                  onConfirm={() => void post(`${roundUrl}/sign-off`, {}, t('scr.signedOff'))}
                >
                  <Button
                    type="primary"
                    size="large"
                    loading={busy}
                    disabled={round.status !== 'counted'}
                    data-testid="scr-sign-off"
                  >
                    {round.status === 'signed-off' ? t('scr.signedOff') : t('scr.signOff')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
            {round.result && <RoundResult result={round.result} />}
          </Card>
          {paper &&
            data?.batches
              .filter((batch) => !isQuiet(batch))
              .map((batch) => (
                <Card
                  key={batch.batchNo}
                  size="small"
                  className="scr-batch"
                  data-testid="scr-batch"
                  data-batch={batch.batchNo}
                  title={
                    <Space wrap>
                      {t('teller.batchN', { n: batch.batchNo })}
                      <Tag color="green">{t('scr.agreedN', { n: batch.agreed.length })}</Tag>
                      <Tag color={batch.disagreements.length > 0 ? 'red' : 'default'}>
                        {t('scr.disagreeN', { n: batch.disagreements.length })}
                      </Tag>
                      {batch.onlyA.length > 0 && (
                        <Tag color="orange">{t('scr.onlyAList', { list: joinList(batch.onlyA, lang) })}</Tag>
                      )}
                      {batch.onlyB.length > 0 && (
                        <Tag color="orange">{t('scr.onlyBList', { list: joinList(batch.onlyB, lang) })}</Tag>
                      )}
                    </Space>
                  }
                >
                  {batch.disagreements.length === 0 ? (
                    <span className="scr-hint">{t('scr.noDisagreement')}</span>
                  ) : (
                    batch.disagreements.map((d) => (
                      <SheetDisagreement
                        key={d.sheetNo}
                        disagreement={d}
                        onResolve={() => setResolving(resolvingFrom(batch.batchNo, d))}
                      />
                    ))
                  )}
                </Card>
              ))}
          {paper && data && <AgreeingBatches batches={data.batches.filter(isQuiet).map((b) => b.batchNo)} />}
        </>
      )}
      <Modal
        open={resolving !== null}
        title={resolving ? t('scr.resolveTitle', { batch: resolving.batchNo, sheet: resolving.sheetNo }) : ''}
        onOk={() => void resolve()}
        okButtonProps={{ loading: busy, 'data-testid': 'scr-resolve-ok' }}
        onCancel={() => setResolving(null)}
        okText={t('scr.record')}
        cancelText={t('common.cancel')}
        width={720}
        destroyOnHidden
      >
        {resolving && (
          <Space orientation="vertical" className="scr-resolve-form" size="middle">
            <div className="scr-resolve-help">{t('scr.paperSays')}</div>
            {resolving.differing.map((c) => (
              <div key={c.column} className="scr-column" data-testid="scr-column" data-column={c.column}>
                <div className="scr-column-name">
                  {c.column + 1}. {c.candidate}
                </div>
                <div className="scr-column-passes">
                  {t('scr.passA')}：<MarkWord mark={resolving.a.marks[c.column]} />　{t('scr.passB')}：
                  <MarkWord mark={resolving.b.marks[c.column]} />
                </div>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={resolving.marks[c.column]}
                  onChange={(e) =>
                    setResolving({ ...resolving, marks: withMark(resolving.marks, c.column, e.target.value) })
                  }
                  options={(['F', 'A', '-', '?'] as const).map((mark) => ({
                    value: mark,
                    label: <MarkWord mark={mark} />,
                  }))}
                />
              </div>
            ))}
            <Space wrap>
              <Button onClick={() => take(resolving.a)} data-testid="scr-take-a">
                {t('scr.takeA')}
              </Button>
              <Button onClick={() => take(resolving.b)} data-testid="scr-take-b">
                {t('scr.takeB')}
              </Button>
            </Space>
            <div>
              <div className="field-label">{t('scr.wholeSheet')}</div>
              <Input
                value={resolving.marks}
                className="scr-marks-input"
                maxLength={candidates.length}
                onChange={(e) => setResolving({ ...resolving, marks: e.target.value.toUpperCase() })}
                data-testid="scr-marks"
              />
              <div className="scr-marks-help">{t('scr.marksHelp')}</div>
            </div>
            <div className="scr-resolve-cells">
              {candidates.map((name, i) => (
                <Tag key={name} color={resolving.a.marks[i] !== resolving.b.marks[i] ? 'red' : undefined}>
                  {i + 1}.{name}{' '}
                  {resolving.marks[i] === '-' ? '—' : (MARK_SYMBOL[resolving.marks[i] as SheetMark] ?? '·')}
                </Tag>
              ))}
            </div>
            <LabelledInput
              id="scr-write-ins"
              label={t('ballot.writeIn')}
              placeholder={t('scr.writeIns')}
              value={resolving.writeIns}
              onChange={(writeIns) => setResolving({ ...resolving, writeIns })}
            />
            <LabelledInput
              id="scr-void-reason"
              label={t('teller.void')}
              placeholder={t('teller.voidReason')}
              value={resolving.voidReason}
              onChange={(voidReason) => setResolving({ ...resolving, voidReason })}
            />
          </Space>
        )}
      </Modal>
    </PageShell>
  );
}

type Batch = Comparison['batches'][number];

/** A batch with nothing to look at: every sheet keyed in both passes, and the passes agree. */
const isQuiet = (batch: Batch) =>
  batch.disagreements.length === 0 && batch.onlyA.length === 0 && batch.onlyB.length === 0;

/** The batches where both passes agree throughout, in one line rather than a card each. */
function AgreeingBatches({ batches }: { readonly batches: readonly number[] }) {
  const { t, lang } = useI18n();
  if (batches.length === 0) return null;
  return (
    <Alert
      type="success"
      className="scr-quiet"
      data-testid="scr-quiet"
      title={t('scr.quietBatches', { list: joinList(batches, lang), n: batches.length })}
    />
  );
}

/** One disputed sheet: both passes one above the other, the differing columns named and marked. */
function SheetDisagreement({
  disagreement: d,
  onResolve,
}: {
  readonly disagreement: Disagreement;
  readonly onResolve: () => void;
}) {
  const { t } = useI18n();
  const differing = new Set(d.differingCandidates.map((c) => c.column));
  const pass = (label: 'A' | 'B', content: Disagreement['a']) => (
    <div className="scr-pass">
      <span className="scr-pass-label">
        <Tag>{label}</Tag>
        {content.enteredBy}
        {content.voidReason ? ` · ${t('teller.void')}：${content.voidReason}` : ''}
        {content.writeIns.length > 0 ? ` · ${t('ballot.writeIn')}：${content.writeIns.join('、')}` : ''}
      </span>
      <MarksRow marks={content.marks} differing={differing} />
    </div>
  );
  return (
    <div className="scr-sheet" data-testid="scr-disagreement" data-sheet={d.sheetNo}>
      <div className="scr-sheet-head">
        <strong>{t('teller.sheetN', { n: d.sheetNo })}</strong>
        {d.resolution ? (
          <Tag color="green" data-testid="scr-resolved">
            {t('scr.resolvedBy', { name: d.resolution.resolvedBy })}
          </Tag>
        ) : (
          <Tag color="red">{t('scr.unresolved')}</Tag>
        )}
        <Button
          size="small"
          type={d.resolution ? 'default' : 'primary'}
          onClick={onResolve}
          data-testid="scr-resolve"
        >
          {t('scr.resolve')}
        </Button>
      </div>
      {pass('A', d.a)}
      {pass('B', d.b)}
      <Table<Difference>
        size="small"
        className="scr-differences"
        rowKey="column"
        pagination={false}
        dataSource={[...d.differingCandidates]}
        data-testid="scr-differences"
        columns={[
          {
            title: t('ballot.candidate'),
            render: (_: unknown, c: Difference) => `${c.column + 1}. ${c.candidate}`,
          },
          {
            title: t('scr.passA'),
            render: (_: unknown, c: Difference) => <MarkWord mark={d.a.marks[c.column]} />,
          },
          {
            title: t('scr.passB'),
            render: (_: unknown, c: Difference) => <MarkWord mark={d.b.marks[c.column]} />,
          },
          ...(d.resolution
            ? [
                {
                  title: t('scr.resolution'),
                  render: (_: unknown, c: Difference) => <MarkWord mark={d.resolution?.marks[c.column]} />,
                },
              ]
            : []),
        ]}
      />
      {(d.writeInsDiffer || d.voidReasonDiffers) && (
        <div className="scr-also-differ">
          {d.writeInsDiffer ? t('scr.writeInsDiffer') : ''}
          {d.writeInsDiffer && d.voidReasonDiffers ? ' · ' : ''}
          {d.voidReasonDiffers ? t('scr.voidDiffers') : ''}
        </div>
      )}
    </div>
  );
}

function LabelledInput({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="scr-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Input id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
