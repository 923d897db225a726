import {
  recordDepartureEndpoint,
  recordSuccessionEndpoint,
  registerEndpoint,
} from '../../../contract/register.ts';
import { recordDeparture, recordSuccession, termRegister } from '../../../services/register/register.ts';
import { implement } from '../route.ts';

// The term's register (contract: src/contract/register.ts).

export const registerRoutes = [
  implement(registerEndpoint).with(async ({ params, context }) =>
    termRegister(context.database.db, params.termId),
  ),
  implement(recordDepartureEndpoint).with(async ({ params, body, actor, context }) =>
    recordDeparture(context, actor, params.termId, params.positionId, body),
  ),
  implement(recordSuccessionEndpoint).with(async ({ params, body, actor, context }) =>
    recordSuccession(context, actor, params.termId, params.positionId, body),
  ),
];
