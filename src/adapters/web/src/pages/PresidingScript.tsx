import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  InputNumber,
  Popconfirm,
  Radio,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { api, asApiError, congressUrl } from '../lib/api.ts';
import type {
  AttendanceCounts,
  CandidateResult,
  ElectionSummary,
  RoundKind,
  RoundView,
} from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';

// 主持人: for each election, the quorum, the round's state with the buttons the presiding officer
// presses (open, close, count, announce), the verified result with the rule that decided it, and
// the next round the chain requires, set up in one click.

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

interface FullResult {
  readonly outcome: string;
  readonly ballots: { readonly returned: number; readonly valid: number; readonly invalid: number };
  readonly threshold: { readonly rule: string; readonly base: number; readonly minimumFor: number };
  readonly results: readonly CandidateResult[];
  readonly elected: readonly string[];
  readonly runoff: { readonly seats: number; readonly candidates: readonly string[] } | null;
  readonly shortfall: number;
}

interface FullRound extends Omit<RoundView, 'result'> {
  readonly candidates?: readonly string[];
  readonly result: FullResult | null;
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

const STATUS_STEP: Readonly<Record<string, number>> = {
  open: 0,
  closed: 1,
  counted: 2,
  'signed-off': 3,
  announced: 4,
};

export default function PresidingScript({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const elections = useApi<ElectionSummary[]>(congressUrl(congressId, '/elections'));
  return (
    <PageShell wide>
      <h1 className="section-title">{t('pres.title')}</h1>
      <ErrorAlert error={elections.error} onRetry={() => void elections.reload()} />
      {elections.loading && !elections.data ? (
        <Spin />
      ) : (elections.data ?? []).length === 0 ? (
        <Empty description={t('pres.none')} />
      ) : (
        (elections.data ?? []).map((e) => (
          <ElectionPanel key={e.id} congressId={congressId} electionId={e.id} />
        ))
      )}
    </PageShell>
  );
}

function ElectionPanel({
  congressId,
  electionId,
}: {
  readonly congressId: string;
  readonly electionId: string;
}) {
  const { t, tx } = useI18n();
  const { message } = AntApp.useApp();
  const view = useApi<FullElection>(congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}`));
  const sittingId = view.data?.sittingId;
  const counts = useApi<AttendanceCounts>(
    sittingId
      ? congressUrl(congressId, `/sittings/${encodeURIComponent(sittingId)}/attendance/counts`)
      : null,
  );
  const [busy, setBusy] = useState<string>();
  const [issued, setIssued] = useState<number | null>(null);
  const [reduceTo, setReduceTo] = useState<number | null>(null);
  const [approvedBy, setApprovedBy] = useState<'electors-majority' | 'presidium'>('presidium');

  const run = async (key: string, url: string, body: unknown = {}) => {
    setBusy(key);
    try {
      await api.post(url, body);
      void message.success(t('pres.done'));
      await view.reload();
      void counts.reload();
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
    } finally {
      setBusy(undefined);
    }
  };

  const election = view.data;
  if (!election)
    return view.error ? <ErrorAlert error={view.error} onRetry={() => void view.reload()} /> : <Spin />;
  const round = election.rounds[election.rounds.length - 1];
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
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          <span>{election.title}</span>
          <Tag>{t('pres.seats', { n: election.chain.seats })}</Tag>
          <Tag color={election.ballotMode === 'paper' ? 'gold' : 'blue'}>
            {t(`pres.mode.${election.ballotMode}`)}
          </Tag>
        </Space>
      }
      extra={<Button onClick={() => void view.reload()}>{t('common.refresh')}</Button>}
    >
      {counts.data && (
        <Descriptions size="small" column={{ xs: 2, md: 5 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('att.expected')}>{counts.data.expected}</Descriptions.Item>
          <Descriptions.Item label={t('att.present')}>{counts.data.present}</Descriptions.Item>
          <Descriptions.Item label={t('att.leave')}>{counts.data.onLeave.total}</Descriptions.Item>
          <Descriptions.Item label={t('pres.absent')}>{counts.data.absent}</Descriptions.Item>
          <Descriptions.Item label={t('pres.quorum')}>
            <Tag color={counts.data.quorum.met ? 'green' : 'red'}>
              {counts.data.quorum.met ? t('att.quorumMet') : t('pres.quorumNotMet')} [
              {counts.data.quorum.rule}]
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
      <ErrorAlert error={counts.error} />
      {round ? (
        <>
          <h3>
            {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)} ·{' '}
            {t('pres.seats', { n: round.seats })}
          </h3>
          <Steps
            size="small"
            current={STATUS_STEP[round.status] ?? 0}
            items={(['open', 'closed', 'counted', 'signed-off', 'announced'] as const).map((s) => ({
              title: t(`ballot.status.${s}`),
            }))}
            style={{ marginBottom: 12 }}
          />
          {round.present !== null && (
            <div style={{ marginBottom: 8 }}>
              {t('pres.roundElectors', { expected: round.expected ?? 0, present: round.present })}
              {round.ballotsIssued !== null ? ` · ${t('pres.issued', { n: round.ballotsIssued })}` : ''}
            </div>
          )}
          <Space wrap style={{ marginBottom: 12 }}>
            {round.status === 'open' && (
              <>
                {round.mode === 'paper' && (
                  <span>
                    {t('pres.ballotsIssued')}{' '}
                    <InputNumber min={0} value={issued} onChange={(v) => setIssued(v)} />
                  </span>
                )}
                <Popconfirm
                  title={t('pres.closeConfirm')}
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
                    loading={busy === 'close'}
                    disabled={round.mode === 'paper' && issued === null}
                  >
                    {t('pres.close')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {round.status === 'closed' && (
              <Button
                type="primary"
                loading={busy === 'count'}
                onClick={() => void run('count', roundUrl(round.id, 'count'))}
              >
                {t('pres.count')}
              </Button>
            )}
            {round.status === 'counted' && <Alert type="info" showIcon title={t('pres.awaitSignOff')} />}
            {round.status === 'signed-off' && (
              <Popconfirm
                title={t('pres.announceConfirm')}
                onConfirm={() => void run('announce', roundUrl(round.id, 'announce'))}
              >
                <Button type="primary" loading={busy === 'announce'}>
                  {t('pres.announce')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          {round.result && <ResultView result={round.result} />}
        </>
      ) : (
        <Alert type="info" title={t('pres.noRound')} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" type="inner" title={t('pres.next')} style={{ marginTop: 12 }}>
        <div style={{ marginBottom: 8 }}>
          {tx(next.reason)} <Tag>[{next.reason.rule}]</Tag>
        </div>
        {next.step === 'round' && roundFinished && (
          <Space direction="vertical">
            <div>
              {t(`round.kind.${next.kind}`)} · {t('pres.seats', { n: next.seats })}
              {next.candidates !== 'open' && ` · ${t('pres.among', { names: next.candidates.join('、') })}`}
            </div>
            <Button
              type="primary"
              loading={busy === 'open'}
              onClick={() => void openNext(next.kind, next.seats, next.candidates, next.advance)}
            >
              {t('pres.openRound', { kind: t(`round.kind.${next.kind}`) })}
            </Button>
          </Space>
        )}
        {next.step === 'decide-shortfall' && roundFinished && (
          <Space direction="vertical">
            <div>
              {t('pres.shortfall', { n: next.seats, names: next.eligible.join('、') || t('common.none') })}
            </div>
            <Button
              type="primary"
              loading={busy === 'open'}
              onClick={() => void openNext('supplementary', next.seats, 'open')}
            >
              {t('pres.openRound', { kind: t('round.kind.supplementary') })}
            </Button>
            <Space wrap>
              {t('pres.reduceTo')}
              <InputNumber
                min={1}
                max={election.chain.seats}
                value={reduceTo}
                onChange={(v) => setReduceTo(v)}
              />
              <Radio.Group value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)}>
                <Radio value="presidium">{t('pres.byPresidium')}</Radio>
                <Radio value="electors-majority">{t('pres.byElectors')}</Radio>
              </Radio.Group>
              <Button
                disabled={reduceTo === null}
                loading={busy === 'reduce'}
                onClick={() =>
                  void run(
                    'reduce',
                    congressUrl(congressId, `/elections/${encodeURIComponent(electionId)}/reduce-seats`),
                    {
                      seats: reduceTo,
                      approvedBy,
                    },
                  )
                }
              >
                {t('pres.reduce')}
              </Button>
            </Space>
          </Space>
        )}
        {next.step === 'complete' && <Tag color="green">{t('pres.complete')}</Tag>}
      </Card>
    </Card>
  );
}

function ResultView({ result }: { readonly result: FullResult }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('pres.outcome')}>
          <Tag color={result.outcome === 'complete' ? 'green' : 'orange'}>{result.outcome}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('pres.ballots')}>
          {t('pres.ballotsLine', {
            returned: result.ballots.returned,
            valid: result.ballots.valid,
            invalid: result.ballots.invalid,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('pres.threshold')}>
          {t('pres.thresholdLine', {
            rule: result.threshold.rule,
            base: result.threshold.base,
            min: result.threshold.minimumFor,
          })}
        </Descriptions.Item>
      </Descriptions>
      {result.runoff && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('pres.runoff', { n: result.runoff.seats, names: result.runoff.candidates.join('、') })}
        />
      )}
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={[...result.results]}
        columns={[
          { title: t('ballot.candidate'), dataIndex: 'name' },
          { title: t('ballot.for'), dataIndex: 'for' },
          { title: t('ballot.against'), dataIndex: 'against' },
          { title: t('ballot.abstain'), dataIndex: 'abstain' },
          {
            title: t('pres.elected'),
            dataIndex: 'elected',
            render: (v: boolean) => (v ? <Tag color="red">{t('pres.elected')}</Tag> : ''),
          },
        ]}
      />
    </>
  );
}
