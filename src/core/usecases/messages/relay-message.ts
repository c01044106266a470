import type { Actor } from '../../access/policy.js';
import { canRelay, readableCompartmentIds } from '../../access/policy.js';
import type { Message, MessageView } from '../../messages/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type MessageId, type ProcessId, type ThreadId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { viewMessage } from './message-view.js';

/**
 * Shuttle diplomacy: a mediator relays a party's message, possibly reworded, into a thread of the
 * other side's bilateral channel. The original stays in the channel it came from; the relay is
 * linked to it, and the receiving side sees only "relayed by the mediators". Two audit events: the
 * post in the receiving channel (what its readers may know), and the link in the mediators' room.
 */
export async function relayMessage(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    messageId: MessageId;
    toThreadId: ThreadId;
    body: string;
  },
): Promise<MessageView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const original = await s.messages.findMessage(input.messageId, visible);
    if (!original || original.processId !== input.processId) throw notFound('Message');
    const thread = await s.messages.findThread(input.toThreadId, visible);
    if (!thread || thread.processId !== input.processId) throw notFound('Thread');
    const from = compartmentOf(ctx, original.compartmentId);
    const to = compartmentOf(ctx, thread.compartmentId);
    if (from.kind !== 'bilateral' || to.kind !== 'bilateral' || from.partyId === to.partyId)
      throw new DomainError(
        'RULE_VIOLATION',
        "A shuttle relay carries a message from one party's bilateral channel to another party's.",
      );
    if (original.relayOf !== null)
      throw new DomainError('RULE_VIOLATION', 'Relay the original message, not a relay of it.');
    const room = ctx.compartments.find((c) => c.kind === 'mediators');
    if (!canRelay(ctx.membership, from, to) || !room)
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator and the mediators relay messages.',
      );
    const relay: Message = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      threadId: thread.id,
      compartmentId: to.id,
      body: input.body.trim(),
      authorUserId: input.actor.userId,
      postedAt: deps.clock.now().toISOString(),
      relayOf: original.id,
      relayOfCompartmentId: from.id,
    };
    await s.messages.insertMessage(relay);
    await s.audit.append({
      kind: 'message.posted',
      data: { messageId: relay.id, threadId: thread.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: to.id,
    });
    await s.audit.append({
      kind: 'message.relayed',
      data: { messageId: relay.id, relayOf: original.id, from: from.id, to: to.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: room.id,
    });
    const members = await s.processes.listMembers(input.processId);
    return viewMessage(relay, ctx.membership, ctx.compartments, members);
  });
}
