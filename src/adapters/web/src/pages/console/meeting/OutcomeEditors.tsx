import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import {
  CONCLUSION_VERBS,
  type Conclusion,
  type ConclusionVerb,
  type Outcomes,
  type Speech,
  setConclusionsEndpoint,
  setSpeechesEndpoint,
} from '../../../../../../contract/decisions.ts';
import type { Committee } from '../../../../../../contract/meetings.ts';
import type { TopicView } from '../../../../../../contract/topics.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { RowTools } from '../../../components/RowTools.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

// The meeting's conclusions in order (会议指出 / 认为 / 强调 / 要求 / 号召 / 充分肯定, each a
// paragraph, optionally under a topic) and its speeches (who, in what capacity, on what; the
// closing speech marked), each edited as a whole list and saved in one audited write.

interface ConclusionRow {
  topicId?: string | null;
  verb: ConclusionVerb;
  text: string;
  textEn?: string | null;
}

interface SpeechRow {
  topicId?: string | null;
  speaker: string;
  speakerEn?: string | null;
  capacity?: string | null;
  capacityEn?: string | null;
  subject: string;
  subjectEn?: string | null;
  closing?: boolean;
}

const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Which topic a row (a conclusion, a speech) is on; none: the meeting as a whole. */
function TopicField({ row, topics }: { readonly row: number; readonly topics: readonly TopicView[] }) {
  const { t } = useI18n();
  return (
    <Form.Item name={[row, 'topicId']} className="cm-inline">
      <Select
        allowClear
        style={{ width: 260 }}
        placeholder={t('cm.oc.wholeMeeting')}
        options={topics.map((topic) => ({ value: topic.id, label: topic.title }))}
      />
    </Form.Item>
  );
}

export function ConclusionsEditor({
  meetingId,
  committee,
  conclusions,
  topics,
  onClose,
  onSaved,
}: {
  readonly meetingId: string;
  readonly committee: Committee;
  readonly conclusions: readonly Conclusion[];
  readonly topics: readonly TopicView[];
  readonly onClose: () => void;
  readonly onSaved: (outcomes: Outcomes) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<{ rows: ConclusionRow[] }>();
  const subject = t(`cm.subject.${committee}`);
  const submit = async (values: { rows?: ConclusionRow[] }) => {
    let saved: Outcomes | undefined;
    const ok = await action.run(
      'save',
      async () => {
        saved = await call(setConclusionsEndpoint, {
          params: { congressId: meetingId },
          body: {
            conclusions: (values.rows ?? []).map((row) => ({
              topicId: row.topicId ?? null,
              verb: row.verb,
              text: row.text.trim(),
              textEn: orNull(row.textEn),
            })),
          },
        });
      },
      { done: t('cm.saved'), inline: true },
    );
    if (ok && saved) onSaved(saved);
  };
  return (
    <FormDialog
      title={t('cm.oc.conclusionsTitle')}
      width="min(980px, 96vw)"
      okText={t('cm.save')}
      okId="conclusions-save"
      form={form}
      action={action}
      onClose={onClose}
      intro={<p className="muted">{t('cm.oc.conclusionsHint')}</p>}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          rows: conclusions.map((c) => ({
            topicId: c.topicId,
            verb: c.verb,
            text: c.text,
            textEn: c.textEn ?? '',
          })),
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.List name="rows">
          {(fields, { add, remove, move }) => (
            <div className="cm-list">
              {fields.map((field, index) => (
                <div key={field.key} className="cm-list-row" data-testid="conclusion-row">
                  <div className="cm-list-head">
                    <span className="cm-list-index">{index + 1}</span>
                    <Form.Item name={[field.name, 'verb']} className="cm-inline">
                      <Select
                        style={{ width: 180 }}
                        options={CONCLUSION_VERBS.map((verb) => ({
                          value: verb,
                          label: t('cm.oc.lead', { subject, verb: t(`cm.verb.${verb}`) }),
                        }))}
                        data-testid="conclusion-verb"
                      />
                    </Form.Item>
                    <TopicField row={field.name} topics={topics} />
                    <RowTools index={index} count={fields.length} move={move} remove={remove} />
                  </div>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 10 }}
                      maxLength={4000}
                      placeholder={t('cm.oc.textHint')}
                      data-testid="conclusion-text"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'textEn']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 8 }}
                      maxLength={8000}
                      lang="en"
                      placeholder={t('cm.oc.textEn')}
                      data-testid="conclusion-text-en"
                    />
                  </Form.Item>
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ verb: fields.length === 0 ? 'noted' : 'stressed', text: '', topicId: null })
                }
                data-testid="conclusion-add"
              >
                {t('cm.oc.addConclusion')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </FormDialog>
  );
}

export function SpeechesEditor({
  meetingId,
  speeches,
  topics,
  onClose,
  onSaved,
}: {
  readonly meetingId: string;
  readonly speeches: readonly Speech[];
  readonly topics: readonly TopicView[];
  readonly onClose: () => void;
  readonly onSaved: (outcomes: Outcomes) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<{ rows: SpeechRow[] }>();
  const submit = async (values: { rows?: SpeechRow[] }) => {
    let saved: Outcomes | undefined;
    const ok = await action.run(
      'save',
      async () => {
        saved = await call(setSpeechesEndpoint, {
          params: { congressId: meetingId },
          body: {
            speeches: (values.rows ?? []).map((row) => ({
              topicId: row.topicId ?? null,
              speaker: row.speaker.trim(),
              speakerEn: orNull(row.speakerEn),
              capacity: orNull(row.capacity),
              capacityEn: orNull(row.capacityEn),
              subject: row.subject.trim(),
              subjectEn: orNull(row.subjectEn),
              moment: row.closing ? ('closing' as const) : null,
            })),
          },
        });
      },
      { done: t('cm.saved'), inline: true },
    );
    if (ok && saved) onSaved(saved);
  };
  const required = [{ required: true, whitespace: true, message: t('cm.required') }];
  return (
    <FormDialog
      title={t('cm.oc.speechesTitle')}
      width="min(980px, 96vw)"
      okText={t('cm.save')}
      okId="speeches-save"
      form={form}
      action={action}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          rows: speeches.map((s) => ({ ...s, closing: s.moment === 'closing' })),
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.List name="rows">
          {(fields, { add, remove, move }) => (
            <div className="cm-list">
              {fields.map((field, index) => (
                <div key={field.key} className="cm-list-row" data-testid="speech-row">
                  <div className="cm-list-head">
                    <span className="cm-list-index">{index + 1}</span>
                    <Form.Item name={[field.name, 'closing']} valuePropName="checked" className="cm-inline">
                      <Checkbox data-testid="speech-closing">{t('cm.oc.closing')}</Checkbox>
                    </Form.Item>
                    <TopicField row={field.name} topics={topics} />
                    <RowTools index={index} count={fields.length} move={move} remove={remove} />
                  </div>
                  <div className="cm-form-row">
                    <Form.Item name={[field.name, 'speaker']} label={t('cm.oc.speaker')} rules={required}>
                      <Input maxLength={50} data-testid="speech-speaker" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'capacity']}
                      label={t('cm.oc.capacity')}
                      extra={t('cm.oc.capacityHint')}
                    >
                      <Input maxLength={100} data-testid="speech-capacity" />
                    </Form.Item>
                  </div>
                  <Form.Item
                    name={[field.name, 'subject']}
                    label={t('cm.oc.subject')}
                    extra={t('cm.oc.subjectHint')}
                    rules={required}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={400}
                      data-testid="speech-subject"
                    />
                  </Form.Item>
                  <div className="cm-form-row">
                    <Form.Item name={[field.name, 'speakerEn']} label={t('cm.oc.speakerEn')}>
                      <Input maxLength={100} lang="en" data-testid="speech-speaker-en" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacityEn']} label={t('cm.oc.capacityEn')}>
                      <Input maxLength={200} lang="en" />
                    </Form.Item>
                  </div>
                  <Form.Item name={[field.name, 'subjectEn']} label={t('cm.oc.subjectEn')}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={800}
                      lang="en"
                      data-testid="speech-subject-en"
                    />
                  </Form.Item>
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ speaker: '', subject: '', closing: false })}
                data-testid="speech-add"
              >
                {t('cm.oc.addSpeech')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </FormDialog>
  );
}
