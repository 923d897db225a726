import { Form } from 'antd';
import { setAttendeeGroupsEndpoint } from '../../../../../../contract/attendees.ts';
import { type MeetingView, updateMeetingEndpoint } from '../../../../../../contract/meetings.ts';
import type { Register } from '../../../../../../contract/register.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import {
  AttendeeGroupFields,
  attendeeGroups,
  MeetingFields,
  type MeetingFormValues,
  meetingFields,
  meetingFormValues,
} from '../../committee/meetings/MeetingFields.tsx';

// Correcting a meeting's record after the fact (the date and time it was held, where, who
// presided, whether a plenary was enlarged) and its non-member attendees by category, in order.

export function MeetingRecordEditor({
  meeting,
  register,
  onClose,
  onSaved,
}: {
  readonly meeting: MeetingView;
  readonly register: Register | undefined;
  readonly onClose: () => void;
  readonly onSaved: (meeting: MeetingView) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<MeetingFormValues>();
  const presiders = [
    ...(meeting.committee === 'plenary' ? [`${meeting.committeeShortName}常委会`] : []),
    ...(register?.current ?? [])
      .filter((e) => e.position === 'secretary' || e.position === 'deputy-secretary')
      .map((e) => e.personName),
  ];
  const submit = async (values: MeetingFormValues) => {
    let saved: MeetingView | undefined;
    const ok = await action.run(
      'save',
      async () => {
        saved = await call(updateMeetingEndpoint, {
          params: { congressId: meeting.id },
          body: {
            ...meetingFields(values),
            ...(meeting.committee === 'plenary' ? { enlarged: values.enlarged === true } : {}),
          },
        });
      },
      { done: t('cm.saved'), inline: true },
    );
    if (ok && saved) onSaved(saved);
  };
  return (
    <FormDialog
      title={t('cm.ov.editRecord')}
      width={720}
      okText={t('cm.save')}
      okId="meeting-record-save"
      form={form}
      action={action}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={meetingFormValues(meeting)}
        onFinish={(v) => void submit(v)}
      >
        <MeetingFields committee={meeting.committee} presiders={presiders} groups={false} />
      </Form>
    </FormDialog>
  );
}

export function AttendeeGroupsEditor({
  meeting,
  onClose,
  onSaved,
}: {
  readonly meeting: MeetingView;
  readonly onClose: () => void;
  /** The groups were saved: the meeting is read again. */
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<MeetingFormValues>();
  const submit = async (values: MeetingFormValues) => {
    const ok = await action.run(
      'save',
      () =>
        call(setAttendeeGroupsEndpoint, {
          params: { congressId: meeting.id },
          body: { groups: attendeeGroups(values) },
        }),
      { done: t('cm.saved'), inline: true },
    );
    if (ok) onSaved();
  };
  return (
    <FormDialog
      title={t('cm.mt.groups')}
      width={760}
      okText={t('cm.save')}
      okId="meeting-groups-save"
      form={form}
      action={action}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={meetingFormValues(meeting)}
        onFinish={(v) => void submit(v)}
      >
        <AttendeeGroupFields />
      </Form>
    </FormDialog>
  );
}
