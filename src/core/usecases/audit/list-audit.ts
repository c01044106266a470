import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireOnProcess } from '../../access/policy.js';
import type { AuditEntry } from '../../audit/catalogue.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * The audit log of a process, for those allowed to see it. Entries about material in a
 * compartment the viewer may not read are left out: the log obeys compartments like everything else.
 * Actors are named when they are members of the process.
 */
export async function listAudit(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; limit?: number; beforeSeq?: number },
): Promise<Array<AuditEntry & { actorName: string | null }>> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'view_audit');
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const entries = await s.audit.listForProcess({
      processId: input.processId,
      visible,
      limit: input.limit ?? 100,
      beforeSeq: input.beforeSeq,
    });
    await s.audit.append({
      kind: 'audit.read',
      data: {},
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    const members = await s.processes.listMembers(input.processId);
    const name = (id: string | null) => members.find((m) => m.userId === id)?.displayName ?? null;
    return entries.map((e) => ({ ...e, actorName: name(e.actorUserId) }));
  });
}
