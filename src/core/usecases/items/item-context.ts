import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import type { Item } from '../../items/model.js';
import type { Stores } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ItemId, ProcessId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** An item the actor may read, with its compartment and the process context; else NOT_FOUND. */
export async function findVisibleItem(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
  itemId: ItemId,
): Promise<{ item: Item; compartment: Compartment; ctx: ProcessContext }> {
  const ctx = await openProcess(s, actor, processId);
  const visible = readableCompartmentIds(actor, processId, ctx.compartments);
  const item = await s.items.findItem(itemId, visible);
  const compartment = item && ctx.compartments.find((c) => c.id === item.compartmentId);
  if (!item || !compartment || item.processId !== processId) throw notFound('Item');
  return { item, compartment, ctx };
}
