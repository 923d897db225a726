import { AutoComplete, Form, Input } from 'antd';
import {
  type Register,
  type RegisterEntry,
  recordDepartureEndpoint,
  recordSuccessionEndpoint,
} from '../../../../../../contract/register.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { hallToday } from '../../../lib/format.ts';

// The register's two changes: a member or alternate leaves (date and reason; a member's other
// offices end with it), and a vacated member's seat is filled by the first alternate [M5].

const REASONS = ['cm.reason.transfer', 'cm.reason.retire', 'cm.reason.resign', 'cm.reason.death'] as const;

export function DepartureDialog({
  termId,
  entry,
  onClose,
  onDone,
}: {
  readonly termId: string;
  readonly entry: { readonly id: string; readonly name: string };
  readonly onClose: () => void;
  readonly onDone: (register: Register) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<{ leftOn: string; reason: string }>();
  const submit = async (values: { leftOn: string; reason: string }) => {
    let next: Register | undefined;
    const ok = await action.run(
      'departure',
      async () => {
        next = await call(recordDepartureEndpoint, {
          params: { termId, positionId: entry.id },
          body: { leftOn: values.leftOn, reason: values.reason.trim() },
        });
      },
      { done: t('cm.reg.departed', { name: entry.name }), inline: true },
    );
    if (ok && next) onDone(next);
  };
  return (
    <FormDialog
      title={t('cm.reg.departTitle', { name: entry.name })}
      okText={t('cm.reg.depart')}
      okId="register-depart-ok"
      danger
      form={form}
      action={action}
      onClose={onClose}
      intro={<p className="muted">{t('cm.reg.departExplain')}</p>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ leftOn: hallToday(new Date()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="leftOn" label={t('cm.col.leftOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="register-left-on" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cm.col.reason')}
          rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
        >
          <AutoComplete
            options={REASONS.map((key) => ({ value: t(key) }))}
            placeholder={t('cm.reg.reasonHint')}
            data-testid="register-reason"
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

export function SuccessionDialog({
  termId,
  entry,
  successor,
  onClose,
  onDone,
}: {
  readonly termId: string;
  readonly entry: RegisterEntry;
  /** The first alternate in the [T6] order, who succeeds. */
  readonly successor: string;
  readonly onClose: () => void;
  readonly onDone: (register: Register) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<{ on: string; note?: string }>();
  const submit = async (values: { on: string; note?: string }) => {
    let next: Register | undefined;
    const ok = await action.run(
      'succession',
      async () => {
        next = await call(recordSuccessionEndpoint, {
          params: { termId, positionId: entry.id },
          body: { on: values.on, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
        });
      },
      { done: t('cm.reg.succeeded', { name: successor }), inline: true },
    );
    if (ok && next) onDone(next);
  };
  return (
    <FormDialog
      title={t('cm.reg.succeedTitle', { name: entry.personName })}
      okText={t('cm.reg.succeed')}
      okId="register-succeed-ok"
      form={form}
      action={action}
      onClose={onClose}
      intro={<p>{t('cm.reg.succeedExplain', { name: entry.personName, successor })}</p>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: hallToday(new Date()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="on" label={t('cm.reg.succeedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('cm.reg.succeedNote')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
