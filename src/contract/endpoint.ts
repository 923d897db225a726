import type * as z from 'zod';
import type { Role } from './roles.ts';

// One endpoint of the HTTP API, declared once: method, path, who may call it, and the shapes of
// what goes in and comes out. The server registers its routes from these declarations and checks
// its answers against `response`; the OpenAPI document is generated from them; the web calls the
// API through them (lib/api.ts `call`) and asks them whether a role may call an endpoint.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What the endpoint answers: a JSON view (a zod schema), nothing (204), a file (PDF, CSV, XLSX,
 * a backup; the news portal's HTML pages and feeds) or a stream of server-sent events (see
 * events.ts).
 */
export type ResponseKind = z.ZodType | 'empty' | 'file' | 'stream';

export interface EndpointDeclaration {
  readonly method: Method;
  /** Fastify style: `/api/congresses/:congressId/elections/:electionId`. */
  readonly path: string;
  /** The OpenAPI tag: the area the endpoint belongs to. */
  readonly tag: string;
  readonly summary: string;
  /** 'anyone': no login needed (public pages, login itself). Otherwise the roles that may call it. */
  readonly allow: 'anyone' | readonly Role[];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: ResponseKind;
  /** Larger bodies than the default 1 MiB, e.g. an uploaded delegate list. */
  readonly bodyLimit?: number;
}

/** Declares an endpoint, keeping its exact types for the server's handler and the web's call. */
export function endpoint<const D extends EndpointDeclaration>(declaration: D): D {
  return Object.freeze(declaration);
}

type Schema<D, K extends 'params' | 'query' | 'body'> = D extends {
  readonly [key in K]: infer S extends z.ZodType;
}
  ? S
  : undefined;

/** What a caller sends (before the server's parsing: defaults may be left out). */
export type ParamsIn<D> = Schema<D, 'params'> extends z.ZodType ? z.input<Schema<D, 'params'>> : undefined;
export type QueryIn<D> = Schema<D, 'query'> extends z.ZodType ? z.input<Schema<D, 'query'>> : undefined;
export type BodyIn<D> = Schema<D, 'body'> extends z.ZodType ? z.input<Schema<D, 'body'>> : undefined;

/** What the server's handler receives (after parsing). */
export type ParamsOut<D> = Schema<D, 'params'> extends z.ZodType ? z.output<Schema<D, 'params'>> : undefined;
export type QueryOut<D> = Schema<D, 'query'> extends z.ZodType ? z.output<Schema<D, 'query'>> : undefined;
export type BodyOut<D> = Schema<D, 'body'> extends z.ZodType ? z.output<Schema<D, 'body'>> : undefined;

/** The JSON view an endpoint answers with. */
export type ResponseOf<D> = D extends { readonly response: infer R }
  ? R extends z.ZodType
    ? z.output<R>
    : R extends 'empty'
      ? undefined
      : never
  : never;

/** Whether any of the roles may call the endpoint: the same rule the server applies. */
export function mayCall(declaration: Pick<EndpointDeclaration, 'allow'>, roles: ReadonlySet<Role>): boolean {
  return declaration.allow === 'anyone' || declaration.allow.some((role) => roles.has(role));
}

/** The path with its parameters filled in and encoded: `/api/congresses/c%201/…`. */
export function pathOf(declaration: Pick<EndpointDeclaration, 'path'>, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return declaration.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${declaration.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from the defined values (`?q=wxq`), or ''. */
export function queryString(query: unknown): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
