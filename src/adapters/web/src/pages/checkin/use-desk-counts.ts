import { attendanceCountsEndpoint } from '../../../../../contract/attendance.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';

/**
 * The counts of the desk's sitting: loaded once, then kept by the event stream (a snapshot on
 * every connection, then each change). A sitting opening or closing calls `onSittingsChanged`.
 */
export function useDeskCounts(
  congressId: string,
  sittingId: string | undefined,
  onSittingsChanged: () => void,
) {
  const counts = useEndpoint(
    attendanceCountsEndpoint,
    sittingId ? { params: { congressId, sittingId } } : null,
  );
  const live = useCongressEvents(congressId, {
    snapshot: (snapshot) => {
      const found = snapshot.sittings.find((s) => s.sittingId === sittingId);
      if (found) counts.set(found);
    },
    attendance: (next) => {
      if (next.sittingId === sittingId) counts.set(next);
    },
    congress: () => onSittingsChanged(),
    onOpen: () => void counts.reload(),
  });
  return { counts: counts.data, error: counts.error, live };
}
