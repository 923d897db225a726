import {
  delegateLoginEndpoint,
  loginEndpoint,
  logoutEndpoint,
  sessionEndpoint,
} from '../../../contract/session.ts';
import { delegateLogin, login, logout, SESSION_HOURS } from '../../../services/accounts/account-service.ts';
import { rolesIn } from '../../../services/actor.ts';
import { SESSION_COOKIE, sessionCookie } from '../cookies.ts';
import { requestSession } from '../request-session.ts';
import { implement } from '../route.ts';

// Logging in and out (contract: src/contract/session.ts).

export const sessionRoutes = [
  implement(loginEndpoint).with(async ({ body, context, request, reply }) => {
    const services = request.server.plenum;
    const grant = await login(context, services.throttle, { ...body, address: request.ip });
    reply.header('set-cookie', sessionCookie(grant.token, SESSION_HOURS * 3600, services.secureCookies));
    return { csrfToken: grant.csrfToken, expiresAt: grant.expiresAt };
  }),
  implement(delegateLoginEndpoint).with(async ({ params, body, context, request, reply }) => {
    const services = request.server.plenum;
    const grant = await delegateLogin(context, services.throttle, {
      congressId: params.congressId,
      code: body.code,
      address: request.ip,
    });
    reply.header('set-cookie', sessionCookie(grant.token, SESSION_HOURS * 3600, services.secureCookies));
    return { csrfToken: grant.csrfToken, expiresAt: grant.expiresAt, delegateId: grant.delegateId };
  }),
  implement(sessionEndpoint).with(async ({ actor, query, request }) => {
    const session = await requestSession(request.server.plenum, request);
    if (actor.kind === 'public' || !session) return { kind: 'public', roles: ['public'] };
    const roles = [...rolesIn(actor, query.congressId)];
    const base = { csrfToken: session.csrfToken, roles };
    if (actor.kind === 'delegate') {
      return {
        kind: 'delegate',
        delegateId: actor.delegateId,
        congressId: actor.congressId,
        name: actor.name,
        ...base,
      };
    }
    return {
      kind: 'account',
      accountId: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      rolesByCongress: Object.fromEntries([...actor.roles].map(([congress, set]) => [congress, [...set]])),
      ...base,
    };
  }),
  implement(logoutEndpoint).with(async ({ context, request, reply }) => {
    const session = await requestSession(request.server.plenum, request);
    if (session) await logout(context, session.token);
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
  }),
];
