import type { Deps } from '../../ports.js';
import type { User } from '../../accounts/model.js';

import { NewUser, insertNewUser } from './user-rules.js';

/** Creates an account (the operator's `parley create-admin`, and the demo seed). */
export async function createUser(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: NewUser,
): Promise<User> {
  return deps.db.transaction((s) => insertNewUser(deps, s, input));
}
