import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/app.ts';
import type { Role } from '../../src/persistence/congress-schema.ts';
import type { Database } from '../../src/persistence/index.ts';
import { createAccount } from '../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import type { Actor } from '../../src/services/actor.ts';
import { type Clock, cryptoRandom, type ServiceContext } from '../../src/services/context.ts';
import { EventBus } from '../../src/services/events.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private time = Date.parse('2026-09-27T01:00:00.000Z')) {}
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** The system itself, used to create the first accounts in tests and in the demo seed. */
export const SYSTEM: Actor = {
  kind: 'account',
  accountId: 'system',
  username: 'system',
  displayName: 'system',
  roles: new Map([['*', new Set<Role>(['admin'])]]),
};

export function testContext(database: Database, clock: Clock = new TestClock()): ServiceContext {
  return { database, clock, random: cryptoRandom, events: new EventBus() };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly context: ServiceContext;
  readonly clock: TestClock;
  close(): Promise<void>;
}

export async function testApp(database: Database): Promise<TestApp> {
  const clock = new TestClock();
  const context = testContext(database, clock);
  const app = await buildApp({
    context,
    throttle: new LoginThrottle(clock),
    secureCookies: false,
    checkResponses: true,
  });
  return { app, context, clock, close: () => app.close() };
}

/** A logged-in HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  private cookie = '';
  private csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password: string): Promise<this> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    this.cookie = String(response.headers['set-cookie']).split(';')[0]!;
    this.csrf = response.json().csrfToken;
    return this;
  }

  async delegateLogin(congressId: string, code: string): Promise<this> {
    const response = await this.app.inject({
      method: 'POST',
      url: `/api/congresses/${congressId}/delegate-session`,
      payload: { code },
    });
    if (response.statusCode !== 200)
      throw new Error(`delegate login failed: ${response.statusCode} ${response.body}`);
    this.cookie = String(response.headers['set-cookie']).split(';')[0]!;
    this.csrf = response.json().csrfToken;
    return this;
  }

  /** The session cookie and, for a write, the CSRF header: for tests that build their own requests. */
  sessionHeaders(method: string): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
    };
  }

  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload ?? {});
  patch = (url: string, payload?: unknown) => this.request('PATCH', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

/** Creates an account with roles and returns a client logged in as it. */
export async function clientWithRoles(
  test: TestApp,
  username: string,
  roles: ReadonlyArray<{ congressId: string; role: Role }>,
): Promise<Client> {
  await createAccount(test.context, SYSTEM, {
    username,
    displayName: username,
    password: `${username}-password`,
    roles,
  });
  return new Client(test.app).login(username, `${username}-password`);
}
