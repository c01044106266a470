/** Processes, members and invitations as the contract shows them. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import type { Invitation } from '../../../core/process/model.js';
import type { Membership, Process } from '../../../core/process/model.js';
import type { PendingSeatView } from '../../../core/usecases/process/list-pending-seats.js';
import type {
  invitationResponse,
  memberResponse,
  pendingSeatResponse,
  processSummary,
} from '../../../contract/processes.js';

/** A process in the list of mine, with my role in it. */
export const presentProcessSummary = (
  p: Process,
  m: Membership,
): z.input<typeof processSummary> => ({
  id: p.id,
  codename: p.codename,
  title: p.title,
  status: p.status,
  myRole: m.role,
  createdAt: p.createdAt,
});

/** A member of a process: who, in which role, for which party. */
export const presentMember = (
  m: Membership & { displayName?: string },
): z.input<typeof memberResponse> => ({
  userId: m.userId,
  displayName: m.displayName ?? '',
  role: m.role,
  partyId: m.partyId,
  delegationAdmin: m.delegationAdmin === true,
});

/** A seat awaiting consent, with who asked for it and what the reader may do about it. */
export const presentPendingSeat = (seat: PendingSeatView): z.input<typeof pendingSeatResponse> => ({
  id: seat.id,
  userId: seat.userId,
  name: seat.name,
  origin: seat.origin,
  role: seat.role,
  partyId: seat.partyId,
  compartmentId: seat.compartmentId,
  initiatedBy: seat.initiatedBy,
  initiatedByName: seat.initiatedByName,
  createdAt: seat.createdAt,
  canConfirm: seat.canConfirm,
  canDecline: seat.canDecline,
});

/** An invitation as those who manage the process see it: never its secret or hash. */
export const presentInvitation = (i: Invitation): z.input<typeof invitationResponse> => ({
  id: i.id,
  role: i.role,
  partyId: i.partyId,
  inviteeLabel: i.inviteeLabel,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  usedAt: i.usedAt,
  revokedAt: i.revokedAt,
});
