import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod';
import type {
  BodyOut,
  EndpointDeclaration,
  ParamsOut,
  QueryOut,
  ResponseKind,
} from '../../contract/endpoint.ts';
import type { Actor } from '../../services/actor.ts';
import type { ServiceContext } from '../../services/context.ts';

/**
 * One HTTP route: an endpoint of the contract (src/contract) and the handler that serves it.
 * Every endpoint states who may call it (`allow`), and the permission-matrix test walks every
 * route with every role. Roles are held per congress: a route under /api/congresses/:congressId
 * checks the caller's roles in that congress; other routes check roles held in every congress ('*').
 */
export interface RouteDefinition {
  readonly endpoint: EndpointDeclaration;
  readonly handler: (request: RouteRequest<unknown, unknown, unknown>) => Promise<unknown>;
}

export interface RouteRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly actor: Actor;
  readonly context: ServiceContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * What a handler returns: the view the endpoint declares (checked against its schema), nothing
 * for 204, the bytes of a file (headers set on the reply), or nothing for a stream, which
 * answers through the raw reply.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler with nothing to answer returns Promise<void>
type Nothing = void;

export type HandlerResult<R extends ResponseKind> = R extends z.ZodType
  ? z.input<R>
  : R extends 'file'
    ? Buffer | string
    : Nothing;

export type Handler<E extends EndpointDeclaration> = (
  request: RouteRequest<ParamsOut<E>, QueryOut<E>, BodyOut<E>>,
) => Promise<HandlerResult<E['response']>>;

/**
 * The route that serves `endpoint`: `implement(checkInEndpoint).with(async ({ params, body }) => …)`.
 * Two steps so that the endpoint's types are fixed before the handler is read: the handler's
 * answer is then checked against the declared view, literals and all.
 */
export function implement<const E extends EndpointDeclaration>(endpoint: E) {
  return {
    with: (handler: Handler<E>): RouteDefinition => ({
      endpoint,
      handler: handler as RouteDefinition['handler'],
    }),
  };
}
