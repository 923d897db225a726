import type {
  AdoptionChoice,
  AdoptionVoteForCaller,
  AdoptionVoteView,
  VoteBasis,
  VoteState,
} from '../../contract/procedure.ts';
import { exceedsFraction, HALF, leastIntegerAbove, methodAdopted } from '../../core/rules/index.ts';
import type { AdoptionVotesTable, SittingsTable } from '../../persistence/congress-schema.ts';
import { type BallotSetSeal, eraseBallotTraces } from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { sealAdoptionBallots } from '../ballots/ballot-seal.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { presidiumMemberIds } from './bodies.ts';
import { type Reader, voteRow } from './lookups.ts';
import { applyProposal, parseStoredProposal } from './proposals.ts';
import { congressChange, votingChange } from './publish.ts';

// Adoption votes (表决) on reports, decisions, lists and the election method. Counts are either
// entered by hand (a show of hands or a paper count) or cast by the delegates present on their
// own devices. A vote is prepared with its agenda item, opened (expected and present are
// recorded then), and closed with its result:
//   - basis 'present' (default): adopted when votes for are more than half of those present;
//   - basis 'expected' ([P4], the election method): more than half of the expected electors.
// Electors are the delegates with voting rights; at a presidium meeting, the presidium's members.
// Electronic ballots carry only their choice and a random receipt; who voted is recorded apart.

export function voteState(row: Pick<AdoptionVotesTable, 'status' | 'opened_at'>): VoteState {
  if (row.status === 'closed') return 'closed';
  return row.opened_at === null ? 'prepared' : 'voting';
}

export function basisOf(row: Pick<AdoptionVotesTable, 'basis'>): VoteBasis {
  return row.basis ?? 'present';
}

/** The least votes for that adopt, against the basis's count; null before the vote opens. */
function minimumFor(row: AdoptionVotesTable): number | null {
  const base = basisOf(row) === 'expected' ? row.expected : row.present;
  return base === null ? null : leastIntegerAbove(HALF, base);
}

export async function voteView(
  db: Reader,
  row: AdoptionVotesTable,
  sittingId: string,
): Promise<AdoptionVoteView> {
  const voted = await db
    .selectFrom('adoption_voters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vote_id', '=', row.id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    sittingId,
    subject: row.subject,
    mode: row.mode,
    basis: basisOf(row),
    proposal: parseStoredProposal(row.proposal_json),
    state: voteState(row),
    expected: row.expected,
    present: row.present,
    voted: Number(voted.n),
    votesFor: row.votes_for,
    votesAgainst: row.votes_against,
    votesAbstain: row.votes_abstain,
    adopted: row.adopted === null ? null : row.adopted === 1,
    minimumFor: minimumFor(row),
    rule: basisOf(row) === 'expected' ? 'P4' : null,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

export async function getVote(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  voteId: string,
): Promise<AdoptionVoteForCaller> {
  const db = context.database.db;
  const { vote, sitting } = await voteRow(db, congressId, voteId);
  const view = await voteView(db, vote, sitting.id);
  if (actor.kind !== 'delegate') return view;
  const mine = await db
    .selectFrom('adoption_voters')
    .select('delegate_id')
    .where('vote_id', '=', voteId)
    .where('delegate_id', '=', actor.delegateId)
    .executeTakeFirst();
  return { ...view, youVoted: mine !== undefined };
}

/** The electors of a vote at this sitting: delegates with a vote, or at a presidium meeting its members with a vote. */
async function electorIds(db: Reader, sitting: SittingsTable): Promise<Set<string>> {
  const rows = await db
    .selectFrom('delegates')
    .select('id')
    .where('congress_id', '=', sitting.congress_id)
    .where('voting_rights', '=', 1)
    .execute();
  const ids = rows.map((row) => row.id);
  if (sitting.kind !== 'presidium') return new Set(ids);
  const presidium = await presidiumMemberIds(db, sitting.congress_id);
  return new Set(ids.filter((id) => presidium.has(id)));
}

/** Electors checked in as present at the sitting (the attendance service keeps the table). */
async function presentElectors(db: Reader, sitting: SittingsTable, electors: Set<string>): Promise<number> {
  const rows = await db
    .selectFrom('attendance')
    .select('delegate_id')
    .where('sitting_id', '=', sitting.id)
    .where('status', '=', 'present')
    .execute();
  return rows.filter((row) => electors.has(row.delegate_id)).length;
}

/** One vote at a time per sitting: refuses while a vote of the sitting is open. */
export async function refuseVoteInProgress(db: Reader, sittingId: string): Promise<void> {
  const open = await db
    .selectFrom('adoption_votes as v')
    .innerJoin('agenda_items as i', 'i.id', 'v.agenda_item_id')
    .select('v.subject')
    .where('i.sitting_id', '=', sittingId)
    .where('v.status', '=', 'open')
    .where('v.opened_at', 'is not', null)
    .executeTakeFirst();
  if (open)
    throw conflict(
      'vote-in-progress',
      `the vote on ${open.subject} is still open`,
      `“${open.subject}”的表决尚未结束`,
    );
}

function requireOpenSitting(sitting: SittingsTable): void {
  if (sitting.status !== 'open')
    throw conflict('sitting-not-open', `${sitting.title} is not in progress`, `“${sitting.title}”未在进行中`);
}

/**
 * Opens the vote: records expected and present. A count by hand may give the number present
 * the secretariat counted (when attendance is not kept in the system); electronic votes always
 * take it from attendance. One vote at a time per sitting.
 */
export async function openVote(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  voteId: string,
  options: { readonly present?: number } = {},
): Promise<AdoptionVoteView> {
  const view = await auditedWrite(context, actor, async (trx, at) => {
    const { vote, sitting } = await voteRow(trx, congressId, voteId);
    requireOpenSitting(sitting);
    if (voteState(vote) !== 'prepared')
      throw conflict('vote-already-opened', 'this vote has already been opened', '该表决事项已开始表决');
    await refuseVoteInProgress(trx, sitting.id);
    const electors = await electorIds(trx, sitting);
    const expected = electors.size;
    let present = await presentElectors(trx, sitting, electors);
    if (options.present !== undefined) {
      if (vote.mode === 'electronic') {
        throw new InputError(
          'present',
          'an electronic vote takes the number present from attendance',
          '电子表决的实到人数取自报到记录，不能手工填写',
        );
      }
      if (options.present > expected) {
        throw new InputError(
          'present',
          `${options.present} present of ${expected} expected`,
          `实到${options.present}人多于应到${expected}人`,
        );
      }
      present = options.present;
    }
    const after: AdoptionVotesTable = { ...vote, opened_at: at, expected, present };
    await trx
      .updateTable('adoption_votes')
      .set({ opened_at: at, expected, present })
      .where('id', '=', voteId)
      .execute();
    const result = await voteView(trx, after, sitting.id);
    return {
      result,
      audit: {
        action: 'adoption-vote.open',
        subject: `adoption-vote:${voteId}`,
        before: { state: 'prepared' },
        after: { state: 'voting', expected, present },
      },
      events: [congressChange(congressId, { change: 'vote-opened', vote: result })],
    };
  });
  return view;
}

/**
 * A delegate's electronic ballot: once per vote, only while it is open, only by an elector
 * present at the sitting. The ballot row holds the choice and a random receipt; the voter row
 * holds who voted; both are written in one transaction, so neither exists without the other.
 */
export async function castAdoptionBallot(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  voteId: string,
  choice: AdoptionChoice,
): Promise<{ receipt: string }> {
  if (actor.kind !== 'delegate' || actor.congressId !== congressId) {
    throw forbidden('only a delegate of this congress votes', '只有本次大会的代表可以表决');
  }
  const delegateId = actor.delegateId;
  return auditedWrite(context, actor, async (trx) => {
    const { vote, sitting } = await voteRow(trx, congressId, voteId);
    if (vote.mode !== 'electronic')
      throw conflict('not-electronic', 'this vote is not taken electronically', '该事项不采用电子表决');
    if (voteState(vote) !== 'voting')
      throw conflict('vote-not-open', 'this vote is not open', '该事项当前不在表决中');
    requireOpenSitting(sitting);
    const electors = await electorIds(trx, sitting);
    if (!electors.has(delegateId)) throw forbidden('you have no vote here', '您在本事项中没有表决权');
    const present = await trx
      .selectFrom('attendance')
      .select('status')
      .where('sitting_id', '=', sitting.id)
      .where('delegate_id', '=', delegateId)
      .executeTakeFirst();
    if (present?.status !== 'present')
      throw forbidden('check in at this sitting before voting', '请先在本会次报到，然后表决');
    const already = await trx
      .selectFrom('adoption_voters')
      .select('delegate_id')
      .where('vote_id', '=', voteId)
      .where('delegate_id', '=', delegateId)
      .executeTakeFirst();
    if (already) throw conflict('already-voted', 'you have already voted', '您已表决，不能重复表决');
    const receipt = context.random.code(12);
    await trx.insertInto('adoption_voters').values({ vote_id: voteId, delegate_id: delegateId }).execute();
    await trx.insertInto('adoption_ballots').values({ receipt, vote_id: voteId, choice }).execute();
    const count = await trx
      .selectFrom('adoption_voters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vote_id', '=', voteId)
      .executeTakeFirstOrThrow();
    return {
      result: { receipt },
      // That this delegate voted, never how, nor the receipt.
      audit: { action: 'adoption-vote.cast', subject: `adoption-vote:${voteId}`, after: { voted: true } },
      events: [votingChange(congressId, { voteId, voted: Number(count.n) })],
    };
  });
}

export interface EnteredCounts {
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly votesAbstain: number;
}

/**
 * Closes the vote with its result: counts entered by hand must not exceed those present; an
 * electronic vote is counted from its ballots. An adopted proposal takes effect in the same
 * transaction (the presidium list, the secretary-general…).
 */
export async function closeVote(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  voteId: string,
  counts?: EnteredCounts,
): Promise<AdoptionVoteView> {
  const view = await auditedWrite(context, actor, async (trx, at) => {
    const { vote, sitting } = await voteRow(trx, congressId, voteId);
    if (voteState(vote) !== 'voting') {
      throw conflict(
        'vote-not-open',
        voteState(vote) === 'closed' ? 'this vote is already closed' : 'this vote has not been opened',
        voteState(vote) === 'closed' ? '该事项已表决完毕' : '该事项尚未开始表决',
      );
    }
    const present = vote.present ?? 0;
    const expected = vote.expected ?? 0;
    let tally: EnteredCounts;
    let counted: BallotSetSeal | undefined;
    if (vote.mode === 'counts') {
      if (!counts)
        throw new InputError(
          'votesFor',
          'enter the counts for, against and abstaining',
          '请填写赞成、反对、弃权票数',
        );
      const cast = counts.votesFor + counts.votesAgainst + counts.votesAbstain;
      if (cast > present) {
        throw new InputError(
          'votesFor',
          `${cast} votes counted but only ${present} present`,
          `赞成、反对、弃权合计${cast}票，多于实到${present}人`,
        );
      }
      tally = counts;
    } else {
      if (counts)
        throw new InputError(
          'votesFor',
          'an electronic vote is counted from its ballots',
          '电子表决按选票计数，不能手工填写',
        );
      // [B4] Rewritten in receipt order, and sealed into the closing entry (issue 13 item 3).
      counted = await sealAdoptionBallots(trx, voteId);
      const rows = await trx
        .selectFrom('adoption_ballots')
        .select(['choice', (eb) => eb.fn.countAll<number>().as('n')])
        .where('vote_id', '=', voteId)
        .groupBy('choice')
        .execute();
      const of = (choice: AdoptionChoice) => Number(rows.find((row) => row.choice === choice)?.n ?? 0);
      tally = { votesFor: of('for'), votesAgainst: of('against'), votesAbstain: of('abstain') };
    }
    const basis = basisOf(vote);
    const adopted =
      basis === 'expected'
        ? methodAdopted(tally.votesFor, expected).adopted
        : exceedsFraction(tally.votesFor, HALF, present);
    const after: AdoptionVotesTable = {
      ...vote,
      status: 'closed',
      closed_at: at,
      votes_for: tally.votesFor,
      votes_against: tally.votesAgainst,
      votes_abstain: tally.votesAbstain,
      adopted: adopted ? 1 : 0,
    };
    await trx
      .updateTable('adoption_votes')
      .set({
        status: 'closed',
        closed_at: at,
        votes_for: tally.votesFor,
        votes_against: tally.votesAgainst,
        votes_abstain: tally.votesAbstain,
        adopted: after.adopted,
      })
      .where('id', '=', voteId)
      .execute();
    const effect = adopted
      ? await applyProposal(
          trx,
          () => context.random.id(),
          congressId,
          parseStoredProposal(vote.proposal_json),
          { ...tally, expected, at },
        )
      : null;
    const result = await voteView(trx, after, sitting.id);
    return {
      result,
      audit: {
        action: 'adoption-vote.close',
        subject: `adoption-vote:${voteId}`,
        before: { state: 'voting' },
        after: {
          ...tally,
          expected,
          present,
          basis,
          adopted,
          minimumFor: result.minimumFor,
          ...(basis === 'expected' && { rule: 'P4' }),
          effect,
          ...(counted ? { counted } : {}),
        },
      },
      events: [congressChange(congressId, { change: 'vote-closed', vote: result })],
    };
  });
  // [B4] The engine's traces of the casts (the WAL's frames, PostgreSQL's old row versions) go too.
  if (view.mode === 'electronic') await eraseBallotTraces(context.database, ['adoption_ballots']);
  return view;
}
