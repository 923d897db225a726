import { Alert, Button, Card, Empty, Input, Result, Select, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MarkWord } from '../components/MarkWord.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, api, asApiError, congressUrl, setCsrfToken } from '../lib/api.ts';
import { staleElection } from '../lib/round-live.ts';
import { useRouter } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import type { ElectionSummary, ElectionView, VotingEvent } from '../lib/types.ts';
import { useCongressEvents } from '../lib/use-events.ts';
import {
  type Choice,
  castBody,
  findReceipt,
  forCount,
  shownWriteInLines,
  writtenIn,
} from '../lib/vote-ballot.ts';
import { SittingPapers } from './vote/SittingPapers.tsx';

// 代表电子投票, phone width first: log in with the credential code (or ?code= from the QR code),
// the open round's ballot laid out like the paper one, a confirmation, the receipt code, and a
// receipt check against the list published once the round has closed. Rounds opening and closing
// arrive on the event stream: a delegate waiting in the hall never has to reload.

interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

interface BallotForm {
  readonly roundId: string;
  readonly electionId: string;
  readonly title: string;
  readonly seq: number;
  readonly kindLabel: Bilingual;
  readonly status: string;
  readonly instructions: Bilingual;
  readonly candidates: ReadonlyArray<{
    readonly name: string;
    readonly gender: string | null;
    readonly position: string | null;
  }>;
  readonly seats: number;
  readonly maxFor: number;
  readonly writeInSlots: number;
  readonly hasVoted: boolean;
  readonly mayVote: boolean;
  readonly reason?: Bilingual;
}

interface PublishedBallot {
  readonly receipt: string;
  readonly choices: ReadonlyArray<{
    readonly candidate: string;
    readonly mark: 'for' | 'against' | 'abstain';
  }>;
  readonly writeIns: readonly string[];
  readonly valid: boolean;
}

interface PublishedList {
  readonly ballots: readonly PublishedBallot[];
}

interface RoundRef {
  readonly roundId: string;
  readonly title: string;
  readonly seq: number;
  readonly status: string;
}

const SYMBOL: Readonly<Record<Choice, string>> = { F: '○', A: '×', '-': '' };
const PUBLISHED: Readonly<Record<PublishedBallot['choices'][number]['mark'], Choice>> = {
  for: 'F',
  against: 'A',
  abstain: '-',
};

async function roundsOf(congressId: string): Promise<RoundRef[]> {
  const list = await api.get<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  const views = await Promise.all(
    list
      .filter((e) => e.ballotMode === 'electronic')
      .map((e) => api.get<ElectionView>(congressUrl(congressId, `/elections/${encodeURIComponent(e.id)}`))),
  );
  return views.flatMap((view) =>
    view.rounds
      .filter((r) => r.mode === 'electronic')
      .map((r) => ({ roundId: r.id, title: view.title, seq: r.seq, status: r.status })),
  );
}

export default function DelegateVote({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { session, loading, refresh } = useSession();
  const signedIn = session?.kind === 'delegate' && session.congressId === congressId;
  return (
    <PageShell>
      <div className="vote-page">
        <h1 className="section-title">{t('vote.title')}</h1>
        {loading ? (
          <Spin />
        ) : signedIn ? (
          <VoteDesk congressId={congressId} name={session?.name ?? ''} />
        ) : (
          <DelegateLogin congressId={congressId} onDone={refresh} />
        )}
      </div>
    </PageShell>
  );
}

function DelegateLogin({
  congressId,
  onDone,
}: {
  readonly congressId: string;
  readonly onDone: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { search, pathname, navigate } = useRouter();
  const [code, setCode] = useState(search.get('code') ?? '');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const tried = useRef(false);

  const login = useCallback(
    async (value: string) => {
      setBusy(true);
      try {
        const grant = await api.post<{ csrfToken: string }>(congressUrl(congressId, '/delegate-session'), {
          code: value.trim(),
        });
        setCsrfToken(grant.csrfToken);
        // The credential does not stay in the address bar.
        if (search.get('code')) navigate(pathname, { replace: true });
        await onDone();
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setBusy(false);
      }
    },
    [congressId, onDone, navigate, pathname, search],
  );

  useEffect(() => {
    const fromQr = search.get('code');
    if (fromQr && !tried.current) {
      tried.current = true;
      void login(fromQr);
    }
  }, [search, login]);

  return (
    <Card title={t('vote.login')}>
      <ErrorAlert error={error} />
      <p>{t('vote.loginHelp')}</p>
      <Space.Compact className="vote-login">
        <Input
          size="large"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={t('vote.code')}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => code.trim().length >= 4 && void login(code)}
          data-testid="vote-code"
        />
        <Button
          size="large"
          type="primary"
          loading={busy}
          disabled={code.trim().length < 4}
          onClick={() => void login(code)}
          data-testid="vote-login"
        >
          {t('vote.enter')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function VoteDesk({ congressId, name }: { readonly congressId: string; readonly name: string }) {
  const { t } = useI18n();
  const [rounds, setRounds] = useState<RoundRef[]>();
  const [error, setError] = useState<ApiError>();
  const load = useCallback(async () => {
    try {
      setRounds(await roundsOf(congressId));
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, [congressId]);
  useEffect(() => {
    void load();
  }, [load]);
  useCongressEvents(congressId, {
    voting: (data) => {
      if (staleElection(data as VotingEvent) !== null) void load();
    },
    onOpen: () => void load(),
  });
  // Receipts shown in this visit: a round closing does not take the receipt off the screen.
  const [cast, setCast] = useState<Readonly<Record<string, string>>>({});
  const open = (rounds ?? []).filter((r) => r.status === 'open');
  const closed = (rounds ?? []).filter((r) => r.status !== 'open');
  const keptReceipts = closed.filter((r) => cast[r.roundId] !== undefined);
  return (
    <>
      <Alert type="info" showIcon className="vote-hello" title={t('vote.hello', { name })} />
      <ErrorAlert error={error} onRetry={() => void load()} />
      {rounds === undefined ? (
        <Spin />
      ) : open.length === 0 ? (
        <Card>
          <Empty description={t('vote.noOpen')} data-testid="vote-none" />
        </Card>
      ) : (
        open.map((r) => (
          <BallotCard
            key={r.roundId}
            congressId={congressId}
            roundId={r.roundId}
            onCast={(receipt) => setCast((c) => ({ ...c, [r.roundId]: receipt }))}
          />
        ))
      )}
      {keptReceipts.map((r) => (
        <Card key={r.roundId} className="vote-kept" size="small" data-testid="vote-kept-receipt">
          <div className="vote-kept-title">
            {r.title} · {t('ballot.roundN', { n: r.seq })} · {t('vote.yourReceipt')}
          </div>
          <div className="vote-receipt small">{cast[r.roundId]}</div>
        </Card>
      ))}
      <ReceiptCheck congressId={congressId} rounds={closed} />
      <SittingPapers congressId={congressId} />
    </>
  );
}

function BallotCard({
  congressId,
  roundId,
  onCast,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly onCast: (receipt: string) => void;
}) {
  const { t, tx } = useI18n();
  const base = congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/electronic`);
  const [form, setForm] = useState<BallotForm>();
  const [error, setError] = useState<ApiError>();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [writeIns, setWriteIns] = useState<string[]>([]);
  const [step, setStep] = useState<'fill' | 'confirm' | 'done'>('fill');
  const [receipt, setReceipt] = useState<string>();
  const [busy, setBusy] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api
      .get<BallotForm>(`${base}/ballot`)
      .then((f) => {
        setForm(f);
        setChoices(f.candidates.map(() => '-'));
        setWriteIns(Array.from({ length: f.writeInSlots }, () => ''));
      })
      .catch((caught) => setError(asApiError(caught)));
  }, [base]);

  // Each step starts at the top of the ballot: on a phone the buttons were at the bottom.
  const go = (next: 'fill' | 'confirm' | 'done') => {
    setStep(next);
    top.current?.scrollIntoView({ block: 'start' });
  };

  if (error && !form) return <ErrorAlert error={error} />;
  if (!form) return <Spin />;

  const names = writtenIn(writeIns);
  const marked = forCount(choices, writeIns);
  const overMarked = marked > form.maxFor;

  const cast = async () => {
    setBusy(true);
    try {
      const answer = await api.post<{ receipt: string }>(
        `${base}/cast`,
        castBody(choices, writeIns, form.maxFor),
      );
      setReceipt(answer.receipt);
      onCast(answer.receipt);
      go('done');
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const header = (
    <div className="vote-ballot-head">
      <strong>{form.title}</strong>
      <span>
        {t('ballot.roundN', { n: form.seq })} · {tx(form.kindLabel)} · {t('vote.seats', { n: form.seats })}
      </span>
    </div>
  );

  if (step === 'done' && receipt) {
    return (
      <Card title={header} className="vote-ballot" ref={top}>
        <Result
          status="success"
          title={t('vote.cast')}
          subTitle={t('vote.receiptAdvice')}
          extra={
            <div className="vote-receipt" data-testid="receipt">
              {receipt}
            </div>
          }
        />
      </Card>
    );
  }
  if (form.hasVoted || !form.mayVote) {
    return (
      <Card title={header} className="vote-ballot">
        <Result
          status={form.hasVoted ? 'success' : 'info'}
          title={form.hasVoted ? t('vote.already') : tx(form.reason ?? null)}
          data-testid="vote-not-now"
        />
      </Card>
    );
  }

  const lines = shownWriteInLines(writeIns, form.writeInSlots);

  return (
    <Card title={header} className="vote-ballot" data-testid="vote-ballot" data-step={step} ref={top}>
      <ErrorAlert error={error} />
      {step === 'fill' ? (
        <>
          <Alert type="info" className="vote-instructions" title={tx(form.instructions)} />
          <ol className="vote-rows">
            {form.candidates.map((c, i) => (
              <li key={c.name} className="vote-row" data-testid="ballot-row" data-candidate={c.name}>
                <span className="vote-name">{c.name}</span>
                <fieldset className="vote-choices" aria-label={c.name}>
                  {(['F', 'A', '-'] as const).map((choice) => (
                    <button
                      type="button"
                      key={choice}
                      aria-pressed={choices[i] === choice}
                      className={`vote-choice choice-${choice === '-' ? 'abstain' : choice} ${choices[i] === choice ? 'chosen' : ''}`}
                      data-choice={choice}
                      onClick={() => setChoices((prev) => prev.map((p, j) => (j === i ? choice : p)))}
                    >
                      {choice === '-' ? (
                        t('ballot.abstain')
                      ) : (
                        <>
                          <span className="vote-symbol">{SYMBOL[choice]}</span>
                          {choice === 'F' ? t('ballot.for') : t('ballot.against')}
                        </>
                      )}
                    </button>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          {form.writeInSlots > 0 && (
            <div className="vote-write-ins">
              <div className="vote-write-in-help">{t('vote.writeInHelp')}</div>
              {writeIns.slice(0, lines).map((w, i) => (
                <Input
                  // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed in number
                  key={i}
                  size="large"
                  maxLength={40}
                  value={w}
                  placeholder={t('vote.writeInSlot', { n: i + 1 })}
                  onChange={(e) => setWriteIns((prev) => prev.map((p, j) => (j === i ? e.target.value : p)))}
                  data-testid="vote-write-in"
                />
              ))}
            </div>
          )}
          <div className={overMarked ? 'vote-count over' : 'vote-count'} data-testid="vote-count">
            {t('vote.forCount', { n: marked, max: form.maxFor })}
          </div>
          <Button type="primary" size="large" block onClick={() => go('confirm')} data-testid="vote-next">
            {t('vote.next')}
          </Button>
        </>
      ) : (
        <>
          <h3>{t('vote.confirmTitle')}</h3>
          <div className="vote-summary" data-testid="vote-summary">
            {t('vote.summary', {
              for: marked,
              against: choices.filter((c) => c === 'A').length,
              abstain: choices.filter((c) => c === '-').length,
            })}
          </div>
          {overMarked && (
            <Alert
              type="error"
              showIcon
              className="vote-over"
              title={t('vote.overMarked', { n: marked, max: form.maxFor })}
            />
          )}
          <ChosenRows
            testid="vote-review"
            rows={form.candidates.map((c, i) => ({ name: c.name, choice: choices[i] ?? '-' }))}
            writeIns={names}
          />
          <Space className="vote-confirm" orientation="vertical">
            <Button
              type="primary"
              danger={overMarked}
              size="large"
              block
              loading={busy}
              onClick={() => void cast()}
              data-testid="vote-cast"
            >
              {overMarked ? t('vote.castInvalid') : t('vote.castNow')}
            </Button>
            <Button size="large" block onClick={() => go('fill')}>
              {t('vote.change')}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}

function ReceiptCheck({
  congressId,
  rounds,
}: {
  readonly congressId: string;
  readonly rounds: readonly RoundRef[];
}) {
  const { t } = useI18n();
  const [roundId, setRoundId] = useState<string>();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<{ ballot: PublishedBallot; at: number; of: number } | null>();
  const [error, setError] = useState<ApiError>();
  const chosen = roundId ?? rounds[rounds.length - 1]?.roundId;
  // The whole published list, as anyone may read and recount it, and one's own ballot found in it.
  const check = async () => {
    if (!chosen) return;
    try {
      const list = await api.get<PublishedList>(
        congressUrl(congressId, `/rounds/${encodeURIComponent(chosen)}/electronic/ballots`),
      );
      const at = findReceipt(list.ballots, receipt);
      setFound(at === null ? null : { ballot: list.ballots[at - 1]!, at, of: list.ballots.length });
      setError(undefined);
    } catch (caught) {
      setFound(undefined);
      setError(asApiError(caught));
    }
  };
  return (
    <Card title={t('vote.checkTitle')} className="vote-check" data-testid="vote-check">
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vote.checkNone')} />
      ) : (
        <Space orientation="vertical" className="vote-check-form">
          <Select
            className="vote-check-round"
            value={chosen}
            onChange={(id) => {
              setRoundId(id);
              setFound(undefined);
            }}
            options={rounds.map((r) => ({
              value: r.roundId,
              label: `${r.title} · ${t('ballot.roundN', { n: r.seq })}`,
            }))}
            data-testid="vote-check-round"
          />
          <Space.Compact className="vote-check-input">
            <Input
              size="large"
              value={receipt}
              autoCapitalize="characters"
              spellCheck={false}
              placeholder={t('vote.receiptExample')}
              onChange={(e) => setReceipt(e.target.value)}
              onPressEnter={() => void check()}
              data-testid="vote-receipt"
            />
            <Button
              size="large"
              type="primary"
              disabled={receipt.trim() === ''}
              onClick={() => void check()}
              data-testid="vote-check-button"
            >
              {t('vote.check')}
            </Button>
          </Space.Compact>
          <ErrorAlert error={error} />
          {found === null && (
            <Alert type="error" showIcon title={t('vote.notFound')} data-testid="vote-not-found" />
          )}
          {found && (
            <div className="vote-found" data-testid="vote-found" data-receipt={found.ballot.receipt}>
              <Alert
                type="success"
                showIcon
                title={t('vote.found', { at: found.at, of: found.of })}
                description={
                  <Tag color={found.ballot.valid ? 'green' : 'red'}>
                    {found.ballot.valid ? t('vote.valid') : t('vote.invalid')}
                  </Tag>
                }
              />
              <ChosenRows
                rows={found.ballot.choices.map((c) => ({ name: c.candidate, choice: PUBLISHED[c.mark] }))}
                writeIns={found.ballot.writeIns}
              />
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}

/** A ballot read back: each candidate with the mark, then the names written in (each a vote for). */
function ChosenRows({
  rows,
  writeIns,
  testid,
}: {
  readonly rows: ReadonlyArray<{ readonly name: string; readonly choice: Choice }>;
  readonly writeIns: readonly string[];
  readonly testid?: string;
}) {
  const { t } = useI18n();
  const row = (key: string, name: string, choice: Choice, candidate?: string) => (
    <li key={key} className="vote-row" data-candidate={candidate} data-choice={choice}>
      <span className="vote-name">{name}</span>
      <span className={`vote-chosen choice-${choice === '-' ? 'abstain' : choice}`}>
        <MarkWord mark={choice} />
      </span>
    </li>
  );
  return (
    <ol className="vote-rows review" data-testid={testid}>
      {rows.map((r) => row(r.name, r.name, r.choice, r.name))}
      {writeIns.map((w) => row(`+${w}`, `${t('ballot.writeIn')}：${w}`, 'F'))}
    </ol>
  );
}
