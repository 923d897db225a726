import { initialReportingStatus, type Office, type RoundResult } from '../../core/rules/index.ts';
import type { TermPositionsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { ServiceContext } from '../context.ts';
import { loadChain } from './chain-events.ts';
import type { ElectionRow } from './round-queries.ts';

const POSITION_OF: Partial<Record<Office, TermPositionsTable['position']>> = {
  'committee-member': 'member',
  'alternate-member': 'alternate',
  'discipline-member': 'member',
  'standing-committee': 'standing-member',
  secretary: 'secretary',
  'deputy-secretary': 'deputy-secretary',
};

/**
 * When the chain says an election is complete, the elected take their places in the term the
 * congress elects (the Nth congress elects the Nth committee [P7]) or, at a plenary, in the
 * plenary's own term; [P6] members and alternates are filed, the standing committee, secretary and
 * deputies wait for the higher committee's approval. Alternates keep their [T6] succession rank.
 */
export async function completeElectionIfDone(
  context: ServiceContext,
  trx: WriteTransaction,
  election: ElectionRow,
  at: string,
): Promise<{ complete: boolean; elected: string[] }> {
  const { state, events } = await loadChain(trx, election);
  if (state.stage !== 'complete') return { complete: false, elected: [...state.elected] };
  await trx.updateTable('elections').set({ status: 'complete' }).where('id', '=', election.id).execute();
  const office = election.office as Office;
  const position = POSITION_OF[office];
  if (!position) return { complete: true, elected: [...state.elected] };

  const termId = await termFor(context, trx, election, office, at);
  // Succession and published order: the order in which each round's result lists them.
  const ordered: string[] = [];
  for (const event of events) {
    if (event.type !== 'round') continue;
    const result: RoundResult = event.round.result;
    for (const name of event.round.kind === 'preliminary' ? [] : result.elected)
      if (!ordered.includes(name)) ordered.push(name);
  }
  const delegates = await trx
    .selectFrom('delegates')
    .select(['id', 'name'])
    .where('congress_id', '=', election.congress_id)
    .execute();
  const delegateOf = new Map(delegates.map((d) => [d.name, d.id]));
  let rank = 0;
  for (const name of ordered) {
    rank += 1;
    await trx
      .insertInto('term_positions')
      .values({
        id: context.random.id(),
        term_id: termId,
        person_name: name,
        position,
        rank:
          office === 'alternate-member' || office === 'deputy-secretary' || office === 'standing-committee'
            ? rank
            : null,
        delegate_id: delegateOf.get(name) ?? null,
        election_id: election.id,
        reporting_status: initialReportingStatus(office),
        approved_at: null,
        approval_note: null,
      })
      .execute();
  }
  return { complete: true, elected: ordered };
}

/** The term an election fills: created on first use for a congress's new committee or commission. */
async function termFor(
  context: ServiceContext,
  trx: WriteTransaction,
  election: ElectionRow,
  office: Office,
  at: string,
): Promise<string> {
  const congress = await trx
    .selectFrom('congresses')
    .selectAll()
    .where('id', '=', election.congress_id)
    .executeTakeFirstOrThrow();
  if (congress.kind === 'plenary' && congress.term_id) return congress.term_id;
  const body = office === 'discipline-member' ? 'discipline-commission' : 'committee';
  const existing = await trx
    .selectFrom('terms')
    .select('id')
    .where('organisation_id', '=', congress.organisation_id)
    .where('body', '=', body)
    .where('number', '=', congress.number)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = context.random.id();
  await trx
    .insertInto('terms')
    .values({
      id,
      organisation_id: congress.organisation_id,
      body,
      number: congress.number,
      started_on: congress.ends_on ?? at.slice(0, 10),
      ended_on: null,
      elected_by_congress_id: congress.id,
    })
    .execute();
  return id;
}
