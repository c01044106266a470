import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';

/** Turns TOTP off after checking a current code, so a stolen session alone cannot remove it. */
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
