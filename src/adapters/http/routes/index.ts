import type { RouteDefinition } from '../route.ts';
import { attendanceRoutes } from './attendance-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { congressRoutes } from './congress-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { delegateRoutes } from './delegate-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { electionRoutes } from './election-routes.ts';
import { electronicBallotRoutes } from './electronic-ballot-routes.ts';
import { eventRoutes } from './events-routes.ts';
import { followUpRoutes } from './follow-up-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { newsRoutes } from './news-routes.ts';
import { paperBallotRoutes } from './paper-ballot-routes.ts';
import { procedureRoutes } from './procedure-routes.ts';
import { registerRoutes } from './register-routes.ts';
import { rehearsalRoutes } from './rehearsal-routes.ts';
import { scanRoutes } from './scan-routes.ts';
import { screenRoutes } from './screen-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { topicRoutes } from './topic-routes.ts';

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
  ...scanRoutes,
  ...documentRoutes,
  ...newsRoutes,
  ...auditRoutes,
  ...rehearsalRoutes,
  ...screenRoutes,
  ...registerRoutes,
  ...meetingRoutes,
  ...topicRoutes,
  ...decisionRoutes,
  ...followUpRoutes,
];
