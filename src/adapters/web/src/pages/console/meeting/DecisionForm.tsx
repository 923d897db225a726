import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import {
  correctDecisionEndpoint,
  type Decision,
  recordDecisionEndpoint,
  VOTING_METHODS,
} from '../../../../../../contract/decisions.ts';
import type { MeetingView } from '../../../../../../contract/meetings.ts';
import type { TopicView } from '../../../../../../contract/topics.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { decisionMinimum } from '../../../lib/committee.ts';

// Recording a decision and its vote [M4]: 赞成 / 不赞成 / 弃权 with the voting method; it passes when
// the votes for exceed half of the members due — the form says how many that is before it is sent,
// and the server's verdict is what is recorded. A divisive matter may be deferred instead of voted
// on. Cadre decisions (干部任免) are voted on one person at a time [M3]: the form stays open for the
// next person.

interface Values {
  kind: 'decision' | 'cadre';
  topicId?: string | null;
  title: string;
  titleEn?: string;
  text?: string;
  person?: string;
  votingMethod: Decision['votingMethod'];
  deferred?: boolean;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
}

export function DecisionForm({
  meeting,
  topics,
  decision,
  cadre = false,
  onClose,
  onSaved,
}: {
  readonly meeting: MeetingView;
  readonly topics: readonly TopicView[];
  /** Correcting a decision already recorded. */
  readonly decision?: Decision;
  /** Start with a cadre decision. */
  readonly cadre?: boolean;
  readonly onClose: () => void;
  readonly onSaved: (decision: Decision) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<Values>();
  const [recorded, setRecorded] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) ?? (cadre ? 'cadre' : 'decision');
  const deferred = Form.useWatch('deferred', form) === true;
  const votesFor = Form.useWatch('votesFor', form);
  const due = decision?.membersDue ?? meeting.roster.membersDue;
  const present = decision?.present ?? meeting.quorum.present;
  const minimum = decisionMinimum(due);
  const people = meeting.committee === 'plenary' ? t('cm.people.members') : t('cm.people.standing');

  const submit = async (values: Values) => {
    const body = {
      topicId: values.topicId ?? null,
      kind: values.kind,
      title: values.title.trim(),
      titleEn: values.titleEn?.trim() ? values.titleEn.trim() : null,
      text: values.text?.trim() ?? '',
      person: values.kind === 'cadre' ? (values.person?.trim() ?? null) : null,
      votingMethod: values.votingMethod,
      deferred: values.deferred === true,
      votesFor: values.deferred ? null : (values.votesFor ?? null),
      votesAgainst: values.deferred ? null : (values.votesAgainst ?? null),
      votesAbstain: values.deferred ? null : (values.votesAbstain ?? null),
    };
    let saved: Decision | undefined;
    const ok = await action.run(
      'save',
      async () => {
        saved = decision
          ? await call(correctDecisionEndpoint, {
              params: { congressId: meeting.id, decisionId: decision.id },
              body,
            })
          : await call(recordDecisionEndpoint, { params: { congressId: meeting.id }, body });
      },
      { inline: true },
    );
    if (!ok || !saved) return;
    onSaved(saved);
    if (values.kind === 'cadre' && !decision) {
      // [M3] The next person: the same matter and method, a new name and new votes.
      setRecorded((list) => [...list, `${saved!.person ?? ''}：${t(`cm.dec.status.${saved!.status}`)}`]);
      form.setFieldsValue({
        person: '',
        votesFor: null,
        votesAgainst: null,
        votesAbstain: null,
        deferred: false,
      });
    } else {
      onClose();
    }
  };

  return (
    <Modal
      open
      title={
        decision
          ? t('cm.dec.correctTitle')
          : kind === 'cadre'
            ? t('cm.dec.cadreTitle')
            : t('cm.dec.recordTitle')
      }
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {recorded.length > 0 ? t('common.close') : t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={action.busy !== undefined}
          onClick={() => form.submit()}
          data-testid="decision-save"
        >
          {kind === 'cadre' && !decision ? t('cm.dec.saveNext') : t('cm.save')}
        </Button>,
      ]}
    >
      <ErrorAlert error={action.error} />
      <Alert
        type="info"
        showIcon
        className="cm-gap"
        data-testid="decision-rule"
        title={
          <span>
            {t('cm.dec.numbers', { due, present, people })}
            <br />
            <strong>[M4] {t('cm.dec.rule', { n: minimum })}</strong>
            {kind === 'cadre' && (
              <>
                <br />
                [M3] {t('cm.dec.cadreRule')}
              </>
            )}
          </span>
        }
      />
      {recorded.length > 0 && (
        <Alert
          type="success"
          showIcon
          className="cm-gap"
          title={t('cm.dec.recordedPeople', { list: recorded.join('；') })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          decision
            ? {
                kind: decision.kind,
                topicId: decision.topicId,
                title: decision.title,
                titleEn: decision.titleEn ?? '',
                text: decision.text,
                person: decision.person ?? '',
                votingMethod: decision.votingMethod,
                deferred: decision.status === 'deferred',
                votesFor: decision.votesFor,
                votesAgainst: decision.votesAgainst,
                votesAbstain: decision.votesAbstain,
              }
            : {
                kind: cadre ? 'cadre' : 'decision',
                votingMethod: 'show-of-hands',
                topicId: null,
                deferred: false,
              }
        }
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="kind" label={t('cm.dec.kind')}>
          <Radio.Group disabled={decision !== undefined}>
            <Radio value="decision">{t('cm.dec.kind.decision')}</Radio>
            <Radio value="cadre">{t('cm.dec.kind.cadre')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="topicId" label={t('cm.dec.topic')}>
          <Select
            allowClear
            options={topics.map((topic) => ({ value: topic.id, label: topic.title }))}
            placeholder={t('cm.dec.noTopic')}
            data-testid="decision-topic"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={kind === 'cadre' ? t('cm.dec.matter') : t('cm.dec.title')}
          rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={300}
            data-testid="decision-title"
          />
        </Form.Item>
        {kind === 'cadre' ? (
          <Form.Item
            name="person"
            label={t('cm.dec.person')}
            extra={t('cm.dec.personHint')}
            rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
          >
            <Input maxLength={50} data-testid="decision-person" />
          </Form.Item>
        ) : (
          <Form.Item name="titleEn" label={t('cm.dec.titleEn')}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              maxLength={600}
              lang="en"
              data-testid="decision-title-en"
            />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('cm.dec.text')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
        </Form.Item>
        <div className="cm-form-row">
          <Form.Item name="votingMethod" label={t('cm.dec.method')}>
            <Select
              style={{ minWidth: 160 }}
              options={VOTING_METHODS.map((m) => ({ value: m, label: t(`cm.method.${m}`) }))}
              data-testid="decision-method"
            />
          </Form.Item>
          <Form.Item name="deferred" valuePropName="checked" label=" ">
            <Checkbox data-testid="decision-deferred">{t('cm.dec.defer')}</Checkbox>
          </Form.Item>
        </div>
        {!deferred && (
          <div className="cm-form-row">
            <Form.Item
              name="votesFor"
              label={t('cm.dec.for')}
              rules={[{ required: true, message: t('cm.required') }]}
            >
              <InputNumber min={0} max={100_000} data-testid="decision-for" />
            </Form.Item>
            <Form.Item
              name="votesAgainst"
              label={t('cm.dec.against')}
              rules={[{ required: true, message: t('cm.required') }]}
            >
              <InputNumber min={0} max={100_000} data-testid="decision-against" />
            </Form.Item>
            <Form.Item
              name="votesAbstain"
              label={t('cm.dec.abstain')}
              rules={[{ required: true, message: t('cm.required') }]}
            >
              <InputNumber min={0} max={100_000} data-testid="decision-abstain" />
            </Form.Item>
          </div>
        )}
        {!deferred && typeof votesFor === 'number' && (
          <p
            className={votesFor >= minimum ? 'cm-verdict pass' : 'cm-verdict fail'}
            data-testid="decision-preview"
          >
            {votesFor >= minimum
              ? t('cm.dec.wouldPass', { n: votesFor, min: minimum })
              : t('cm.dec.wouldFail', { n: votesFor, min: minimum })}
          </p>
        )}
        {deferred && <p className="muted">{t('cm.dec.deferExplain')}</p>}
      </Form>
    </Modal>
  );
}
