import { type Kysely, sql } from 'kysely';
import type { Role } from '../../persistence/congress-schema.ts';
import {
  credentialLookup,
  credentialMatches,
  hashCredentialSync,
  verifyNothing,
} from '../../persistence/credential-hash.ts';
import { type Database, inTransaction, type Schema } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { type BatchedRead, batchedReadFor } from '../batched-read.ts';
import { nowIso, type ServiceContext, sha256 } from '../context.ts';
import { conflict, ServiceError } from '../errors.ts';
import { delegateAddressKey, type LoginThrottle, STAFF_KEYS } from './login-throttle.ts';
import { hashPassword, passwordMatches } from './passwords.ts';

export const SESSION_HOURS = 12;

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: ReadonlyArray<{ readonly congressId: string; readonly role: Role }>;
  /** A unit's staff (role 'unit'): the units the account acts for. */
  readonly unitIds?: readonly string[];
}

/** Creates a staff account with its roles (administrators only; audited, never the password). */
export async function createAccount(
  context: ServiceContext,
  actor: Actor,
  input: NewAccount,
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return auditedWrite(context, actor, async (trx, at) => {
    const existing = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (existing)
      throw conflict(
        'username-taken',
        `username ${input.username} is taken`,
        `用户名${input.username}已被使用`,
      );
    const id = context.random.id();
    await trx
      .insertInto('accounts')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        created_at: at,
        disabled: 0,
      })
      .execute();
    for (const grant of input.roles) {
      await trx
        .insertInto('account_roles')
        .values({ id: context.random.id(), account_id: id, congress_id: grant.congressId, role: grant.role })
        .execute();
    }
    for (const unitId of input.unitIds ?? []) {
      await trx.insertInto('account_units').values({ account_id: id, unit_id: unitId }).execute();
    }
    return {
      result: { id },
      audit: {
        action: 'account.create',
        subject: `account:${id}`,
        after: {
          username: input.username,
          roles: input.roles,
          ...(input.unitIds ? { unitIds: input.unitIds } : {}),
        },
      },
    };
  });
}

export interface SessionGrant {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

const unauthorised = () =>
  new ServiceError(401, 'login-failed', 'wrong username or password', '用户名或密码错误');

/**
 * Staff login: a session for a correct password. Failures slow further attempts on the account
 * and from the address (login-throttle.ts), but the right password always gets in.
 */
export async function login(
  context: ServiceContext,
  throttle: LoginThrottle,
  input: { readonly username: string; readonly password: string; readonly address: string },
): Promise<SessionGrant> {
  const keys = [STAFF_KEYS.account(input.username), STAFF_KEYS.address(input.address)];
  const account = await throttle.attempt(keys, async () => {
    const account = await context.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', input.username)
      .where('disabled', '=', 0)
      .executeTakeFirst();
    // Verify against a hash even for an unknown user, so timing does not reveal which usernames exist.
    const ok = await passwordMatches(account?.password_hash ?? DUMMY_HASH, input.password);
    return account && ok ? account : null;
  });
  if (!account) throw unauthorised();
  return openSession(context, { accountId: account.id });
}

// A real argon2id hash of a random string nobody knows.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jbm6ZBTiDOW3EnlyNFK0ydnzbDSdC6u6Kp7RfcJ3a4A';

export { normaliseCredential } from '../../persistence/credential-hash.ts';

/**
 * The stored form of a credential code: salted argon2id behind a lookup prefix
 * (persistence/credential-hash.ts). Blocking (4 ms): for seeding and tests that write delegate
 * rows directly; the services hash off the event loop (hashCredential).
 */
export function credentialHash(congressId: string, code: string, salt?: Uint8Array): string {
  return hashCredentialSync(congressId, code, salt);
}

/** A delegate's login with the credential on their card (QR code or one-time code). */
export async function delegateLogin(
  context: ServiceContext,
  throttle: LoginThrottle,
  input: { readonly congressId: string; readonly code: string; readonly address: string },
): Promise<SessionGrant & { delegateId: string }> {
  const delegate = await throttle.attempt([delegateAddressKey(input.congressId, input.address)], async () => {
    // The bucket of the code's lookup prefix (0.7 rows on average at 3,000 delegates), each
    // candidate verified against its salted hash; the expression is the index's (migration 0010).
    const candidates = await context.database.db
      .selectFrom('delegates')
      .select(['id', 'credential_hash'])
      .where('congress_id', '=', input.congressId)
      .where(sql<string>`substr(credential_hash, 1, 3)`, '=', credentialLookup(input.congressId, input.code))
      .execute();
    if (candidates.length === 0) await verifyNothing();
    for (const candidate of candidates) {
      if (
        candidate.credential_hash !== null &&
        (await credentialMatches(candidate.credential_hash, input.congressId, input.code))
      )
        return { id: candidate.id };
    }
    return null;
  });
  if (!delegate) {
    throw new ServiceError(
      401,
      'credential-invalid',
      'this code is not valid for this congress',
      '代表凭证无效',
    );
  }
  return { ...(await openSession(context, { delegateId: delegate.id })), delegateId: delegate.id };
}

async function openSession(
  context: ServiceContext,
  owner: { readonly accountId?: string; readonly delegateId?: string },
): Promise<SessionGrant> {
  const token = context.random.bytes(32).toString('base64url');
  const csrfToken = context.random.bytes(24).toString('base64url');
  const now = context.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000).toISOString();
  await inTransaction(context.database, async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: context.random.id(),
        token_hash: sha256(token),
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        account_id: owner.accountId ?? null,
        delegate_id: owner.delegateId ?? null,
      })
      .execute();
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionView {
  readonly actor: Actor;
  readonly csrfToken: string;
}

/**
 * The actor behind a session token, or null when it is unknown or expired. Every request with a
 * cookie asks this: the session and its delegate or account come in one query, an account's roles
 * in a second, each shared with the other requests of the same moment (batched-read.ts).
 */
export async function sessionActor(context: ServiceContext, token: string): Promise<SessionView | null> {
  const now = nowIso(context);
  const session = await batchedReadFor(sessionReads, context.database, (hashes) =>
    readSessions(context.database.db, hashes),
  ).read(sha256(token));
  if (!session || session.expires_at <= now) return null;
  if (session.delegate_id !== null) {
    return {
      actor: {
        kind: 'delegate',
        delegateId: session.delegate_id,
        congressId: session.delegate_congress_id!,
        name: session.delegate_name!,
      },
      csrfToken: session.csrf_token,
    };
  }
  if (session.account_id === null || session.account_disabled) return null;
  const grants = await batchedReadFor(roleReads, context.database, (ids) =>
    readGrants(context.database.db, ids),
  ).read(session.account_id);
  return {
    actor: {
      kind: 'account',
      accountId: session.account_id,
      username: session.account_username!,
      displayName: session.account_display_name!,
      roles: rolesFromGrants(grants ?? []),
    },
    csrfToken: session.csrf_token,
  };
}

type SessionRow = Awaited<ReturnType<typeof readSessions>> extends ReadonlyMap<string, infer R> ? R : never;
type Grant = { readonly congress_id: string; readonly role: Role };

const sessionReads = new WeakMap<Database, BatchedRead<string, SessionRow>>();
const roleReads = new WeakMap<Database, BatchedRead<string, readonly Grant[]>>();

/** Sessions by token hash, with their delegate or account. */
async function readSessions(db: Kysely<Schema>, hashes: readonly string[]) {
  const rows = await db
    .selectFrom('sessions as s')
    .leftJoin('delegates as d', 'd.id', 's.delegate_id')
    .leftJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      's.token_hash',
      's.expires_at',
      's.csrf_token',
      'd.id as delegate_id',
      'd.congress_id as delegate_congress_id',
      'd.name as delegate_name',
      'a.id as account_id',
      'a.username as account_username',
      'a.display_name as account_display_name',
      'a.disabled as account_disabled',
    ])
    .where('s.token_hash', 'in', hashes)
    .execute();
  return new Map(rows.map((row) => [row.token_hash, row]));
}

/** The role grants of each account. */
async function readGrants(db: Kysely<Schema>, accountIds: readonly string[]) {
  const rows = await db
    .selectFrom('account_roles')
    .select(['account_id', 'congress_id', 'role'])
    .where('account_id', 'in', accountIds)
    .execute();
  const grants = new Map<string, Grant[]>();
  for (const row of rows) {
    const list = grants.get(row.account_id) ?? [];
    list.push(row);
    grants.set(row.account_id, list);
  }
  return grants;
}

export async function logout(context: ServiceContext, token: string): Promise<void> {
  await inTransaction(context.database, async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  });
}

/** An account's roles, by congress ('*' for every congress). */
export async function rolesOfAccount(db: Kysely<Schema>, accountId: string): Promise<Map<string, Set<Role>>> {
  return rolesFromGrants((await readGrants(db, [accountId])).get(accountId) ?? []);
}

function rolesFromGrants(grants: readonly Grant[]): Map<string, Set<Role>> {
  const roles = new Map<string, Set<Role>>();
  for (const grant of grants) {
    const set = roles.get(grant.congress_id) ?? new Set<Role>();
    set.add(grant.role);
    roles.set(grant.congress_id, set);
  }
  return roles;
}
