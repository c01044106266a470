/** Shared steps of the passkey use cases: pending challenges and the verifier's view of a passkey. */
import type { PasskeyCredential, WebAuthnOptions, Deps } from '../../ports.js';
import type { ChallengePurpose, Passkey, WebAuthnChallenge } from '../../accounts/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ChallengeId, type UserId } from '../../shared/ids.js';

/** A started registration or sign-in: options for the browser, and the id to answer with. */
export interface PasskeyChallenge {
  /** Sent back with the browser's answer. */
  challengeId: ChallengeId;
  /** For navigator.credentials.create() or get(). */
  options: WebAuthnOptions;
}

/** How long a registration or sign-in request stays open (the browser's own timeout is shorter). */
export const challengeLifetimeMs = 5 * 60 * 1000;

/** What the verifier needs of a stored passkey. */
export function credentialOf(p: Passkey): PasskeyCredential {
  return {
    credentialId: p.credentialId,
    publicKey: p.publicKey,
    counter: p.counter,
    transports: p.transports,
  };
}

/**
 * Stores the challenge of options about to be sent to the browser, for one purpose (and, when
 * known, one account), clearing expired ones on the way; answers what the browser needs.
 */
export async function issueChallenge(
  deps: Deps<'db' | 'clock' | 'ids'>,
  purpose: ChallengePurpose,
  userId: UserId | null,
  options: WebAuthnOptions,
): Promise<PasskeyChallenge> {
  const now = deps.clock.now();
  const challenge: WebAuthnChallenge = {
    id: asId(deps.ids.newId()),
    purpose,
    userId,
    challenge: options.challenge,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + challengeLifetimeMs).toISOString(),
  };
  await deps.db.transaction(async (s) => {
    await s.passkeys.deleteExpiredChallenges(challenge.createdAt);
    await s.passkeys.insertChallenge(challenge);
  });
  return { challengeId: challenge.id, options };
}

/**
 * Takes a pending challenge for one purpose (and, when given, one account), deleting it in its own
 * transaction before anything is verified: an answer can be tried once, and a replayed or late one
 * finds nothing.
 */
export async function takeChallenge(
  deps: Deps<'db' | 'clock'>,
  id: ChallengeId,
  purpose: ChallengePurpose,
  userId: UserId | null,
): Promise<WebAuthnChallenge> {
  const challenge = await deps.db.transaction((s) => s.passkeys.takeChallenge(id));
  if (
    !challenge ||
    challenge.purpose !== purpose ||
    challenge.expiresAt <= deps.clock.now().toISOString() ||
    (userId !== null && challenge.userId !== userId)
  )
    throw new DomainError(
      'PASSKEY_INVALID',
      'This passkey request has expired or was already used. Start again.',
    );
  return challenge;
}
