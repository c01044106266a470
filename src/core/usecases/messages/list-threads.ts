import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { ThreadSummary } from '../../messages/model.js';
import type { Deps } from '../../ports.js';
import type { CompartmentId, ProcessId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { threadLabeller, type LabelledThread } from './message-view.js';

/**
 * The threads the actor may read in a process, optionally in one compartment, most recently active
 * first. Filtered in the query; listing non-public threads is audited per compartment.
 */
export async function listThreads(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; compartmentId?: CompartmentId },
): Promise<Array<LabelledThread<ThreadSummary>>> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    if (input.compartmentId) compartmentOf(ctx, input.compartmentId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const threads = await s.messages.listThreads({
      processId: input.processId,
      visible,
      compartmentId: input.compartmentId,
    });
    const publicIds = new Set(ctx.compartments.filter((c) => c.kind === 'public').map((c) => c.id));
    for (const compartmentId of new Set(threads.map((t) => t.compartmentId)))
      if (!publicIds.has(compartmentId))
        await s.audit.append({
          kind: 'compartment.listed',
          data: { query: 'threads' },
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId,
        });
    const label = threadLabeller(ctx.compartments, await s.processes.listParties(input.processId));
    return threads.map(label);
  });
}
