import { Form, InputNumber, Radio } from 'antd';
import type { Committee } from '../../../../../../contract/meetings.ts';
import { createMeetingEndpoint } from '../../../../../../contract/meetings.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import { attendeeGroups, MeetingFields, type MeetingFormValues, meetingFields } from './MeetingFields.tsx';

// 新建会议: a plenary session (全体会议, optionally enlarged 扩大) or a standing committee meeting
// (常委会会议) of the term. Its number defaults to the next in the term (and in the year); its
// roster is taken from the register by the server; its console opens once it is recorded.

interface Values extends MeetingFormValues {
  committee: Committee;
  number?: number | null;
  yearNumber?: number | null;
}

export function NewMeetingDialog({
  termId,
  presiders,
  committeeShortName,
  onClose,
}: {
  readonly termId: string;
  /** The secretary and deputies, offered for who presided. */
  readonly presiders: readonly string[];
  /** 市委: a plenary is presided over by 市委常委会. */
  readonly committeeShortName: string;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const action = useAction();
  const [form] = Form.useForm<Values>();
  const committee = Form.useWatch('committee', form) ?? 'plenary';
  const body = `${committeeShortName}常委会`;

  const submit = async (values: Values) => {
    let id: string | undefined;
    const ok = await action.run(
      'create',
      async () => {
        const created = await call(createMeetingEndpoint, {
          params: { termId },
          body: {
            committee: values.committee,
            ...meetingFields(values),
            enlarged: values.committee === 'plenary' && values.enlarged === true,
            ...(values.number ? { number: values.number } : {}),
            ...(values.committee === 'standing-committee' && values.yearNumber
              ? { yearNumber: values.yearNumber }
              : {}),
            attendeeGroups: attendeeGroups(values),
          },
        });
        id = created.id;
      },
      { done: t('cm.mt.created'), inline: true },
    );
    if (ok && id) navigate(pathFor('consoleOverview', { congressId: id }));
  };

  return (
    <FormDialog
      title={t('cm.mt.new')}
      width={720}
      okText={t('cm.mt.create')}
      okId="meeting-create-ok"
      form={form}
      action={action}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ committee: 'plenary', enlarged: false, presidedBy: body, groups: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          // A plenary is presided over by the standing committee; a standing committee meeting by a person.
          if (changed.committee) {
            const presidedBy = form.getFieldValue('presidedBy');
            if (changed.committee === 'plenary' && !presidedBy) form.setFieldValue('presidedBy', body);
            if (changed.committee === 'standing-committee' && presidedBy === body)
              form.setFieldValue('presidedBy', presiders[0] ?? '');
          }
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="committee" label={t('cm.mt.committee')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="meeting-committee">
            <Radio value="plenary" data-testid="meeting-committee-plenary">
              {t('cm.committee.plenary')}
            </Radio>
            <Radio value="standing-committee" data-testid="meeting-committee-standing">
              {t('cm.committee.standing-committee')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <div className="cm-form-row">
          <Form.Item name="number" label={t('cm.mt.number')} extra={t('cm.mt.numberHint')}>
            <InputNumber min={1} max={999} placeholder={t('cm.mt.auto')} data-testid="meeting-number" />
          </Form.Item>
          {committee === 'standing-committee' && (
            <Form.Item name="yearNumber" label={t('cm.mt.yearNumber')} extra={t('cm.mt.numberHint')}>
              <InputNumber
                min={1}
                max={999}
                placeholder={t('cm.mt.auto')}
                data-testid="meeting-year-number"
              />
            </Form.Item>
          )}
        </div>
        <MeetingFields
          committee={committee}
          presiders={committee === 'plenary' ? [body, ...presiders] : presiders}
        />
      </Form>
    </FormDialog>
  );
}
