import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { LabelledItem } from '../../items/model.js';
import type { Deps } from '../../ports.js';
import type { CompartmentId, ProcessId } from '../../shared/ids.js';
import { compartmentOf, itemLabeller, openProcess } from '../process-context.js';

/**
 * Lists and searches the items the actor may read in a process, optionally in one compartment.
 * The filter is applied in the query, so nothing outside the actor's compartments is ever loaded.
 * Listing non-public material is itself audited.
 */
export async function listItems(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    compartmentId?: CompartmentId;
    text?: string;
    limit?: number;
  },
): Promise<LabelledItem[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    if (input.compartmentId) compartmentOf(ctx, input.compartmentId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const items = await s.items.listItems({
      processId: input.processId,
      visible,
      compartmentId: input.compartmentId,
      text: input.text?.trim() || undefined,
      limit: input.limit ?? 200,
    });
    // One entry per non-public compartment that contributed, so each entry is visible only to
    // those who may know of that compartment's material.
    const publicIds = new Set(ctx.compartments.filter((c) => c.kind === 'public').map((c) => c.id));
    const seen = [...new Set(items.map((i) => i.compartmentId))].filter((id) => !publicIds.has(id));
    const searched = Boolean(input.text?.trim());
    for (const compartmentId of seen) {
      const who = { actorUserId: input.actor.userId, processId: input.processId, compartmentId };
      await s.audit.append(
        searched
          ? { kind: 'compartment.searched', data: {}, ...who }
          : { kind: 'compartment.listed', data: { query: null }, ...who },
      );
    }
    const label = await itemLabeller(s, ctx);
    return items.map(label);
  });
}
