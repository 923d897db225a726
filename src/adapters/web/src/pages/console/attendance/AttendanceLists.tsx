import { Card, Table, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import {
  type AbsentDelegate,
  absentDelegatesEndpoint,
  type OnLeaveDelegate,
  onLeaveDelegatesEndpoint,
} from '../../../../../../contract/attendance.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHallTime } from '../../../lib/format.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

const LEAVE_COLOR = { personal: 'blue', illness: 'magenta', other: 'default' } as const;

/**
 * Who is absent (neither checked in nor on leave) and who is on leave with the reason, by
 * delegation and then surname strokes, for the secretariat to chase and to read out.
 */
export function AttendanceLists({
  congressId,
  sittingId,
  version,
}: {
  readonly congressId: string;
  readonly sittingId: string;
  /** Bumped when the desks change the attendance: the lists are read again. */
  readonly version: number;
}) {
  const { t } = useI18n();
  const params = { congressId, sittingId };
  const absent = useEndpoint(absentDelegatesEndpoint, { params });
  const onLeave = useEndpoint(onLeaveDelegatesEndpoint, { params });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void absent.reload();
    void onLeave.reload();
  }, [version, absent.reload, onLeave.reload]);

  // [Q4] Delegates without a vote are listed but counted apart, as the counts above count them.
  const absentList = absent.data?.delegates ?? [];
  const nonVoting = absentList.filter((d) => !d.votingRights).length;
  const absentTitle = `${t('att.absentList', { n: absentList.length - nonVoting })}${
    nonVoting > 0 ? ` · ${t('att.absentNonVoting', { n: nonVoting })}` : ''
  }`;
  const nameColumns = [
    { title: t('dl.col.code'), dataIndex: 'code', width: 90 },
    {
      title: t('dl.col.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string, d: { votingRights: boolean }) => (
        <span>
          <strong>{name}</strong>
          {!d.votingRights && <Tag className="role-tag">{t('att.nonVotingTag')}</Tag>}
        </span>
      ),
    },
    { title: t('dl.col.delegation'), dataIndex: 'delegation', width: 150 },
  ];

  return (
    <div className="setup-columns">
      <Card className="console-card" size="small" title={absentTitle} data-testid="absent-list">
        <ErrorAlert error={absent.error} onRetry={() => void absent.reload()} />
        <Table<AbsentDelegate>
          size="small"
          rowKey="id"
          loading={absent.loading}
          dataSource={absentList}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: false, size: 'small' }}
          locale={{ emptyText: t('att.nobodyAbsent') }}
          columns={[
            ...nameColumns,
            {
              title: t('att.checkedOut'),
              dataIndex: 'checkedOutAt',
              width: 80,
              render: (at: string | null) => (at ? formatHallTime(at) : ''),
            },
          ]}
        />
      </Card>
      <Card
        className="console-card"
        size="small"
        title={t('att.leaveList', { n: onLeave.data?.delegates.length ?? 0 })}
        data-testid="leave-list"
      >
        <ErrorAlert error={onLeave.error} onRetry={() => void onLeave.reload()} />
        <Table<OnLeaveDelegate>
          size="small"
          rowKey="id"
          loading={onLeave.loading}
          dataSource={onLeave.data?.delegates ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: false, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('att.nobodyOnLeave') }}
          columns={[
            ...nameColumns,
            {
              title: t('att.reason'),
              dataIndex: 'note',
              render: (note: string | null, d) => (
                <span data-testid="leave-reason">
                  <Tag color={LEAVE_COLOR[d.kind]}>{t(`leave.${d.kind}`)}</Tag>
                  {note ?? ''}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
