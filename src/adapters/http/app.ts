import type { Http2SecureServer } from 'node:http2';
import Fastify, { type FastifyHttp2SecureOptions, type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import type { LoginThrottle } from '../../services/accounts/login-throttle.ts';
import { type Actor, PUBLIC, rolesIn } from '../../services/actor.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ServiceError } from '../../services/errors.ts';
import { parseJsonText } from '../../services/json-text.ts';
import { parseInput } from '../../services/zod-issues.ts';
import { checkEvent, checkResponse } from './contract-check.ts';
import { handleError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { type AppServices, requestSession } from './request-session.ts';
import type { RouteDefinition } from './route.ts';
import { allRoutes } from './routes/index.ts';

export { ContractViolation } from './contract-check.ts';

export interface AppOptions {
  readonly context: ServiceContext;
  readonly throttle: LoginThrottle;
  /** Secure cookies (default true; browsers accept them on http://localhost too). */
  readonly secureCookies?: boolean;
  readonly logger?: boolean;
  /**
   * Check every JSON answer against the contract's response schema (a mismatch is a 500 naming the
   * endpoint). Always on in tests; on by default unless NODE_ENV is 'production'.
   */
  readonly checkResponses?: boolean;
  /** Extra routes (e.g. the web application's static files), registered after the API. */
  readonly extend?: (app: FastifyInstance) => Promise<void> | void;
  /**
   * Behind a reverse proxy: which proxies' X-Forwarded-For to believe (Fastify's trustProxy: an
   * address, a CIDR list, or true). Without it every delegate would share the proxy's address,
   * and the login throttle's per-address limit would lock out the whole hall. Default: none.
   */
  readonly trustProxy?: boolean | string;
  /** HTTPS and HTTP/2 (tls.ts's tlsServerOptions); default plain HTTP/1.1. */
  readonly serverOptions?: Pick<FastifyHttp2SecureOptions<Http2SecureServer>, 'http2' | 'https'>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Params or query of an endpoint that declares none: built once, not per request. */
const ANY_OBJECT = z.object({}).passthrough();

/** The HTTP API: every route of routes/index.ts, with its authorization rule, validation and audit. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Fastify types an HTTP/2 server apart; the routes use only what both kinds of server have.
  const app = Fastify({
    ...(options.serverOptions as object),
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Malformed addresses (bad percent-encoding) and the like, refused before any route runs:
    // the same bilingual error body as everything else.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.status(400).send({
        error: {
          code: 'bad-request',
          en: `the request is malformed: ${error.message}`,
          zh: '请求格式不正确',
        },
      });
    },
  });
  const services: AppServices = {
    context: options.context,
    throttle: options.throttle,
    secureCookies: options.secureCookies ?? true,
    checkResponses: options.checkResponses ?? process.env.NODE_ENV !== 'production',
  };
  // Events are checked as they are published, whether or not a stream is open to carry them.
  if (services.checkResponses) options.context.events.checkWith(checkEvent);
  app.decorate('plenum', services);
  // JSON bodies are checked for depth before parsing (deep nesting must be a 400, not a stack overflow).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? {} : parseJsonText(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
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
  app.get('/api/openapi.json', async () => openApiDocument(allRoutes.map((route) => route.endpoint)));
  if (options.extend) await options.extend(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    plenum: AppServices;
  }
}

function registerRoute(
  app: FastifyInstance,
  services: AppServices,
  { endpoint, handler }: RouteDefinition,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(endpoint.bodyLimit ? { bodyLimit: endpoint.bodyLimit } : {}),
    handler: async (request, reply) => {
      const session = await requestSession(services, request);
      const actor = session?.actor ?? PUBLIC;
      // Who may call comes first: a refused caller learns nothing from validation messages.
      authorize(endpoint, actor, (request.params as { congressId?: string } | undefined)?.congressId);
      const params = parseInput(endpoint.params ?? ANY_OBJECT, request.params ?? {}, 'params');
      // CSRF: a state-changing request made with a session cookie must echo the session's token.
      if (
        session &&
        !SAFE_METHODS.has(endpoint.method) &&
        request.headers['x-csrf-token'] !== session.csrfToken
      ) {
        throw new ServiceError(
          403,
          'csrf',
          'missing or wrong x-csrf-token header',
          '缺少或错误的防伪令牌，请刷新页面后重试',
        );
      }
      const query = parseInput(endpoint.query ?? ANY_OBJECT, request.query ?? {}, 'query');
      const body = endpoint.body ? parseInput(endpoint.body, request.body ?? {}, 'body') : undefined;
      const result = await handler({ params, query, body, actor, context: services.context, request, reply });
      const { response } = endpoint;
      if (response === 'stream') return reply;
      if (response === 'file') return reply.sent ? reply : reply.send(result);
      if (result === undefined) return reply.status(204).send();
      if (services.checkResponses && typeof response !== 'string' && reply.statusCode < 300) {
        checkResponse(endpoint, response, result);
      }
      return result;
    },
  });
}

/** The explicit authorization rule of every route: 'anyone', or one of the listed roles in the congress. */
export function authorize(
  definition: Pick<RouteDefinition['endpoint'], 'allow'>,
  actor: Actor,
  congressId: string | undefined,
): void {
  if (definition.allow === 'anyone') return;
  const roles = rolesIn(actor, congressId);
  if (definition.allow.some((role) => roles.has(role))) return;
  if (actor.kind === 'public') throw new ServiceError(401, 'login-required', 'please log in', '请先登录');
  throw new ServiceError(403, 'forbidden', 'your role does not allow this', '您的角色无权进行此操作');
}
