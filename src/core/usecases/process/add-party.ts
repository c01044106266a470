import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Party } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** Adds a party to the process, with its caucus and its bilateral channel with the mediators. */
export async function addParty(
  deps: Deps<'db' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; name: string; code: string },
): Promise<Party> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'manage');
    const code = input.code.trim().toUpperCase();
    const existing = await s.processes.listParties(input.processId);
    if (existing.some((p) => p.code === code))
      throw new DomainError(
        'CONFLICT',
        `A party with the code ${code} already exists in this process.`,
      );
    const party: Party = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      name: input.name.trim(),
      code,
      status: 'participating',
    };
    await s.processes.insertParty(party);
    for (const kind of ['caucus', 'bilateral'] as const)
      await s.items.insertCompartment({
        id: asId(deps.ids.newId()),
        processId: input.processId,
        kind,
        partyId: party.id,
      });
    await s.audit.append({
      kind: 'party.added',
      data: { partyId: party.id, code },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return party;
  });
}
