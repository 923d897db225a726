import { screenEndpoint, setScreenEndpoint } from '../../../contract/screen.ts';
import { screenView, setScreen } from '../../../services/screen/screen.ts';
import { implement } from '../route.ts';

// The hall's big screen (contract: src/contract/screen.ts): what it shows, read by every screen
// without a login, and set by the secretariat or the presiding officer.

export const screenRoutes = [
  implement(screenEndpoint).with(async ({ context, params }) =>
    screenView(context.database.db, params.congressId),
  ),
  implement(setScreenEndpoint).with(async ({ context, actor, params, body }) =>
    setScreen(context, actor, params.congressId, body),
  ),
];
