import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireWrite } from '../../access/policy.js';
import type { Message, MessageView } from '../../messages/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import { asId, type ProcessId, type ThreadId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { viewMessage } from './message-view.js';

/** Posts a message to a thread the actor may write to (NOT_FOUND if unreadable, FORBIDDEN if read-only). */
export async function postMessage(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; threadId: ThreadId; body: string },
): Promise<MessageView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const thread = await s.messages.findThread(input.threadId, visible);
    if (!thread || thread.processId !== input.processId) throw notFound('Thread');
    const c = compartmentOf(ctx, thread.compartmentId);
    requireWrite(ctx.membership, c, 'Thread');
    const message: Message = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      threadId: thread.id,
      compartmentId: c.id,
      body: input.body.trim(),
      authorUserId: input.actor.userId,
      postedAt: deps.clock.now().toISOString(),
      relayOf: null,
      relayOfCompartmentId: null,
    };
    await s.messages.insertMessage(message);
    await s.audit.append({
      kind: 'message.posted',
      data: { messageId: message.id, threadId: thread.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    const members = await s.processes.listMembers(input.processId);
    return viewMessage(message, ctx.membership, ctx.compartments, members);
  });
}
