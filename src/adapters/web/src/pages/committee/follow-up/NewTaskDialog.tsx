import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { type Conclusion, type Decision, outcomesEndpoint } from '../../../../../../contract/decisions.ts';
import { createTaskEndpoint, unitsEndpoint } from '../../../../../../contract/follow-up.ts';
import { termMeetingsEndpoint } from '../../../../../../contract/meetings.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { addDaysIso, conclusionLead, formatHeldAt } from '../../../lib/committee.ts';
import { hallToday } from '../../../lib/format.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

// 交办督办事项: a meeting's adopted decision or a stressed conclusion becomes a follow-up task with
// a lead unit, supporting units and a deadline [M6]. Opened from the board (choose the meeting and
// what it decided) or beside a decision or conclusion in the meeting's record.

interface Values {
  meetingId: string;
  source?: string;
  title: string;
  detail?: string;
  leadUnitId: string;
  supportingUnitIds?: string[];
  deadline: string;
}

/** `d:<id>` a decision, `c:<id>` a conclusion. */
export type TaskSource = `d:${string}` | `c:${string}`;

export function NewTaskDialog({
  termId,
  organisationId,
  meetingId,
  source,
  onClose,
  onCreated,
}: {
  readonly termId: string;
  readonly organisationId: string;
  /** Fixed when opened from a meeting's record. */
  readonly meetingId?: string;
  readonly source?: TaskSource;
  readonly onClose: () => void;
  readonly onCreated: () => void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<Values>();
  const chosenMeeting = Form.useWatch('meetingId', form) ?? meetingId;
  const chosenSource = Form.useWatch('source', form) as TaskSource | undefined;
  const meetings = useEndpoint(termMeetingsEndpoint, meetingId ? null : { params: { termId } });
  const outcomes = useEndpoint(
    outcomesEndpoint,
    chosenMeeting ? { params: { congressId: chosenMeeting } } : null,
  );
  const units = useEndpoint(unitsEndpoint, { params: { organisationId } });
  const decisions = (outcomes.data?.decisions ?? []).filter((d) => d.status === 'adopted');
  const conclusions = outcomes.data?.conclusions ?? [];
  const verb = (c: Conclusion) => t(`cm.verb.${c.verb}`);

  // A source chosen fills in the title and the detail, which the office may then shorten.
  useEffect(() => {
    if (!chosenSource || !outcomes.data) return;
    const id = chosenSource.slice(2);
    if (chosenSource.startsWith('d:')) {
      const decision = outcomes.data.decisions.find((d) => d.id === id);
      if (decision) form.setFieldsValue({ title: titleOfDecision(decision), detail: decision.text });
    } else {
      const conclusion = outcomes.data.conclusions.find((c) => c.id === id);
      if (conclusion)
        form.setFieldsValue({ title: conclusionLead(conclusion.text), detail: conclusion.text });
    }
  }, [chosenSource, outcomes.data, form]);

  const submit = async (values: Values) => {
    const picked = values.source as TaskSource | undefined;
    const ok = await action.run(
      'create',
      () =>
        call(createTaskEndpoint, {
          params: { congressId: values.meetingId },
          body: {
            title: values.title.trim(),
            detail: values.detail?.trim() ?? '',
            decisionId: picked?.startsWith('d:') ? picked.slice(2) : null,
            conclusionId: picked?.startsWith('c:') ? picked.slice(2) : null,
            leadUnitId: values.leadUnitId,
            supportingUnitIds: values.supportingUnitIds ?? [],
            deadline: values.deadline,
          },
        }),
      { done: t('cm.fu.created'), inline: true },
    );
    if (ok) onCreated();
  };

  const lead = Form.useWatch('leadUnitId', form);
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const required = { required: true, message: t('cm.required') };

  return (
    <FormDialog
      title={t('cm.fu.new')}
      width={720}
      okText={t('cm.fu.assign')}
      okId="task-create-ok"
      form={form}
      action={action}
      error={action.error ?? outcomes.error ?? units.error}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          meetingId,
          source,
          deadline: addDaysIso(hallToday(new Date()), 30),
          supportingUnitIds: [],
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="meetingId"
          label={t('cm.fu.meeting')}
          rules={[required]}
          hidden={meetingId !== undefined}
        >
          <Select
            options={(meetings.data ?? []).map((m) => ({
              value: m.id,
              label: `${lang === 'zh' ? m.title : m.titleEn}${m.heldAt ? ` · ${formatHeldAt(m.heldAt, lang)}` : ''}`,
            }))}
            onChange={() => form.setFieldValue('source', undefined)}
            data-testid="task-meeting"
          />
        </Form.Item>
        <Form.Item name="source" label={t('cm.fu.source')} extra={t('cm.fu.sourceHint')}>
          <Select
            allowClear
            options={[
              {
                label: t('cm.fu.decisions'),
                options: decisions.map((d) => ({
                  value: `d:${d.id}`,
                  label: d.person ? `${d.title}（${d.person}）` : d.title,
                })),
              },
              {
                label: t('cm.fu.conclusions'),
                options: conclusions.map((c) => ({
                  value: `c:${c.id}`,
                  label: `${verb(c)}：${conclusionLead(c.text)}`,
                })),
              },
            ]}
            data-testid="task-source"
          />
        </Form.Item>
        <Form.Item name="title" label={t('cm.fu.title')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('cm.fu.detail')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <div className="cm-form-row">
          <Form.Item name="leadUnitId" label={t('cm.fu.leadUnit')} rules={[required]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={unitOptions}
              style={{ minWidth: 220 }}
              data-testid="task-lead"
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('cm.fu.deadline')} rules={[required]}>
            <Input type="date" data-testid="task-deadline" />
          </Form.Item>
        </div>
        <Form.Item name="supportingUnitIds" label={t('cm.fu.supporting')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={unitOptions.filter((o) => o.value !== lead)}
            data-testid="task-supporting"
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 贯彻落实《…》: the task a decision becomes (the record is kept in Chinese whatever the interface). */
function titleOfDecision(decision: Decision): string {
  const title = decision.title.replace(/^《|》$/g, '');
  return decision.person ? `${decision.title}（${decision.person}）` : `贯彻落实《${title}》`;
}
