import { useCallback, useRef, useState } from 'react';
import { delegateEndpoint } from '../../../../../contract/delegates.ts';
import { call } from '../../lib/api.ts';

/** The delegates' photos for the confirmation, each fetched once (null: none, or not readable). */
export function usePhotos(congressId: string) {
  const [photos, setPhotos] = useState<Readonly<Record<string, string | null>>>({});
  const asked = useRef(new Set<string>());
  const loadPhoto = useCallback(
    async (delegateId: string) => {
      if (asked.current.has(delegateId)) return;
      asked.current.add(delegateId);
      try {
        const delegate = await call(delegateEndpoint, { params: { congressId, delegateId } });
        setPhotos((p) => ({ ...p, [delegateId]: delegate.photo }));
      } catch {
        setPhotos((p) => ({ ...p, [delegateId]: null }));
      }
    },
    [congressId],
  );
  return { photos, loadPhoto };
}
