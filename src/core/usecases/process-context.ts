/** Shared steps of use cases: finding a process the actor may see, with its compartments. */
import type { Actor } from '../access/policy.js';
import { canReadCompartment, canRelease, requireProcessView } from '../access/policy.js';
import type { Compartment } from '../access/compartments.js';
import { compartmentLabel } from '../access/compartments.js';
import type { Item, LabelledItem } from '../items/model.js';
import type { Membership, Process } from '../process/model.js';
import type { Stores } from '../ports.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { CompartmentId, PartyId, ProcessId } from '../shared/ids.js';

/** A process as seen by one member. */
export interface ProcessContext {
  /** The process. */
  process: Process;
  /** The actor's membership in it. */
  membership: Membership;
  /** All its compartments (the policy decides which the actor may read). */
  compartments: Compartment[];
}

/** Loads a process the actor may see, or fails with NOT_FOUND as if it did not exist. */
export async function openProcess(
  stores: Stores,
  actor: Actor,
  processId: ProcessId,
): Promise<ProcessContext> {
  const process = await stores.processes.findProcess(processId);
  if (!process) throw notFound('Process');
  const membership = requireProcessView(actor, processId, process);
  const compartments = await stores.items.listCompartments(processId);
  return { process, membership, compartments };
}

/**
 * One compartment of the process that the actor may read, by id. A compartment the actor may not
 * read answers exactly like an id that was never used (NOT_FOUND, the same message), before any
 * other rule is looked at: every use case that takes a compartment id resolves it here, so no
 * later check (a release's direction, a grant's kind, a session's format) can answer differently
 * for a hidden compartment than for a missing one.
 */
export function compartmentOf(
  ctx: ProcessContext,
  id: CompartmentId,
  what = 'Compartment',
): Compartment {
  const c = ctx.compartments.find((x) => x.id === id);
  if (!c || !canReadCompartment(ctx.membership, c)) throw notFound(what);
  return c;
}

/** Labels items with their compartment (name, kind, party) and where the reader may release them. */
export async function itemLabeller(
  stores: Stores,
  ctx: ProcessContext,
): Promise<(item: Item) => LabelledItem> {
  const parties = await stores.processes.listParties(ctx.process.id);
  const code = (id: PartyId) => parties.find((p) => p.id === id)?.code ?? '?';
  // What the items of one compartment share, worked out for its first item only: a list labels
  // hundreds of items from a handful of compartments.
  const labels = new Map<CompartmentId, Omit<LabelledItem, keyof Item>>();
  const labelOf = (id: CompartmentId) => {
    let label = labels.get(id);
    if (!label) {
      const c = ctx.compartments.find((x) => x.id === id);
      if (!c) throw notFound('Item');
      label = {
        compartmentLabel: compartmentLabel(c, code),
        compartmentKind: c.kind,
        compartmentPartyId: c.partyId,
        releaseTargets: ctx.compartments
          .filter((to) => canRelease(ctx.membership, c, to))
          .map((to) => to.id),
      };
      labels.set(id, label);
    }
    return label;
  };
  return (item) => {
    const label = labelOf(item.compartmentId);
    return { ...item, ...label, releaseTargets: [...label.releaseTargets] };
  };
}

/**
 * The actor's own party's caucus or bilateral channel, with the party. Anyone outside a party's
 * delegation gets FORBIDDEN, with `why` saying whose business it is.
 */
export function ownPartyCompartment(
  ctx: ProcessContext,
  kind: 'caucus' | 'bilateral',
  why: string,
): { partyId: PartyId; compartment: Compartment } {
  const partyId = ctx.membership.partyId;
  const compartment = ctx.compartments.find((c) => c.kind === kind && c.partyId === partyId);
  if (!partyId || !compartment) throw new DomainError('FORBIDDEN', why);
  return { partyId, compartment };
}
