import type { Actor } from '../../access/policy.js';
import type { PasskeyRegistrationResponse, Deps } from '../../ports.js';
import type { Passkey } from '../../accounts/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ChallengeId } from '../../shared/ids.js';
import { takeChallenge } from './passkey-rules.js';

/**
 * Verifies the browser's answer against my pending request (once), this server's origin and
 * relying party id, and stores the new passkey under the name I gave it.
 */
export async function registerPasskey(
  deps: Deps<'db' | 'clock' | 'ids' | 'webAuthn'>,
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
