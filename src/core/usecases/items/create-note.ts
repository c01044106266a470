import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { Item, LabelledItem } from '../../items/model.js';
import type { Deps } from '../../ports.js';
import { asId, type CompartmentId, type ProcessId } from '../../shared/ids.js';
import { compartmentOf, itemLabeller, openProcess } from '../process-context.js';

/** Writes a note (title and Markdown body) into one compartment the actor may write to. */
export async function createNote(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    compartmentId: CompartmentId;
    title: string;
    body: string;
  },
): Promise<LabelledItem> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const c = compartmentOf(ctx, input.compartmentId);
    requireWrite(ctx.membership, c, 'Compartment');
    const now = deps.clock.now().toISOString();
    const item: Item = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: c.id,
      kind: 'note',
      title: input.title.trim(),
      body: input.body,
      authorUserId: input.actor.userId,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await s.items.insertItem(item);
    await s.audit.append({
      kind: 'item.created',
      data: { itemId: item.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    return (await itemLabeller(s, ctx))(item);
  });
}
