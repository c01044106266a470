import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireWrite } from '../../access/policy.js';
import { isWider } from '../../access/compartments.js';
import type { Message, MessageView, Thread } from '../../messages/model.js';
import type { Deps } from '../../ports.js';
import { hasAcknowledged, sessionThreadAllowedIn } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type CompartmentId, type ProcessId, type RoundSessionId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { threadLabeller, viewMessage, type LabelledThread } from './message-view.js';
import { requireAcknowledged } from '../rounds/round-context.js';

/**
 * Starts a thread with its first message in a compartment the actor may write to, optionally
 * about a session of a round the actor has opened. A session's thread lives in the session's
 * compartment or a narrower one (so every reader of the thread may see the session), and in
 * shuttle and proximity sessions never in the plenary: the parties share no channel there.
 */
export async function startThread(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    compartmentId: CompartmentId;
    title: string;
    body: string;
    sessionId: RoundSessionId | null;
  },
): Promise<{ thread: LabelledThread; message: MessageView }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const c = compartmentOf(ctx, input.compartmentId);
    requireWrite(ctx.membership, c, 'Compartment');
    if (input.sessionId) {
      const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
      const session = await s.rounds.findSession(input.sessionId, visible);
      const round = session && (await s.rounds.findRound(session.roundId));
      if (!session || !round || session.processId !== input.processId) throw notFound('Session');
      requireAcknowledged(
        round,
        hasAcknowledged(round, await s.rounds.listAcknowledgements(input.actor.userId, [round.id])),
      );
      const sc = compartmentOf(ctx, session.compartmentId);
      if (sc.id !== c.id && !isWider(c, sc))
        throw new DomainError(
          'RULE_VIOLATION',
          "A session's thread lives in the session's compartment or a narrower one.",
        );
      if (!sessionThreadAllowedIn(session.format, c.kind))
        throw new DomainError(
          'RULE_VIOLATION',
          `In a ${session.format} session the parties never share a channel: write in a bilateral channel or the mediators' room.`,
        );
    }
    const now = deps.clock.now().toISOString();
    const thread: Thread = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: c.id,
      title: input.title.trim(),
      sessionId: input.sessionId,
      createdBy: input.actor.userId,
      createdAt: now,
    };
    const message: Message = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      threadId: thread.id,
      compartmentId: c.id,
      body: input.body.trim(),
      authorUserId: input.actor.userId,
      postedAt: now,
      relayOf: null,
      relayOfCompartmentId: null,
    };
    await s.messages.insertThread(thread);
    await s.messages.insertMessage(message);
    await s.audit.append({
      kind: 'thread.started',
      data: { threadId: thread.id, sessionId: thread.sessionId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    const members = await s.processes.listMembers(input.processId);
    const label = threadLabeller(ctx.compartments, await s.processes.listParties(input.processId));
    return {
      thread: label(thread),
      message: viewMessage(message, ctx.membership, ctx.compartments, members),
    };
  });
}
