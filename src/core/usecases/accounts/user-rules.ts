import type { Stores, Deps } from '../../ports.js';
import type { User } from '../../accounts/model.js';
import { checkPassword } from '../../accounts/sign-in.js';
import { DomainError } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';

/** A new account. */
export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  isAdmin: boolean;
}

/** Creates an account inside an open transaction (used by invitations and the CLI). */
export async function insertNewUser(
  deps: Deps<'clock' | 'ids' | 'hashing'>,
  s: Stores,
  input: NewUser,
): Promise<User> {
  checkPassword(input.password);
  const email = input.email.trim().toLowerCase();
  if (await s.accounts.findUserByEmail(email))
    throw new DomainError('CONFLICT', 'An account with this e-mail address already exists.');
  const user: User = {
    id: asId(deps.ids.newId()),
    email,
    displayName: input.displayName.trim(),
    passwordHash: await deps.hashing.hashPassword(input.password),
    isAdmin: input.isAdmin,
    totpSecret: null,
    totpEnabled: false,
    totpLastStep: null,
    createdAt: deps.clock.now().toISOString(),
  };
  await s.accounts.insertUser(user);
  await s.audit.append({
    kind: 'user.created',
    data: { isAdmin: user.isAdmin },
    actorUserId: user.id,
    processId: null,
    compartmentId: null,
  });
  return user;
}
