import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../services/actor.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { Role } from '../db/congress-schema.ts';

/**
 * One HTTP endpoint. Every endpoint states who may call it (`allow`), and the permission-matrix
 * test walks every route with every role. Roles are held per congress: a route under
 * /api/congresses/:congressId checks the caller's roles in that congress; other routes check
 * roles held in every congress ('*').
 */
export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  /** 'anyone': no login needed (public pages, login itself). Otherwise the roles that may call it. */
  readonly allow: 'anyone' | readonly Role[];
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Larger bodies, e.g. an uploaded delegate list. */
  readonly bodyLimit?: number;
  readonly handler: (request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
  /** Streams (server-sent events) answer through the raw reply and return nothing. */
  readonly raw?: boolean;
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

/** Keeps the generic types of one route while collecting routes of different shapes in a list. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  definition: RouteDefinition<P, Q, B>,
): RouteDefinition {
  return definition as unknown as RouteDefinition;
}
