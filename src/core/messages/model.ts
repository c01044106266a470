/**
 * Messages (C8): threads in each compartment, and shuttle relays — a mediator carries a party's
 * message, possibly reworded, into the other side's bilateral channel. The original stays where it
 * was written; the receiving side sees only "relayed by the mediators".
 */
import type {
  CompartmentId,
  MessageId,
  ProcessId,
  RoundSessionId,
  ThreadId,
  UserId,
} from '../shared/ids.js';

/** A thread of messages in exactly one compartment. */
export interface Thread {
  /** Stable id. */
  id: ThreadId;
  /** The process. */
  processId: ProcessId;
  /** The one compartment it and all its messages live in. */
  compartmentId: CompartmentId;
  /** Title. */
  title: string;
  /** The session it belongs to, if any. */
  sessionId: RoundSessionId | null;
  /** Who started it. */
  createdBy: UserId;
  /** When (ISO 8601). */
  createdAt: string;
}

/** A thread with what a list shows about it. */
export type ThreadSummary = Thread & {
  /** How many messages it holds. */
  messageCount: number;
  /** When the last one was posted (ISO 8601), or null when empty. */
  lastPostedAt: string | null;
};

/** A message as stored. */
export interface Message {
  /** Stable id. */
  id: MessageId;
  /** The process. */
  processId: ProcessId;
  /** Its thread. */
  threadId: ThreadId;
  /** The thread's compartment. */
  compartmentId: CompartmentId;
  /** The text. */
  body: string;
  /** Who posted it (for a relay: the mediator who relayed it). */
  authorUserId: UserId;
  /** When (ISO 8601). */
  postedAt: string;
  /** For a shuttle relay: the original message, which stays in its own channel. */
  relayOf: MessageId | null;
  /** For a shuttle relay: the original's compartment, so the reader's right to see it is decided without loading it. */
  relayOfCompartmentId: CompartmentId | null;
}

/** What every reader is told about who wrote a relayed message. */
export const relayedByTheMediators = 'Relayed by the mediators';

/** A message as one reader may see it. */
export interface MessageView {
  /** Stable id. */
  id: MessageId;
  /** Its thread. */
  threadId: ThreadId;
  /** The text. */
  body: string;
  /** When (ISO 8601). */
  postedAt: string;
  /** The author; null for a relay shown to a reader outside the mediator team. */
  authorUserId: UserId | null;
  /** The author's name, or "Relayed by the mediators". */
  authorName: string;
  /** Whether the mediators relayed it from another channel. */
  relayed: boolean;
  /** The original of a relay, only for a reader who may read the channel it came from. */
  relayOf: MessageId | null;
}
