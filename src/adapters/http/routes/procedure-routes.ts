import {
  adoptionVoteEndpoint,
  agendaEndpoint,
  agendaItemEndpoint,
  castAdoptionBallotEndpoint,
  closeSittingEndpoint,
  closeVoteEndpoint,
  createAgendaItemEndpoint,
  createSittingEndpoint,
  deleteAgendaItemEndpoint,
  deleteSittingEndpoint,
  openSittingEndpoint,
  openVoteEndpoint,
  setChairsEndpoint,
  sittingEndpoint,
  sittingsEndpoint,
  updateAgendaItemEndpoint,
  updateSittingEndpoint,
} from '../../../contract/procedure.ts';
import {
  castAdoptionBallot,
  closeVote,
  getVote,
  openVote,
} from '../../../services/congress/adoption-votes.ts';
import {
  createAgendaItem,
  deleteAgendaItem,
  getAgendaItem,
  listAgenda,
  updateAgendaItem,
} from '../../../services/congress/agenda.ts';
import {
  closeSitting,
  createSitting,
  deleteSitting,
  getSitting,
  listSittings,
  openSitting,
  setChairs,
  updateSitting,
} from '../../../services/congress/sittings.ts';
import { InputError } from '../../../services/input-error.ts';
import { implement } from '../route.ts';

// The procedure of a congress (contract: src/contract/procedure.ts): sittings and their executive
// chairs, the agenda (reports, written reports, adoption votes) and the votes themselves. The
// presiding officer's desk opens and closes sittings and votes; administrators set everything
// up; delegates read and vote.

export const procedureRoutes = [
  implement(sittingsEndpoint).with(async ({ context, params }) => listSittings(context, params.congressId)),
  implement(createSittingEndpoint).with(async ({ context, actor, params, body }) =>
    createSitting(context, actor, params.congressId, body),
  ),
  implement(sittingEndpoint).with(async ({ context, params }) =>
    getSitting(context, params.congressId, params.sittingId),
  ),
  implement(updateSittingEndpoint).with(async ({ context, actor, params, body }) =>
    updateSitting(context, actor, params.congressId, params.sittingId, body),
  ),
  implement(deleteSittingEndpoint).with(async ({ context, actor, params }) =>
    deleteSitting(context, actor, params.congressId, params.sittingId),
  ),
  implement(openSittingEndpoint).with(async ({ context, actor, params }) =>
    openSitting(context, actor, params.congressId, params.sittingId),
  ),
  implement(closeSittingEndpoint).with(async ({ context, actor, params }) =>
    closeSitting(context, actor, params.congressId, params.sittingId),
  ),
  implement(setChairsEndpoint).with(async ({ context, actor, params, body }) =>
    setChairs(context, actor, params.congressId, params.sittingId, body.delegateIds),
  ),
  implement(agendaEndpoint).with(async ({ context, params }) =>
    listAgenda(context, params.congressId, params.sittingId),
  ),
  implement(createAgendaItemEndpoint).with(async ({ context, actor, params, body }) =>
    createAgendaItem(context, actor, params.congressId, params.sittingId, body),
  ),
  implement(agendaItemEndpoint).with(async ({ context, params }) =>
    getAgendaItem(context, params.congressId, params.itemId),
  ),
  implement(updateAgendaItemEndpoint).with(async ({ context, actor, params, body }) =>
    updateAgendaItem(context, actor, params.congressId, params.itemId, body),
  ),
  implement(deleteAgendaItemEndpoint).with(async ({ context, actor, params }) =>
    deleteAgendaItem(context, actor, params.congressId, params.itemId),
  ),
  implement(adoptionVoteEndpoint).with(async ({ context, actor, params }) =>
    getVote(context, actor, params.congressId, params.voteId),
  ),
  implement(openVoteEndpoint).with(async ({ context, actor, params, body }) =>
    openVote(context, actor, params.congressId, params.voteId, body),
  ),
  implement(closeVoteEndpoint).with(async ({ context, actor, params, body }) => {
    const { votesFor, votesAgainst, votesAbstain } = body;
    if (votesFor === undefined && votesAgainst === undefined && votesAbstain === undefined) {
      return closeVote(context, actor, params.congressId, params.voteId);
    }
    // Counts by hand come as all three or not at all: a missing count is not a zero.
    for (const [field, value] of Object.entries({ votesFor, votesAgainst, votesAbstain })) {
      if (value === undefined)
        throw new InputError(
          `body.${field}`,
          'is required with the other counts',
          '赞成、反对、弃权票数须一并填写',
        );
    }
    return closeVote(context, actor, params.congressId, params.voteId, {
      votesFor: votesFor!,
      votesAgainst: votesAgainst!,
      votesAbstain: votesAbstain!,
    });
  }),
  implement(castAdoptionBallotEndpoint).with(async ({ context, actor, params, body }) =>
    castAdoptionBallot(context, actor, params.congressId, params.voteId, body.choice),
  ),
];
