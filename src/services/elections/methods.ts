import type { Kysely } from 'kysely';
import type { ElectionMethod, MethodOverrides } from '../../contract/elections.ts';
import { methodAdopted } from '../../core/rules/index.ts';
import type { Schema, WriteTransaction } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { InputError } from '../input-error.ts';

// [P4] The election method (选举办法): fixes seats, surplus, ballot form and the configurable
// rules, per office (its overrides: src/contract/elections.ts). Adopted by vote before any
// ballot, with the consent of more than half of the expected electors.

/** The election methods of a congress, with the vote on each. */
export async function listMethods(db: Kysely<Schema>, congressId: string): Promise<ElectionMethod[]> {
  const rows = await db
    .selectFrom('election_methods')
    .selectAll()
    .where('congress_id', '=', congressId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    body: row.body,
    overrides: JSON.parse(row.parameters_json) as MethodOverrides,
    votesFor: row.votes_for,
    votesAgainst: row.votes_against,
    votesAbstain: row.votes_abstain,
    expected: row.expected,
    adoptedAt: row.adopted_at,
  }));
}

export async function createMethod(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: { readonly title: string; readonly body?: string; readonly overrides: MethodOverrides },
): Promise<{ id: string }> {
  return auditedWrite(context, actor, async (trx) => {
    const id = context.random.id();
    await trx
      .insertInto('election_methods')
      .values({
        id,
        congress_id: congressId,
        title: input.title,
        status: 'draft',
        parameters_json: JSON.stringify(input.overrides),
        votes_for: null,
        votes_against: null,
        votes_abstain: null,
        expected: null,
        body: input.body ?? null,
        adopted_at: null,
      })
      .execute();
    return { result: { id }, audit: { action: 'method.create', subject: `method:${id}`, after: input } };
  });
}

/**
 * Records the vote on the method, counted by hand: adopted when votes for exceed half of the
 * expected electors [P4]. The expected electors are the congress's own voting delegates (never a
 * number the client supplies); the counts must fit them.
 */
export async function recordMethodVote(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  methodId: string,
  input: {
    readonly votesFor: number;
    readonly votesAgainst: number;
    readonly votesAbstain: number;
    readonly expected?: number;
  },
): Promise<{ adopted: boolean; minimumFor: number; expected: number }> {
  return auditedWrite(context, actor, async (trx, at) => {
    const expected = await expectedElectors(trx, congressId);
    if (input.expected !== undefined && input.expected !== expected) {
      throw new InputError(
        'expected',
        `the congress has ${expected} electors with a vote, not ${input.expected}`,
        `本次会议应到有表决权者${expected}人，不是${input.expected}人`,
      );
    }
    const cast = input.votesFor + input.votesAgainst + input.votesAbstain;
    if (cast > expected) {
      throw new InputError(
        'votesFor',
        `${cast} votes from ${expected} expected electors`,
        `表决票数${cast}多于应到人数${expected}`,
      );
    }
    const outcome = await settleMethodVote(trx, congressId, methodId, { ...input, expected }, at);
    return {
      result: { adopted: outcome.adopted, minimumFor: outcome.minimumFor, expected },
      audit: {
        action: 'method.vote',
        subject: `method:${methodId}`,
        before: { status: outcome.before },
        after: { ...input, expected, ...outcome },
      },
    };
  });
}

/** [P4] [Q4] The electors expected to vote on the method: delegates (or members) with a vote. */
export async function expectedElectors(trx: WriteTransaction, congressId: string): Promise<number> {
  const row = await trx
    .selectFrom('delegates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('congress_id', '=', congressId)
    .where('voting_rights', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Puts the result of a vote on the method on record, whether counted by hand here or taken as an
 * adoption vote in the hall (proposals.ts): [P4] adopted with more than half of the expected; once
 * adopted, its overrides apply to every election of the congress that has not started.
 */
export async function settleMethodVote(
  trx: WriteTransaction,
  congressId: string,
  methodId: string,
  votes: {
    readonly votesFor: number;
    readonly votesAgainst: number;
    readonly votesAbstain: number;
    readonly expected: number;
  },
  at: string,
): Promise<{
  adopted: boolean;
  minimumFor: number;
  before: string;
  title?: { before: string; after: string };
}> {
  const method = await trx
    .selectFrom('election_methods')
    .selectAll()
    .where('id', '=', methodId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!method) throw notFound('election method', '选举办法');
  if (method.status === 'adopted')
    throw conflict('method-adopted', 'the method is already adopted', '选举办法已通过');
  const verdict = methodAdopted(votes.votesFor, votes.expected);
  // Adopted, the draft is the method: its title loses （草案）.
  const title = verdict.adopted ? adoptedTitle(method.title) : method.title;
  await trx
    .updateTable('election_methods')
    .set({
      title,
      status: verdict.adopted ? 'adopted' : 'rejected',
      votes_for: votes.votesFor,
      votes_against: votes.votesAgainst,
      votes_abstain: votes.votesAbstain,
      expected: votes.expected,
      adopted_at: verdict.adopted ? at : null,
    })
    .where('id', '=', methodId)
    .execute();
  if (verdict.adopted) {
    const overrides = JSON.parse(method.parameters_json) as MethodOverrides;
    const elections = await trx
      .selectFrom('elections')
      .select(['id', 'office', 'status'])
      .where('congress_id', '=', congressId)
      .execute();
    for (const election of elections.filter((e) => e.status === 'preparing')) {
      await trx
        .updateTable('elections')
        .set({
          method_id: methodId,
          parameters_json: JSON.stringify(overrides[election.office as keyof MethodOverrides] ?? {}),
        })
        .where('id', '=', election.id)
        .execute();
    }
  }
  return {
    adopted: verdict.adopted,
    minimumFor: verdict.minimumFor,
    before: method.status,
    ...(title === method.title ? {} : { title: { before: method.title, after: title } }),
  };
}

/** The title of a method once adopted: 《…选举办法（草案）》 becomes 《…选举办法》. */
export function adoptedTitle(title: string): string {
  return title.replace(/\s*[（(]\s*草案\s*[）)]/g, '').trim() || title;
}
