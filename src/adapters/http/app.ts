import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sessionActor } from '../../services/accounts/account-service.ts';
import type { LoginThrottle } from '../../services/accounts/login-throttle.ts';
import { type Actor, PUBLIC, rolesIn } from '../../services/actor.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ServiceError } from '../../services/errors.ts';
import { parseInput } from '../shared/zod-issues.ts';
import { parseCookies, SESSION_COOKIE } from './cookies.ts';
import { handleError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import type { RouteDefinition } from './route.ts';
import { allRoutes } from './routes/index.ts';

export interface AppOptions {
  readonly context: ServiceContext;
  readonly throttle: LoginThrottle;
  /** Secure cookies (default true; browsers accept them on http://localhost too). */
  readonly secureCookies?: boolean;
  readonly logger?: boolean;
  /** Extra routes (e.g. the web application's static files), registered after the API. */
  readonly extend?: (app: FastifyInstance) => Promise<void> | void;
}

declare module 'fastify' {
  interface FastifyRequest {
    plenumSession?: { actor: Actor; csrfToken: string; token: string } | null;
  }
}

export interface AppServices {
  readonly context: ServiceContext;
  readonly throttle: LoginThrottle;
  readonly secureCookies: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP API: every route of routes/index.ts, with its authorization rule, validation and audit. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });
  const services: AppServices = {
    context: options.context,
    throttle: options.throttle,
    secureCookies: options.secureCookies ?? true,
  };
  app.decorate('plenum', services);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: {
        code: 'not-found',
        en: `no such endpoint: ${request.method} ${request.url}`,
        zh: '请求的地址不存在',
      },
    });
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  for (const definition of allRoutes) registerRoute(app, services, definition);
  app.get('/api/openapi.json', async () => openApiDocument(allRoutes));
  if (options.extend) await options.extend(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    plenum: AppServices;
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

function registerRoute(app: FastifyInstance, services: AppServices, definition: RouteDefinition): void {
  app.route({
    method: definition.method,
    url: definition.url,
    ...(definition.bodyLimit ? { bodyLimit: definition.bodyLimit } : {}),
    handler: async (request, reply) => {
      const session = await requestSession(services, request);
      const actor = session?.actor ?? PUBLIC;
      // Who may call comes first: a refused caller learns nothing from validation messages.
      authorize(definition, actor, (request.params as { congressId?: string } | undefined)?.congressId);
      const params = parseInput(
        definition.params ?? z.object({}).passthrough(),
        request.params ?? {},
        'params',
      );
      // CSRF: a state-changing request made with a session cookie must echo the session's token.
      if (
        session &&
        !SAFE_METHODS.has(definition.method) &&
        request.headers['x-csrf-token'] !== session.csrfToken
      ) {
        throw new ServiceError(
          403,
          'csrf',
          'missing or wrong x-csrf-token header',
          '缺少或错误的防伪令牌，请刷新页面后重试',
        );
      }
      const query = parseInput(definition.query ?? z.object({}).passthrough(), request.query ?? {}, 'query');
      const body = definition.body ? parseInput(definition.body, request.body ?? {}, 'body') : undefined;
      const result = await definition.handler({
        params,
        query,
        body,
        actor,
        context: services.context,
        request,
        reply,
      });
      if (definition.raw) return reply;
      if (result === undefined) return reply.status(204).send();
      return result;
    },
  });
}

/** The explicit authorization rule of every route: 'anyone', or one of the listed roles in the congress. */
export function authorize(
  definition: Pick<RouteDefinition, 'allow'>,
  actor: Actor,
  congressId: string | undefined,
): void {
  if (definition.allow === 'anyone') return;
  const roles = rolesIn(actor, congressId);
  if (definition.allow.some((role) => roles.has(role))) return;
  if (actor.kind === 'public') throw new ServiceError(401, 'login-required', 'please log in', '请先登录');
  throw new ServiceError(403, 'forbidden', 'your role does not allow this', '您的角色无权进行此操作');
}
