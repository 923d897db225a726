import type {
  AgendaItemInput,
  AgendaItemPatch,
  AgendaItemView,
  Attachment,
  VoteSettings,
} from '../../contract/procedure.ts';
import type {
  AdoptionVotesTable,
  AgendaItemsTable,
  SittingsTable,
} from '../../persistence/congress-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { voteState, voteView } from './adoption-votes.ts';
import { agendaItemRow, type Reader, sittingRow } from './lookups.ts';
import { checkProposal, defaultBasis } from './proposals.ts';
import { congressChange } from './publish.ts';

// The agenda (议程) of a sitting: reports delivered (工作报告), written reports distributed
// (书面报告), adoption votes, elections (run by the elections service) and anything else. An
// adoption-vote item is created together with its vote.

async function itemView(db: Reader, item: AgendaItemsTable): Promise<AgendaItemView> {
  const vote = await db
    .selectFrom('adoption_votes')
    .selectAll()
    .where('agenda_item_id', '=', item.id)
    .executeTakeFirst();
  return {
    id: item.id,
    sittingId: item.sitting_id,
    kind: item.kind,
    title: item.title,
    sortOrder: item.sort_order,
    presenter: item.presenter,
    body: item.body,
    attachments: item.attachments_json ? (JSON.parse(item.attachments_json) as Attachment[]) : [],
    vote: vote ? await voteView(db, vote, item.sitting_id) : null,
  };
}

export async function listAgenda(
  context: ServiceContext,
  congressId: string,
  sittingId: string,
): Promise<AgendaItemView[]> {
  const db = context.database.db;
  await sittingRow(db, congressId, sittingId);
  const items = await db
    .selectFrom('agenda_items')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('sort_order')
    .execute();
  return Promise.all(items.map((item) => itemView(db, item)));
}

export async function getAgendaItem(
  context: ServiceContext,
  congressId: string,
  itemId: string,
): Promise<AgendaItemView> {
  const db = context.database.db;
  return itemView(db, (await agendaItemRow(db, congressId, itemId)).item);
}

/** A vote prepared with its item: not yet opened; its proposal and basis checked for the sitting. */
async function prepareVote(
  db: Reader,
  congressId: string,
  sittingKind: SittingsTable['kind'],
  item: AgendaItemsTable,
  settings: VoteSettings,
  id: string,
): Promise<AdoptionVotesTable> {
  if (sittingKind === 'delegation-discussion') {
    throw new InputError(
      'kind',
      'delegations discuss; votes are taken in the sittings of the congress',
      '代表团讨论不进行表决',
    );
  }
  const proposal = settings.proposal ?? null;
  const basis = settings.basis ?? defaultBasis(proposal);
  await checkProposal(db, congressId, sittingKind, proposal, basis);
  return {
    id,
    agenda_item_id: item.id,
    subject: settings.subject ?? item.title,
    mode: settings.mode,
    status: 'open',
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    expected: null,
    present: null,
    adopted: null,
    opened_at: null,
    closed_at: null,
    basis,
    proposal_json: proposal === null ? null : JSON.stringify(proposal),
  };
}

function attachmentsJson(attachments: readonly Attachment[] | undefined): string {
  return JSON.stringify((attachments ?? []).map(({ name, url }) => ({ name, url })));
}

export async function createAgendaItem(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  sittingId: string,
  input: AgendaItemInput,
): Promise<AgendaItemView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const sitting = await sittingRow(trx, congressId, sittingId);
    if (sitting.status === 'closed')
      throw conflict('sitting-closed', 'the sitting is closed', '该会次已结束');
    if (input.kind === 'adoption-vote' && !input.vote)
      throw new InputError('vote', 'is required for an adoption vote', '表决事项必须填写表决方式');
    if (input.kind !== 'adoption-vote' && input.vote)
      throw new InputError('vote', 'only an adoption-vote item has a vote', '只有表决事项才有表决设置');
    const last = await trx
      .selectFrom('agenda_items')
      .select((eb) => eb.fn.max('sort_order').as('highest'))
      .where('sitting_id', '=', sittingId)
      .executeTakeFirst();
    const item: AgendaItemsTable = {
      id: context.random.id(),
      sitting_id: sittingId,
      kind: input.kind,
      title: input.title,
      sort_order: input.sortOrder ?? Number(last?.highest ?? 0) + 1,
      presenter: input.presenter ?? null,
      body: input.body ?? null,
      attachments_json: attachmentsJson(input.attachments),
    };
    await trx.insertInto('agenda_items').values(item).execute();
    let vote: AdoptionVotesTable | null = null;
    if (input.vote) {
      vote = await prepareVote(trx, congressId, sitting.kind, item, input.vote, context.random.id());
      await trx.insertInto('adoption_votes').values(vote).execute();
    }
    return {
      result: await itemView(trx, item),
      audit: { action: 'agenda.create', subject: `agenda-item:${item.id}`, after: { item, vote } },
      events: [congressChange(congressId, { change: 'agenda', sittingId })],
    };
  });
  return view;
}

export async function updateAgendaItem(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  itemId: string,
  patch: AgendaItemPatch,
): Promise<AgendaItemView> {
  const view = await auditedWrite(context, actor, async (trx) => {
    const { item: before, sitting } = await agendaItemRow(trx, congressId, itemId);
    const after: AgendaItemsTable = {
      ...before,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
      ...(patch.presenter !== undefined && { presenter: patch.presenter }),
      ...(patch.body !== undefined && { body: patch.body }),
      ...(patch.attachments !== undefined && { attachments_json: attachmentsJson(patch.attachments) }),
    };
    await trx.updateTable('agenda_items').set(after).where('id', '=', itemId).execute();
    const voteBefore = await trx
      .selectFrom('adoption_votes')
      .selectAll()
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirst();
    let voteAfter: AdoptionVotesTable | null = voteBefore ?? null;
    if (patch.vote && !voteBefore) {
      if (after.kind !== 'adoption-vote')
        throw new InputError('vote', 'only an adoption-vote item has a vote', '只有表决事项才有表决设置');
      // An adoption-vote item entered without its vote (a congress imported or seeded that way)
      // gets it now.
      voteAfter = await prepareVote(trx, congressId, sitting.kind, after, patch.vote, context.random.id());
      await trx.insertInto('adoption_votes').values(voteAfter).execute();
    } else if (patch.vote && voteBefore) {
      if (voteState(voteBefore) !== 'prepared')
        throw conflict(
          'vote-already-opened',
          'the vote has been opened; its settings are fixed',
          '已开始表决，表决设置不能再修改',
        );
      const proposal =
        patch.vote.proposal !== undefined
          ? patch.vote.proposal
          : JSON.parse(voteBefore.proposal_json ?? 'null');
      const basis = patch.vote.basis ?? defaultBasis(proposal);
      await checkProposal(trx, congressId, sitting.kind, proposal, basis);
      voteAfter = {
        ...voteBefore,
        mode: patch.vote.mode,
        basis,
        subject: patch.vote.subject ?? voteBefore.subject,
        proposal_json: proposal === null ? null : JSON.stringify(proposal),
      };
      await trx.updateTable('adoption_votes').set(voteAfter).where('id', '=', voteBefore.id).execute();
    }
    const result = await itemView(trx, after);
    return {
      result,
      audit: {
        action: 'agenda.update',
        subject: `agenda-item:${itemId}`,
        before: { item: before, vote: voteBefore ?? null },
        after: { item: after, vote: voteAfter },
      },
      events: [congressChange(congressId, { change: 'agenda', sittingId: result.sittingId })],
    };
  });
  return view;
}

/** An item can be removed until its vote has been opened. */
export async function deleteAgendaItem(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  itemId: string,
): Promise<void> {
  await auditedWrite(context, actor, async (trx) => {
    const { item } = await agendaItemRow(trx, congressId, itemId);
    const vote = await trx
      .selectFrom('adoption_votes')
      .selectAll()
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirst();
    if (vote && voteState(vote) !== 'prepared')
      throw conflict(
        'vote-already-opened',
        'the vote has been opened; the item stays on record',
        '已开始表决，该议程不能删除',
      );
    if (vote) await trx.deleteFrom('adoption_votes').where('id', '=', vote.id).execute();
    await trx.deleteFrom('agenda_items').where('id', '=', itemId).execute();
    return {
      result: undefined,
      audit: {
        action: 'agenda.delete',
        subject: `agenda-item:${itemId}`,
        before: { item, vote: vote ?? null },
      },
      events: [congressChange(congressId, { change: 'agenda', sittingId: item.sitting_id })],
    };
  });
}
