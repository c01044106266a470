/** The route table: every API route, in one list. The OpenAPI document and the authorization
 *  matrix test are generated from it. */
import type { RouteDef } from '../route.js';
import { authRoutes } from './auth.js';
import { itemRoutes } from './items.js';
import { peopleRoutes } from './people.js';
import { processRoutes } from './processes.js';
import { recordRoutes } from './record.js';
import { textRoutes } from './text.js';
import { analysisRoutes } from './analysis.js';
import { roundRoutes } from './rounds.js';
import { messageRoutes } from './messages.js';
import { communiqueRoutes } from './communiques.js';
import { passkeyRoutes } from './passkeys.js';

export const routeTable: readonly RouteDef[] = [
  ...authRoutes,
  ...processRoutes,
  ...peopleRoutes,
  ...itemRoutes,
  ...recordRoutes,
  ...textRoutes,
  ...analysisRoutes,
  ...roundRoutes,
  ...messageRoutes,
  ...communiqueRoutes,
  ...passkeyRoutes,
];
