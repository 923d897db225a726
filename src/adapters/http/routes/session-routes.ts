import { z } from 'zod';
import { delegateLogin, login, logout, SESSION_HOURS } from '../../../services/accounts/account-service.ts';
import { rolesIn } from '../../../services/actor.ts';
import { requestSession } from '../app.ts';
import { SESSION_COOKIE, sessionCookie } from '../cookies.ts';
import { route } from '../route.ts';

const credentials = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionRoutes = [
  route({
    method: 'POST',
    url: '/api/session',
    tag: 'session',
    summary: 'Staff login (用户名和密码)',
    allow: 'anyone',
    body: credentials,
    handler: async ({ body, context, request, reply }) => {
      const services = request.server.plenum;
      const grant = await login(context, services.throttle, { ...body, address: request.ip });
      reply.header('set-cookie', sessionCookie(grant.token, SESSION_HOURS * 3600, services.secureCookies));
      return { csrfToken: grant.csrfToken, expiresAt: grant.expiresAt };
    },
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/delegate-session',
    tag: 'session',
    summary: 'Delegate login with the credential on the delegate card (代表凭证登录)',
    allow: 'anyone',
    params: z.object({ congressId: z.string().min(1) }),
    body: z.strictObject({ code: z.string().trim().min(4).max(64) }),
    handler: async ({ params, body, context, request, reply }) => {
      const services = request.server.plenum;
      const grant = await delegateLogin(context, services.throttle, {
        congressId: params.congressId,
        code: body.code,
        address: request.ip,
      });
      reply.header('set-cookie', sessionCookie(grant.token, SESSION_HOURS * 3600, services.secureCookies));
      return { csrfToken: grant.csrfToken, expiresAt: grant.expiresAt, delegateId: grant.delegateId };
    },
  }),
  route({
    method: 'GET',
    url: '/api/session',
    tag: 'session',
    summary: 'Who am I: the session, its roles and CSRF token',
    allow: 'anyone',
    query: z.object({ congressId: z.string().optional() }),
    handler: async ({ actor, query, request }) => {
      const session = await requestSession(request.server.plenum, request);
      if (actor.kind === 'public') return { kind: 'public', roles: ['public'] };
      const roles = [...rolesIn(actor, query.congressId)];
      const base = { csrfToken: session?.csrfToken, roles };
      if (actor.kind === 'delegate')
        return {
          kind: 'delegate',
          delegateId: actor.delegateId,
          congressId: actor.congressId,
          name: actor.name,
          ...base,
        };
      return {
        kind: 'account',
        accountId: actor.accountId,
        username: actor.username,
        displayName: actor.displayName,
        rolesByCongress: Object.fromEntries([...actor.roles].map(([congress, set]) => [congress, [...set]])),
        ...base,
      };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/session',
    tag: 'session',
    summary: 'Log out',
    allow: 'anyone',
    handler: async ({ context, request, reply }) => {
      const session = await requestSession(request.server.plenum, request);
      if (session) await logout(context, session.token);
      reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return undefined;
    },
  }),
];
