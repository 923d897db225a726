// The API client: every call names an endpoint of the contract (src/contract), which fixes its
// method, path, input and answer; fetch with the session cookie, the CSRF header on every
// state-changing request, and errors as objects carrying the server's texts in both languages.

import {
  type BodyIn,
  type EndpointDeclaration,
  type ParamsIn,
  pathOf,
  type QueryIn,
  queryString,
  type ResponseOf,
} from '../../../../contract/endpoint.ts';
import type { ErrorBody } from '../../../../contract/error-body.ts';
import { sessionEndpoint } from '../../../../contract/session.ts';

export type { ErrorBody };

export class ApiError extends Error implements ErrorBody {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
  readonly field?: string;
  readonly rule?: string;

  constructor(
    readonly status: number,
    error: ErrorBody,
    /** The whole answer (an import refusal carries its preview). */
    readonly body: unknown = null,
  ) {
    super(error.en);
    this.name = 'ApiError';
    this.code = error.code;
    this.en = error.en;
    this.zh = error.zh;
    if (error.field !== undefined) this.field = error.field;
    if (error.rule !== undefined) this.rule = error.rule;
  }
}

/** The network failed or the server did not answer in JSON. */
export function networkError(status = 0): ApiError {
  return status === 0
    ? new ApiError(0, {
        code: 'network',
        en: 'Cannot reach the server; check the network and try again',
        zh: '无法连接服务器，请检查网络后重试',
      })
    : new ApiError(status, {
        code: 'http',
        en: `The request failed (${status})`,
        zh: `请求失败（${status}）`,
      });
}

/** Any thrown value as an ApiError, so every message can be shown in both languages. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new ApiError(0, { code: 'client', en: text, zh: text });
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send<T>(method: Method, url: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  let parsed: unknown = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
  }
  if (response.ok) return parsed as T;
  const error = (parsed as { error?: ErrorBody } | null)?.error;
  // A token gone stale (another tab logged in again): fetch the session's token and retry once.
  if (error?.code === 'csrf' && !retried && method !== 'GET') {
    const session = await call(sessionEndpoint, {});
    setCsrfToken(session.kind === 'public' ? undefined : session.csrfToken);
    return send<T>(method, url, body, true);
  }
  if (error && typeof error.code === 'string') throw new ApiError(response.status, error, parsed);
  throw networkError(response.status);
}

/** What a call sends: the path's parameters, the query and the body, as the endpoint declares them. */
export type CallInput<E> = (ParamsIn<E> extends undefined
  ? { params?: undefined }
  : { params: ParamsIn<E> }) &
  (QueryIn<E> extends undefined ? { query?: undefined } : { query?: QueryIn<E> }) &
  (BodyIn<E> extends undefined ? { body?: undefined } : { body: BodyIn<E> });

/** The URL of an endpoint with its parameters and query: for links to files and the event stream. */
export function urlOf<E extends EndpointDeclaration>(endpoint: E, input: CallInput<E>): string {
  return pathOf(endpoint, input.params) + queryString(input.query);
}

/** Calls one endpoint of the contract; the answer has the type the contract declares. */
export function call<E extends EndpointDeclaration>(
  endpoint: E,
  input: CallInput<E>,
): Promise<ResponseOf<E>> {
  const body = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : (input.body ?? {});
  return send<ResponseOf<E>>(endpoint.method, urlOf(endpoint, input), body);
}
