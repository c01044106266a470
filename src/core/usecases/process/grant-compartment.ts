import type { Actor } from '../../access/policy.js';
import { consentForGrant } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CompartmentId, ProcessId, UserId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { openForManaging } from './member-context.js';
import { requestSeat } from './seat-rules.js';

/**
 * Gives a guarantor or observer read access to one compartment ("what they are explicitly given").
 * The plenary is given at once; a party's caucus or bilateral channel, or the mediators' room, only
 * once those who hold it confirm (`access/consent.ts`): until then the grant is pending and opens
 * nothing.
 */
export async function grantCompartment(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId; compartmentId: CompartmentId },
): Promise<{ pending: boolean }> {
  return deps.db.transaction(async (s) => {
    const { ctx, target } = await openForManaging(s, input.actor, input.processId, input.userId);
    // The plenary is what is given, and whoever manages the process may give it without reading
    // it; any other compartment resolves only if the manager may read it, so a hidden one answers
    // like a missing one.
    const plenary = ctx.compartments.find((x) => x.kind === 'plenary');
    const c =
      plenary?.id === input.compartmentId ? plenary : compartmentOf(ctx, input.compartmentId);
    if (target.role !== 'guarantor' && target.role !== 'observer')
      throw new DomainError(
        'RULE_VIOLATION',
        'Only guarantors and observers are given compartments one by one.',
      );
    if (target.grants.includes(c.id)) return { pending: false };
    const holder = consentForGrant(c);
    if (holder) {
      await requestSeat(deps, s, {
        processId: input.processId,
        userId: input.userId,
        origin: 'grant',
        role: null,
        partyId: null,
        compartmentId: c.id,
        initiatedBy: input.actor.userId,
        actorUserId: input.actor.userId,
        holder,
        compartments: ctx.compartments,
      });
      return { pending: true };
    }
    await s.processes.insertGrant(input.processId, input.userId, c.id);
    await s.audit.append({
      kind: 'grant.added',
      data: { userId: input.userId, compartmentId: c.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return { pending: false };
  });
}
