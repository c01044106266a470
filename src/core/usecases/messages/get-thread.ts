import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { MessageView } from '../../messages/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId, ThreadId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { threadLabeller, viewMessage, type LabelledThread } from './message-view.js';

/** Reads a thread and its messages; a thread the actor may not read answers NOT_FOUND. Audited. */
export async function getThread(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; threadId: ThreadId },
): Promise<{ thread: LabelledThread; messages: MessageView[] }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const thread = await s.messages.findThread(input.threadId, visible);
    if (!thread || thread.processId !== input.processId) throw notFound('Thread');
    const c = compartmentOf(ctx, thread.compartmentId);
    const messages = await s.messages.listMessages(thread.id, visible);
    if (c.kind !== 'public')
      await s.audit.append({
        kind: 'thread.read',
        data: { threadId: thread.id },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: c.id,
      });
    const members = await s.processes.listMembers(input.processId);
    const label = threadLabeller(ctx.compartments, await s.processes.listParties(input.processId));
    return {
      thread: label(thread),
      messages: messages.map((m) => viewMessage(m, ctx.membership, ctx.compartments, members)),
    };
  });
}
