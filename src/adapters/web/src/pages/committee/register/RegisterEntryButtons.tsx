import { CrownOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  addPositionEndpoint,
  type Position,
  removePositionEndpoint,
  setAlternatesEndpoint,
} from '../../../../../../contract/congress.ts';
import type { Register } from '../../../../../../contract/register.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { parseAlternates, parseNames } from '../../../lib/committee.ts';
import { joinList } from '../../../lib/format.ts';

// Entering the register: the members as a pasted list (名单，以顿号或换行分隔), the alternates one per
// line with their votes (the server ranks them [T6]), and the leadership chosen from the members
// [P5] — secretary, deputies and standing committee in the approved order. Each person is one
// audited write; a name already entered is left as it is.

type Open = 'members' | 'alternates' | 'leadership' | null;

interface Leadership {
  secretary?: string;
  deputies: string[];
  standing: string[];
}

export function RegisterEntryButtons({
  register,
  onChanged,
}: {
  readonly register: Register;
  readonly onChanged: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<string>();
  const [leadership] = Form.useForm<Leadership>();
  const termId = register.term.id;
  const members = register.people.filter((p) => p.standing === 'member').map((p) => p.name);
  const holders = (position: Position) => register.current.filter((e) => e.position === position);

  const show = (which: Open) => {
    action.clearError();
    setProgress(undefined);
    if (which === 'members') setText('');
    if (which === 'alternates')
      setText(
        register.people
          .filter((p) => p.standing === 'alternate')
          .map((p) => p.name)
          .join('\n'),
      );
    setOpen(which);
  };
  const finish = async (key: string, write: () => Promise<unknown>, done: string) => {
    const ok = await action.run(key, write, { done, inline: true });
    await onChanged();
    if (ok) setOpen(null);
  };

  const typed = parseNames(text);
  const newMembers = typed.filter((name) => !members.includes(name));
  const alternates = open === 'alternates' ? parseAlternates(text) : null;

  const saveMembers = () =>
    finish(
      'members',
      async () => {
        for (const [index, personName] of newMembers.entries()) {
          setProgress(t('cm.reg.progress', { done: index, total: newMembers.length }));
          await call(addPositionEndpoint, { params: { termId }, body: { personName, position: 'member' } });
        }
      },
      t('cm.reg.membersSaved', { n: newMembers.length }),
    );

  const saveAlternates = () =>
    finish(
      'alternates',
      () => call(setAlternatesEndpoint, { params: { termId }, body: { alternates: alternates ?? [] } }),
      t('cm.reg.alternatesSaved', { n: alternates?.length ?? 0 }),
    );

  const saveLeadership = (values: Leadership) =>
    finish(
      'leadership',
      async () => {
        const wanted: Record<'secretary' | 'deputy-secretary' | 'standing-member', string[]> = {
          secretary: values.secretary ? [values.secretary] : [],
          'deputy-secretary': values.deputies ?? [],
          'standing-member': values.standing ?? [],
        };
        for (const position of ['secretary', 'deputy-secretary', 'standing-member'] as const) {
          for (const entry of holders(position)) {
            if (!wanted[position].includes(entry.personName))
              await call(removePositionEndpoint, { params: { termId, positionId: entry.id } });
          }
        }
        for (const position of ['secretary', 'deputy-secretary', 'standing-member'] as const) {
          const held = new Set(holders(position).map((e) => e.personName));
          for (const [index, personName] of wanted[position].entries()) {
            if (held.has(personName)) continue;
            await call(addPositionEndpoint, {
              params: { termId },
              body: { personName, position, rank: index + 1 },
            });
          }
        }
      },
      t('cm.reg.leadershipSaved'),
    );

  const dialog = (which: NonNullable<Open>, title: string, onOk: () => void, body: ReactNode) => (
    <Modal
      open={open === which}
      title={title}
      width={640}
      okText={t('cm.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: action.busy === which, id: `register-${which}-ok` }}
      onOk={onOk}
      onCancel={() => setOpen(null)}
      destroyOnHidden
    >
      <ErrorAlert error={action.error} />
      {body}
      {progress && action.busy === which && <p className="muted">{progress}</p>}
    </Modal>
  );

  const memberOptions = members.map((name) => ({ value: name, label: name }));
  const secretary = Form.useWatch('secretary', leadership);
  const deputies = Form.useWatch('deputies', leadership) ?? [];

  return (
    <Space wrap>
      <Button icon={<TeamOutlined />} onClick={() => show('members')} data-testid="register-enter-members">
        {t('cm.reg.enterMembers')}
      </Button>
      <Button
        icon={<UsergroupAddOutlined />}
        onClick={() => show('alternates')}
        data-testid="register-enter-alternates"
      >
        {t('cm.reg.enterAlternates')}
      </Button>
      <Button
        icon={<CrownOutlined />}
        onClick={() => show('leadership')}
        disabled={members.length === 0}
        data-testid="register-enter-leadership"
      >
        {t('cm.reg.enterLeadership')}
      </Button>

      {dialog(
        'members',
        t('cm.reg.enterMembers'),
        () => void saveMembers(),
        <>
          <p className="muted">{t('cm.reg.membersHint')}</p>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
            placeholder={t('cm.reg.membersExample')}
            data-testid="register-members-text"
          />
          <p className="small cm-parse" data-testid="register-members-parsed">
            {t('cm.reg.membersParsed', {
              n: typed.length,
              added: newMembers.length,
              names: joinList(newMembers.slice(0, 8), lang) + (newMembers.length > 8 ? '…' : ''),
            })}
          </p>
        </>,
      )}

      {dialog(
        'alternates',
        t('cm.reg.enterAlternates'),
        () => alternates && void saveAlternates(),
        <>
          <p className="muted">{t('cm.reg.alternatesHint')}</p>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
            placeholder={t('cm.reg.alternatesExample')}
            data-testid="register-alternates-text"
          />
          {alternates === null ? (
            <Alert type="warning" showIcon title={t('cm.reg.votesMixed')} />
          ) : (
            <p className="small cm-parse">{t('cm.reg.alternatesParsed', { n: alternates.length })}</p>
          )}
        </>,
      )}

      {dialog(
        'leadership',
        t('cm.reg.enterLeadership'),
        () => leadership.submit(),
        <Form
          form={leadership}
          layout="vertical"
          preserve={false}
          initialValues={{
            secretary: holders('secretary')[0]?.personName,
            deputies: holders('deputy-secretary').map((e) => e.personName),
            standing: holders('standing-member').map((e) => e.personName),
          }}
          onFinish={(v) => void saveLeadership(v)}
        >
          <p className="muted">{t('cm.reg.leadershipHint')}</p>
          <Form.Item name="secretary" label={t('cm.office.secretary')}>
            <Select
              showSearch
              allowClear
              options={memberOptions}
              data-testid="register-secretary"
              placeholder={t('cm.reg.pickMember')}
            />
          </Form.Item>
          <Form.Item name="deputies" label={t('cm.reg.deputiesInOrder')}>
            <Select
              mode="multiple"
              showSearch
              options={memberOptions.filter((o) => o.value !== secretary)}
              data-testid="register-deputies"
              placeholder={t('cm.reg.pickMembers')}
            />
          </Form.Item>
          <Form.Item name="standing" label={t('cm.reg.standingInOrder')} extra={t('cm.reg.standingHint')}>
            <Select
              mode="multiple"
              showSearch
              options={memberOptions.filter((o) => o.value !== secretary && !deputies.includes(o.value))}
              data-testid="register-standing"
              placeholder={t('cm.reg.pickMembers')}
            />
          </Form.Item>
        </Form>,
      )}
    </Space>
  );
}
