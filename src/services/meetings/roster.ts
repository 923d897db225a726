import type { Committee } from '../../contract/meetings.ts';
import type { DelegatesTable, TermPositionsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import type { ServiceContext } from '../context.ts';

// A meeting's roster is taken from the term's register, never typed again: at a plenary the
// members vote and the alternates attend without a vote ([M1], [Q4]); at a standing committee
// meeting its members vote. Each roster row remembers the register row it came from and what the
// person attends as, so that counts and news never mistake an alternate for an attendee.

type Capacity = NonNullable<DelegatesTable['capacity']>;

interface RosterPerson {
  readonly name: string;
  readonly capacity: Capacity;
  readonly position: TermPositionsTable;
}

/** Positions held now: those without a departure. */
export function isCurrent(position: Pick<TermPositionsTable, 'left_on'>): boolean {
  return !position.left_on;
}

/** Who is on the roster of a meeting of this committee, from the register's current rows. */
export function rosterOf(committee: Committee, positions: readonly TermPositionsTable[]): RosterPerson[] {
  const current = positions.filter(isCurrent);
  const byRank = (a: TermPositionsTable, b: TermPositionsTable) => (a.rank ?? 0) - (b.rank ?? 0);
  if (committee === 'plenary') {
    return [
      ...current
        .filter((p) => p.position === 'member')
        .map((p) => ({ name: p.person_name, capacity: 'member' as const, position: p })),
      ...current
        .filter((p) => p.position === 'alternate')
        .sort(byRank)
        .map((p) => ({ name: p.person_name, capacity: 'alternate' as const, position: p })),
    ];
  }
  // The standing committee: its members, with the secretary and deputies who sit on it.
  const seen = new Set<string>();
  const people: RosterPerson[] = [];
  for (const kind of ['secretary', 'deputy-secretary', 'standing-member'] as const) {
    for (const p of current.filter((row) => row.position === kind).sort(byRank)) {
      if (seen.has(p.person_name)) continue;
      seen.add(p.person_name);
      people.push({ name: p.person_name, capacity: 'standing-member', position: p });
    }
  }
  return people;
}

/**
 * Writes the roster of a meeting (replacing one taken earlier, while nobody has checked in):
 * codes 0001… in register order; what the congress's delegate list knew of each person is kept.
 */
export async function writeRoster(
  trx: WriteTransaction,
  context: Pick<ServiceContext, 'random'>,
  meeting: { readonly id: string; readonly committee: Committee; readonly termId: string },
  at: string,
): Promise<number> {
  const positions = await trx
    .selectFrom('term_positions')
    .selectAll()
    .where('term_id', '=', meeting.termId)
    .execute();
  const people = rosterOf(meeting.committee, positions);
  const delegateIds = people.map((p) => p.position.delegate_id).filter((id): id is string => id !== null);
  const known = delegateIds.length
    ? await trx.selectFrom('delegates').selectAll().where('id', 'in', delegateIds).execute()
    : [];
  const byId = new Map(known.map((d) => [d.id, d]));
  await trx.deleteFrom('delegates').where('congress_id', '=', meeting.id).execute();
  const rows: DelegatesTable[] = people.map((person, index) => {
    const delegate = person.position.delegate_id ? byId.get(person.position.delegate_id) : undefined;
    const votes = person.capacity !== 'alternate';
    return {
      id: context.random.id(),
      congress_id: meeting.id,
      delegation_id: null,
      code: String(index + 1).padStart(4, '0'),
      name: person.name,
      gender: delegate?.gender ?? '',
      ethnicity: delegate?.ethnicity ?? '',
      birth_date: delegate?.birth_date ?? null,
      joined_date: delegate?.joined_date ?? null,
      position: delegate?.position ?? null,
      id_number: null,
      voting_rights: votes ? 1 : 0,
      suspension_reason: votes ? null : '候补委员列席，无表决权',
      photo: delegate?.photo ?? null,
      credential_hash: null,
      account_id: null,
      created_at: at,
      capacity: person.capacity,
      position_id: person.position.id,
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('delegates')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return rows.length;
}
