import type { Actor } from '../../access/policy.js';
import {
  canConfirmSeat,
  canDeclineSeat,
  canSeeSeat,
  holderOfSeat,
  holderRoom,
} from '../../access/consent.js';
import type { PendingSeat } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** A seat awaiting consent with the names of the people involved and what the viewer may do. */
export interface PendingSeatView extends PendingSeat {
  /** Who would take the seat. */
  readonly name: string;
  /** Who asked for it. */
  readonly initiatedByName: string;
  /** Whether the viewer may confirm it. */
  readonly canConfirm: boolean;
  /** Whether the viewer may decline (or withdraw, or refuse) it. */
  readonly canDecline: boolean;
}

/**
 * The seats awaiting consent that the viewer may know of (`access/consent.ts`: those who read the
 * holder's room, the person concerned, the initiator, those who manage people), oldest first.
 */
export async function listPendingSeats(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<PendingSeatView[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const members = await s.processes.listMembers(input.processId);
    const names = new Map<string, string>(members.map((m) => [m.userId, m.displayName]));
    const nameOf = async (id: string): Promise<string> => {
      const known = names.get(id);
      if (known !== undefined) return known;
      const name = (await s.accounts.findUserById(asId<'User'>(id)))?.displayName ?? '?';
      names.set(id, name);
      return name;
    };
    const views: PendingSeatView[] = [];
    for (const seat of await s.processes.listPendingSeats(input.processId)) {
      const holder = holderOfSeat(seat, ctx.compartments);
      if (!holder) continue;
      if (!canSeeSeat(ctx.membership, seat, holderRoom(holder, ctx.compartments))) continue;
      views.push({
        ...seat,
        name: await nameOf(seat.userId),
        initiatedByName: await nameOf(seat.initiatedBy),
        canConfirm: canConfirmSeat(ctx.membership, seat, holder, members),
        canDecline: canDeclineSeat(ctx.membership, seat, holder, members),
      });
    }
    return views;
  });
}
