import { DeleteOutlined } from '@ant-design/icons';
import { Button, Modal, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { setBodyMembersEndpoint } from '../../../../../../contract/congress.ts';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import {
  BODY_ROLES,
  type BodiesView,
  type BodyKind,
  type BodyRole,
} from '../../../../../../contract/procedure.ts';
import { DelegateSelect } from '../../../components/DelegateSelect.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

interface DraftMember {
  readonly delegateId: string;
  readonly name: string;
  readonly delegation: string | null;
  readonly role: BodyRole;
  /** The place in the list as read out; null: surname-stroke order after the ranked. */
  readonly rank: number | null;
}

/**
 * A body's members (delegates of this congress, by name or pinyin initials) and their roles. The
 * presidium's standing committee is drawn from the presidium [P3]; the server says so if not.
 */
export function BodyEditor({
  congressId,
  body,
  bodies,
  delegates,
  onClose,
  onSaved,
}: {
  readonly congressId: string;
  readonly body: BodyKind;
  readonly bodies: BodiesView;
  readonly delegates: readonly DelegateView[];
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<DraftMember[]>(() =>
    (bodies.bodies.find((b) => b.body === body)?.members ?? []).map((m) => ({
      delegateId: m.delegateId,
      name: m.name,
      delegation: m.delegation,
      role: BODY_ROLES.includes(m.role as BodyRole) ? (m.role as BodyRole) : 'member',
      rank: m.rank,
    })),
  );
  const choosable = useMemo(() => {
    const taken = new Set(draft.map((m) => m.delegateId));
    const presidium = new Set(
      bodies.bodies.find((b) => b.body === 'presidium')?.members.map((m) => m.delegateId) ?? [],
    );
    return delegates.filter(
      (d) => !taken.has(d.id) && (body !== 'presidium-standing-committee' || presidium.has(d.id)),
    );
  }, [draft, delegates, bodies, body]);

  const add = (id: string | null) => {
    const d = delegates.find((x) => x.id === id);
    if (d)
      setDraft((list) => [
        ...list,
        { delegateId: d.id, name: d.name, delegation: d.delegation, role: 'member', rank: null },
      ]);
  };
  const save = async () => {
    const ok = await action.run(
      'save',
      () =>
        call(setBodyMembersEndpoint, {
          params: { congressId, body },
          body: { members: draft.map((m) => ({ delegateId: m.delegateId, role: m.role, rank: m.rank })) },
        }),
      { done: t('sit.saved'), inline: true },
    );
    if (ok) onSaved();
  };

  return (
    <Modal
      open
      width={720}
      title={t('sit.bodyEdit', { body: t(`body.${body}`) })}
      okText={t('sit.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={action.busy === 'save'}
      okButtonProps={{ id: 'body-save' }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={action.error} />
        <DelegateSelect
          delegates={choosable}
          value={null}
          onChange={add}
          placeholder={
            body === 'presidium-standing-committee' ? t('sit.addFromPresidium') : t('sit.addMember')
          }
          testId="body-add"
        />
        <Table<DraftMember>
          size="small"
          rowKey="delegateId"
          pagination={false}
          scroll={{ x: 'max-content', y: 360 }}
          dataSource={draft}
          columns={[
            { title: '#', width: 44, render: (_v, _m, index) => index + 1 },
            { title: t('dl.col.name'), dataIndex: 'name', width: 110 },
            { title: t('dl.col.delegation'), dataIndex: 'delegation', responsive: ['sm'] },
            {
              title: t('sit.role'),
              dataIndex: 'role',
              width: 130,
              render: (role: BodyRole, m) => (
                <Select<BodyRole>
                  size="small"
                  value={role}
                  style={{ width: 110 }}
                  aria-label={t('sit.role')}
                  onChange={(next) =>
                    setDraft((list) =>
                      list.map((x) => (x.delegateId === m.delegateId ? { ...x, role: next } : x)),
                    )
                  }
                  options={BODY_ROLES.map((r) => ({ value: r, label: t(`sit.role.${r}`) }))}
                />
              ),
            },
            {
              title: '',
              width: 44,
              render: (_v, m) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('sit.remove', { name: m.name })}
                  onClick={() => setDraft((list) => list.filter((x) => x.delegateId !== m.delegateId))}
                />
              ),
            },
          ]}
        />
      </Space>
    </Modal>
  );
}
