import type { RouteDefinition } from '../route.ts';
import { attendanceRoutes } from './attendance-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { congressRoutes } from './congress-routes.ts';
import { delegateRoutes } from './delegate-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { electionRoutes } from './election-routes.ts';
import { electronicBallotRoutes } from './electronic-ballot-routes.ts';
import { eventRoutes } from './events-routes.ts';
import { newsRoutes } from './news-routes.ts';
import { paperBallotRoutes } from './paper-ballot-routes.ts';
import { procedureRoutes } from './procedure-routes.ts';
import { rehearsalRoutes } from './rehearsal-routes.ts';
import { sessionRoutes } from './session-routes.ts';

// Every endpoint of the API, by area. The permission-matrix test and /api/openapi.json read this list.
export const allRoutes: readonly RouteDefinition[] = [
  ...sessionRoutes,
  ...congressRoutes,
  ...delegateRoutes,
  ...procedureRoutes,
  ...electionRoutes,
  ...attendanceRoutes,
  ...eventRoutes,
  ...electronicBallotRoutes,
  ...paperBallotRoutes,
  ...documentRoutes,
  ...newsRoutes,
  ...auditRoutes,
  ...rehearsalRoutes,
];
