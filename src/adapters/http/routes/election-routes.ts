import {
  announceRoundEndpoint,
  closeRoundEndpoint,
  copyOfficersEndpoint,
  countRoundEndpoint,
  createElectionEndpoint,
  createMethodEndpoint,
  disciplineFirstPlenaryEndpoint,
  electionEndpoint,
  electionMethodsEndpoint,
  electionsEndpoint,
  methodTemplateEndpoint,
  openRoundEndpoint,
  prepareFirstPlenaryEndpoint,
  prepareRoundEndpoint,
  recordMethodVoteEndpoint,
  reduceSeatsEndpoint,
  resultsEndpoint,
  setBallotModeEndpoint,
  setCandidatesEndpoint,
  setOfficersEndpoint,
  signOffRoundEndpoint,
  staffLoginsEndpoint,
  withdrawPreparationEndpoint,
} from '../../../contract/elections.ts';
import { ELECTION_STAFF_ROLES } from '../../../contract/roles.ts';
import { rolesIn } from '../../../services/actor.ts';
import { keepRehearsalShares, openForRehearsalCount } from '../../../services/demo/rehearsal.ts';
import { electionView, listElections } from '../../../services/elections/election-view.ts';
import {
  createElection,
  setBallotMode,
  setCandidates,
  setOfficers,
} from '../../../services/elections/elections.ts';
import {
  prepareFirstPlenary,
  recordDisciplineFirstPlenary,
} from '../../../services/elections/first-plenary.ts';
import { methodTemplate } from '../../../services/elections/method-template.ts';
import { createMethod, listMethods, recordMethodVote } from '../../../services/elections/methods.ts';
import { copyOfficers } from '../../../services/elections/officer-copy.ts';
import { staffLogins } from '../../../services/elections/officer-logins.ts';
import { prepareRound, withdrawPreparation } from '../../../services/elections/round-preparation.ts';
import {
  announceRound,
  closeRound,
  countRound,
  openRound,
  reduceSeats,
  signOffRound,
} from '../../../services/elections/rounds.ts';
import { implement } from '../route.ts';

// Elections: the method [P4], the elections with their candidates and officers, the rounds, the
// first plenary [P5] (contract: src/contract/elections.ts).

export const electionRoutes = [
  implement(createMethodEndpoint).with(async ({ context, actor, params, body }) =>
    createMethod(context, actor, params.congressId, body),
  ),
  implement(electionMethodsEndpoint).with(async ({ context, params }) =>
    listMethods(context.database.db, params.congressId),
  ),
  implement(methodTemplateEndpoint).with(async ({ context, params }) =>
    methodTemplate(context.database.db, params.congressId),
  ),
  implement(recordMethodVoteEndpoint).with(async ({ context, actor, params, body }) =>
    recordMethodVote(context, actor, params.congressId, params.methodId, body),
  ),
  implement(electionsEndpoint).with(async ({ context, params }) =>
    listElections(context.database.db, params.congressId),
  ),
  implement(createElectionEndpoint).with(async ({ context, actor, params, body }) =>
    createElection(context, actor, params.congressId, body),
  ),
  implement(setBallotModeEndpoint).with(async ({ context, actor, params, body }) =>
    setBallotMode(context, actor, params.congressId, params.electionId, body.ballotMode),
  ),
  implement(resultsEndpoint).with(async ({ context, params }) => {
    const elections = await listElections(context.database.db, params.congressId);
    return {
      elections: await Promise.all(
        elections.map((e) => electionView(context.database.db, params.congressId, e.id, { staff: false })),
      ),
    };
  }),
  implement(electionEndpoint).with(async ({ context, actor, params }) => {
    const roles = rolesIn(actor, params.congressId);
    const staff = ELECTION_STAFF_ROLES.some((role) => roles.has(role));
    return electionView(context.database.db, params.congressId, params.electionId, { staff });
  }),
  implement(setCandidatesEndpoint).with(async ({ context, actor, params, body }) =>
    setCandidates(context, actor, params.congressId, params.electionId, body.candidates),
  ),
  implement(setOfficersEndpoint).with(async ({ context, actor, params, body }) =>
    setOfficers(context, actor, params.congressId, params.electionId, body.officers),
  ),
  implement(staffLoginsEndpoint).with(async ({ context, params }) =>
    staffLogins(context.database.db, params.congressId),
  ),
  implement(copyOfficersEndpoint).with(async ({ context, actor, params }) =>
    copyOfficers(context, actor, params.congressId, params.electionId),
  ),
  implement(openRoundEndpoint).with(async ({ context, actor, params, body }) => {
    const opened = await openRound(context, actor, params.congressId, params.electionId, body);
    // [B4] A rehearsal (the demo) keeps the shares in memory to stand in for the scrutineers.
    await keepRehearsalShares(context, params.congressId, opened.roundId, opened.key);
    return opened;
  }),
  implement(prepareRoundEndpoint).with(async ({ context, actor, params, body }) =>
    prepareRound(context, actor, params.congressId, params.electionId, body),
  ),
  implement(withdrawPreparationEndpoint).with(async ({ context, actor, params }) =>
    withdrawPreparation(context, actor, params.congressId, params.roundId),
  ),
  implement(reduceSeatsEndpoint).with(async ({ context, actor, params, body }) =>
    reduceSeats(context, actor, params.congressId, params.electionId, body),
  ),
  implement(closeRoundEndpoint).with(async ({ context, actor, params, body }) =>
    closeRound(context, actor, params.congressId, params.roundId, body),
  ),
  implement(countRoundEndpoint).with(async ({ context, actor, params }) => {
    // [B4] In a rehearsal the kept shares open a sealed round first; elsewhere this does nothing.
    await openForRehearsalCount(context, actor, params.congressId, params.roundId);
    return countRound(context, actor, params.congressId, params.roundId);
  }),
  implement(signOffRoundEndpoint).with(async ({ context, actor, params }) =>
    signOffRound(context, actor, params.congressId, params.roundId),
  ),
  implement(announceRoundEndpoint).with(async ({ context, actor, params }) =>
    announceRound(context, actor, params.congressId, params.roundId),
  ),
  implement(prepareFirstPlenaryEndpoint).with(async ({ context, actor, params, body }) =>
    prepareFirstPlenary(context, actor, params.congressId, body),
  ),
  implement(disciplineFirstPlenaryEndpoint).with(async ({ context, actor, params, body }) =>
    recordDisciplineFirstPlenary(context, actor, params.congressId, body),
  ),
];
