import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Process, ProcessStatus } from '../../process/model.js';
import { canTransition } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { PartyId, ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * Moves the process through its states (exploratory → active ⇄ suspended → concluded), recording
 * the reason and, when one party caused it, that party. The history is part of the record.
 */
export async function changeProcessStatus(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    to: ProcessStatus;
    reason: string;
    causedByPartyId: PartyId | null;
  },
): Promise<Process> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'change_status');
    const from = ctx.process.status;
    if (!canTransition(from, input.to))
      throw new DomainError(
        'INVALID_TRANSITION',
        `A process that is ${from} cannot become ${input.to}.`,
        {
          from,
          to: input.to,
        },
      );
    if (input.causedByPartyId) {
      const parties = await s.processes.listParties(input.processId);
      if (!parties.some((p) => p.id === input.causedByPartyId)) throw notFound('Party');
    }
    const updated = { ...ctx.process, status: input.to };
    await s.processes.updateProcess(updated);
    await s.processes.insertStatusChange(input.processId, {
      at: deps.clock.now().toISOString(),
      subject: 'process',
      partyId: input.causedByPartyId,
      from,
      to: input.to,
      reason: input.reason,
      byUserId: input.actor.userId,
    });
    await s.audit.append({
      kind: 'process.status_changed',
      data: { from, to: input.to, reason: input.reason, partyId: input.causedByPartyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return updated;
  });
}
