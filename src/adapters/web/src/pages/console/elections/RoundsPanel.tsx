import { AuditOutlined, EditOutlined, FilePdfOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { congressUrl } from '../../../lib/api.ts';
import { reportingOf } from '../../../lib/paper-progress.ts';
import { hasAny, type Role } from '../../../lib/roles.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import type { ElectionDetail, RoundDetail, RoundOutcome, TermPosition } from '../../../lib/setup-types.ts';
import { NextRound } from './NextRound.tsx';

const STATUS_COLOR = {
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
  readonly election: ElectionDetail;
  readonly roles: ReadonlySet<Role>;
  readonly reporting: readonly TermPosition[];
  readonly onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const canRun = hasAny(roles, ['admin', 'presiding']);
  const reportingSummary = reportingOf(reporting, election.id);
  const last = election.rounds[election.rounds.length - 1];
  const roundFinished = !last || last.status === 'announced';

  return (
    <div data-testid="rounds-panel">
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
        <NextRound congressId={congressId} election={election} canRun={canRun} onChanged={onChanged} />
      ) : (
        <p className="muted">{t('el.roundUnderWay', { n: last.seq })}</p>
      )}
    </div>
  );
}

/** One round: what it was, how far it got, the pages to work on it, its documents and its result. */
function RoundBlock({
  congressId,
  round,
  roles,
}: {
  readonly congressId: string;
  readonly round: RoundDetail;
  readonly roles: ReadonlySet<Role>;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const paper = round.mode === 'paper';
  const pdf = (file: 'ballots.pdf' | 'tally-sheet.pdf') =>
    congressUrl(congressId, `/rounds/${encodeURIComponent(round.id)}/${file}`);
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
        {paper && hasAny(roles, ['scrutineer', 'admin']) && (
          <Button
            size="small"
            icon={<AuditOutlined />}
            onClick={() => navigate(pathFor('scrutineer', { congressId }))}
          >
            {t('nav.scrutineer')}
          </Button>
        )}
        {paper && roles.has('admin') && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={pdf('ballots.pdf')}
            target="_blank"
            rel="noopener"
            data-testid="ballots-pdf"
          >
            {t('el.ballotsPdf')}
          </Button>
        )}
        <Button
          size="small"
          icon={<FilePdfOutlined />}
          href={pdf('tally-sheet.pdf')}
          target="_blank"
          rel="noopener"
          data-testid="tally-pdf"
        >
          {t('el.tallyPdf')}
        </Button>
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

function RoundResultView({ result }: { readonly result: RoundOutcome }) {
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
