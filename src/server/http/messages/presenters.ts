/** Threads and messages as the contract shows them. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import { messageResponse, threadResponse } from '../../../contract/messages.js';
import type { MessageView } from '../../../core/messages/model.js';
import type { LabelledThread } from '../../../core/usecases/messages/message-view.js';

/** A message as the contract says (a relay already shaped for its reader by the use case). */
export const presentMessage = (m: MessageView): z.input<typeof messageResponse> => ({
  id: m.id,
  threadId: m.threadId,
  body: m.body,
  postedAt: m.postedAt,
  authorUserId: m.authorUserId,
  authorName: m.authorName,
  relayed: m.relayed,
  relayOf: m.relayOf,
});

/** A thread with the label of its compartment. */
export const presentThread = (t: LabelledThread): z.input<typeof threadResponse> => ({
  id: t.id,
  compartmentId: t.compartmentId,
  compartmentLabel: t.compartmentLabel,
  title: t.title,
  sessionId: t.sessionId,
  createdAt: t.createdAt,
});
