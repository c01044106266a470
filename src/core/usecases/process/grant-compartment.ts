import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CompartmentId, ProcessId, UserId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { openForManaging } from './member-context.js';

/** Gives a guarantor or observer read access to one compartment ("what they are explicitly given"). */
export async function grantCompartment(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId; compartmentId: CompartmentId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
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
    if (c.kind === 'caucus' || c.kind === 'bilateral' || c.kind === 'mediators')
      throw new DomainError(
        'RULE_VIOLATION',
        'Only the plenary can be given to a guarantor or observer here.',
      );
    if (target.grants.includes(c.id)) return;
    await s.processes.insertGrant(input.processId, input.userId, c.id);
    await s.audit.append({
      kind: 'grant.added',
      data: { userId: input.userId, compartmentId: c.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}
