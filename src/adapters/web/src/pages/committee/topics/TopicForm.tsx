import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Select } from 'antd';
import type { Unit } from '../../../../../../contract/follow-up.ts';
import type { Committee } from '../../../../../../contract/meetings.ts';
import { TOPIC_KINDS, type TopicKind, type TopicView } from '../../../../../../contract/topics.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { parseNames } from '../../../lib/committee.ts';

// A topic (议题) as a unit requests it or the office corrects it: for which body, what kind
// (传达学习 / 汇报 / 审议 / 干部任免 / 其他), its title, who presents it (unit and person) and on whose
// behalf (受市委常委会委托), the papers, and who attends for this topic only (列席该议题).

export interface TopicFormValues {
  committee: Committee;
  requestingUnitId?: string;
  kind: TopicKind;
  title: string;
  titleEn?: string;
  presentingUnit?: string;
  presenter?: string;
  onBehalfOf?: string;
  papers?: { title: string; url?: string }[];
  attendees?: string;
}

/** The API's topic fields from the form. */
export function topicFields(values: TopicFormValues) {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    title: values.title.trim(),
    titleEn: text(values.titleEn),
    kind: values.kind,
    presentingUnit: text(values.presentingUnit),
    presenter: text(values.presenter),
    onBehalfOf: text(values.onBehalfOf),
    papers: (values.papers ?? [])
      .filter((p) => p.title?.trim())
      .map((p) => ({ title: p.title.trim(), url: text(p.url) })),
    attendees: parseNames(values.attendees ?? ''),
  };
}

export function topicFormValues(topic: TopicView): TopicFormValues {
  return {
    committee: topic.committee,
    ...(topic.requestingUnit ? { requestingUnitId: topic.requestingUnit.id } : {}),
    kind: topic.kind,
    title: topic.title,
    titleEn: topic.titleEn ?? '',
    presentingUnit: topic.presentingUnit ?? '',
    presenter: topic.presenter ?? '',
    onBehalfOf: topic.onBehalfOf ?? '',
    papers: topic.papers.map((p) => ({ title: p.title, url: p.url ?? '' })),
    // Names, as the list of names is written: 王宁、李明.
    attendees: topic.attendees.join('、'),
  };
}

export function TopicFormDialog({
  title,
  units,
  initial,
  editing,
  fixedCommittee,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  readonly title: string;
  /** The units the user acts for: a request names one. */
  readonly units: readonly Unit[];
  readonly initial: Partial<TopicFormValues>;
  /** Correcting a topic: its body and requesting unit stay. */
  readonly editing?: boolean;
  /** Added from a meeting's agenda: the body is the meeting's. */
  readonly fixedCommittee?: Committee;
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  readonly onSubmit: (values: TopicFormValues) => void;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TopicFormValues>();
  const required = { required: true, whitespace: true, message: t('cm.required') };
  return (
    <Modal
      open
      title={title}
      width={720}
      okText={t('cm.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, id: 'topic-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          committee: fixedCommittee ?? 'standing-committee',
          kind: 'report',
          requestingUnitId: units.length === 1 ? units[0]!.id : undefined,
          papers: [],
          ...initial,
        }}
        onFinish={onSubmit}
      >
        <div className="cm-form-row">
          <Form.Item name="committee" label={t('cm.tp.committee')}>
            <Radio.Group disabled={editing || fixedCommittee !== undefined} data-testid="topic-committee">
              <Radio value="standing-committee">{t('cm.committee.standing-committee')}</Radio>
              <Radio value="plenary">{t('cm.committee.plenary')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="kind" label={t('cm.tp.kind')}>
            <Select
              options={TOPIC_KINDS.map((kind) => ({ value: kind, label: t(`cm.topicKind.${kind}`) }))}
              style={{ minWidth: 160 }}
              data-testid="topic-kind"
            />
          </Form.Item>
        </div>
        {!editing && (
          <Form.Item
            name="requestingUnitId"
            label={t('cm.tp.requestingUnit')}
            rules={[{ required: true, message: t('cm.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              placeholder={t('cm.tp.pickUnit')}
              data-testid="topic-unit"
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('cm.tp.title')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} data-testid="topic-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('cm.tp.titleEn')}>
          <Input maxLength={400} lang="en" data-testid="topic-title-en" />
        </Form.Item>
        <div className="cm-form-row">
          <Form.Item name="presentingUnit" label={t('cm.tp.presentingUnit')}>
            <Input maxLength={100} data-testid="topic-presenting-unit" />
          </Form.Item>
          <Form.Item name="presenter" label={t('cm.tp.presenter')}>
            <Input maxLength={100} placeholder={t('cm.tp.presenterExample')} data-testid="topic-presenter" />
          </Form.Item>
          <Form.Item name="onBehalfOf" label={t('cm.tp.onBehalfOf')} extra={t('cm.tp.onBehalfOfHint')}>
            <Input maxLength={100} placeholder={t('cm.tp.onBehalfOfExample')} data-testid="topic-on-behalf" />
          </Form.Item>
        </div>
        <div className="field-label">{t('cm.tp.papers')}</div>
        <Form.List name="papers">
          {(fields, { add, remove }) => (
            <div className="cm-papers">
              {fields.map((field) => (
                <div key={field.key} className="cm-paper-row">
                  <Form.Item name={[field.name, 'title']} rules={[required]}>
                    <Input
                      maxLength={200}
                      placeholder={t('cm.tp.paperTitle')}
                      data-testid="topic-paper-title"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'url']}
                    rules={[
                      {
                        validator: (_, value?: string) =>
                          !value?.trim() || /^https?:\/\/\S+$/.test(value.trim())
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('cm.tp.paperUrlHint'))),
                      },
                    ]}
                  >
                    <Input maxLength={500} placeholder={t('cm.tp.paperUrl')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cm.remove')}
                  />
                </div>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', url: '' })}
                data-testid="topic-paper-add"
              >
                {t('cm.tp.addPaper')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="attendees" label={t('cm.tp.attendees')} extra={t('cm.tp.attendeesHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="topic-attendees" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
