import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  type AdoptionVoteView,
  type AgendaItemView,
  closeVoteEndpoint,
  openVoteEndpoint,
} from '../../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LabelledNumber } from '../../../components/LabelledNumber.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { type HandCounts, handCountsProblem, voteRule, voteStage } from '../../../lib/procedure.ts';

// The adoption vote (表决) of an agenda item: opened (应到 and 实到 recorded then), counted by
// hand (赞成 / 不赞成 / 弃权) or followed as delegates vote on their devices, closed, and its result
// (通过 / 未通过) with the rule that decided it.

export function VotePanel({
  congressId,
  item,
  sittingOpen,
  canRun,
  canSetUp,
  onSetUp,
  onChanged,
}: {
  readonly congressId: string;
  readonly item: AgendaItemView;
  readonly sittingOpen: boolean;
  readonly canRun: boolean;
  readonly canSetUp: boolean;
  readonly onSetUp: () => void;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const vote = item.vote;
  const stage = voteStage(item);
  if (!vote || stage === 'unset') {
    return (
      <div className="vote-panel" data-testid="vote-panel" data-stage="unset">
        <Tag>{t('sit.vote.unset')}</Tag>
        {canSetUp && (
          <Button size="small" onClick={onSetUp} data-testid="vote-set-up">
            {t('sit.vote.setUp')}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="vote-panel" data-testid="vote-panel" data-stage={vote.state}>
      <div className="vote-line">
        <Tag color={vote.mode === 'electronic' ? 'blue' : 'gold'}>{t(`sit.voteMode.${vote.mode}`)}</Tag>
        <VoteStateTag vote={vote} />
        <RuleLine vote={vote} />
      </div>
      {vote.state === 'prepared' && canRun && (
        <OpenVote congressId={congressId} vote={vote} sittingOpen={sittingOpen} onChanged={onChanged} />
      )}
      {vote.state === 'voting' && (
        <CloseVote congressId={congressId} vote={vote} canRun={canRun} onChanged={onChanged} />
      )}
      {vote.state === 'closed' && <VoteResult vote={vote} />}
    </div>
  );
}

function VoteStateTag({ vote }: { readonly vote: AdoptionVoteView }) {
  const { t } = useI18n();
  if (vote.state === 'closed') {
    return vote.adopted ? (
      <Tag color="green" icon={<CheckCircleFilled />} data-testid="vote-adopted">
        {t('sit.vote.adopted')}
      </Tag>
    ) : (
      <Tag color="red" icon={<CloseCircleFilled />} data-testid="vote-adopted">
        {t('sit.vote.rejected')}
      </Tag>
    );
  }
  return (
    <Tag color={vote.state === 'voting' ? 'processing' : 'default'}>{t(`sit.vote.state.${vote.state}`)}</Tag>
  );
}

/** More than half of those present, or [P4] of the expected electors; the numbers once open. */
function RuleLine({ vote }: { readonly vote: AdoptionVoteView }) {
  const { t } = useI18n();
  const rule = voteRule(vote);
  const prefix = rule.rule ? `[${rule.rule}] ` : '';
  const text =
    rule.base === null || rule.minimumFor === null
      ? t(`sit.vote.rule.${rule.basis}`)
      : t(`sit.vote.ruleWith.${rule.basis}`, { base: rule.base, min: rule.minimumFor });
  return (
    <span className="muted small" data-testid="vote-rule">
      {prefix}
      {text}
    </span>
  );
}

function OpenVote({
  congressId,
  vote,
  sittingOpen,
  onChanged,
}: {
  readonly congressId: string;
  readonly vote: AdoptionVoteView;
  readonly sittingOpen: boolean;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  // A count by hand may take the number present the secretariat counted in the hall.
  const [present, setPresent] = useState<number | null>(null);
  if (!sittingOpen) return <div className="muted small">{t('sit.vote.openWhenSitting')}</div>;
  const open = () =>
    action
      .run(
        'open',
        () =>
          call(openVoteEndpoint, {
            params: { congressId, voteId: vote.id },
            body: present !== null ? { present } : {},
          }),
        { done: t('sit.vote.openedMsg'), inline: true },
      )
      .then((ok) => ok && onChanged());
  return (
    <Space wrap className="vote-actions">
      {vote.mode === 'counts' && (
        <LabelledNumber
          label={t('sit.vote.presentCounted')}
          value={present}
          onChange={setPresent}
          placeholder={t('sit.vote.fromAttendance')}
          testId="vote-present"
        />
      )}
      <Popconfirm title={t('sit.vote.openConfirm', { subject: vote.subject })} onConfirm={() => void open()}>
        <Button type="primary" loading={action.busy === 'open'} data-testid="vote-open">
          {t('sit.vote.open')}
        </Button>
      </Popconfirm>
      <ErrorAlert error={action.error} />
    </Space>
  );
}

function CloseVote({
  congressId,
  vote,
  canRun,
  onChanged,
}: {
  readonly congressId: string;
  readonly vote: AdoptionVoteView;
  readonly canRun: boolean;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [counts, setCounts] = useState<HandCounts>({
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
  });
  const problem = vote.mode === 'counts' ? handCountsProblem(counts, vote.present) : null;
  // Counts by hand go as all three (the button waits for them); an electronic vote sends none.
  const { votesFor, votesAgainst, votesAbstain } = counts;
  const entered =
    votesFor !== null && votesAgainst !== null && votesAbstain !== null
      ? { votesFor, votesAgainst, votesAbstain }
      : {};
  const close = () =>
    action
      .run(
        'close',
        () =>
          call(closeVoteEndpoint, {
            params: { congressId, voteId: vote.id },
            body: vote.mode === 'counts' ? entered : {},
          }),
        { done: t('sit.vote.closedMsg'), inline: true },
      )
      .then((ok) => ok && onChanged());
  const field = (key: keyof HandCounts, label: string, testId: string) => (
    <LabelledNumber
      label={label}
      value={counts[key]}
      max={vote.present ?? undefined}
      onChange={(value) => setCounts((c) => ({ ...c, [key]: value }))}
      testId={testId}
    />
  );
  return (
    <div className="vote-actions">
      <div className="muted small" data-testid="vote-electors">
        {t('sit.vote.electors', { expected: vote.expected ?? 0, present: vote.present ?? 0 })}
        {vote.mode === 'electronic' && ` · ${t('sit.vote.votedSoFar', { n: vote.voted })}`}
      </div>
      {canRun && (
        <Space wrap>
          {vote.mode === 'counts' && (
            <>
              {field('votesFor', t('ballot.for'), 'vote-for')}
              {field('votesAgainst', t('ballot.against'), 'vote-against')}
              {field('votesAbstain', t('ballot.abstain'), 'vote-abstain')}
            </>
          )}
          <Popconfirm
            title={t('sit.vote.closeConfirm')}
            onConfirm={() => void close()}
            disabled={problem !== null}
          >
            <Button
              type="primary"
              disabled={problem !== null}
              loading={action.busy === 'close'}
              data-testid="vote-close"
            >
              {t('sit.vote.close')}
            </Button>
          </Popconfirm>
          {vote.mode === 'electronic' && <Button onClick={onChanged}>{t('common.refresh')}</Button>}
        </Space>
      )}
      {problem?.kind === 'too-many' && (
        <Alert
          type="warning"
          showIcon
          title={t('sit.vote.tooMany', { total: problem.total, present: vote.present ?? 0 })}
        />
      )}
      <ErrorAlert error={action.error} />
    </div>
  );
}

function VoteResult({ vote }: { readonly vote: AdoptionVoteView }) {
  const { t } = useI18n();
  return (
    <div className="vote-result" data-testid="vote-result">
      <span>
        {t('ballot.for')} <strong className="vote-count">{vote.votesFor ?? 0}</strong>
      </span>
      <span>
        {t('ballot.against')} <strong className="vote-count">{vote.votesAgainst ?? 0}</strong>
      </span>
      <span>
        {t('ballot.abstain')} <strong className="vote-count">{vote.votesAbstain ?? 0}</strong>
      </span>
      <span className="muted">
        {t('sit.vote.electors', { expected: vote.expected ?? 0, present: vote.present ?? 0 })}
      </span>
    </div>
  );
}
