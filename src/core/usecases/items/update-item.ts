import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { Item, LabelledItem } from '../../items/model.js';
import { itemLabeller } from '../process-context.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ItemId, ProcessId } from '../../shared/ids.js';
import { findVisibleItem } from './item-context.js';

/**
 * Edits an item. The edit names the revision it starts from; if someone changed the item since,
 * it is refused with STALE_REVISION and the current item, so nobody overwrites anyone silently.
 */
export async function updateItem(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    itemId: ItemId;
    baseRevision: number;
    changes: { title?: string; body?: string };
  },
): Promise<LabelledItem> {
  return deps.db.transaction(async (s) => {
    const { item, compartment, ctx } = await findVisibleItem(
      s,
      input.actor,
      input.processId,
      input.itemId,
    );
    requireWrite(ctx.membership, compartment, 'Item');
    const stale = () =>
      new DomainError(
        'STALE_REVISION',
        'Someone changed this item since you opened it. Review the current text and edit again.',
        {
          current: {
            revision: item.revision,
            title: item.title,
            body: item.body,
            updatedAt: item.updatedAt,
          },
        },
      );
    if (item.revision !== input.baseRevision) throw stale();
    const updated: Item = {
      ...item,
      title: input.changes.title?.trim() ?? item.title,
      body: input.changes.body ?? item.body,
      updatedAt: deps.clock.now().toISOString(),
      revision: item.revision + 1,
    };
    if (!(await s.items.updateItem(updated, input.baseRevision))) throw stale();
    await s.audit.append({
      kind: 'item.updated',
      data: { itemId: item.id, revision: updated.revision },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: item.compartmentId,
    });
    return (await itemLabeller(s, ctx))(updated);
  });
}
