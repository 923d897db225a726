import { Alert, Button, Card, Empty, Input, List, Result, Select, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, api, asApiError, congressUrl, setCsrfToken } from '../lib/api.ts';
import { useRouter } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import type { ElectionSummary, ElectionView } from '../lib/types.ts';

// 代表电子投票, phone width first: log in with the credential code (or ?code= from the QR code),
// the open round's ballot laid out like the paper one, a confirmation, the receipt code, and a
// receipt check once the round has closed.

type Choice = 'F' | 'A' | '-';

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
    readonly label: string;
  }>;
  readonly writeIns: readonly string[];
  readonly valid: boolean;
}

interface RoundRef {
  readonly roundId: string;
  readonly title: string;
  readonly seq: number;
  readonly status: string;
}

const SYMBOL: Readonly<Record<Choice, string>> = { F: '○', A: '×', '-': '' };

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
      <div style={{ maxWidth: 520, margin: '0 auto' }}>
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
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={code}
          autoComplete="off"
          placeholder={t('vote.code')}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => code.trim().length >= 4 && void login(code)}
        />
        <Button
          size="large"
          type="primary"
          loading={busy}
          disabled={code.trim().length < 4}
          onClick={() => void login(code)}
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
  const open = (rounds ?? []).filter((r) => r.status === 'open');
  const closed = (rounds ?? []).filter((r) => r.status !== 'open');
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('vote.hello', { name })} />
      <ErrorAlert error={error} onRetry={() => void load()} />
      {rounds === undefined ? (
        <Spin />
      ) : open.length === 0 ? (
        <Card>
          <Empty description={t('vote.noOpen')}>
            <Button onClick={() => void load()}>{t('common.refresh')}</Button>
          </Empty>
        </Card>
      ) : (
        open.map((r) => <BallotCard key={r.roundId} congressId={congressId} roundId={r.roundId} />)
      )}
      <ReceiptCheck congressId={congressId} rounds={closed} />
    </>
  );
}

function BallotCard({ congressId, roundId }: { readonly congressId: string; readonly roundId: string }) {
  const { t, tx } = useI18n();
  const base = congressUrl(congressId, `/rounds/${encodeURIComponent(roundId)}/electronic`);
  const [form, setForm] = useState<BallotForm>();
  const [error, setError] = useState<ApiError>();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [writeIns, setWriteIns] = useState<string[]>([]);
  const [step, setStep] = useState<'fill' | 'confirm' | 'done'>('fill');
  const [receipt, setReceipt] = useState<string>();
  const [busy, setBusy] = useState(false);

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

  if (error && !form) return <ErrorAlert error={error} />;
  if (!form) return <Spin />;

  const names = writeIns.map((w) => w.trim()).filter((w) => w !== '');
  const forCount = choices.filter((c) => c === 'F').length + names.length;
  const overMarked = forCount > form.maxFor;

  const cast = async () => {
    setBusy(true);
    try {
      const answer = await api.post<{ receipt: string }>(`${base}/cast`, {
        marks: choices.join(''),
        ...(names.length > 0 ? { writeIns: names } : {}),
        ...(overMarked ? { confirmInvalid: true } : {}),
      });
      setReceipt(answer.receipt);
      setStep('done');
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const header = (
    <Space direction="vertical" size={0}>
      <strong>{form.title}</strong>
      <span style={{ fontWeight: 400, color: '#595959' }}>
        {t('ballot.roundN', { n: form.seq })} · {tx(form.kindLabel)} · {t('vote.seats', { n: form.seats })}
      </span>
    </Space>
  );

  if (step === 'done' && receipt) {
    return (
      <Card title={header} style={{ marginBottom: 16 }}>
        <Result
          status="success"
          title={t('vote.cast')}
          subTitle={t('vote.receiptAdvice')}
          extra={
            <div
              data-testid="receipt"
              style={{
                fontSize: 34,
                fontFamily: 'monospace',
                letterSpacing: 3,
                fontWeight: 700,
                wordBreak: 'break-all',
              }}
            >
              {receipt}
            </div>
          }
        />
      </Card>
    );
  }
  if (form.hasVoted || !form.mayVote) {
    return (
      <Card title={header} style={{ marginBottom: 16 }}>
        <Result
          status={form.hasVoted ? 'success' : 'info'}
          title={form.hasVoted ? t('vote.already') : tx(form.reason ?? null)}
        />
      </Card>
    );
  }

  const row = (nameText: string, choice: Choice, onPick?: (c: Choice) => void) => (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '8px 0',
        borderBottom: '1px solid #f0f0f0',
        gap: 8,
      }}
    >
      <span style={{ fontSize: 18 }}>{nameText}</span>
      {onPick ? (
        <Space.Compact>
          {(['F', 'A', '-'] as const).map((c) => (
            <Button
              key={c}
              size="large"
              type={choice === c ? 'primary' : 'default'}
              aria-pressed={choice === c}
              onClick={() => onPick(c)}
              style={{ minWidth: 64 }}
            >
              {c === 'F'
                ? `○ ${t('ballot.for')}`
                : c === 'A'
                  ? `× ${t('ballot.against')}`
                  : t('ballot.abstain')}
            </Button>
          ))}
        </Space.Compact>
      ) : (
        <span
          style={{
            fontSize: 22,
            color: choice === 'F' ? '#b71c1c' : '#1f1f1f',
            minWidth: 60,
            textAlign: 'right',
          }}
        >
          {SYMBOL[choice] || t('ballot.abstain')}
        </span>
      )}
    </div>
  );

  return (
    <Card title={header} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      {step === 'fill' ? (
        <>
          <Alert type="info" style={{ marginBottom: 8 }} title={tx(form.instructions)} />
          {form.candidates.map((c, i) => (
            <div key={c.name}>
              {row(c.name, choices[i] ?? '-', (pick) =>
                setChoices((prev) => prev.map((p, j) => (j === i ? pick : p))),
              )}
            </div>
          ))}
          {writeIns.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <div style={{ marginBottom: 6 }}>{t('vote.writeInHelp')}</div>
              {writeIns.map((w, i) => (
                <Input
                  // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed in number
                  key={i}
                  size="large"
                  maxLength={40}
                  value={w}
                  placeholder={t('vote.writeInSlot', { n: i + 1 })}
                  onChange={(e) => setWriteIns((prev) => prev.map((p, j) => (j === i ? e.target.value : p)))}
                  style={{ marginBottom: 6 }}
                />
              ))}
            </div>
          )}
          <div style={{ margin: '12px 0', color: overMarked ? '#c62828' : '#595959' }}>
            {t('vote.forCount', { n: forCount, max: form.maxFor })}
          </div>
          <Button type="primary" size="large" block onClick={() => setStep('confirm')}>
            {t('vote.next')}
          </Button>
        </>
      ) : (
        <>
          <h3>{t('vote.confirmTitle')}</h3>
          {overMarked && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('vote.overMarked', { n: forCount, max: form.maxFor })}
            />
          )}
          {form.candidates.map((c, i) => (
            <div key={c.name}>{row(c.name, choices[i] ?? '-')}</div>
          ))}
          {names.map((w) => (
            <div key={w}>{row(`${t('ballot.writeIn')}：${w}`, 'F')}</div>
          ))}
          <Space style={{ marginTop: 16, width: '100%' }} direction="vertical">
            <Button
              type="primary"
              danger={overMarked}
              size="large"
              block
              loading={busy}
              onClick={() => void cast()}
            >
              {overMarked ? t('vote.castInvalid') : t('vote.castNow')}
            </Button>
            <Button size="large" block onClick={() => setStep('fill')}>
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
  const [ballot, setBallot] = useState<PublishedBallot>();
  const [error, setError] = useState<ApiError>();
  const chosen = roundId ?? rounds[rounds.length - 1]?.roundId;
  const check = async () => {
    if (!chosen) return;
    try {
      setBallot(
        await api.get<PublishedBallot>(
          congressUrl(
            congressId,
            `/rounds/${encodeURIComponent(chosen)}/electronic/receipt/${encodeURIComponent(receipt.trim())}`,
          ),
        ),
      );
      setError(undefined);
    } catch (caught) {
      setBallot(undefined);
      setError(asApiError(caught));
    }
  };
  return (
    <Card title={t('vote.checkTitle')} style={{ marginTop: 16 }}>
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vote.checkNone')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            value={chosen}
            onChange={setRoundId}
            options={rounds.map((r) => ({
              value: r.roundId,
              label: `${r.title} · ${t('ballot.roundN', { n: r.seq })}`,
            }))}
          />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={receipt}
              placeholder={t('vote.receipt')}
              onChange={(e) => setReceipt(e.target.value)}
              onPressEnter={() => void check()}
            />
            <Button type="primary" disabled={receipt.trim() === ''} onClick={() => void check()}>
              {t('vote.check')}
            </Button>
          </Space.Compact>
          <ErrorAlert error={error} />
          {ballot && (
            <>
              <Tag color={ballot.valid ? 'green' : 'red'}>
                {ballot.valid ? t('vote.valid') : t('vote.invalid')}
              </Tag>
              <List
                size="small"
                dataSource={[...ballot.choices]}
                renderItem={(c) => (
                  <List.Item extra={c.mark === 'for' ? '○' : c.mark === 'against' ? '×' : ''}>
                    {c.candidate} ·{' '}
                    {c.mark === 'for'
                      ? t('ballot.for')
                      : c.mark === 'against'
                        ? t('ballot.against')
                        : t('ballot.abstain')}
                  </List.Item>
                )}
              />
              {ballot.writeIns.length > 0 && (
                <div>
                  {t('ballot.writeIn')}：{ballot.writeIns.join('、')}
                </div>
              )}
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
