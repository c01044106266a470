/** Finding a communiqué the actor may see (shared by the communiqué use cases). */
import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { Communique } from '../../communiques/model.js';
import type { Stores } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A communiqué the actor may see now, with the process context; NOT_FOUND otherwise. */
export async function findVisibleCommunique(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
  id: CommuniqueId,
  now: Date,
): Promise<{ communique: Communique; ctx: ProcessContext }> {
  const ctx = await openProcess(s, actor, processId);
  const visible = readableCompartmentIds(actor, processId, ctx.compartments);
  const communique = await s.communiques.findCommunique(id, visible, now.toISOString());
  if (!communique || communique.processId !== processId) throw notFound('Communiqué');
  return { communique, ctx };
}
