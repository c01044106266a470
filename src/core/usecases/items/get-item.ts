import type { Actor } from '../../access/policy.js';
import type { LabelledItem } from '../../items/model.js';
import { itemLabeller } from '../process-context.js';
import type { Deps } from '../../ports.js';
import type { ItemId, ProcessId } from '../../shared/ids.js';
import { findVisibleItem } from './item-context.js';

/** Reads one item; an item the actor may not read answers NOT_FOUND. Non-public reads are audited. */
export async function getItem(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; itemId: ItemId },
): Promise<LabelledItem> {
  return deps.db.transaction(async (s) => {
    const { item, compartment, ctx } = await findVisibleItem(
      s,
      input.actor,
      input.processId,
      input.itemId,
    );
    if (compartment.kind !== 'public')
      await s.audit.append({
        kind: 'item.read',
        data: { itemId: item.id },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: item.compartmentId,
      });
    return (await itemLabeller(s, ctx))(item);
  });
}
