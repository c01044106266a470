/**
 * My passkeys: register one (options, then the browser's answer verified and stored), list,
 * rename and remove them. Each change is audited. The last passkey cannot be removed while a
 * process I belong to requires passkeys, or I would lock myself out of it.
 */
import type { Actor } from '../../access/policy.js';
import type { CoreDeps, Passkey, PasskeyRegistrationResponse, WebAuthn } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ChallengeId, type PasskeyId } from '../../shared/ids.js';
import {
  issueChallenge,
  credentialOf,
  takeChallenge,
  type PasskeyChallenge,
} from './passkey-challenges.js';

/** What registering needs. */
export type PasskeyDeps = CoreDeps & { webAuthn: WebAuthn };

/** Starts registering a passkey: options for navigator.credentials.create(), and the request's id. */
export async function beginPasskeyRegistration(
  deps: PasskeyDeps,
  input: { actor: Actor },
): Promise<PasskeyChallenge> {
  const { user, passkeys } = await deps.db.transaction(async (s) => ({
    user: await s.accounts.findUserById(input.actor.userId),
    passkeys: await s.passkeys.listPasskeys(input.actor.userId),
  }));
  if (!user) throw notFound('User');
  const options = await deps.webAuthn.registrationOptions({
    userId: user.id,
    userName: user.email,
    displayName: user.displayName,
    exclude: passkeys.map(credentialOf),
  });
  return issueChallenge(deps, 'register', user.id, options);
}

/**
 * Verifies the browser's answer against my pending request (once), this server's origin and
 * relying party id, and stores the new passkey under the name I gave it.
 */
export async function registerPasskey(
  deps: PasskeyDeps,
  input: {
    actor: Actor;
    challengeId: ChallengeId;
    name: string;
    response: PasskeyRegistrationResponse;
  },
): Promise<Passkey> {
  const challenge = await takeChallenge(deps, input.challengeId, 'register', input.actor.userId);
  const verified = await deps.webAuthn.verifyRegistration({
    response: input.response,
    expectedChallenge: challenge.challenge,
  });
  if (!verified.ok)
    throw new DomainError(
      'PASSKEY_INVALID',
      `The new passkey could not be verified: ${verified.reason}`,
    );
  const passkey: Passkey = {
    id: asId(deps.ids.newId()),
    userId: input.actor.userId,
    ...verified.credential,
    name: input.name.trim(),
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
  };
  return deps.db.transaction(async (s) => {
    if (await s.passkeys.findPasskeyByCredentialId(passkey.credentialId))
      throw new DomainError('CONFLICT', 'This passkey is already registered.');
    await s.passkeys.insertPasskey(passkey);
    await s.audit.append({
      kind: 'passkey.registered',
      data: { passkeyId: passkey.id, name: passkey.name },
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
    return passkey;
  });
}

/** My passkeys, oldest first. */
export async function listPasskeys(
  deps: Pick<CoreDeps, 'db'>,
  input: { actor: Actor },
): Promise<Passkey[]> {
  return deps.db.transaction((s) => s.passkeys.listPasskeys(input.actor.userId));
}

/** Renames one of my passkeys; another person's answers NOT_FOUND. */
export async function renamePasskey(
  deps: CoreDeps,
  input: { actor: Actor; passkeyId: PasskeyId; name: string },
): Promise<Passkey> {
  return deps.db.transaction(async (s) => {
    const passkey = await s.passkeys.findPasskey(input.passkeyId);
    if (!passkey || passkey.userId !== input.actor.userId) throw notFound('Passkey');
    const name = input.name.trim();
    await s.passkeys.renamePasskey(passkey.id, name);
    await s.audit.append({
      kind: 'passkey.renamed',
      data: { passkeyId: passkey.id, name },
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
    return { ...passkey, name };
  });
}

/**
 * Removes one of my passkeys; another person's answers NOT_FOUND. Only a session opened with a
 * passkey may remove one (a stolen password must not strip the account of what protects it; who
 * lost every passkey asks the operator for `parley users reset-sign-in`). The last one is kept
 * while a process I belong to requires passkeys, with the processes named so I know what to do.
 */
export async function removePasskey(
  deps: CoreDeps,
  input: { actor: Actor; passkeyId: PasskeyId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const passkey = await s.passkeys.findPasskey(input.passkeyId);
    if (!passkey || passkey.userId !== input.actor.userId) throw notFound('Passkey');
    if (!input.actor.passkey)
      throw new DomainError(
        'RULE_VIOLATION',
        'Sign in with one of your passkeys to remove a passkey. If you have lost them all, ask the operator of this Parley to reset your sign-in.',
      );
    const mine = await s.passkeys.listPasskeys(input.actor.userId);
    if (mine.length === 1) {
      const requiring = (await s.processes.listProcessesOf(input.actor.userId)).filter(
        (p) => p.requirePasskey,
      );
      if (requiring.length > 0)
        throw new DomainError(
          'RULE_VIOLATION',
          `This is your last passkey, and ${requiring.map((p) => p.codename).join(', ')} ${
            requiring.length === 1 ? 'requires' : 'require'
          } passkeys: add another passkey before removing this one.`,
          { processIds: requiring.map((p) => p.id) },
        );
    }
    await s.passkeys.deletePasskey(passkey.id);
    await s.audit.append({
      kind: 'passkey.removed',
      data: { passkeyId: passkey.id },
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
  });
}
