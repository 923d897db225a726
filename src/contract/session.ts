import * as z from 'zod';
import { congressParams, instant } from './common.ts';
import { endpoint } from './endpoint.ts';
import { roleSchema } from './roles.ts';

// Logging in and out: staff with a user name and password, delegates with the code on their card.

const loginGrantSchema = z.strictObject({ csrfToken: z.string(), expiresAt: instant });

/** Who the caller is. Roles are per congress; `roles` are those in the congress asked about. */
export const sessionInfoSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('public'), roles: z.array(roleSchema) }),
  z.strictObject({
    kind: z.literal('delegate'),
    delegateId: z.string(),
    congressId: z.string(),
    name: z.string(),
    csrfToken: z.string(),
    roles: z.array(roleSchema),
  }),
  z.strictObject({
    kind: z.literal('account'),
    accountId: z.string(),
    username: z.string(),
    displayName: z.string(),
    /** Roles by congress id; '*' holds the roles in every congress. */
    rolesByCongress: z.record(z.string(), z.array(roleSchema)),
    csrfToken: z.string(),
    roles: z.array(roleSchema),
  }),
]);
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginEndpoint = endpoint({
  method: 'POST',
  path: '/api/session',
  tag: 'session',
  summary: 'Staff login (用户名和密码)',
  allow: 'anyone',
  body: z.strictObject({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  response: loginGrantSchema,
});

export const delegateLoginEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/delegate-session',
  tag: 'session',
  summary: 'Delegate login with the credential on the delegate card (代表凭证登录)',
  allow: 'anyone',
  params: congressParams,
  body: z.strictObject({ code: z.string().trim().min(4).max(64) }),
  response: loginGrantSchema.extend({ delegateId: z.string() }).strict(),
});

export const sessionEndpoint = endpoint({
  method: 'GET',
  path: '/api/session',
  tag: 'session',
  summary: 'Who am I: the session, its roles and CSRF token',
  allow: 'anyone',
  query: z.strictObject({ congressId: z.string().max(64).optional() }),
  response: sessionInfoSchema,
});

export const logoutEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/session',
  tag: 'session',
  summary: 'Log out',
  allow: 'anyone',
  response: 'empty',
});
