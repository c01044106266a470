/**
 * What the interface offers follows the domain's own access policy (src/core/access), applied to
 * what the API returned; the API still decides every request.
 */
import type { Compartment as CoreCompartment } from '../../../core/access/compartments.js';
import { canRelease } from '../../../core/access/policy.js';
import type { Membership } from '../../../core/process/model.js';
import { asId } from '../../../core/shared/ids.js';
import type { Compartment, ProcessView } from '../../api/types.js';

function toCore(processId: string, c: Compartment): CoreCompartment | null {
  const base = { id: asId<'Compartment'>(c.id), processId: asId<'Process'>(processId) };
  if (c.kind === 'caucus' || c.kind === 'bilateral')
    return c.partyId ? { ...base, kind: c.kind, partyId: asId<'Party'>(c.partyId) } : null;
  return { ...base, kind: c.kind, partyId: null };
}

/** The wider compartments the signed-in member may release an item from `from` into. */
export function releaseTargets(view: ProcessView, fromId: string): Compartment[] {
  const processId = view.process.id;
  const fromWire = view.compartments.find((c) => c.id === fromId);
  const from = fromWire && toCore(processId, fromWire);
  if (!from) return [];
  const me: Membership = {
    processId: asId(processId),
    userId: asId(view.me.userId),
    role: view.me.role,
    partyId: view.me.partyId ? asId(view.me.partyId) : null,
    grants: [],
  };
  return view.compartments.filter((c) => {
    const to = toCore(processId, c);
    return to !== null && canRelease(me, from, to);
  });
}
