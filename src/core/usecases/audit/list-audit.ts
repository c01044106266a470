import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireOnProcess } from '../../access/policy.js';
import type { ScopedAuditEntry } from '../../audit/scope.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * The audit log of a process, for those allowed to see it, newest first. Entries about material in
 * a compartment the viewer may not read are left out: the log obeys compartments like everything
 * else. Each entry is numbered in its audit scope, never in the global log (whose numbers count
 * every act of every process); older pages start before an entry the viewer was shown, named by
 * its scope and number. Actors are named when they are members of the process.
 */
export async function listAudit(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    limit?: number;
    /** Entries older than this one (from an earlier page). */
    before?: { scope: string; seq: number };
  },
): Promise<Array<ScopedAuditEntry & { actorName: string | null }>> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'view_audit');
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    let beforeSeq: number | undefined;
    if (input.before) {
      const from = await s.audit.findInScope(input.before.scope, input.before.seq);
      const shown =
        from?.processId === input.processId &&
        (from.compartmentId === null || visible.some((id) => id === from.compartmentId));
      if (!from || !shown) throw notFound('Audit entry');
      beforeSeq = from.seq;
    }
    const entries = await s.audit.listForProcess({
      processId: input.processId,
      visible,
      limit: input.limit ?? 100,
      beforeSeq,
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
