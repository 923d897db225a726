import { CheckOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Popconfirm, Radio, Segmented, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  absentDelegatesEndpoint,
  cancelLeaveEndpoint,
  checkInEndpoint,
  checkOutEndpoint,
  LEAVE_KINDS,
  type LeaveKind,
  onLeaveDelegatesEndpoint,
  recordLeaveEndpoint,
} from '../../../../../../contract/attendance.ts';
import { type DelegateView, delegatesEndpoint } from '../../../../../../contract/delegates.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import type { MeetingView } from '../../../../../../contract/meetings.ts';
import type { Register } from '../../../../../../contract/register.ts';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { type RosterLabel, rosterLabel } from '../../../lib/committee.ts';
import type { Role } from '../../../lib/roles.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

// The roll call of a meeting (点名): the office records who is present and who is on leave with
// the reason, one person at a time or "everyone else present" at once. Each mark is an ordinary
// check-in or leave of the meeting's sitting (audited, counted live); the record keeps the reasons.

type Status = 'present' | 'leave' | 'absent';
type Filter = 'all' | Status;
/** The desk the office's roll call is recorded at. */
const DESK = '1';
/** Check-ins sent together by "everyone else present". */
const BATCH = 4;

interface Row {
  readonly delegate: DelegateView;
  readonly label: RosterLabel;
  readonly status: Status;
  readonly leave: string | null;
}

export function RollCall({
  meeting,
  register,
  roles,
  tick,
  onChanged,
}: {
  readonly meeting: MeetingView;
  readonly register: Register | undefined;
  readonly roles: ReadonlySet<Role>;
  /** Bumped by every attendance event: the lists are read again. */
  readonly tick: number;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const params = { congressId: meeting.id, sittingId: meeting.sittingId };
  const roster = useEndpoint(delegatesEndpoint, { params: { congressId: meeting.id } });
  const desk = mayCall(checkInEndpoint, roles);
  const absent = useEndpoint(absentDelegatesEndpoint, desk ? { params } : null);
  const onLeave = useEndpoint(onLeaveDelegatesEndpoint, desk ? { params } : null);
  const [filter, setFilter] = useState<Filter>('all');
  const [leaveFor, setLeaveFor] = useState<DelegateView | null>(null);
  const [kind, setKind] = useState<LeaveKind>('personal');
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<string>();

  useEffect(() => {
    if (tick === 0) return;
    void absent.reload();
    void onLeave.reload();
  }, [tick, absent.reload, onLeave.reload]);

  const absentIds = new Set((absent.data?.delegates ?? []).map((d) => d.id));
  const leaves = new Map((onLeave.data?.delegates ?? []).map((d) => [d.id, d]));
  const rows: Row[] = (roster.data ?? []).map((delegate) => {
    const leave = leaves.get(delegate.id);
    return {
      delegate,
      label: rosterLabel(meeting.committee, delegate.name, delegate.votingRights, register),
      status: leave ? 'leave' : absentIds.has(delegate.id) ? 'absent' : 'present',
      leave: leave ? [t(`leave.${leave.kind}`), leave.note].filter(Boolean).join('：') : null,
    };
  });
  const known = absent.data !== undefined && onLeave.data !== undefined;
  const shown = rows.filter((row) => filter === 'all' || row.status === filter);
  const count = (status: Status) => rows.filter((row) => row.status === status).length;

  const refresh = async () => {
    await Promise.all([absent.reload(), onLeave.reload()]);
    onChanged();
  };
  const mark = (key: string, write: () => Promise<unknown>) =>
    action.run(key, async () => {
      await write();
      await refresh();
    });
  const checkIn = (d: DelegateView) =>
    mark(`in:${d.id}`, () => call(checkInEndpoint, { params, body: { delegateId: d.id, desk: DESK } }));
  const checkOut = (d: DelegateView) =>
    mark(`out:${d.id}`, () => call(checkOutEndpoint, { params, body: { delegateId: d.id, desk: DESK } }));
  const cancelLeave = (d: DelegateView) =>
    mark(`cancel:${d.id}`, () =>
      call(cancelLeaveEndpoint, { params, body: { delegateId: d.id, desk: DESK } }),
    );
  const recordLeave = async () => {
    if (!leaveFor) return;
    const d = leaveFor;
    const ok = await mark(`leave:${d.id}`, () =>
      call(recordLeaveEndpoint, {
        params,
        body: { delegateId: d.id, reason: kind, ...(note.trim() ? { note: note.trim() } : {}), desk: DESK },
      }),
    );
    if (ok) {
      setLeaveFor(null);
      setNote('');
    }
  };
  const everyoneElse = () =>
    action.run(
      'all',
      async () => {
        // A few at a time, as a few desks would: each is its own audited check-in.
        const waiting = rows.filter((row) => row.status === 'absent');
        for (let at = 0; at < waiting.length; at += BATCH) {
          setProgress(t('cm.rc.progress', { done: at, total: waiting.length }));
          await Promise.all(
            waiting
              .slice(at, at + BATCH)
              .map((row) =>
                call(checkInEndpoint, { params, body: { delegateId: row.delegate.id, desk: DESK } }),
              ),
          );
        }
        setProgress(undefined);
        await refresh();
      },
      { done: t('cm.rc.allMarked') },
    );

  return (
    <Card
      className="console-card"
      size="small"
      title={t('cm.rc.title')}
      data-testid="roll-call"
      extra={
        desk && (
          <Popconfirm
            title={t('cm.rc.allConfirm', { n: count('absent') })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void everyoneElse()}
            disabled={count('absent') === 0}
          >
            <Button
              type="primary"
              icon={<UsergroupAddOutlined />}
              disabled={!known || count('absent') === 0}
              loading={action.busy === 'all'}
              data-testid="roll-call-all"
            >
              {t('cm.rc.all')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <p className="muted small">{t('cm.rc.hint')}</p>
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={[
          { value: 'all', label: t('cm.rc.filter.all', { n: rows.length }) },
          { value: 'absent', label: t('cm.rc.filter.absent', { n: count('absent') }) },
          { value: 'leave', label: t('cm.rc.filter.leave', { n: count('leave') }) },
          { value: 'present', label: t('cm.rc.filter.present', { n: count('present') }) },
        ]}
        data-testid="roll-call-filter"
      />
      {progress && <p className="muted">{progress}</p>}
      <Table
        className="cm-gap"
        size="small"
        rowKey={(row) => row.delegate.id}
        loading={roster.loading || !known}
        dataSource={shown}
        pagination={shown.length > 60 ? { pageSize: 60, showSizeChanger: false } : false}
        onRow={(row) =>
          ({
            'data-testid': 'roll-call-row',
            'data-name': row.delegate.name,
            'data-status': row.status,
          }) as never
        }
        columns={[
          { title: t('cm.col.name'), key: 'name', render: (_: unknown, row: Row) => row.delegate.name },
          {
            title: t('cm.rc.capacity'),
            key: 'label',
            width: 140,
            render: (_: unknown, row: Row) => (
              <span>
                {t(`cm.roster.${row.label.kind}`)}
                {row.label.rank !== null && (
                  <span className="muted small"> {t('cm.rc.rank', { n: row.label.rank })}</span>
                )}
              </span>
            ),
          },
          {
            title: t('cm.rc.status'),
            key: 'status',
            width: 200,
            render: (_: unknown, row: Row) => (
              <span>
                <Tag color={row.status === 'present' ? 'green' : row.status === 'leave' ? 'gold' : 'default'}>
                  {t(`cm.rc.status.${row.status}`)}
                </Tag>
                {row.leave && <span className="muted small">{row.leave}</span>}
              </span>
            ),
          },
          ...(desk
            ? [
                {
                  title: t('cm.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, row: Row) => (
                    <Space size={4} wrap>
                      {row.status === 'absent' && (
                        <>
                          <Button
                            size="small"
                            icon={<CheckOutlined />}
                            loading={action.busy === `in:${row.delegate.id}`}
                            onClick={() => void checkIn(row.delegate)}
                            data-testid="roll-call-present"
                          >
                            {t('cm.rc.present')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() => {
                              setKind('personal');
                              setNote('');
                              setLeaveFor(row.delegate);
                            }}
                            data-testid="roll-call-leave"
                          >
                            {t('desk.leave')}
                          </Button>
                        </>
                      )}
                      {row.status === 'leave' && (
                        <Button size="small" onClick={() => void cancelLeave(row.delegate)}>
                          {t('cm.rc.cancelLeave')}
                        </Button>
                      )}
                      {row.status === 'present' && (
                        <Button size="small" type="text" onClick={() => void checkOut(row.delegate)}>
                          {t('cm.rc.undo')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={leaveFor !== null}
        title={t('desk.leaveTitle', { name: leaveFor?.name ?? '' })}
        okText={t('desk.leave')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: action.busy?.startsWith('leave:'), id: 'roll-call-leave-ok' }}
        onOk={() => void recordLeave()}
        onCancel={() => setLeaveFor(null)}
        destroyOnHidden
      >
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          data-testid="roll-call-leave-kind"
        >
          {LEAVE_KINDS.map((k) => (
            <Radio key={k} value={k}>
              {t(`leave.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
        <Input
          className="cm-gap"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
          placeholder={t('cm.rc.leaveNote')}
          data-testid="roll-call-leave-note"
        />
      </Modal>
    </Card>
  );
}
