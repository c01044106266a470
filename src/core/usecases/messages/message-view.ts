/** Messages as one member sees them (shared by the message use cases). */
import { canSeeRelaySource } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import { compartmentLabel } from '../../access/compartments.js';
import {
  relayedByTheMediators,
  type Message,
  type MessageView,
  type Thread,
} from '../../messages/model.js';
import type { Membership, Party } from '../../process/model.js';
import type { PartyId } from '../../shared/ids.js';

/**
 * A message as the reader sees it. A relay shows its source and the relaying mediator only to the
 * mediator team reading the source channel; anyone else reads "relayed by the mediators".
 */
export function viewMessage(
  msg: Message,
  reader: Membership,
  compartments: readonly Compartment[],
  members: ReadonlyArray<Membership & { displayName: string }>,
): MessageView {
  const name = members.find((m) => m.userId === msg.authorUserId)?.displayName ?? '';
  const base = { id: msg.id, threadId: msg.threadId, body: msg.body, postedAt: msg.postedAt };
  if (msg.relayOf === null)
    return {
      ...base,
      authorUserId: msg.authorUserId,
      authorName: name,
      relayed: false,
      relayOf: null,
    };
  const source = compartments.find((c) => c.id === msg.relayOfCompartmentId);
  return source && canSeeRelaySource(reader, source)
    ? {
        ...base,
        authorUserId: msg.authorUserId,
        authorName: name,
        relayed: true,
        relayOf: msg.relayOf,
      }
    : {
        ...base,
        authorUserId: null,
        authorName: relayedByTheMediators,
        relayed: true,
        relayOf: null,
      };
}

/** A thread with the label of its compartment, which every screen shows beside it. */
export type LabelledThread<T extends Thread = Thread> = T & {
  /** E.g. "Plenary", "GOV – mediators bilateral". */
  compartmentLabel: string;
};

/** Labels threads with their compartment, given the process's parties. */
export function threadLabeller(
  compartments: readonly Compartment[],
  parties: readonly Party[],
): <T extends Thread>(t: T) => LabelledThread<T> {
  const code = (id: PartyId) => parties.find((p) => p.id === id)?.code ?? '?';
  return (t) => {
    const c = compartments.find((x) => x.id === t.compartmentId);
    return { ...t, compartmentLabel: c ? compartmentLabel(c, code) : '' };
  };
}
