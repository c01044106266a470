import type { Actor } from '../../access/policy.js';
import { canOnProcess, canReadCompartment, canWriteCompartment } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import type { Membership, Party, Process, ProcessLink, StatusChange } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { CompartmentId, ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** A process as one member sees it. */
export interface ProcessView {
  process: Process;
  membership: Membership;
  parties: Party[];
  members: Array<Membership & { displayName: string }>;
  compartments: Array<Compartment & { itemCount: number; writable: boolean }>;
  history: StatusChange[];
  links: ProcessLink[];
  /** What the actor may do at process level, for the interface to offer. */
  can: { manage: boolean; invite: boolean; changeStatus: boolean; viewAudit: boolean };
}

/**
 * The process dashboard: set-up, people, status history, links, and the compartments the actor
 * may read with their item counts (counts only over what the actor may see).
 */
export async function getProcess(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<ProcessView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const m = ctx.membership;
    const visible = ctx.compartments.filter((c) => canReadCompartment(m, c));
    const counts = await s.items.countItems(
      input.processId,
      visible.map((c) => c.id),
    );
    const links = await s.processes.listLinks(input.processId);
    const myProcesses = new Set(input.actor.memberships.map((x) => x.processId));
    return {
      process: ctx.process,
      membership: m,
      parties: await s.processes.listParties(input.processId),
      members: await s.processes.listMembers(input.processId),
      compartments: visible.map((c) => ({
        ...c,
        itemCount: counts.get(c.id as CompartmentId) ?? 0,
        writable: canWriteCompartment(m, c),
      })),
      history: await s.processes.listStatusChanges(input.processId),
      links: links.map((l) =>
        l.linkedProcessId && !myProcesses.has(l.linkedProcessId)
          ? { ...l, linkedProcessId: null }
          : l,
      ),
      can: {
        manage: canOnProcess(m, 'manage'),
        invite: canOnProcess(m, 'invite'),
        changeStatus: canOnProcess(m, 'change_status'),
        viewAudit: canOnProcess(m, 'view_audit'),
      },
    };
  });
}
