import { useCallback } from 'react';
import { publicAttendanceEndpoint } from '../../../../../contract/attendance.ts';
import { sittingsEndpoint } from '../../../../../contract/procedure.ts';
import { useRouter } from '../../lib/router.tsx';
import { useEndpoint } from '../../lib/use-api.ts';

/** The sitting the desk works for: the one in the address, else an open one, else the next. */
export function useDeskSitting(congressId: string) {
  const { search, navigate, pathname } = useRouter();
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const current = useEndpoint(publicAttendanceEndpoint, { params: { congressId } });
  const fromUrl = search.get('sitting');
  const usable = (sittings.data ?? []).filter((s) => s.status !== 'closed');
  const fallback =
    current.data?.sittings[0]?.sittingId ?? usable.find((s) => s.status === 'open')?.id ?? usable[0]?.id;
  const sittingId = fromUrl ?? fallback;
  const choose = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('sitting', id);
    navigate(`${pathname}?${next.toString()}`, { replace: true });
  };
  // A sitting opening or closing (the secretariat's console) moves a desk that was not pinned to one.
  const reload = useCallback(() => {
    void sittings.reload();
    void current.reload();
  }, [sittings.reload, current.reload]);
  return {
    sittingId,
    sittings: usable,
    choose,
    reload,
    loading: sittings.loading || current.loading,
    error: sittings.error ?? current.error,
  };
}
