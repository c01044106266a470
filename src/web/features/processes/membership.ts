/**
 * The signed-in member as the domain's access policy sees it, so that what the interface offers
 * (table a proposal here, answer that proposal, hold the pen) follows the same rules as the API.
 * The API still decides every request.
 */
import type { Compartment as CoreCompartment } from '../../../core/access/compartments.js';
import { tablerFor } from '../../../core/access/policy.js';
import type { Membership } from '../../../core/process/model.js';
import { asId } from '../../../core/shared/ids.js';
import type { Compartment, ProcessView } from '../../api/types.js';

/** A compartment of the wire as the domain's type (null for a malformed one). */
export function toCoreCompartment(processId: string, c: Compartment): CoreCompartment | null {
  const base = { id: asId<'Compartment'>(c.id), processId: asId<'Process'>(processId) };
  if (c.kind === 'caucus' || c.kind === 'bilateral')
    return c.partyId ? { ...base, kind: c.kind, partyId: asId<'Party'>(c.partyId) } : null;
  return { ...base, kind: c.kind, partyId: null };
}

/** My membership in the open process. Grants are not sent; they only ever add reading. */
export function membershipOf(view: ProcessView): Membership {
  return {
    processId: asId(view.process.id),
    userId: asId(view.me.userId),
    role: view.me.role,
    partyId: view.me.partyId ? asId(view.me.partyId) : null,
    grants: [],
  };
}

/** The compartments where I may table a proposal: the plenary and my own bilateral channel for a
 * party; the plenary, any bilateral channel and the mediators' room for the mediators. */
export function proposalCompartments(view: ProcessView): Compartment[] {
  const me = membershipOf(view);
  return view.compartments.filter((c) => {
    const core = toCoreCompartment(view.process.id, c);
    return c.writable && core !== null && tablerFor(me, core) !== null;
  });
}
