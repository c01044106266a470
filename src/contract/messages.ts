/** Messages (C8): threads per compartment, messages, shuttle relays. */
import { z } from 'zod';
import { idSchema, text, timestamp } from './common.js';

/** A thread. */
export const threadResponse = z.object({
  /** Thread id. */
  id: idSchema,
  /** The compartment it and its messages live in. */
  compartmentId: idSchema,
  /** Label of that compartment. */
  compartmentLabel: z.string(),
  /** Title. */
  title: z.string(),
  /** The session it is about, if any. */
  sessionId: idSchema.nullable(),
  /** Started. */
  createdAt: timestamp,
});
/** A thread as a list shows it. */
export const threadSummaryResponse = threadResponse.extend({
  /** How many messages it holds. */
  messageCount: z.number().int(),
  /** The last message's time, or null. */
  lastPostedAt: timestamp.nullable(),
});
/** The threads I may read. */
export const threadListResponse = z.object({ threads: z.array(threadSummaryResponse) });
/** Narrowing a thread list. */
export const threadListQuery = z.object({
  /** Only this compartment. */
  compartmentId: idSchema.optional(),
});
/** A message as I may see it. */
export const messageResponse = z.object({
  /** Message id. */
  id: idSchema,
  /** Its thread. */
  threadId: idSchema,
  /** The text. */
  body: z.string(),
  /** When. */
  postedAt: timestamp,
  /** The author; null for a relay shown outside the mediator team. */
  authorUserId: idSchema.nullable(),
  /** The author's name, or "Relayed by the mediators". */
  authorName: z.string(),
  /** Relayed by the mediators from another channel. */
  relayed: z.boolean(),
  /** The original of a relay: only for the mediator team. */
  relayOf: idSchema.nullable(),
});
/** A thread with its messages. */
export const threadResponseWithMessages = z.object({
  /** The thread. */
  thread: threadResponse,
  /** Its messages, oldest first. */
  messages: z.array(messageResponse),
});
/** Process and thread ids in the path. */
export const threadParams = z.object({ processId: idSchema, threadId: idSchema });
/** Process and message ids in the path. */
export const messageParams = z.object({ processId: idSchema, messageId: idSchema });
/** A new thread. */
export const startThreadRequest = z.object({
  /** The compartment it lives in. */
  compartmentId: idSchema,
  /** Title. */
  title: text(300),
  /** The first message. */
  body: text(20_000),
  /** The session it is about, if any. */
  sessionId: idSchema.nullable().default(null),
});
/** A new message. */
export const postMessageRequest = z.object({
  /** The text. */
  body: text(20_000),
});
/** A shuttle relay. */
export const relayRequest = z.object({
  /** A thread in the other party's bilateral channel. */
  toThreadId: idSchema,
  /** The wording relayed (the original's or a rewording). */
  body: text(20_000),
});
