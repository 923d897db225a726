import { Alert, Descriptions, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import type { CandidateResult, RoundResult as Counted } from '../../../../contract/elections.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { shortfallBeyondRunoff } from '../lib/round-live.ts';

// A counted round as the presiding officer and the scrutineers read it before it is announced:
// the outcome in words, the ballots, the threshold with the rule that set it, the run-off the rules
// require, and every candidate's votes. Shared so both see the same numbers the same way.

/** A candidate's line; `writeIn` marks a name written in on the ballots (另选他人), not printed. */
type Row = CandidateResult;

export function RoundResult({ result }: { readonly result: Counted }) {
  const { t } = useI18n();
  const outcome = t(`result.outcome.${result.outcome}`);
  return (
    <div className="counted-result" data-testid="round-result" data-outcome={result.outcome}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="counted-result-facts">
        <Descriptions.Item label={t('pres.outcome')}>
          <Tag color={result.outcome === 'complete' ? 'green' : 'orange'} data-testid="result-outcome">
            {outcome}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('pres.ballots')}>
          {t('pres.ballotsLine', {
            returned: result.ballots.returned,
            valid: result.ballots.valid,
            invalid: result.ballots.invalid,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('pres.threshold')}>
          <span data-testid="result-threshold">
            {t('pres.thresholdLine', {
              rule: result.threshold.rule,
              base: result.threshold.base,
              min: result.threshold.minimumFor,
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {result.runoff && (
        <Alert
          type="warning"
          showIcon
          className="counted-result-runoff"
          data-testid="result-runoff"
          title={t('pres.runoff', { n: result.runoff.seats, names: result.runoff.candidates.join('、') })}
          description={t('result.runoffRule')}
        />
      )}
      {shortfallBeyondRunoff(result) > 0 && (
        <Alert type="warning" showIcon title={t('result.shortfall', { n: shortfallBeyondRunoff(result) })} />
      )}
      <Table<Row>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={[...result.results]}
        rowClassName={(r) =>
          result.runoff?.candidates.includes(r.name)
            ? 'result-row tied'
            : r.elected
              ? 'result-row elected'
              : 'result-row'
        }
        onRow={(r) => ({ 'data-candidate': r.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('ballot.candidate'),
            dataIndex: 'name',
            render: (name: string, r: Row) =>
              r.writeIn ? (
                <>
                  {name} <Tag>{t('ballot.writeIn')}</Tag>
                </>
              ) : (
                name
              ),
          },
          { title: t('ballot.for'), dataIndex: 'for', className: 'result-for' },
          { title: t('ballot.against'), dataIndex: 'against' },
          { title: t('ballot.abstain'), dataIndex: 'abstain' },
          {
            title: t('pres.elected'),
            key: 'verdict',
            render: (_: unknown, r: Row) =>
              r.elected ? (
                <Tag color="red">{t('pres.elected')}</Tag>
              ) : result.runoff?.candidates.includes(r.name) ? (
                <Tag color="orange">{t('result.tied')}</Tag>
              ) : (
                ''
              ),
          },
        ]}
      />
    </div>
  );
}
