import {
  AuditOutlined,
  EditOutlined,
  FilePdfOutlined,
  PrinterOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { paperComparisonEndpoint } from '../../../../../../contract/ballots.ts';
import type { PositionView } from '../../../../../../contract/congress.ts';
import { ballotsPdfEndpoint, tallySheetPdfEndpoint } from '../../../../../../contract/documents.ts';
import {
  type ElectionView,
  openRoundEndpoint,
  prepareRoundEndpoint,
  type RoundResult,
  type RoundView,
  withdrawPreparationEndpoint,
} from '../../../../../../contract/elections.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { KeySlips, type OpenedKey } from '../../../components/KeySlips.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call, urlOf } from '../../../lib/api.ts';
import { reportingOf } from '../../../lib/paper-progress.ts';
import { hasAny, type Role } from '../../../lib/roles.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import { NextRound } from './NextRound.tsx';

const STATUS_COLOR = {
  prepared: 'purple',
  open: 'processing',
  closed: 'gold',
  counted: 'orange',
  'signed-off': 'cyan',
  announced: 'green',
} as const;

/**
 * The rounds of an election with their state and results, the pages and documents of each round,
 * seat reductions with who approved them, the next round the chain requires, and [P6] reporting.
 */
export function RoundsPanel({
  congressId,
  election,
  roles,
  reporting,
  onChanged,
}: {
  readonly congressId: string;
  readonly election: ElectionView;
  readonly roles: ReadonlySet<Role>;
  readonly reporting: readonly PositionView[];
  readonly onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const canRun = mayCall(openRoundEndpoint, roles);
  const reportingSummary = reportingOf(reporting, election.id);
  const last = election.rounds[election.rounds.length - 1];
  const roundFinished = !last || last.status === 'announced';
  // [B4] The key shares an electronic opening returned: shown once, here, until handed over.
  const [openedKey, setOpenedKey] = useState<OpenedKey>();
  const keyRound = openedKey && election.rounds.find((r) => r.id === openedKey.roundId);

  return (
    <div data-testid="rounds-panel">
      {openedKey && keyRound && (
        <KeySlips
          heading={`${election.title} · ${t('ballot.roundN', { n: keyRound.seq })} · ${t(`round.kind.${keyRound.kind}`)}`}
          keyShares={openedKey.key}
          onDone={() => setOpenedKey(undefined)}
        />
      )}
      {election.rounds.length === 0 ? (
        <Empty description={t('pres.noRound')} />
      ) : (
        <ol className="round-list">
          {election.rounds.map((round) => (
            <RoundBlock key={round.id} congressId={congressId} round={round} roles={roles} />
          ))}
        </ol>
      )}
      {election.chain.reductions.length > 0 && (
        <ul className="reductions" data-testid="reductions">
          {election.chain.reductions.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reductions are an ordered history
            <li key={i}>
              [T4]{' '}
              {t('el.reduced', {
                n: r.seats,
                by: t(r.approvedBy === 'presidium' ? 'pres.byPresidium' : 'pres.byElectors'),
              })}
            </li>
          ))}
        </ul>
      )}
      {election.chain.elected.length > 0 && (
        <div className="elected-line" data-testid="elected">
          <strong>{t('el.electedSoFar', { n: election.chain.elected.length })}</strong>
          {election.chain.elected.join(lang === 'zh' ? '、' : ', ')}
        </div>
      )}
      {reportingSummary && (
        <Alert
          type={reportingSummary.pendingApproval > 0 ? 'warning' : 'success'}
          showIcon
          className="reporting"
          data-testid="reporting"
          title={`[P6] ${t('el.reporting', {
            filed: reportingSummary.filed,
            pending: reportingSummary.pendingApproval,
            approved: reportingSummary.approved,
          })}`}
        />
      )}
      {roundFinished ? (
        <NextRound
          congressId={congressId}
          election={election}
          canRun={canRun}
          canPrepare={mayCall(prepareRoundEndpoint, roles)}
          onChanged={onChanged}
          onKey={setOpenedKey}
        />
      ) : last.status === 'prepared' ? (
        <PreparedRound
          congressId={congressId}
          election={election}
          round={last}
          canRun={canRun}
          canWithdraw={mayCall(withdrawPreparationEndpoint, roles)}
          onChanged={onChanged}
          onKey={setOpenedKey}
        />
      ) : (
        <p className="muted">{t('el.roundUnderWay', { n: last.seq })}</p>
      )}
    </div>
  );
}

/**
 * A round prepared in advance (准备选票 → 打印选票 → 开始投票): its list and seats are fixed and its
 * ballots can be printed; voting opens with exactly that round, or the preparation is withdrawn
 * (audited) so that the list or the seats can change.
 */
function PreparedRound({
  congressId,
  election,
  round,
  canRun,
  canWithdraw,
  onChanged,
  onKey,
}: {
  readonly congressId: string;
  readonly election: ElectionView;
  readonly round: RoundView;
  readonly canRun: boolean;
  readonly canWithdraw: boolean;
  readonly onChanged: () => void;
  /** [B4] An electronic opening's key shares, to show once. */
  readonly onKey: (opened: OpenedKey) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const kind = t(`round.kind.${round.kind}`);
  const open = () =>
    action
      .run(
        'open',
        async () => {
          const opened = await call(openRoundEndpoint, {
            params: { congressId, electionId: election.id },
            body: {
              kind: round.kind,
              seats: round.seats,
              ...(round.advance !== null ? { advance: round.advance } : {}),
              candidates: round.candidates,
              ...(election.sittingId ? { sittingId: election.sittingId } : {}),
            },
          });
          if (opened.key) onKey({ roundId: opened.roundId, key: opened.key });
        },
        { done: t('el.roundOpened'), inline: true },
      )
      .then((ok) => ok && onChanged());
  const withdraw = () =>
    action
      .run(
        'withdraw',
        () => call(withdrawPreparationEndpoint, { params: { congressId, roundId: round.id } }),
        { done: t('el.withdrawn'), inline: true },
      )
      .then((ok) => ok && onChanged());
  return (
    <Card
      size="small"
      type="inner"
      title={t('pres.next')}
      className="next-round"
      data-testid="prepared-round"
      data-round-id={round.id}
    >
      <p>
        {t(round.mode === 'paper' ? 'el.preparedPaper' : 'el.preparedElectronic', { n: round.seq, kind })}
      </p>
      <ErrorAlert error={action.error} />
      <Space wrap>
        {canWithdraw && (
          <Popconfirm title={t('el.withdrawConfirm', { n: round.seq })} onConfirm={() => void withdraw()}>
            <Button loading={action.busy === 'withdraw'} data-testid="round-withdraw">
              {t('el.withdraw')}
            </Button>
          </Popconfirm>
        )}
        {canRun && (
          <Popconfirm title={t('el.openRoundConfirm', { kind })} onConfirm={() => void open()}>
            <Button type="primary" loading={action.busy === 'open'} data-testid="round-open">
              {t('pres.openRound', { kind })}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

/** One round: what it was, how far it got, the pages to work on it, its documents and its result. */
function RoundBlock({
  congressId,
  round,
  roles,
}: {
  readonly congressId: string;
  readonly round: RoundView;
  readonly roles: ReadonlySet<Role>;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const paper = round.mode === 'paper';
  const prepared = round.status === 'prepared';
  const printable = prepared || round.status === 'open';
  const pdf = (file: typeof ballotsPdfEndpoint | typeof tallySheetPdfEndpoint) =>
    urlOf(file, { params: { congressId, roundId: round.id } });
  const facts = [
    t(`pres.mode.${round.mode}`),
    round.present === null
      ? null
      : t('el.electorsLine', { expected: round.expected ?? 0, present: round.present }),
    round.ballotsIssued === null ? null : t('pres.issued', { n: round.ballotsIssued }),
  ].filter((f): f is string => f !== null);
  return (
    <li className="round-block" data-testid="round" data-round-id={round.id}>
      <div className="round-head">
        <strong>
          {t('ballot.roundN', { n: round.seq })} · {t(`round.kind.${round.kind}`)} ·{' '}
          {t('el.seatsN', { n: round.seats })}
        </strong>
        <Tag color={STATUS_COLOR[round.status]}>{t(`ballot.status.${round.status}`)}</Tag>
        {round.result && (
          <Tag color={round.result.outcome === 'complete' ? 'green' : 'orange'} data-testid="round-outcome">
            {t(`el.outcome.${round.result.outcome}`)}
          </Tag>
        )}
      </div>
      <div className="muted small">{facts.join(' · ')}</div>
      <Space size={[6, 6]} wrap className="round-links">
        {hasAny(roles, ['admin', 'presiding']) && (
          <Button
            size="small"
            icon={<ScheduleOutlined />}
            onClick={() => navigate(pathFor('presiding', { congressId }))}
          >
            {t('nav.presiding')}
          </Button>
        )}
        {paper && roles.has('teller') && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => navigate(pathFor('teller', { congressId }))}
          >
            {t('nav.teller')}
          </Button>
        )}
        {paper && mayCall(paperComparisonEndpoint, roles) && (
          <Button
            size="small"
            icon={<AuditOutlined />}
            onClick={() => navigate(pathFor('scrutineer', { congressId }))}
          >
            {t('nav.scrutineer')}
          </Button>
        )}
        {/* Ballots are printed for the vote: once the round is prepared, until it closes. */}
        {paper && printable && mayCall(ballotsPdfEndpoint, roles) && (
          <Button
            size="small"
            type={prepared ? 'primary' : 'default'}
            icon={<PrinterOutlined />}
            href={pdf(ballotsPdfEndpoint)}
            target="_blank"
            rel="noopener"
            data-testid="ballots-pdf"
          >
            {t('el.printBallots')}
          </Button>
        )}
        {!prepared && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={pdf(tallySheetPdfEndpoint)}
            target="_blank"
            rel="noopener"
            data-testid="tally-pdf"
          >
            {t('el.tallyPdf')}
          </Button>
        )}
      </Space>
      {round.result && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'result',
              label: t('el.roundResult'),
              children: <RoundResultView result={round.result} />,
            },
          ]}
        />
      )}
    </li>
  );
}

function RoundResultView({ result }: { readonly result: RoundResult }) {
  const { t } = useI18n();
  return (
    <div className="round-result">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
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
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={[...result.results]}
        scroll={{ x: 'max-content' }}
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
    </div>
  );
}
