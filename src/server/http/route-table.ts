/** The route table: every API route, in one list. The OpenAPI document and the authorization
 *  matrix test are generated from it. */
import type { RouteDef } from './route.js';
import { authRoutes } from './accounts/routes.js';
import { itemRoutes } from './items/routes.js';
import { auditRoutes } from './audit/routes.js';
import { peopleRoutes } from './process/people-routes.js';
import { processRoutes } from './process/routes.js';
import { recordRoutes } from './record/routes.js';
import { textRoutes } from './text/routes.js';
import { analysisRoutes } from './analysis/routes.js';
import { roundRoutes } from './rounds/routes.js';
import { messageRoutes } from './messages/routes.js';
import { communiqueRoutes } from './communiques/routes.js';
import { passkeyRoutes } from './accounts/passkey-routes.js';
import { mediaRoutes } from './media/routes.js';
import { implementationRoutes } from './implementation/routes.js';
import { searchRoutes } from './search/routes.js';
import { operatorRoutes } from './operator/routes.js';

export const routeTable: readonly RouteDef[] = [
  ...authRoutes,
  ...processRoutes,
  ...peopleRoutes,
  ...itemRoutes,
  ...auditRoutes,
  ...recordRoutes,
  ...textRoutes,
  ...analysisRoutes,
  ...roundRoutes,
  ...messageRoutes,
  ...communiqueRoutes,
  ...passkeyRoutes,
  ...mediaRoutes,
  ...implementationRoutes,
  ...searchRoutes,
  ...operatorRoutes,
];
