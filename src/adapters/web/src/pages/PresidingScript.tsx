import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  InputNumber,
  Popconfirm,
  Radio,
  Space,
  Spin,
  Steps,
  Tag,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { CountsBar } from '../components/CountsBar.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LiveBadge } from '../components/LiveBadge.tsx';
import { type CountedResult, RoundResult } from '../components/RoundResult.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { api, asApiError, congressUrl } from '../lib/api.ts';
import { hasAny, type Role, rolesFor } from '../lib/roles.ts';
import { type LiveRounds, type RoundProgress, staleElection, withProgress } from '../lib/round-live.ts';
import { useSession } from '../lib/session.tsx';
import type {
  AttendanceCounts,
  CurrentAttendance,
  ElectionSummary,
  RoundKind,
  RoundView,
  Turnout,
  VotingEvent,
} from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';

// 主持人: for each election, the quorum, the round's state with the buttons the presiding officer
// presses (open, close, announce), the verified result with the rule that decided it, and the next
// round the chain requires, set up in one click. Everything follows the event stream: the hall
// votes while the presiding officer watches this page, and nobody should have to press refresh.

interface Reason {
  readonly rule: string;
  readonly en: string;
  readonly zh: string;
}

type NextStep =
  | {
      readonly step: 'round';
      readonly kind: RoundKind;
      readonly seats: number;
      readonly advance?: number;
      readonly candidates: 'open' | readonly string[];
      readonly reason: Reason;
    }
  | {
      readonly step: 'decide-shortfall';
      readonly seats: number;
      readonly eligible: readonly string[];
      readonly reason: Reason;
    }
  | { readonly step: 'complete'; readonly reason: Reason };

interface FullRound extends Omit<RoundView, 'result'> {
  readonly candidates?: readonly string[];
  readonly result: CountedResult | null;
}

interface FullElection {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly ballotMode: 'paper' | 'electronic';
  readonly status: string;
  readonly sittingId: string | null;
  readonly rounds: readonly FullRound[];
  readonly chain: {
    readonly stage: string;
    readonly seats: number;
    readonly elected: readonly string[];
    readonly next: NextStep;
  };
}

const STEPS = ['open', 'closed', 'counted', 'signed-off', 'announced'] as const;

/** Who may press 计票 (POST …/count): the tellers under the scrutineers' supervision [P2]. */
const COUNTS: readonly Role[] = ['teller', 'scrutineer', 'admin'];

/**
 * The sign-off arrives as a 'voting' event; while a count waits for it the page also looks again
 * this often, in case the event was missed while the stream reconnected.
 */
const SIGN_OFF_POLL_MS = 15_000;

export default function PresidingScript({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const elections = useApi<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  const [stale, setStale] = useState<Readonly<Record<string, number>>>({});
  const [rounds, setRounds] = useState<LiveRounds>({});
  const [sittings, setSittings] = useState<Readonly<Record<string, AttendanceCounts>>>({});
  const [opened, setOpened] = useState(0);

  const touch = useCallback((electionId: string | null) => {
    setStale((s) =>
      electionId === null
        ? Object.fromEntries(Object.entries(s).map(([id, n]) => [id, n + 1]))
        : { ...s, [electionId]: (s[electionId] ?? 0) + 1 },
    );
  }, []);

  const live = useCongressEvents(congressId, {
    snapshot: (data) =>
      setSittings((s) => ({
        ...s,
        ...Object.fromEntries((data as CurrentAttendance).sittings.map((c) => [c.sittingId, c])),
      })),
    attendance: (data) => {
      const counts = data as AttendanceCounts;
      setSittings((s) => ({ ...s, [counts.sittingId]: counts }));
    },
    voting: (data) => {
      const event = data as VotingEvent;
      setRounds((known) => withProgress(known, event));
      const stale = staleElection(event);
      if (stale) {
        touch(stale);
        void elections.reload();
      }
    },
    result: (data) => {
      touch((data as { electionId: string }).electionId);
      void elections.reload();
    },
    // A sitting opened or closed: the counts shown may belong to another sitting now.
    congress: () => setOpened((n) => n + 1),
    // After a reconnection nothing is replayed: every election looks again.
    onOpen: () => touch(null),
  });

  return (
    <PageShell wide>
      <div className="flow-title-row">
        <h1 className="section-title">{t('pres.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      <HallCounts congressId={congressId} sittings={sittings} stale={opened} />
      <ElectionStrip elections={elections.data ?? []} />
      {elections.loading && !elections.data ? (
        <Spin />
      ) : (elections.data ?? []).length === 0 ? (
        <Empty description={t('pres.none')} />
      ) : (
        (elections.data ?? []).map((e) => (
          <ElectionPanel
            key={e.id}
            congressId={congressId}
            electionId={e.id}
            stale={stale[e.id] ?? 0}
            live={rounds}
          />
        ))
      )}
    </PageShell>
  );
}

function ElectionPanel({
  congressId,
  electionId,
  stale,
  live,
}: {
  readonly congressId: string;
  readonly electionId: string;
  /** Grows when the stream says this election changed. */
  readonly stale: number;
  readonly live: LiveRounds;
}) {
  const { t, tx } = useI18n();
  const { message } = AntApp.useApp();
  const { session } = useSession();
  const mayCount = hasAny(rolesFor(session, congressId), COUNTS);
  const view = useApi<FullElection>(congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}`));
  const sittingId = view.data?.sittingId;
  const [busy, setBusy] = useState<string>();
  const [issued, setIssued] = useState<number | null>(null);
  // reduce-seats takes how many seats to give up (1 … the shortfall), not the new total [T4].
  const [reduceBy, setReduceBy] = useState<number | null>(null);
  const [approvedBy, setApprovedBy] = useState<'electors-majority' | 'presidium'>('presidium');
  const reload = view.reload;

  useEffect(() => {
    if (stale > 0) void reload();
  }, [stale, reload]);

  const election = view.data;
  const round = election?.rounds[election.rounds.length - 1];
  const awaitingSignOff = round?.status === 'counted';
  useEffect(() => {
    if (!awaitingSignOff) return;
    const timer = setInterval(() => void reload(), SIGN_OFF_POLL_MS);
    return () => clearInterval(timer);
  }, [awaitingSignOff, reload]);

  const run = async (key: string, url: string, body: unknown = {}) => {
    setBusy(key);
    try {
      await api.post(url, body);
      void message.success(t('pres.done'));
      await view.reload();
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
    } finally {
      setBusy(undefined);
    }
  };

  if (!election)
    return view.error ? <ErrorAlert error={view.error} onRetry={() => void view.reload()} /> : <Spin />;
  const roundUrl = (id: string, action: string) =>
    congressUrl(congressId, `/rounds/${encodeURIComponent(id)}/${action}`);
  const next = election.chain.next;
  const roundsUrl = congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}/rounds`);
  const openNext = (
    kind: RoundKind,
    seats: number,
    candidates: 'open' | readonly string[],
    advance?: number,
  ) =>
    run('open', roundsUrl, {
      kind,
      seats,
      ...(advance !== undefined ? { advance } : {}),
      ...(candidates !== 'open' ? { candidates } : {}),
      ...(sittingId ? { sittingId } : {}),
    });
  const roundFinished = !round || round.status === 'announced';

  return (
    <Card
      id={`election-${election.id}`}
      className="presiding-election"
      data-testid="election-panel"
      data-election={election.title}
      title={
        <Space wrap>
          <span>{election.title}</span>
          <Tag>{t('pres.seats', { n: election.chain.seats })}</Tag>
          <Tag color={election.ballotMode === 'paper' ? 'gold' : 'blue'}>
            {t(`pres.mode.${election.ballotMode}`)}
          </Tag>
        </Space>
      }
    >
      {round ? (
        <div data-testid="pres-round" data-round={round.id} data-status={round.status} data-kind={round.kind}>
          <h3 className="presiding-round-title">
            {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)} ·{' '}
            {t('pres.seats', { n: round.seats })}
          </h3>
          <Steps
            size="small"
            current={STEPS.indexOf(round.status)}
            status={round.status === 'announced' ? 'finish' : 'process'}
            items={STEPS.map((s) => ({ title: t(`ballot.status.${s}`) }))}
            className="presiding-steps"
          />
          <RoundFigures congressId={congressId} round={round} progress={live[round.id]} />
          <Space wrap className="presiding-actions">
            {round.status === 'open' && (
              <>
                {round.mode === 'paper' && (
                  <span data-testid="pres-issued">
                    {t('pres.ballotsIssued')}{' '}
                    <InputNumber
                      min={0}
                      max={round.present ?? undefined}
                      value={issued}
                      onChange={(v) => setIssued(v)}
                    />
                  </span>
                )}
                <Popconfirm
                  title={t('pres.closeConfirm')}
                  okButtonProps={{ 'data-testid': 'pres-close-confirm' }}
                  onConfirm={() =>
                    void run(
                      'close',
                      roundUrl(round.id, 'close'),
                      round.mode === 'paper' && issued !== null ? { ballotsIssued: issued } : {},
                    )
                  }
                >
                  <Button
                    type="primary"
                    size="large"
                    loading={busy === 'close'}
                    disabled={round.mode === 'paper' && issued === null}
                    data-testid="pres-close"
                  >
                    {t('pres.close')}
                  </Button>
                </Popconfirm>
                {round.mode === 'paper' && issued === null && (
                  <span className="muted">{t('pres.issuedFirst')}</span>
                )}
              </>
            )}
            {round.status === 'closed' &&
              (mayCount ? (
                <Button
                  type="primary"
                  size="large"
                  loading={busy === 'count'}
                  onClick={() => void run('count', roundUrl(round.id, 'count'))}
                  data-testid="pres-count"
                >
                  {t('pres.count')}
                </Button>
              ) : (
                <Alert type="info" showIcon title={t('pres.awaitCount')} data-testid="pres-await" />
              ))}
            {round.status === 'counted' && (
              <Alert type="info" showIcon title={t('pres.awaitSignOff')} data-testid="pres-await" />
            )}
            {round.status === 'signed-off' && (
              <Popconfirm
                title={t('pres.announceConfirm')}
                okButtonProps={{ 'data-testid': 'pres-announce-confirm' }}
                onConfirm={() => void run('announce', roundUrl(round.id, 'announce'))}
              >
                <Button type="primary" size="large" loading={busy === 'announce'} data-testid="pres-announce">
                  {t('pres.announce')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          {round.result && <RoundResult result={round.result} />}
        </div>
      ) : (
        <Alert type="info" title={t('pres.noRound')} className="presiding-no-round" />
      )}
      <Card
        size="small"
        type="inner"
        title={t('pres.next')}
        className="presiding-next"
        data-testid="pres-next"
        data-step={next.step}
      >
        {(next.step !== 'round' || tx(next.reason) !== t(`round.kind.${next.kind}`)) && (
          <div className="presiding-next-reason">
            {tx(next.reason)} <Tag>[{next.reason.rule}]</Tag>
          </div>
        )}
        {next.step === 'round' && roundFinished && (
          <Space orientation="vertical">
            <div data-testid="pres-next-round" className="presiding-next-round">
              {t(`round.kind.${next.kind}`)} · {t('pres.seats', { n: next.seats })}
              {next.candidates !== 'open' && ` · ${t('pres.among', { names: next.candidates.join('、') })}`}
              {tx(next.reason) === t(`round.kind.${next.kind}`) && <Tag>[{next.reason.rule}]</Tag>}
            </div>
            <Button
              type="primary"
              size="large"
              loading={busy === 'open'}
              onClick={() => void openNext(next.kind, next.seats, next.candidates, next.advance)}
              data-testid="pres-open"
            >
              {t('pres.openRound', { kind: t(`round.kind.${next.kind}`) })}
            </Button>
          </Space>
        )}
        {next.step === 'decide-shortfall' && roundFinished && (
          <Space orientation="vertical">
            <div>
              {t('pres.shortfall', { n: next.seats, names: next.eligible.join('、') || t('common.none') })}
            </div>
            <Button
              type="primary"
              loading={busy === 'open'}
              onClick={() => void openNext('supplementary', next.seats, 'open')}
              data-testid="pres-open"
            >
              {t('pres.openRound', { kind: t('round.kind.supplementary') })}
            </Button>
            <Space wrap>
              {t('pres.reduceBy')}
              <InputNumber min={1} max={next.seats} value={reduceBy} onChange={(v) => setReduceBy(v)} />
              {t('pres.reduceByUnit', { max: next.seats })}
              <Radio.Group value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)}>
                <Radio value="presidium">{t('pres.byPresidium')}</Radio>
                <Radio value="electors-majority">{t('pres.byElectors')}</Radio>
              </Radio.Group>
              <Button
                disabled={reduceBy === null}
                loading={busy === 'reduce'}
                onClick={() =>
                  void run(
                    'reduce',
                    congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}/reduce-seats`),
                    { seats: reduceBy, approvedBy },
                  )
                }
              >
                {t('pres.reduce')}
              </Button>
            </Space>
          </Space>
        )}
        {next.step === 'complete' && (
          <Space orientation="vertical">
            <Tag color="green" data-testid="pres-complete">
              {t('pres.complete')}
            </Tag>
            {election.chain.elected.length > 0 && (
              <div data-testid="pres-elected">
                {t('pres.electedAll', {
                  n: election.chain.elected.length,
                  names: election.chain.elected.join('、'),
                })}
              </div>
            )}
          </Space>
        )}
      </Card>
    </Card>
  );
}

const STATUS_COLOR: Readonly<Record<string, string>> = {
  'in-progress': 'red',
  complete: 'green',
};

/** Every election at a glance, the one being voted on in red: a click brings its panel into view. */
function ElectionStrip({ elections }: { readonly elections: readonly ElectionSummary[] }) {
  const { t } = useI18n();
  if (elections.length < 2) return null;
  return (
    <nav className="presiding-strip" aria-label={t('pres.elections')}>
      {elections.map((e) => (
        <Button
          key={e.id}
          type={e.status === 'in-progress' ? 'primary' : 'default'}
          onClick={() => document.getElementById(`election-${e.id}`)?.scrollIntoView({ behavior: 'smooth' })}
          data-testid="pres-strip-item"
        >
          {e.title}
          <Tag color={STATUS_COLOR[e.status]}>{t(electionStatusKey(e.status))}</Tag>
        </Button>
      ))}
    </nav>
  );
}

function electionStatusKey(status: string) {
  return status === 'in-progress'
    ? 'pres.status.voting'
    : status === 'complete'
      ? 'pres.status.complete'
      : 'pres.status.preparing';
}

/**
 * The attendance of the sittings in which votes are held, once for the whole page (every election
 * of a congress is usually voted in the same plenary): the quorum decides whether voting may open.
 */
function HallCounts({
  congressId,
  sittings,
  stale,
}: {
  readonly congressId: string;
  readonly sittings: Readonly<Record<string, AttendanceCounts>>;
  readonly stale: number;
}) {
  const { t } = useI18n();
  const current = useApi<CurrentAttendance>(congressUrl(congressId, '/attendance/public-counts'));
  const reload = current.reload;
  useEffect(() => {
    if (stale > 0) void reload();
  }, [stale, reload]);
  const shown = (current.data?.sittings ?? []).map((s) => sittings[s.sittingId] ?? s);
  return (
    <div className="presiding-hall">
      {shown.map((counts) => (
        <div key={counts.sittingId}>
          <div className="presiding-sitting">{counts.sittingTitle}</div>
          <CountsBar counts={counts} />
          {!counts.quorum.met && <Alert type="warning" showIcon title={t('pres.noQuorumYet')} />}
        </div>
      ))}
    </div>
  );
}

/** The electors of the round, the ballots issued, and how far voting or keying has come. */
function RoundFigures({
  congressId,
  round,
  progress,
}: {
  readonly congressId: string;
  readonly round: FullRound;
  readonly progress: RoundProgress | undefined;
}) {
  const { t } = useI18n();
  const underway = round.status === 'open' || round.status === 'closed';
  const base = congressUrl(congressId, `/rounds/${encodeURIComponent(round.id)}`);
  // Where the stream has said nothing yet (the page was opened mid-vote), ask once.
  const turnout = useApi<Turnout>(
    underway && round.mode === 'electronic' && progress === undefined ? `${base}/electronic/turnout` : null,
  );
  const keyed = useApi<{ progress: { sheets: number } }>(
    underway && round.mode === 'paper' && progress === undefined ? `${base}/paper/reconciliation` : null,
  );
  if (round.present === null) return null;
  const voted = progress?.voted ?? turnout.data?.voted;
  const entered = progress?.entered ?? keyed.data?.progress.sheets;
  return (
    <div className="presiding-figures">
      <span>{t('pres.roundElectors', { expected: round.expected ?? 0, present: round.present })}</span>
      {round.ballotsIssued !== null && <span>{t('pres.issued', { n: round.ballotsIssued })}</span>}
      {underway && round.mode === 'electronic' && voted !== undefined && (
        <span data-testid="pres-voted">{t('pres.voted', { n: voted, of: round.present })}</span>
      )}
      {underway && round.mode === 'paper' && entered !== undefined && (
        <span data-testid="pres-entered">{t('pres.entered', { n: entered })}</span>
      )}
    </div>
  );
}
