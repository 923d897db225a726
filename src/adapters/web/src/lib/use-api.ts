import { useCallback, useEffect, useRef, useState } from 'react';
import type { EndpointDeclaration, ResponseOf } from '../../../../contract/endpoint.ts';
import { type ApiError, asApiError, type CallInput, call, urlOf } from './api.ts';
import { useAnswerOrder } from './use-answer-order.ts';

// Loads what a GET endpoint answers into state; reload() fetches again (after a change, or an
// event). A null input loads nothing (e.g. until a congress is chosen).
// Answers are applied in the order their requests began (answer-order.ts): a slow answer read
// before a newer one, or before an event's value given to set(), is dropped.

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
  const order = useAnswerOrder();
  /** Requests of this URL not yet answered: loading is shown until none is left. */
  const inFlight = useRef({ url, count: 0 });

  const reload = useCallback(async () => {
    if (url === null) return;
    const ticket = order.begin();
    if (inFlight.current.url !== url) inFlight.current = { url, count: 0 };
    const mineInFlight = inFlight.current;
    mineInFlight.count += 1;
    setLoading(true);
    try {
      const value = await loader.current();
      if (latest.current === url && order.accept(ticket)) {
        setData(value);
        setError(undefined);
      }
    } catch (caught) {
      if (latest.current === url && order.current(ticket)) setError(asApiError(caught));
    } finally {
      mineInFlight.count -= 1;
      if (latest.current === url && mineInFlight.count === 0) setLoading(false);
    }
  }, [url, order]);

  const set = useCallback(
    (value: T) => {
      order.pushed();
      setData(value);
    },
    [order],
  );

  useEffect(() => {
    setData(undefined);
    setError(undefined);
    void reload();
  }, [reload]);

  return { data, error, loading, reload, set };
}
