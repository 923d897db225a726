import { type Proposal, proposalSchema, type VoteBasis } from '../../contract/procedure.ts';
import type { SittingsTable } from '../../persistence/congress-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import { settleMethodVote } from '../elections/methods.ts';
import { ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { checkBodyMembers, replaceBodyMembers } from './bodies.ts';
import type { Reader } from './lookups.ts';
import { SITTING_NAMES } from './sitting-kinds.ts';

// What adopting an adoption vote sets (the proposal: src/contract/procedure.ts). The preparatory
// meeting (预备会议) adopts the presidium list, the secretary-general, the credentials committee
// list and the agenda [P3]; the presidium's first meeting adopts its standing committee; a full
// sitting adopts the election method [P4]. Reports and decisions have no proposal: adopting them
// is the record.

export type { Proposal };

/** The default basis of a vote on this proposal: [P4] the election method needs more than half of the expected electors. */
export function defaultBasis(proposal: Proposal | null): VoteBasis {
  return proposal?.kind === 'election-method' ? 'expected' : 'present';
}

/** The sittings at which each proposal is put to the vote. */
function sittingsFor(proposal: Proposal): readonly SittingsTable['kind'][] {
  if (proposal.kind === 'body' && proposal.body === 'presidium-standing-committee') return ['presidium'];
  if (proposal.kind === 'election-method' || proposal.kind === 'scrutineers') return ['opening', 'plenary'];
  return ['preparatory'];
}

/** Checks a proposal before it is put to the vote, and its basis. */
export async function checkProposal(
  db: Reader,
  congressId: string,
  sittingKind: SittingsTable['kind'],
  proposal: Proposal | null,
  basis: VoteBasis,
): Promise<void> {
  if (proposal?.kind === 'election-method' && basis !== 'expected') {
    throw ruleViolation(
      'P4',
      'the election method is adopted by more than half of the expected electors',
      '选举办法须经应到会有选举权人数的过半数通过',
    );
  }
  if (!proposal) return;
  const allowed = sittingsFor(proposal);
  if (!allowed.includes(sittingKind)) {
    throw new InputError(
      'vote.proposal',
      `is adopted at a ${allowed.join(' or ')} sitting, not at a ${sittingKind} sitting`,
      `应在${allowed.map((k) => SITTING_NAMES[k]).join('或')}上表决，而不是${SITTING_NAMES[sittingKind]}`,
    );
  }
  if (proposal.kind === 'body') {
    const field = 'body.vote.proposal.members';
    await checkBodyMembers(db, congressId, proposal.body, proposal.members, undefined, field);
  }
  if (proposal.kind === 'election-method' && proposal.methodId) {
    const method = await db
      .selectFrom('election_methods')
      .select('id')
      .where('id', '=', proposal.methodId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!method)
      throw new InputError(
        'vote.proposal.methodId',
        'no such election method in this congress',
        '本次大会没有该选举办法',
      );
  }
}

/** Carries out an adopted proposal inside the vote's closing transaction; returns what changed, for the audit. */
export async function applyProposal(
  trx: WriteTransaction,
  newId: () => string,
  congressId: string,
  proposal: Proposal | null,
  vote?: {
    readonly votesFor: number;
    readonly votesAgainst: number;
    readonly votesAbstain: number;
    readonly expected: number;
    readonly at: string;
  },
): Promise<Record<string, unknown> | null> {
  if (proposal?.kind === 'election-method' && proposal.methodId && vote) {
    // [P4] The hall's vote is the method's vote: it goes on the method's record and puts it in force.
    const { at, ...votes } = vote;
    const outcome = await settleMethodVote(trx, congressId, proposal.methodId, votes, at);
    return { electionMethod: { id: proposal.methodId, ...outcome } };
  }
  if (proposal?.kind === 'body') {
    const { before, after } = await replaceBodyMembers(
      trx,
      newId,
      congressId,
      proposal.body,
      proposal.members,
    );
    return {
      body: proposal.body,
      before: before.map((m) => m.delegateId),
      after: after.map((m) => m.delegateId),
    };
  }
  if (proposal?.kind === 'secretary-general') {
    const before = await trx
      .selectFrom('congresses')
      .select('secretary_general')
      .where('id', '=', congressId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('congresses')
      .set({ secretary_general: proposal.name })
      .where('id', '=', congressId)
      .execute();
    return { secretaryGeneral: { before: before.secretary_general, after: proposal.name } };
  }
  if (proposal?.kind === 'scrutineers') {
    // [P1] The adopted vote is the approval; openRound reads it (procedure-guards.ts).
    const officers = await trx
      .selectFrom('election_officers as o')
      .innerJoin('elections as e', 'e.id', 'o.election_id')
      .select(['e.title', 'o.role', 'o.name'])
      .where('e.congress_id', '=', congressId)
      .where('o.role', '!=', 'teller')
      .execute();
    return { scrutineers: officers };
  }
  // The agenda: the adopted vote is the record.
  return null;
}

export function parseStoredProposal(json: string | null): Proposal | null {
  return json === null ? null : proposalSchema.parse(JSON.parse(json));
}
