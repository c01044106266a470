import type { Actor } from '../../access/policy.js';
import type { CoreDeps, Totp } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';

/** Starts TOTP set-up: stores a fresh secret, not yet required, and returns it to show once. */
export async function beginTotpSetup(
  deps: CoreDeps & { totp: Totp },
  input: { actor: Actor },
): Promise<{ secret: string; uri: string }> {
  return deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user) throw notFound('User');
    if (user.totpEnabled)
      throw new DomainError('CONFLICT', 'A second factor is already enabled; disable it first.');
    const secret = deps.totp.newSecret();
    await s.accounts.updateTotp(user.id, {
      totpSecret: secret,
      totpEnabled: false,
      totpLastStep: null,
    });
    return { secret, uri: deps.totp.uri(secret, user.email) };
  });
}

/** Confirms TOTP with a first code from the authenticator; from then on sign-in requires it. */
export async function confirmTotp(
  deps: CoreDeps & { totp: Totp },
  input: { actor: Actor; code: string },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user?.totpSecret || user.totpEnabled)
      throw new DomainError('RULE_VIOLATION', 'Start the set-up of a second factor first.');
    const step = deps.totp.matchStep(user.totpSecret, input.code, deps.clock.now());
    if (step === null)
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

/** Turns TOTP off after checking a current code, so a stolen session alone cannot remove it. */
export async function disableTotp(
  deps: CoreDeps & { totp: Totp },
  input: { actor: Actor; code: string },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user?.totpSecret || !user.totpEnabled)
      throw new DomainError('RULE_VIOLATION', 'No second factor is enabled.');
    if (deps.totp.matchStep(user.totpSecret, input.code, deps.clock.now()) === null)
      throw new DomainError('TOTP_REQUIRED', 'The code does not match. Try the current code.');
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
