import type { Actor } from '../../access/policy.js';
import { canOnProcess } from '../../access/policy.js';
import type { Party, PartyStatus } from '../../process/model.js';
import { canTransitionParty } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { PartyId, ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * A party suspends its participation, resumes it, or withdraws (final). Its head of delegation
 * says so, or the process's managers record it; either way it becomes part of the record.
 */
export async function changePartyStatus(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; partyId: PartyId; to: PartyStatus; reason: string },
): Promise<Party> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const party = (await s.processes.listParties(input.processId)).find(
      (p) => p.id === input.partyId,
    );
    if (!party) throw notFound('Party');
    const m = ctx.membership;
    const ownHead = m.role === 'head_of_delegation' && m.partyId === party.id;
    if (!ownHead && !canOnProcess(m, 'manage'))
      throw new DomainError(
        'FORBIDDEN',
        "Only the party's head of delegation or the process managers may change its standing.",
      );
    if (!canTransitionParty(party.status, input.to))
      throw new DomainError(
        'INVALID_TRANSITION',
        `A party that is ${party.status} cannot become ${input.to}.`,
        {
          from: party.status,
          to: input.to,
        },
      );
    const updated = { ...party, status: input.to };
    await s.processes.updateParty(updated);
    await s.processes.insertStatusChange(input.processId, {
      at: deps.clock.now().toISOString(),
      subject: 'party',
      partyId: party.id,
      from: party.status,
      to: input.to,
      reason: input.reason,
      byUserId: input.actor.userId,
    });
    await s.audit.append({
      kind: 'party.status_changed',
      data: { partyId: party.id, from: party.status, to: input.to, reason: input.reason },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return updated;
  });
}
