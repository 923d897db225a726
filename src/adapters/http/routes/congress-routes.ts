import {
  addPositionEndpoint,
  approvePositionEndpoint,
  bodiesEndpoint,
  closeCongressEndpoint,
  congressEndpoint,
  congressesEndpoint,
  createCongressEndpoint,
  createOrganisationEndpoint,
  createTermEndpoint,
  exportCongressEndpoint,
  importCongressEndpoint,
  organisationEndpoint,
  organisationsEndpoint,
  publicCongressEndpoint,
  removePositionEndpoint,
  setAlternatesEndpoint,
  setBodyMembersEndpoint,
  termEndpoint,
  termsEndpoint,
  updateCongressEndpoint,
  updateOrganisationEndpoint,
  updateTermEndpoint,
  vacatePositionEndpoint,
} from '../../../contract/congress.ts';
import { listBodies, setBodyMembers } from '../../../services/congress/bodies.ts';
import { exportCongress, importCongress } from '../../../services/congress/congress-document.ts';
import {
  closeCongress,
  createCongress,
  getCongress,
  getCongressBasics,
  listCongressBasics,
  updateCongress,
} from '../../../services/congress/congresses.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from '../../../services/congress/organisations.ts';
import {
  addPosition,
  approvePosition,
  fillVacancy,
  removePosition,
  setAlternates,
} from '../../../services/congress/term-positions.ts';
import { createTerm, getTerm, listTerms, updateTerm } from '../../../services/congress/terms.ts';
import { implement } from '../route.ts';

// Organisations, terms and their positions; congresses and plenaries; the congress's bodies;
// the whole congress as one JSON document (contract: src/contract/congress.ts).

export const congressRoutes = [
  // ---- organisations and terms (not congress-scoped: roles held in every congress) ----
  implement(organisationsEndpoint).with(async ({ context }) => listOrganisations(context)),
  implement(createOrganisationEndpoint).with(async ({ context, actor, body }) =>
    createOrganisation(context, actor, body),
  ),
  implement(organisationEndpoint).with(async ({ context, params }) =>
    getOrganisation(context, params.organisationId),
  ),
  implement(updateOrganisationEndpoint).with(async ({ context, actor, params, body }) =>
    updateOrganisation(context, actor, params.organisationId, body),
  ),
  implement(termsEndpoint).with(async ({ context, params }) => listTerms(context, params.organisationId)),
  implement(createTermEndpoint).with(async ({ context, actor, params, body }) =>
    createTerm(context, actor, params.organisationId, body),
  ),
  implement(termEndpoint).with(async ({ context, params }) => getTerm(context, params.termId)),
  implement(updateTermEndpoint).with(async ({ context, actor, params, body }) =>
    updateTerm(context, actor, params.termId, body),
  ),
  implement(addPositionEndpoint).with(async ({ context, actor, params, body }) =>
    addPosition(context, actor, params.termId, body),
  ),
  implement(setAlternatesEndpoint).with(async ({ context, actor, params, body }) =>
    setAlternates(context, actor, params.termId, body.alternates),
  ),
  implement(removePositionEndpoint).with(async ({ context, actor, params }) =>
    removePosition(context, actor, params.termId, params.positionId),
  ),
  implement(approvePositionEndpoint).with(async ({ context, actor, params, body }) =>
    approvePosition(context, actor, params.termId, params.positionId, body.note),
  ),
  implement(vacatePositionEndpoint).with(async ({ context, actor, params }) =>
    fillVacancy(context, actor, params.termId, params.positionId),
  ),

  // ---- congresses and plenaries ----
  implement(congressesEndpoint).with(async ({ context }) => listCongressBasics(context)),
  implement(createCongressEndpoint).with(async ({ context, actor, body }) =>
    createCongress(context, actor, body),
  ),
  implement(importCongressEndpoint).with(async ({ context, actor, body }) =>
    importCongress(context, actor, body),
  ),
  implement(publicCongressEndpoint).with(async ({ context, params }) =>
    getCongressBasics(context, params.congressId),
  ),
  implement(congressEndpoint).with(async ({ context, params }) => getCongress(context, params.congressId)),
  implement(updateCongressEndpoint).with(async ({ context, actor, params, body }) =>
    updateCongress(context, actor, params.congressId, body),
  ),
  implement(closeCongressEndpoint).with(async ({ context, actor, params }) =>
    closeCongress(context, actor, params.congressId),
  ),
  implement(bodiesEndpoint).with(async ({ context, params }) => listBodies(context, params.congressId)),
  implement(setBodyMembersEndpoint).with(async ({ context, actor, params, body }) =>
    setBodyMembers(context, actor, params.congressId, params.body, body.members),
  ),
  implement(exportCongressEndpoint).with(async ({ context, params, reply }) => {
    const document = await exportCongress(context, params.congressId);
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="congress-${params.congressId}.json"`);
    return JSON.stringify(document);
  }),
];
