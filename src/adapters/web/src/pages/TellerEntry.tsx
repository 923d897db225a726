import {
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, api, asApiError, congressUrl, query } from '../lib/api.ts';
import {
  addWriteIn,
  applyKey,
  type EntryState,
  emptySheet,
  MARK_SYMBOL,
  removeWriteIn,
  type SheetMark,
  sheetBody,
  tallyMarks,
  voidSheet,
} from '../lib/ballot-entry.ts';
import type { ElectionSummary, ElectionView } from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';

// 计票人录入: a teller keys paper ballots, one sheet at a time, in pass A or B of a batch. The
// keys are handled by the pure state machine in lib/ballot-entry.ts.

const COLUMNS = 5;

interface EntryView {
  readonly pass: 'A' | 'B';
  readonly batchNo: number;
  readonly sheetNo: number;
  readonly marks: string;
  readonly writeIns: readonly string[];
  readonly voidReason: string | null;
}

interface MyEntries {
  readonly roundId: string;
  readonly status: string;
  readonly candidates: readonly string[];
  readonly entries: readonly EntryView[];
}

interface Reconciliation {
  readonly reconciliation: {
    readonly issued: number | null;
    readonly returned: number;
    readonly en: string;
    readonly zh: string;
  };
  readonly progress: {
    readonly sheets: number;
    readonly onlyA: number;
    readonly onlyB: number;
    readonly agreed: number;
    readonly resolved: number;
    readonly unresolved: number;
    readonly settled: number;
  };
  readonly provisional: {
    readonly en: string;
    readonly zh: string;
    readonly ballots: { readonly counted: number; readonly valid: number; readonly invalid: number };
    readonly candidates: ReadonlyArray<{ name: string; for: number; against: number; abstain: number }>;
    readonly writeIns: ReadonlyArray<{ name: string; for: number }>;
  };
}

const MARK_COLOR: Readonly<Record<SheetMark, string>> = {
  F: '#b71c1c',
  A: '#1f1f1f',
  '-': '#8c8c8c',
  '?': '#c77700',
};

export function MarkCell({ mark }: { readonly mark: SheetMark | null }) {
  if (mark === null) return <span style={{ color: '#d9d9d9' }}>·</span>;
  return (
    <span style={{ color: MARK_COLOR[mark], fontWeight: 700 }}>{mark === '-' ? '—' : MARK_SYMBOL[mark]}</span>
  );
}

export default function TellerEntry({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const elections = useApi<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  const [electionId, setElectionId] = useState<string>();
  const election = useApi<ElectionView>(
    electionId ? congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}`) : null,
  );
  const [roundId, setRoundId] = useState<string>();
  const [pass, setPass] = useState<'A' | 'B'>('A');
  const [batchNo, setBatchNo] = useState(1);
  const [started, setStarted] = useState(false);

  const paperElections = (elections.data ?? []).filter((e) => e.ballotMode === 'paper');
  const rounds = (election.data?.rounds ?? []).filter(
    (r) => r.mode === 'paper' && (r.status === 'open' || r.status === 'closed'),
  );
  useEffect(() => {
    if (!roundId && rounds.length > 0) setRoundId(rounds[rounds.length - 1]!.id);
  }, [roundId, rounds]);

  return (
    <PageShell wide>
      <h1 className="section-title">{t('teller.title')}</h1>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      {!started || !roundId ? (
        <Card title={t('teller.setup')} style={{ maxWidth: 640 }}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <div>
              <div>{t('ballot.election')}</div>
              <Select
                style={{ width: '100%' }}
                placeholder={t('ballot.pickElection')}
                value={electionId}
                loading={elections.loading}
                options={paperElections.map((e) => ({ value: e.id, label: e.title }))}
                onChange={(id) => {
                  setElectionId(id);
                  setRoundId(undefined);
                }}
                notFoundContent={t('teller.noPaper')}
              />
            </div>
            <div>
              <div>{t('ballot.round')}</div>
              <Select
                style={{ width: '100%' }}
                placeholder={t('ballot.pickRound')}
                value={roundId}
                options={rounds.map((r) => ({
                  value: r.id,
                  label: `${t('ballot.roundN', { n: r.seq })} · ${t(`round.kind.${r.kind}`)} · ${t(`ballot.status.${r.status}`)}`,
                }))}
                onChange={setRoundId}
                notFoundContent={t('teller.noRound')}
              />
            </div>
            <Space size="large" wrap>
              <span>
                {t('teller.pass')}{' '}
                <Radio.Group value={pass} onChange={(e) => setPass(e.target.value)} optionType="button">
                  <Radio.Button value="A">{t('teller.passA')}</Radio.Button>
                  <Radio.Button value="B">{t('teller.passB')}</Radio.Button>
                </Radio.Group>
              </span>
              <span>
                {t('teller.batch')}{' '}
                <InputNumber min={1} max={100000} value={batchNo} onChange={(v) => setBatchNo(v ?? 1)} />
              </span>
            </Space>
            <Button type="primary" size="large" disabled={!roundId} onClick={() => setStarted(true)}>
              {t('teller.start')}
            </Button>
          </Space>
        </Card>
      ) : (
        <EntryDesk
          congressId={congressId}
          roundId={roundId}
          pass={pass}
          batchNo={batchNo}
          title={election.data?.title ?? ''}
          onBack={() => setStarted(false)}
          notify={(text) => void message.success(text, 1)}
        />
      )}
    </PageShell>
  );
}

function EntryDesk({
  congressId,
  roundId,
  pass,
  batchNo,
  title,
  onBack,
  notify,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly pass: 'A' | 'B';
  readonly batchNo: number;
  readonly title: string;
  readonly onBack: () => void;
  readonly notify: (text: string) => void;
}) {
  const { t, tx } = useI18n();
  const base = congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/paper`);
  const mine = useApi<MyEntries>(`${base}/entries${query({ batchNo, pass })}`);
  const totals = useApi<Reconciliation>(`${base}/reconciliation`);
  const candidates = mine.data?.candidates ?? [];
  const [sheet, setSheet] = useState<EntryState>(() => emptySheet(0));
  const [sheetNo, setSheetNo] = useState(1);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [dialog, setDialog] = useState<'write-in' | 'void' | null>(null);
  const [text, setText] = useState('');
  const grid = useRef<HTMLDivElement>(null);

  const last = useMemo(() => {
    const entries = mine.data?.entries ?? [];
    return entries.length > 0 ? entries[entries.length - 1] : undefined;
  }, [mine.data]);

  // A new round or batch: a fresh sheet after the last one this teller keyed.
  useEffect(() => {
    if (!mine.data) return;
    setSheet((s) =>
      s.cells.length === mine.data!.candidates.length ? s : emptySheet(mine.data!.candidates.length),
    );
    const max = Math.max(0, ...mine.data.entries.map((e) => e.sheetNo));
    setSheetNo((n) => Math.max(n, max + 1));
  }, [mine.data]);

  // The grid takes the keys: focused once the ballot is loaded and whenever a dialog closes.
  useEffect(() => {
    if (dialog === null && candidates.length > 0) grid.current?.focus();
  }, [dialog, candidates.length]);

  const commit = useCallback(
    async (state: EntryState) => {
      const body = sheetBody(state);
      if (!body || busy) return;
      setBusy(true);
      try {
        await api.post(`${base}/entries`, { pass, batchNo, sheetNo, ...body });
        notify(t('teller.committed', { n: sheetNo }));
        setError(undefined);
        setSheet(emptySheet(candidates.length));
        setSheetNo((n) => n + 1);
        void mine.reload();
        void totals.reload();
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setBusy(false);
        grid.current?.focus();
      }
    },
    [base, pass, batchNo, sheetNo, busy, candidates.length, mine, totals, notify, t],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const result = applyKey(sheet, event.key, COLUMNS);
    if (!result.handled) return;
    event.preventDefault();
    setSheet(result.state);
    setIncomplete(result.action === 'incomplete');
    if (result.action === 'commit') void commit(result.state);
    if (result.action === 'write-in' || result.action === 'void') {
      setText(result.action === 'void' ? (sheet.voidReason ?? '') : '');
      setDialog(result.action);
    }
  };

  const tally = tallyMarks(sheet.cells);
  const closeDialog = () => {
    if (dialog === 'write-in') setSheet((s) => addWriteIn(s, text));
    if (dialog === 'void') setSheet((s) => voidSheet(s, text));
    setDialog(null);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          title={
            <Space wrap>
              <span>{title}</span>
              <Tag color="red">{t('teller.passN', { pass })}</Tag>
              <Tag>{t('teller.batchN', { n: batchNo })}</Tag>
              <span>
                {t('teller.sheetNo')}{' '}
                <InputNumber size="small" min={1} value={sheetNo} onChange={(v) => setSheetNo(v ?? 1)} />
              </span>
            </Space>
          }
          extra={<Button onClick={onBack}>{t('teller.change')}</Button>}
        >
          <ErrorAlert error={mine.error} onRetry={() => void mine.reload()} />
          <ErrorAlert error={error} />
          <div style={{ marginBottom: 8, color: '#595959' }}>{t('teller.keys')}</div>
          {candidates.length === 0 ? (
            <Empty />
          ) : (
            <div
              ref={grid}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid is the teller's keyboard target
              tabIndex={0}
              role="application"
              aria-label={t('teller.grid')}
              onKeyDown={onKeyDown}
              data-testid="ballot-grid"
              style={{
                display: 'grid',
                gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`,
                gap: 4,
                outline: 'none',
                padding: 4,
                border: '2px solid #b71c1c',
                borderRadius: 6,
              }}
            >
              {candidates.map((name, i) => (
                <button
                  type="button"
                  key={name}
                  tabIndex={-1}
                  onClick={() => {
                    setSheet((s) => ({ ...s, cursor: i }));
                    grid.current?.focus();
                  }}
                  style={{
                    display: 'flex',
                    justifyContent: 'space-between',
                    alignItems: 'center',
                    padding: '6px 8px',
                    border: i === sheet.cursor ? '2px solid #b71c1c' : '1px solid #d9d9d9',
                    background: i === sheet.cursor ? '#fff1f0' : sheet.cells[i] === null ? '#fff' : '#fafafa',
                    borderRadius: 4,
                    cursor: 'pointer',
                    font: 'inherit',
                  }}
                >
                  <span>
                    <span style={{ color: '#8c8c8c', fontSize: 12, marginRight: 4 }}>{i + 1}</span>
                    {name}
                  </span>
                  <span style={{ fontSize: 20, minWidth: 20, textAlign: 'center' }}>
                    <MarkCell mark={sheet.cells[i] ?? null} />
                  </span>
                </button>
              ))}
            </div>
          )}
          <Space wrap style={{ marginTop: 12 }}>
            <Tag color="red">
              {t('ballot.for')} ○ {tally.F}
            </Tag>
            <Tag>
              {t('ballot.against')} × {tally.A}
            </Tag>
            <Tag>
              {t('ballot.abstain')} {tally['-']}
            </Tag>
            <Tag color="orange">
              {t('ballot.unreadable')} {tally['?']}
            </Tag>
            <Tag color={tally.empty > 0 ? 'default' : 'green'}>{t('teller.empty', { n: tally.empty })}</Tag>
            {sheet.writeIns.map((w) => (
              <Tag key={w} color="blue" closable onClose={() => setSheet((s) => removeWriteIn(s, w))}>
                {t('ballot.writeIn')}：{w}
              </Tag>
            ))}
            {sheet.voidReason && (
              <Tag color="volcano" closable onClose={() => setSheet((s) => ({ ...s, voidReason: null }))}>
                {t('teller.void')}：{sheet.voidReason}
              </Tag>
            )}
          </Space>
          {incomplete && <div style={{ color: '#c62828', marginTop: 8 }}>{t('teller.incomplete')}</div>}
          <Space style={{ marginTop: 12 }} wrap>
            <Button
              type="primary"
              loading={busy}
              disabled={sheetBody(sheet) === null}
              onClick={() => void commit(sheet)}
            >
              {t('teller.commit')}
            </Button>
            <Button onClick={() => setSheet((s) => applyKey(s, 'F').state)}>{t('teller.fill')}</Button>
            <Button
              onClick={() => {
                setText('');
                setDialog('write-in');
              }}
            >
              {t('teller.addWriteIn')}
            </Button>
            <Button
              danger
              onClick={() => {
                setText(sheet.voidReason ?? '');
                setDialog('void');
              }}
            >
              {t('teller.voidSheet')}
            </Button>
            <Button onClick={() => setSheet(emptySheet(candidates.length))}>{t('teller.clear')}</Button>
          </Space>
        </Card>
        <Card title={t('teller.last')} style={{ marginTop: 16 }} size="small">
          {last ? (
            <div>
              <div style={{ marginBottom: 6 }}>
                {t('teller.batchN', { n: last.batchNo })} · {t('teller.sheetN', { n: last.sheetNo })}
                {last.voidReason ? ` · ${t('teller.void')}：${last.voidReason}` : ''}
                {last.writeIns.length > 0 ? ` · ${t('ballot.writeIn')}：${last.writeIns.join('、')}` : ''}
              </div>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 2, fontFamily: 'monospace' }}>
                {[...last.marks].map((m, i) => (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
                    key={i}
                    title={candidates[i]}
                    style={{ width: 22, textAlign: 'center', border: '1px solid #f0f0f0' }}
                  >
                    <MarkCell mark={m as SheetMark} />
                  </span>
                ))}
              </div>
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teller.noneYet')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          title={t('teller.totals')}
          extra={
            <Button size="small" onClick={() => void totals.reload()}>
              {t('common.refresh')}
            </Button>
          }
        >
          <ErrorAlert error={totals.error} />
          {totals.data && (
            <>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('teller.returned')} value={totals.data.progress.sheets} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('teller.agreed')} value={totals.data.progress.settled} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('teller.unresolved')} value={totals.data.progress.unresolved} />
                </Col>
              </Row>
              <div style={{ margin: '8px 0', color: '#595959' }}>
                {t('teller.onlyAB', { a: totals.data.progress.onlyA, b: totals.data.progress.onlyB })}
              </div>
              <div style={{ margin: '8px 0', color: '#8c8c8c' }}>{tx(totals.data.provisional)}</div>
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                scroll={{ y: 420 }}
                dataSource={[...totals.data.provisional.candidates]}
                columns={[
                  { title: t('ballot.candidate'), dataIndex: 'name' },
                  { title: '○', dataIndex: 'for', width: 56 },
                  { title: '×', dataIndex: 'against', width: 56 },
                  { title: t('ballot.abstain'), dataIndex: 'abstain', width: 64 },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
      <Modal
        open={dialog !== null}
        title={dialog === 'void' ? t('teller.voidSheet') : t('teller.addWriteIn')}
        onOk={closeDialog}
        onCancel={() => setDialog(null)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={text}
          maxLength={dialog === 'void' ? 200 : 64}
          placeholder={dialog === 'void' ? t('teller.voidReason') : t('teller.writeInName')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={closeDialog}
        />
      </Modal>
    </Row>
  );
}
