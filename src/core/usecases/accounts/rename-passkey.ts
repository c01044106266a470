import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Passkey } from '../../accounts/model.js';
import { notFound } from '../../shared/errors.js';
import { type PasskeyId } from '../../shared/ids.js';

/** Renames one of my passkeys; another person's answers NOT_FOUND. */
export async function renamePasskey(
  deps: Deps<'db'>,
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
