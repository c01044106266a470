import {
  accessAuditKinds,
  accessChangesSeenBy,
  replayAccessChanges,
  type AccessChange,
} from '../../access/access-changes.js';
import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** A change of access with the names of the people involved. */
export interface NamedAccessChange extends AccessChange {
  readonly name: string;
  readonly byName: string | null;
  /** The name of whoever consented for the room's holder. */
  readonly confirmedByName: string | null;
}

/**
 * Who joined, changed role, left or was given a compartment — with who asked for it and who
 * consented, when it needed consent — as the viewer may see it: changes to
 * the compartments it reads, changes to itself, and every change for those who manage people
 * (rules in `access/access-changes.ts`). Newest first.
 */
export async function listAccessChanges(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<NamedAccessChange[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const entries = await s.audit.listProcessKinds(input.processId, accessAuditKinds);
    const changes = accessChangesSeenBy(
      ctx.membership,
      replayAccessChanges(input.processId, entries, ctx.compartments),
      ctx.compartments,
    );
    const names = new Map<string, string>();
    for (const m of await s.processes.listMembers(input.processId))
      names.set(m.userId, m.displayName);
    const nameOf = async (id: string): Promise<string> => {
      const known = names.get(id);
      if (known !== undefined) return known;
      // A former member: still named, since every viewer saw them in the process.
      const user = await s.accounts.findUserById(asId<'User'>(id));
      const name = user?.displayName ?? '?';
      names.set(id, name);
      return name;
    };
    const named: NamedAccessChange[] = [];
    for (const c of changes)
      named.push({
        ...c,
        name: await nameOf(c.userId),
        byName: c.byUserId === null ? null : await nameOf(c.byUserId),
        confirmedByName: c.confirmedByUserId === null ? null : await nameOf(c.confirmedByUserId),
      });
    return named;
  });
}
