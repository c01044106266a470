import type { Actor } from '../../access/policy.js';
import { canRelease } from '../../access/policy.js';
import { isWider } from '../../access/compartments.js';
import type { Item, LabelledItem } from '../../items/model.js';
import { itemLabeller } from '../process-context.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CompartmentId, ItemId, ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { findVisibleItem } from './item-context.js';

/**
 * Releases an item to a wider compartment: an explicit, audited act by someone allowed to do it
 * (a party's head of delegation for its own material, the lead mediator for the mediators' room
 * and plenary). Narrowing is never a release.
 */
export async function releaseItem(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    itemId: ItemId;
    to: CompartmentId;
    baseRevision: number;
  },
): Promise<LabelledItem> {
  return deps.db.transaction(async (s) => {
    const {
      item,
      compartment: from,
      ctx,
    } = await findVisibleItem(s, input.actor, input.processId, input.itemId);
    const to = compartmentOf(ctx, input.to);
    if (!isWider(from, to))
      throw new DomainError(
        'RULE_VIOLATION',
        'An item can only be released to a wider compartment.',
      );
    if (!canRelease(ctx.membership, from, to))
      throw new DomainError(
        'FORBIDDEN',
        'Your role may not release material from this compartment.',
      );
    if (item.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The item changed since you opened it; review it before releasing.',
        {
          current: { revision: item.revision },
        },
      );
    const released: Item = {
      ...item,
      compartmentId: to.id,
      updatedAt: deps.clock.now().toISOString(),
      revision: item.revision + 1,
    };
    if (!(await s.items.updateItem(released, item.revision)))
      throw new DomainError('STALE_REVISION', 'The item changed while releasing; try again.');
    await s.audit.append({
      kind: 'item.released',
      data: { itemId: item.id, from: from.id, to: to.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: to.id,
    });
    return (await itemLabeller(s, ctx))(released);
  });
}
