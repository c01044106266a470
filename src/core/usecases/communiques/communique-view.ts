/** Communiqués as one member sees them (shared by the communiqué use cases). */
import type { Compartment } from '../../access/compartments.js';
import {
  approversAwaited,
  isPublicAt,
  type Communique,
  type CommuniqueApproval,
  type CommuniqueObjection,
} from '../../communiques/model.js';
import { isMediatorRole, type Membership, type Party } from '../../process/model.js';
import type { CompartmentId, PartyId } from '../../shared/ids.js';

/** A communiqué with its approvals and where it is visible now. */
export type CommuniqueView = Communique & {
  /** Whether it is public now (released, embargo past). */
  isPublic: boolean;
  /** Where it is visible now: its compartment, or the public compartment once public. */
  visibleIn: CompartmentId;
  /** Approvals of the current wording (approvals of an earlier wording were reset when it changed). */
  approvals: CommuniqueApproval[];
  /** Who must still approve the current wording (a party, or null for the mediator team). */
  awaiting: Array<PartyId | null>;
  /**
   * Parties that rejected the current wording or asked for a change; the comment only for the
   * mediator team and the objecting party (null for any other reader).
   */
  objections: Array<Omit<CommuniqueObjection, 'comment'> & { comment: string | null }>;
};

/** A communiqué as the reader sees it at a time. */
export function viewCommunique(
  c: Communique,
  approvals: readonly CommuniqueApproval[],
  parties: readonly Party[],
  compartments: readonly Compartment[],
  now: Date,
  seen: { objections: readonly CommuniqueObjection[]; reader: Membership } | null = null,
): CommuniqueView {
  const current = approvals.filter((a) => a.communiqueId === c.id && a.hash === c.hash);
  const objections = (seen?.objections ?? [])
    .filter((o) => o.communiqueId === c.id && o.hash === c.hash && c.state === 'circulated')
    .map((o) => ({
      ...o,
      comment:
        seen && (isMediatorRole(seen.reader.role) || seen.reader.partyId === o.partyId)
          ? o.comment
          : null,
    }));
  const isPublic = isPublicAt(c, now);
  const publicCompartment = compartments.find((x) => x.kind === 'public');
  return {
    ...c,
    isPublic,
    visibleIn: isPublic && publicCompartment ? publicCompartment.id : c.compartmentId,
    approvals: current,
    awaiting: c.state === 'released' ? [] : approversAwaited(parties, current, c.hash),
    objections,
  };
}
