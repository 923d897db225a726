import type { FastifyRequest } from 'fastify';
import { sessionActor } from '../../services/accounts/account-service.ts';
import type { LoginThrottle } from '../../services/accounts/login-throttle.ts';
import type { Actor } from '../../services/actor.ts';
import type { ServiceContext } from '../../services/context.ts';
import { parseCookies, SESSION_COOKIE } from './cookies.ts';

/** What every route of one server shares (app.plenum). */
export interface AppServices {
  readonly context: ServiceContext;
  readonly throttle: LoginThrottle;
  readonly secureCookies: boolean;
  readonly checkResponses: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    plenumSession?: { actor: Actor; csrfToken: string; token: string } | null;
  }
}

/** The session of the request, looked up once. */
export async function requestSession(services: AppServices, request: FastifyRequest) {
  if (request.plenumSession !== undefined) return request.plenumSession;
  const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  const view = token ? await sessionActor(services.context, token) : null;
  request.plenumSession = view && token ? { ...view, token } : null;
  return request.plenumSession;
}
