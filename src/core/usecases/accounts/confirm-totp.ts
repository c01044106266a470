import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';

/** Confirms TOTP with a first code from the authenticator; from then on sign-in requires it. */
export async function confirmTotp(
  deps: Deps<'db' | 'clock' | 'totp'>,
  input: { actor: Actor; code: string },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user?.totpSecret || user.totpEnabled)
      throw new DomainError('RULE_VIOLATION', 'Start the set-up of a second factor first.');
    const step = deps.totp.matchStep(user.totpSecret, input.code, deps.clock.now());
    // Claimed conditionally, so that two confirmations with one code cannot both pass.
    if (step === null || !(await s.accounts.claimTotpStep(user.id, step)))
      throw new DomainError('TOTP_REQUIRED', 'The code does not match. Try the current code.');
    await s.accounts.updateTotp(user.id, {
      totpSecret: user.totpSecret,
      totpEnabled: true,
      totpLastStep: step,
    });
    await s.audit.append({
      kind: 'totp.enabled',
      data: {},
      actorUserId: user.id,
      processId: null,
      compartmentId: null,
    });
  });
}
