import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';

/**
 * Turns TOTP off after checking a current code, so a stolen session alone cannot remove it. Kept
 * while a process I belong to requires a second factor and I have no passkey, with the processes
 * named so I know what to do.
 */
export async function disableTotp(
  deps: Deps<'db' | 'clock' | 'totp'>,
  input: { actor: Actor; code: string },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user?.totpSecret || !user.totpEnabled)
      throw new DomainError('RULE_VIOLATION', 'No second factor is enabled.');
    // A code already spent (at sign-in, say) cannot be replayed here: the step is claimed.
    const step = deps.totp.matchStep(user.totpSecret, input.code, deps.clock.now());
    if (step === null || !(await s.accounts.claimTotpStep(user.id, step)))
      throw new DomainError(
        'TOTP_REQUIRED',
        'The code does not match or was already used. Try the next code.',
      );
    // As with the last passkey: keep the second factor while a process requires one and no
    // passkey could stand in for it.
    if ((await s.passkeys.listPasskeys(user.id)).length === 0) {
      const requiring = (await s.processes.listProcessesOf(user.id)).filter((p) => p.requireTotp);
      if (requiring.length > 0)
        throw new DomainError(
          'RULE_VIOLATION',
          `${requiring.map((p) => p.codename).join(', ')} ${
            requiring.length === 1 ? 'requires' : 'require'
          } a second factor: add a passkey before turning the authenticator off.`,
          { processIds: requiring.map((p) => p.id) },
        );
    }
    await s.accounts.updateTotp(user.id, {
      totpSecret: null,
      totpEnabled: false,
      totpLastStep: null,
    });
    await s.audit.append({
      kind: 'totp.disabled',
      data: {},
      actorUserId: user.id,
      processId: null,
      compartmentId: null,
    });
  });
}
