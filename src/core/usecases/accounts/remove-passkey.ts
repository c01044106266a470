import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { type PasskeyId } from '../../shared/ids.js';

/**
 * Removes one of my passkeys; another person's answers NOT_FOUND. Only a session opened with a
 * passkey may remove one (a stolen password must not strip the account of what protects it; who
 * lost every passkey asks the operator for `parley users reset-sign-in`). The last one is kept
 * while a process I belong to requires passkeys, with the processes named so I know what to do.
 */
export async function removePasskey(
  deps: Deps<'db'>,
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
