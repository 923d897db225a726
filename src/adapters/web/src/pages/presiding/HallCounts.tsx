import { Alert } from 'antd';
import { useEffect } from 'react';
import { type AttendanceCounts, publicAttendanceEndpoint } from '../../../../../contract/attendance.ts';
import { CountsBar } from '../../components/CountsBar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { hallCounts } from './presiding-logic.ts';

/**
 * The attendance of the sittings in which votes are held, once for the whole page (every election
 * of a congress is usually voted in the same plenary): the quorum decides whether voting may open.
 */
export function HallCounts({
  congressId,
  sittings,
  stale,
}: {
  readonly congressId: string;
  readonly sittings: Readonly<Record<string, AttendanceCounts>>;
  /** Grows when a sitting opens or closes. */
  readonly stale: number;
}) {
  const { t } = useI18n();
  const current = useEndpoint(publicAttendanceEndpoint, { params: { congressId } });
  const reload = current.reload;
  useEffect(() => {
    if (stale > 0) void reload();
  }, [stale, reload]);
  return (
    <div className="presiding-hall">
      {hallCounts(current.data?.sittings ?? [], sittings).map((counts) => (
        <div key={counts.sittingId}>
          <div className="presiding-sitting">{counts.sittingTitle}</div>
          <CountsBar counts={counts} />
          {!counts.quorum.met && <Alert type="warning" showIcon title={t('pres.noQuorumYet')} />}
        </div>
      ))}
    </div>
  );
}
