import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess, ownPartyCompartment } from '../process-context.js';
import { partiesAtTable, publicationBound } from './suggestion-rules.js';

/**
 * The head of delegation consents, for the party, to one more suggestion set beyond the bound:
 * the next one to be published (audited in the party's channel with the mediators). A consent is
 * for that publication only; it answers the same whether or not it had been given before.
 */
export async function consentToSuggestionSet(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<{ setNumber: number }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const { partyId, compartment: channel } = ownPartyCompartment(
      ctx,
      'bilateral',
      'A party consents through its head of delegation.',
    );
    if (ctx.membership.role !== 'head_of_delegation')
      throw new DomainError('FORBIDDEN', 'Only the head of delegation consents for the party.');
    const bound = await publicationBound(
      s,
      input.processId,
      await partiesAtTable(s, input.processId),
    );
    const added = await s.suggestions.addConsent({
      processId: input.processId,
      partyId,
      setNumber: bound.nextNumber,
      by: input.actor.userId,
      at: deps.clock.now().toISOString(),
    });
    if (added)
      await s.audit.append({
        kind: 'suggestions.consented',
        data: { partyId, setNumber: bound.nextNumber },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: channel.id,
      });
    return { setNumber: bound.nextNumber };
  });
}
