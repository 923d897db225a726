import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  createMethodEndpoint,
  type ElectionMethod,
  methodTemplateEndpoint,
  recordMethodVoteEndpoint,
} from '../../../../../../contract/elections.ts';
import type { ResponseOf } from '../../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LabelledNumber } from '../../../components/LabelledNumber.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, call } from '../../../lib/api.ts';
import { formatHallDateTime } from '../../../lib/format.ts';
import { type HandCounts, handCountsProblem } from '../../../lib/procedure.ts';

const STATUS_COLOR = { draft: 'gold', adopted: 'green', rejected: 'red' } as const;

type VoteOutcome = ResponseOf<typeof recordMethodVoteEndpoint>;

/**
 * [P4] The election method (选举办法): drafted by the secretariat, adopted before any ballot by
 * more than half of the expected electors. The vote counted in the hall is recorded here.
 */
export function MethodCard({
  congressId,
  methods,
  error,
  canDraft,
  canRecordVote,
  onChanged,
}: {
  readonly congressId: string;
  readonly methods: readonly ElectionMethod[] | undefined;
  readonly error: ApiError | undefined;
  /** The secretariat drafts methods. */
  readonly canDraft: boolean;
  readonly canRecordVote: boolean;
  readonly onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [drafting, setDrafting] = useState(false);

  return (
    <Card
      className="console-card"
      title={t('el.method')}
      extra={
        canDraft && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setDrafting(true)}
            data-testid="method-add"
          >
            {t('el.methodAdd')}
          </Button>
        )
      }
      data-testid="method-card"
    >
      <ErrorAlert error={error} />
      {!methods ? (
        <Skeleton active />
      ) : methods.length === 0 ? (
        <Empty description={t('el.methodNone')} />
      ) : (
        methods.map((m) => (
          <div key={m.id} className="method-row" data-testid="method" data-status={m.status}>
            <div className="method-head">
              <strong>{m.title}</strong>
              <Tag color={STATUS_COLOR[m.status]} data-testid="method-status">
                {t(`el.methodStatus.${m.status}`)}
              </Tag>
            </div>
            {m.votesFor !== null && (
              <div className="muted small" data-testid="method-votes">
                [P4]{' '}
                {t('el.methodVotes', {
                  for: m.votesFor,
                  against: m.votesAgainst ?? 0,
                  abstain: m.votesAbstain ?? 0,
                  expected: m.expected ?? 0,
                })}
                {m.adoptedAt
                  ? ` · ${t('el.adoptedAt', { time: formatHallDateTime(m.adoptedAt, lang) })}`
                  : ''}
              </div>
            )}
            {m.body && (
              <Typography.Paragraph
                className="agenda-body"
                ellipsis={{
                  rows: 2,
                  expandable: 'collapsible',
                  symbol: (open) => (open ? t('sit.less') : t('sit.more')),
                }}
              >
                {m.body}
              </Typography.Paragraph>
            )}
            {canRecordVote && m.status !== 'adopted' && (
              <MethodVote congressId={congressId} method={m} onChanged={onChanged} />
            )}
          </div>
        ))
      )}
      {drafting && (
        <MethodDraft
          congressId={congressId}
          onClose={() => setDrafting(false)}
          onSaved={() => {
            setDrafting(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function MethodVote({
  congressId,
  method,
  onChanged,
}: {
  readonly congressId: string;
  readonly method: ElectionMethod;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [counts, setCounts] = useState<HandCounts>({
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
  });
  const [outcome, setOutcome] = useState<VoteOutcome>();
  const problem = handCountsProblem(counts, null);
  const record = async () => {
    const { votesFor, votesAgainst, votesAbstain } = counts;
    // The button waits for all three counts (handCountsProblem).
    if (votesFor === null || votesAgainst === null || votesAbstain === null) return;
    const ok = await action.run(
      'vote',
      async () => {
        setOutcome(
          await call(recordMethodVoteEndpoint, {
            params: { congressId, methodId: method.id },
            body: { votesFor, votesAgainst, votesAbstain },
          }),
        );
      },
      { inline: true },
    );
    if (ok) onChanged();
  };
  const field = (key: keyof HandCounts, label: string, testId: string) => (
    <LabelledNumber
      label={label}
      value={counts[key]}
      onChange={(value) => setCounts((c) => ({ ...c, [key]: value }))}
      testId={testId}
    />
  );
  return (
    <div className="vote-actions" data-testid="method-vote">
      <div className="muted small">{t('el.methodVoteHint')}</div>
      <Space wrap>
        {field('votesFor', t('ballot.for'), 'method-for')}
        {field('votesAgainst', t('ballot.against'), 'method-against')}
        {field('votesAbstain', t('ballot.abstain'), 'method-abstain')}
        <Button
          type="primary"
          disabled={problem !== null}
          loading={action.busy === 'vote'}
          onClick={() => void record()}
          data-testid="method-record"
        >
          {t('el.methodRecord')}
        </Button>
      </Space>
      {outcome && (
        <Alert
          type={outcome.adopted ? 'success' : 'warning'}
          showIcon
          data-testid="method-outcome"
          title={t(outcome.adopted ? 'el.methodAdoptedMsg' : 'el.methodRejectedMsg', {
            expected: outcome.expected,
            min: outcome.minimumFor,
          })}
        />
      )}
      <ErrorAlert error={action.error} />
    </div>
  );
}

function MethodDraft({
  congressId,
  onClose,
  onSaved,
}: {
  readonly congressId: string;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const action = useAction();
  // The draft the server writes from the meeting and its elections: a start, edited before the vote.
  const fillFromTemplate = () =>
    void action.run('template', async () => {
      const template = await call(methodTemplateEndpoint, { params: { congressId } });
      form.setFieldsValue(template);
    });
  const save = async (fields: { title: string; body: string }) => {
    const ok = await action.run(
      'save',
      () =>
        call(createMethodEndpoint, {
          params: { congressId },
          body: {
            title: fields.title.trim(),
            ...(fields.body?.trim() ? { body: fields.body } : {}),
          },
        }),
      { done: t('el.saved'), inline: true },
    );
    if (ok) onSaved();
  };
  return (
    <Modal
      open
      width={680}
      title={t('el.methodAdd')}
      okText={t('el.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={action.busy === 'save'}
      destroyOnHidden
    >
      <ErrorAlert error={action.error} />
      <div className="method-template">
        <Button
          icon={<FileTextOutlined />}
          loading={action.busy === 'template'}
          onClick={fillFromTemplate}
          data-testid="method-template"
        >
          {t('el.methodTemplate')}
        </Button>
        <span className="muted small">{t('el.methodTemplateHint')}</span>
      </div>
      <Form form={form} layout="vertical" onFinish={(f) => void save(f)}>
        <Form.Item
          name="title"
          label={t('el.methodTitle')}
          rules={[{ required: true, whitespace: true, message: t('sit.titleRequired') }]}
        >
          <Input maxLength={200} placeholder={t('el.methodTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="body" label={t('el.methodBody')}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} data-testid="method-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
