import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, asApiError } from './api.ts';

// Loads a GET url into state; reload() fetches again (after a change, or an event). A null url
// loads nothing (e.g. until a congress is chosen).

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): Promise<void>;
  /** Replaces the data in place (an event brought a newer value). */
  set(data: T): void;
}

export function useApi<T>(url: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(url !== null);
  const latest = useRef(url);
  latest.current = url;

  const reload = useCallback(async () => {
    if (url === null) return;
    setLoading(true);
    try {
      const value = await api.get<T>(url);
      if (latest.current === url) {
        setData(value);
        setError(undefined);
      }
    } catch (caught) {
      if (latest.current === url) setError(asApiError(caught));
    } finally {
      if (latest.current === url) setLoading(false);
    }
  }, [url]);

  useEffect(() => {
    setData(undefined);
    setError(undefined);
    void reload();
  }, [reload]);

  return { data, error, loading, reload, set: setData };
}
