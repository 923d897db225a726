import { Form, Input, Modal, Select } from 'antd';
import {
  createSittingEndpoint,
  SITTING_KINDS,
  type SittingKind,
  type SittingView,
  updateSittingEndpoint,
} from '../../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { hallInputValue, isoFromHallInput } from '../../../lib/hall-input.ts';

interface Fields {
  kind: SittingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  presiding: string;
}

/** Schedules a sitting, or edits one that has not closed; times in the hall's clock. */
export function SittingForm({
  congressId,
  sitting,
  onClose,
  onSaved,
}: {
  readonly congressId: string;
  /** null: a new sitting. */
  readonly sitting: SittingView | null;
  readonly onClose: () => void;
  readonly onSaved: (sitting: SittingView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const action = useAction();
  const initial: Fields = {
    kind: sitting?.kind ?? 'plenary',
    title: sitting?.title ?? '',
    startsAt: hallInputValue(sitting?.startsAt),
    endsAt: hallInputValue(sitting?.endsAt),
    venue: sitting?.venue ?? '',
    presiding: sitting?.presiding ?? '',
  };

  const save = async (fields: Fields) => {
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    const common = {
      startsAt: isoFromHallInput(fields.startsAt),
      endsAt: isoFromHallInput(fields.endsAt),
      venue: text(fields.venue),
      presiding: text(fields.presiding),
      // An empty title keeps the one there is (a new sitting is named after its kind).
      ...(fields.title.trim() ? { title: fields.title.trim() } : {}),
    };
    let saved: SittingView | undefined;
    const ok = await action.run(
      'save',
      async () => {
        saved = sitting
          ? await call(updateSittingEndpoint, {
              params: { congressId, sittingId: sitting.id },
              body: common,
            })
          : await call(createSittingEndpoint, {
              params: { congressId },
              body: { kind: fields.kind, ...common },
            });
      },
      { done: t('sit.saved'), inline: true },
    );
    if (ok && saved) onSaved(saved);
  };

  return (
    <Modal
      open
      title={sitting ? t('sit.editTitle', { title: sitting.title }) : t('sit.add')}
      okText={t('sit.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={action.busy === 'save'}
      okButtonProps={{ id: 'sitting-save' }}
      destroyOnHidden
    >
      <ErrorAlert error={action.error} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(f) => void save(f)}>
        {!sitting && (
          <Form.Item name="kind" label={t('sit.field.kind')} rules={[{ required: true }]}>
            <Select
              options={SITTING_KINDS.map((kind) => ({ value: kind, label: t(`sit.kind.${kind}`) }))}
              data-testid="sitting-kind"
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('sit.field.title')} extra={sitting ? undefined : t('sit.titleHint')}>
          <Input maxLength={200} data-testid="sitting-title" />
        </Form.Item>
        <div className="form-pair">
          <Form.Item name="startsAt" label={t('sit.field.startsAt')}>
            <Input type="datetime-local" data-testid="sitting-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('sit.field.endsAt')}>
            <Input type="datetime-local" data-testid="sitting-ends" />
          </Form.Item>
        </div>
        <Form.Item name="venue" label={t('ov.venue')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="presiding" label={t('sit.field.presiding')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
