import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Grid,
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
import { type LiveRounds, type RoundProgress, staleElection, withProgress } from '../lib/round-live.ts';
import type { ElectionSummary, ElectionView, VotingEvent } from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';
import { useThrottled } from '../lib/use-throttled.ts';

// 计票人录入: a teller keys paper ballots, one sheet at a time, in pass A or B of a batch. The
// keys are handled by the pure state machine in lib/ballot-entry.ts.

/** Candidates per row of the grid; the arrow keys move by rows of this width. A phone has two. */
const COLUMNS = 5;
const PHONE_COLUMNS = 2;
/** How often the running totals are fetched again while sheets are being keyed. */
const TOTALS_REFRESH_MS = 1500;

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
  const [live, setLive] = useState<LiveRounds>({});
  const reloadElections = elections.reload;
  const reloadElection = election.reload;

  // A round opening or closing changes what may be keyed; the other tellers' progress shows live.
  useCongressEvents(congressId, {
    voting: (data) => {
      const event = data as VotingEvent;
      setLive((known) => withProgress(known, event));
      if (staleElection(event)) {
        void reloadElections();
        void reloadElection();
      }
    },
  });

  const paperElections = (elections.data ?? []).filter((e) => e.ballotMode === 'paper');
  // The election being voted on is nearly always the one to key: chosen for the teller.
  const underWay = paperElections.find((e) => e.status === 'in-progress')?.id;
  useEffect(() => {
    if (!electionId && underWay) setElectionId(underWay);
  }, [electionId, underWay]);
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
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <div data-testid="teller-election">
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
            <div data-testid="teller-round">
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
              <span data-testid="teller-batch">
                {t('teller.batch')}{' '}
                <InputNumber min={1} max={100000} value={batchNo} onChange={(v) => setBatchNo(v ?? 1)} />
              </span>
            </Space>
            <Button
              type="primary"
              size="large"
              disabled={!roundId}
              onClick={() => setStarted(true)}
              data-testid="teller-start"
            >
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
          live={live[roundId]}
          onBack={() => setStarted(false)}
          notify={(text) => void message.success(text, 1)}
        />
      )}
    </PageShell>
  );
}

/** A sheet the server refused: kept so the teller can bring it back and key it again. */
interface Refused {
  readonly sheetNo: number;
  readonly state: EntryState;
  readonly error: ApiError;
}

function EntryDesk({
  congressId,
  roundId,
  pass,
  batchNo,
  title,
  live,
  onBack,
  notify,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly pass: 'A' | 'B';
  readonly batchNo: number;
  readonly title: string;
  readonly live: RoundProgress | undefined;
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
  const [refused, setRefused] = useState<Refused>();
  const [saving, setSaving] = useState(0);
  const [incomplete, setIncomplete] = useState(false);
  const [dialog, setDialog] = useState<'write-in' | 'void' | null>(null);
  const [text, setText] = useState('');
  const grid = useRef<HTMLDivElement>(null);
  const columns = Grid.useBreakpoint().sm === false ? PHONE_COLUMNS : COLUMNS;

  // The other tellers key too: the running totals follow, one request per interval at most.
  const refreshTotals = useThrottled(() => void totals.reload(), TOTALS_REFRESH_MS);
  useEffect(() => {
    if (live) refreshTotals();
  }, [live, refreshTotals]);

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

  // Enter opens the next ballot at once and the sheet is saved meanwhile: a teller keys on without
  // waiting for the server, and no key typed during the save is lost. A refused sheet is kept.
  const commit = useCallback(
    async (state: EntryState) => {
      const body = sheetBody(state);
      if (!body) return;
      const no = sheetNo;
      setSheet(emptySheet(candidates.length));
      setSheetNo(no + 1);
      setSaving((n) => n + 1);
      try {
        await api.post(`${base}/entries`, { pass, batchNo, sheetNo: no, ...body });
        notify(t('teller.committed', { n: no }));
        setRefused((r) => (r?.sheetNo === no ? undefined : r));
        void mine.reload();
        void totals.reload();
      } catch (caught) {
        setRefused({ sheetNo: no, state, error: asApiError(caught) });
      } finally {
        setSaving((n) => n - 1);
        grid.current?.focus();
      }
    },
    [base, pass, batchNo, sheetNo, candidates.length, mine, totals, notify, t],
  );

  const restore = () => {
    if (!refused) return;
    setSheet(refused.state);
    setSheetNo(refused.sheetNo);
    setRefused(undefined);
    grid.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const result = applyKey(sheet, event.key, columns);
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
  const progress = totals.data?.progress;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          className="teller-sheet"
          title={
            <Space wrap>
              <span>{title}</span>
              <Tag color="red" data-testid="teller-pass">
                {pass === 'A' ? t('teller.passA') : t('teller.passB')}
              </Tag>
              <Tag>{t('teller.batchN', { n: batchNo })}</Tag>
              <span className="teller-sheet-no" data-testid="teller-sheet-no">
                {t('teller.sheetNo')}{' '}
                <InputNumber size="small" min={1} value={sheetNo} onChange={(v) => setSheetNo(v ?? 1)} />
              </span>
            </Space>
          }
          extra={<Button onClick={onBack}>{t('teller.change')}</Button>}
        >
          <ErrorAlert error={mine.error} onRetry={() => void mine.reload()} />
          {refused && (
            <Alert
              type="error"
              showIcon
              className="teller-refused"
              data-testid="teller-refused"
              title={t('teller.refused', { n: refused.sheetNo })}
              description={`${tx(refused.error)}${refused.error.rule ? ` [${refused.error.rule}]` : ''}`}
              action={
                <Button size="small" danger onClick={restore}>
                  {t('teller.restore', { n: refused.sheetNo })}
                </Button>
              }
            />
          )}
          <TellerKeys />
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
              data-cursor={sheet.cursor}
              className="teller-grid"
              style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
            >
              {candidates.map((name, i) => (
                <button
                  type="button"
                  key={name}
                  tabIndex={-1}
                  className={[
                    'teller-cell',
                    i === sheet.cursor ? 'cursor' : '',
                    sheet.cells[i] === null ? 'empty' : 'keyed',
                  ].join(' ')}
                  data-testid="ballot-cell"
                  data-mark={sheet.cells[i] ?? ''}
                  onClick={() => {
                    setSheet((s) => ({ ...s, cursor: i }));
                    grid.current?.focus();
                  }}
                >
                  <span className="teller-cell-name">
                    <span className="teller-cell-no">{i + 1}</span>
                    {name}
                  </span>
                  <span className="teller-cell-mark">
                    <MarkCell mark={sheet.cells[i] ?? null} />
                  </span>
                </button>
              ))}
            </div>
          )}
          <Space wrap className="teller-tally">
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
          {incomplete && (
            <div className="teller-incomplete" data-testid="teller-incomplete">
              {t('teller.incomplete')}
            </div>
          )}
          <Space className="teller-buttons" wrap>
            <Button
              type="primary"
              loading={saving > 0}
              disabled={sheetBody(sheet) === null}
              onClick={() => void commit(sheet)}
              data-testid="teller-commit"
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
        <Card title={t('teller.last')} className="teller-last-card" size="small">
          {last ? (
            <div data-testid="teller-last" data-sheet={last.sheetNo} data-marks={last.marks}>
              <div className="teller-last-line">
                {t('teller.batchN', { n: last.batchNo })} · {t('teller.sheetN', { n: last.sheetNo })}
                {last.voidReason ? ` · ${t('teller.void')}：${last.voidReason}` : ''}
                {last.writeIns.length > 0 ? ` · ${t('ballot.writeIn')}：${last.writeIns.join('、')}` : ''}
              </div>
              <div className="teller-last-marks">
                {[...last.marks].map((m, i) => (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
                    key={i}
                    title={candidates[i]}
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
                  <Statistic title={t('teller.returned')} value={progress?.sheets} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('teller.agreed')} value={progress?.settled} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('teller.unresolved')} value={progress?.unresolved} />
                </Col>
              </Row>
              <div className="teller-only">
                {t('teller.onlyAB', { a: totals.data.progress.onlyA, b: totals.data.progress.onlyB })}
              </div>
              <div className="teller-provisional">{tx(totals.data.provisional)}</div>
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
                  { title: t('ballot.abstain'), dataIndex: 'abstain', width: 88 },
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

/** The keys of the grid, as the teller's fingers find them: one key per mark, Enter for the next sheet. */
function TellerKeys() {
  const { t } = useI18n();
  const keys: ReadonlyArray<readonly [readonly string[], string]> = [
    [['1'], t('teller.key.for')],
    [['2'], t('teller.key.against')],
    [['0', t('teller.kbd.space')], t('teller.key.abstain')],
    [['3'], t('teller.key.unreadable')],
    [['←', '→', '↑', '↓'], t('teller.key.move')],
    [[t('teller.kbd.backspace')], t('teller.key.back')],
    [['F'], t('teller.key.fill')],
    [['W'], t('teller.key.writeIn')],
    [['V'], t('teller.key.void')],
    [[t('teller.kbd.enter')], t('teller.key.enter')],
  ];
  return (
    <div className="teller-keys" data-testid="teller-keys">
      {keys.map(([caps, what]) => (
        <span key={what}>
          {caps.map((cap) => (
            <kbd key={cap}>{cap}</kbd>
          ))}{' '}
          {what}
        </span>
      ))}
    </div>
  );
}
