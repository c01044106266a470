import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * The facilitator sets how many suggestion sets a round allows without every party's consent.
 * Not the mediator team, who publish: whoever publishes does not also set its own limit. Process
 * set-up: every member is told.
 */
export async function setSuggestionBound(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; setsPerRound: number },
): Promise<{ setsPerRound: number }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const role = ctx.membership.role;
    if (role !== 'facilitator')
      throw new DomainError(
        'FORBIDDEN',
        'The facilitator sets how many suggestion sets a round allows.',
      );
    if (!Number.isInteger(input.setsPerRound) || input.setsPerRound < 0 || input.setsPerRound > 20)
      throw new DomainError(
        'RULE_VIOLATION',
        'Suggestion sets per round must be a whole number from 0 to 20.',
      );
    await s.suggestions.saveSettings(
      input.processId,
      { setsPerRound: input.setsPerRound },
      input.actor.userId,
      deps.clock.now().toISOString(),
    );
    await s.audit.append({
      kind: 'suggestions.bound_set',
      data: { setsPerRound: input.setsPerRound },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return { setsPerRound: input.setsPerRound };
  });
}
