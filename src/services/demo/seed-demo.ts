import type { InsertObject } from 'kysely';
import { appendAudit, canonicalJson, type Schema, type WriteTransaction } from '../../persistence/index.ts';
import { hashPassword, passwordMatches } from '../accounts/passwords.ts';
import { type Actor, actorLabel } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import {
  DEMO_PASSWORDS,
  DEMO_SEED,
  type DemoCredential,
  type DemoLogin,
  type DemoPlan,
  planDemo,
} from './plan-demo.ts';

export { DEMO_PASSWORDS, DEMO_SEED, type DemoCredential, type DemoLogin } from './plan-demo.ts';

/** The system itself: who the audit log names for the demo's rows. */
export const DEMO_ACTOR: Actor = {
  kind: 'account',
  accountId: 'system',
  username: 'system',
  displayName: '系统',
  roles: new Map([['*', new Set(['admin'])]]),
};

/** meta row that marks a database holding the demo: {"congressId","seed"}. */
export const DEMO_META_KEY = 'demo';

export interface DemoSummary {
  readonly seed: number;
  readonly congressId: string;
  readonly title: string;
  readonly counts: {
    readonly delegations: number;
    readonly delegates: number;
    readonly suspended: number;
    readonly presidium: number;
    readonly presidiumStandingCommittee: number;
    readonly credentialsCommittee: number;
    readonly sittings: number;
    readonly elections: ReadonlyArray<{
      readonly title: string;
      readonly seats: number;
      readonly candidates: number;
    }>;
  };
  /** Staff logins (only those whose password is still the demo's, once the demo is in use). */
  readonly logins: readonly DemoLogin[];
  /** Five delegates' credentials, to try the delegate login (only those still valid). */
  readonly delegateCodes: readonly DemoCredential[];
}

/**
 * Loads the demonstration congress (中国共产党示范市第十三次代表大会, 417 delegates, four
 * elections in preparation, staff accounts) into an empty database: one transaction, with an
 * audit entry per part and a closing `demo.seed` entry. Deterministic given `seed` (names, ids,
 * delegate credentials); only times and password salts differ. Refuses a database that already
 * holds an organisation or one of the demo's usernames.
 */
export async function seedDemo(
  context: ServiceContext,
  options: { seed?: number } = {},
): Promise<DemoSummary> {
  const seed = options.seed ?? DEMO_SEED;
  // Hashed before the transaction: argon2 is slow on purpose, and the transaction may run twice.
  const hashes = new Map<string, string>();
  for (const password of new Set(Object.values(DEMO_PASSWORDS)))
    hashes.set(password, await hashPassword(password));
  return auditedWrite(context, DEMO_ACTOR, async (trx, at) => {
    const plan = planDemo(seed, at);
    await refuseUnlessEmpty(trx, plan);
    const audit = (action: string, subject: string, after: unknown) =>
      appendAudit(trx, { actor: actorLabel(DEMO_ACTOR), at, action, subject, after });

    for (const organisation of plan.organisations) {
      await insertRows(trx, 'organisations', [organisation]);
      await audit('organisation.create', `organisation:${organisation.id}`, organisation);
    }
    await insertRows(trx, 'terms', plan.terms);
    await insertRows(trx, 'term_positions', plan.termPositions);
    for (const term of plan.terms) {
      const positions = plan.termPositions.filter((p) => p.term_id === term.id);
      await audit('term.create', `term:${term.id}`, {
        ...term,
        positions: Object.fromEntries(
          ['member', 'alternate', 'standing-member', 'secretary', 'deputy-secretary'].map((kind) => [
            kind,
            positions.filter((p) => p.position === kind).map((p) => p.person_name),
          ]),
        ),
      });
    }
    const congressSubject = `congress:${plan.congressId}`;
    await insertRows(trx, 'congresses', [plan.congress]);
    await audit('congress.create', congressSubject, plan.congress);
    await insertRows(trx, 'delegations', plan.delegations);
    await insertRows(trx, 'delegates', plan.delegates);
    await audit('delegates.import', congressSubject, {
      delegations: plan.delegations.map((d) => ({
        name: d.name,
        delegates: plan.delegates.filter((x) => x.delegation_id === d.id).length,
      })),
      delegates: plan.delegates.length,
      suspended: plan.delegates
        .filter((d) => d.voting_rights === 0)
        .map((d) => ({ code: d.code, name: d.name, reason: d.suspension_reason })),
    });
    await insertRows(trx, 'body_members', plan.bodyMembers);
    await audit('bodies.set', congressSubject, {
      secretaryGeneral: plan.congress.secretary_general,
      ...Object.fromEntries(
        ['presidium', 'presidium-standing-committee', 'credentials-committee'].map((body) => [
          body,
          plan.bodyMembers.filter((m) => m.body === body).map((m) => nameOf(plan, m.delegate_id)),
        ]),
      ),
    });
    await insertRows(trx, 'sittings', plan.sittings);
    await insertRows(trx, 'sitting_chairs', plan.sittingChairs);
    await insertRows(trx, 'agenda_items', plan.agendaItems);
    await audit('sittings.create', congressSubject, {
      sittings: plan.sittings.map((s) => ({
        title: s.title,
        startsAt: s.starts_at,
        presiding: s.presiding,
        chairs: plan.sittingChairs
          .filter((c) => c.sitting_id === s.id)
          .map((c) => nameOf(plan, c.delegate_id)),
        agenda: plan.agendaItems.filter((a) => a.sitting_id === s.id).map((a) => a.title),
      })),
    });
    await insertRows(trx, 'election_methods', [plan.electionMethod]);
    await audit('method.create', `method:${plan.electionMethod.id}`, {
      title: plan.electionMethod.title,
      status: plan.electionMethod.status,
    });
    // The plenary's votes on the method [P4] and the scrutineers [P1], prepared with their items.
    await insertRows(trx, 'adoption_votes', plan.adoptionVotes);
    for (const vote of plan.adoptionVotes) {
      await audit('agenda.vote-prepared', `adoption-vote:${vote.id}`, {
        subject: vote.subject,
        mode: vote.mode,
        basis: vote.basis,
        proposal: JSON.parse(vote.proposal_json ?? 'null'),
      });
    }
    await insertRows(trx, 'elections', plan.elections);
    await insertRows(trx, 'candidates', plan.candidates);
    for (const election of plan.elections) {
      await audit('election.create', `election:${election.id}`, {
        title: election.title,
        office: election.office,
        seats: election.seats,
        candidates: plan.candidates.filter((c) => c.election_id === election.id).map((c) => c.name),
      });
    }
    const hashed = plan.accounts.map(({ password, ...account }) => ({
      ...account,
      password_hash: hashes.get(password)!,
      created_at: at,
      disabled: 0,
    }));
    await insertRows(trx, 'accounts', hashed);
    await insertRows(trx, 'account_roles', plan.accountRoles);
    for (const account of plan.accounts) {
      // As createAccount records it: the username and roles, never the password.
      await audit('account.create', `account:${account.id}`, {
        username: account.username,
        roles: plan.accountRoles
          .filter((r) => r.account_id === account.id)
          .map((r) => ({ congressId: r.congress_id, role: r.role })),
      });
    }
    await insertRows(trx, 'election_officers', plan.officers);
    for (const election of plan.elections) {
      await audit('election-officers.set', `election:${election.id}`, {
        officers: plan.officers
          .filter((o) => o.election_id === election.id)
          .map((o) => ({ role: o.role, name: o.name })),
      });
    }
    await trx
      .insertInto('meta')
      .values({ key: DEMO_META_KEY, value: canonicalJson({ congressId: plan.congressId, seed }) })
      .execute();
    const summary = summarise(plan, plan.logins, sampleCredentials(plan));
    return {
      result: summary,
      audit: { action: 'demo.seed', subject: congressSubject, after: { seed, ...summary.counts } },
    };
  });
}

/**
 * The demo in this database, if it holds one: what it contains and the demo logins and delegate
 * credentials that still work (a password changed since is not printed).
 */
export async function demoStatus(context: ServiceContext): Promise<DemoSummary | null> {
  const db = context.database.db;
  const marker = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_META_KEY)
    .executeTakeFirst();
  if (!marker) return null;
  const { seed, congressId } = JSON.parse(marker.value) as { seed: number; congressId: string };
  const plan = planDemo(seed, new Date(0).toISOString());
  if (plan.congressId !== congressId) return null;
  const accounts = await db
    .selectFrom('accounts')
    .select(['username', 'password_hash'])
    .where('disabled', '=', 0)
    .where(
      'username',
      'in',
      plan.logins.map((l) => l.username),
    )
    .execute();
  const hashOf = new Map(accounts.map((a) => [a.username, a.password_hash]));
  const logins: DemoLogin[] = [];
  for (const login of plan.logins) {
    const hash = hashOf.get(login.username);
    if (hash && (await passwordMatches(hash, login.password))) logins.push(login);
  }
  const sample = sampleCredentials(plan);
  const stored = await db
    .selectFrom('delegates')
    .select(['code', 'credential_hash'])
    .where('congress_id', '=', congressId)
    .where(
      'code',
      'in',
      sample.map((c) => c.code),
    )
    .execute();
  const storedHash = new Map(stored.map((d) => [d.code, d.credential_hash]));
  const expectedHash = new Map(plan.delegates.map((d) => [d.code, d.credential_hash]));
  const codes = sample.filter((c) => storedHash.get(c.code) === expectedHash.get(c.code));
  return summarise(plan, logins, codes);
}

function summarise(
  plan: DemoPlan,
  logins: readonly DemoLogin[],
  delegateCodes: readonly DemoCredential[],
): DemoSummary {
  const body = (name: string) => plan.bodyMembers.filter((m) => m.body === name).length;
  return {
    seed: plan.seed,
    congressId: plan.congressId,
    title: plan.title,
    counts: {
      delegations: plan.delegations.length,
      delegates: plan.delegates.length,
      suspended: plan.delegates.filter((d) => d.voting_rights === 0).length,
      presidium: body('presidium'),
      presidiumStandingCommittee: body('presidium-standing-committee'),
      credentialsCommittee: body('credentials-committee'),
      sittings: plan.sittings.length,
      elections: plan.elections.map((e) => ({
        title: e.title,
        seats: e.seats,
        candidates: plan.candidates.filter((c) => c.election_id === e.id).length,
      })),
    },
    logins,
    delegateCodes,
  };
}

/** One voting delegate from each of the first five delegations. */
function sampleCredentials(plan: DemoPlan): DemoCredential[] {
  return plan.delegations.slice(0, 5).map((delegation) => {
    const delegate = plan.delegates.find((d) => d.delegation_id === delegation.id && d.voting_rights === 1)!;
    return plan.credentials.find((c) => c.code === delegate.code)!;
  });
}

async function refuseUnlessEmpty(trx: WriteTransaction, plan: DemoPlan): Promise<void> {
  const organisation = await trx.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  const account = await trx
    .selectFrom('accounts')
    .select('username')
    .where(
      'username',
      'in',
      plan.accounts.map((a) => a.username),
    )
    .limit(1)
    .executeTakeFirst();
  if (organisation || account) {
    throw conflict(
      'not-empty',
      'the demo congress is loaded only into an empty database',
      '演示数据只能载入空数据库',
    );
  }
}

function nameOf(plan: DemoPlan, delegateId: string): string {
  return plan.delegates.find((d) => d.id === delegateId)!.name;
}

/** Inserts in batches well under both engines' limits on bound parameters. */
async function insertRows<T extends keyof Schema & string>(
  trx: WriteTransaction,
  table: T,
  rows: readonly InsertObject<Schema, T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 40) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + 40))
      .execute();
  }
}
