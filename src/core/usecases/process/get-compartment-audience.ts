import type { Actor } from '../../access/policy.js';
import { canReadCompartment } from '../../access/policy.js';
import type { CompartmentKind } from '../../access/compartments.js';
import { isDelegationRole, isMediatorRole } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { CompartmentId, PartyId, ProcessId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';

/** Who reads a compartment: what an outward action into it reaches. */
export interface CompartmentAudience {
  /** The compartment. */
  readonly compartmentId: CompartmentId;
  /** Its kind: `public` means every member of the process, and the world once released. */
  readonly kind: CompartmentKind;
  /** How many members read it. */
  readonly people: number;
  /** How many of them are on the mediator team. */
  readonly mediatorTeam: number;
  /** The delegations that read it, with how many of their members do. */
  readonly parties: readonly { readonly partyId: PartyId; readonly people: number }[];
  /** Readers outside the mediator team and the delegations (facilitator, guarantors, observers). */
  readonly others: number;
}

/**
 * Who reads a compartment the actor may read, counted by the same policy that lets them read, so
 * that a confirmation can name who will receive what. A compartment the actor may not read
 * answers NOT_FOUND, exactly like one that does not exist; membership is visible to every member
 * already, so the counts tell nothing new. Not audited: it reads no material.
 */
export async function getCompartmentAudience(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; compartmentId: CompartmentId },
): Promise<CompartmentAudience> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const c = compartmentOf(ctx, input.compartmentId);
    const readers = (await s.processes.listMembers(input.processId)).filter((m) =>
      canReadCompartment(m, c),
    );
    const parties = new Map<PartyId, number>();
    let mediatorTeam = 0;
    let others = 0;
    for (const m of readers) {
      if (isMediatorRole(m.role)) mediatorTeam += 1;
      else if (isDelegationRole(m.role) && m.partyId !== null)
        parties.set(m.partyId, (parties.get(m.partyId) ?? 0) + 1);
      else others += 1;
    }
    return {
      compartmentId: c.id,
      kind: c.kind,
      people: readers.length,
      mediatorTeam,
      parties: [...parties].map(([partyId, people]) => ({ partyId, people })),
      others,
    };
  });
}
