import { useCallback, useEffect, useRef, useState } from 'react';
import type { EndpointDeclaration, ResponseOf } from '../../../../contract/endpoint.ts';
import { type ApiError, asApiError, type CallInput, call, urlOf } from './api.ts';

// Loads what a GET endpoint answers into state; reload() fetches again (after a change, or an
// event). A null input loads nothing (e.g. until a congress is chosen).

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): Promise<void>;
  /** Replaces the data in place (an event brought a newer value). */
  set(data: T): void;
}

/** The answer of one endpoint of the contract, reloaded whenever its URL changes. */
export function useEndpoint<E extends EndpointDeclaration & { method: 'GET' }>(
  endpoint: E,
  input: CallInput<E> | null,
): Loaded<ResponseOf<E>> {
  const url = input === null ? null : urlOf(endpoint, input);
  const latest = useRef(input);
  latest.current = input;
  return useLoaded<ResponseOf<E>>(url, () => call(endpoint, latest.current!));
}

function useLoaded<T>(url: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(url !== null);
  const latest = useRef(url);
  latest.current = url;
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    if (url === null) return;
    setLoading(true);
    try {
      const value = await loader.current();
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
