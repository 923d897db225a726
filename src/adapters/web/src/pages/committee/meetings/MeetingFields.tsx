import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Form, Input, Select } from 'antd';
import type { AttendeeGroup } from '../../../../../../contract/attendees.ts';
import type { Committee } from '../../../../../../contract/meetings.ts';
import { RowTools } from '../../../components/RowTools.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { joinHeldAt, splitHeldAt } from '../../../lib/committee.ts';

// The fields of a meeting's record, shared by the new-meeting dialog and the record editor of the
// meeting's console: when it was held (date and time, editable later), where, who presided — a
// person with their capacity (省委常委、市委书记), or the standing committee for a plenary — whether
// a plenary was enlarged, and the non-members attending by category (列席) or by invitation
// (应邀参加), in the order the press names them.

export interface MeetingFormValues {
  date?: string;
  time?: string;
  venue?: string;
  presidedBy?: string;
  presidedByCapacity?: string;
  enlarged?: boolean;
  groups?: AttendeeGroupRow[];
}

export interface AttendeeGroupRow {
  kind: AttendeeGroup['kind'];
  category: string;
  categoryEn?: string | null;
  /** A guidance group's action (到会指导), kept as it was: the congress's console edits those. */
  action?: string | null;
  actionEn?: string | null;
}

/** The form's values of a recorded meeting. */
export function meetingFormValues(meeting: {
  readonly heldAt: string | null;
  readonly venue: string | null;
  readonly presidedBy: string | null;
  readonly presidedByCapacity: string | null;
  readonly enlarged: boolean;
  readonly attendeeGroups?: readonly AttendeeGroup[];
}): MeetingFormValues {
  const { date, time } = splitHeldAt(meeting.heldAt);
  return {
    date,
    time,
    venue: meeting.venue ?? '',
    presidedBy: meeting.presidedBy ?? '',
    presidedByCapacity: meeting.presidedByCapacity ?? '',
    enlarged: meeting.enlarged,
    groups: (meeting.attendeeGroups ?? []).map((g) => ({
      kind: g.kind,
      category: g.category,
      categoryEn: g.categoryEn,
      action: g.action,
      actionEn: g.actionEn,
    })),
  };
}

/** What the API takes from the form: the record's fields (the groups apart). */
export function meetingFields(values: MeetingFormValues) {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    heldAt: joinHeldAt(values.date, values.time),
    venue: text(values.venue),
    presidedBy: text(values.presidedBy),
    presidedByCapacity: text(values.presidedByCapacity),
  };
}

export function attendeeGroups(values: MeetingFormValues): AttendeeGroup[] {
  return (values.groups ?? [])
    .filter((g) => g.category?.trim())
    .map((g) => ({
      kind: g.kind,
      category: g.category.trim(),
      categoryEn: g.categoryEn?.trim() ? g.categoryEn.trim() : null,
      count: null,
      action: g.kind === 'guidance' ? (g.action ?? null) : null,
      actionEn: g.kind === 'guidance' ? (g.actionEn ?? null) : null,
    }));
}

export function MeetingFields({
  committee,
  presiders,
  groups = true,
}: {
  readonly committee: Committee;
  /** Names offered for who presided: the secretary, the deputies, and for a plenary the standing committee. */
  readonly presiders: readonly string[];
  /** Whether the attendee categories are edited here too. */
  readonly groups?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="cm-form-row">
        <Form.Item name="date" label={t('cm.mt.date')}>
          <Input type="date" data-testid="meeting-date" />
        </Form.Item>
        <Form.Item name="time" label={t('cm.mt.time')}>
          <Input type="time" data-testid="meeting-time" />
        </Form.Item>
      </div>
      <Form.Item name="venue" label={t('cm.mt.venue')}>
        <Input maxLength={100} data-testid="meeting-venue" />
      </Form.Item>
      <div className="cm-form-row">
        <Form.Item name="presidedBy" label={t('cm.mt.presidedBy')}>
          <AutoComplete
            options={presiders.map((name) => ({ value: name }))}
            placeholder={committee === 'plenary' ? t('cm.mt.presidedByBody') : t('cm.mt.presidedByPerson')}
            data-testid="meeting-presided-by"
          />
        </Form.Item>
        <Form.Item name="presidedByCapacity" label={t('cm.mt.capacity')} extra={t('cm.mt.capacityHint')}>
          <Input maxLength={100} placeholder={t('cm.mt.capacityExample')} data-testid="meeting-capacity" />
        </Form.Item>
      </div>
      {committee === 'plenary' && (
        <Form.Item name="enlarged" valuePropName="checked">
          <Checkbox data-testid="meeting-enlarged">{t('cm.mt.enlarged')}</Checkbox>
        </Form.Item>
      )}
      {groups && <AttendeeGroupFields />}
    </>
  );
}

/** 列席 / 应邀参加 by category, in order: add, move up and down, remove. */
export function AttendeeGroupFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance<MeetingFormValues>();
  return (
    <>
      <div className="field-label">{t('cm.mt.groups')}</div>
      <p className="muted small">{t('cm.mt.groupsHint')}</p>
      <Form.List name="groups">
        {(fields, { add, remove, move }) => (
          <div className="cm-groups">
            {fields.map((field, index) => (
              <div key={field.key} className="cm-group-row" data-testid="attendee-group">
                <Form.Item name={[field.name, 'kind']} className="cm-group-kind">
                  <Select
                    options={[
                      { value: 'non-voting', label: t('cm.group.non-voting') },
                      { value: 'invited', label: t('cm.group.invited') },
                      { value: 'guidance', label: t('cm.group.guidance') },
                    ]}
                  />
                </Form.Item>
                <div className="cm-group-texts">
                  <Form.Item
                    name={[field.name, 'category']}
                    rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                      placeholder={t('cm.mt.categoryExample')}
                      data-testid="attendee-group-category"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'categoryEn']}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      lang="en"
                      placeholder={t('cm.mt.categoryEn')}
                    />
                  </Form.Item>
                </div>
                <RowTools index={index} count={fields.length} move={move} remove={remove} />
              </div>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                // A new category is of the kind of the one above it: the press lists 列席 first.
                add({
                  kind: form.getFieldValue(['groups', fields.length - 1, 'kind']) ?? 'non-voting',
                  category: '',
                })
              }
              data-testid="attendee-group-add"
            >
              {t('cm.mt.addGroup')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
