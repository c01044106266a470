import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Party, Process, Role } from '../../process/model.js';
import type { CoreDeps, Invitation, User } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type InvitationId, type PartyId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { insertNewUser } from '../accounts/create-user.js';
import { checkRoleParty } from './role-rules.js';

/** How long an invitation link stays valid unless stated otherwise. */
export const defaultInvitationDays = 7;

/** Issues a single-use invitation link bound to a role (and party). The secret is returned once. */
export async function createInvitation(
  deps: CoreDeps,
  input: {
    actor: Actor;
    processId: ProcessId;
    role: Role;
    partyId: PartyId | null;
    inviteeLabel: string;
    validDays?: number;
  },
): Promise<{ invitation: Invitation; secret: string }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    checkRoleParty(input.role, input.partyId, await s.processes.listParties(input.processId));
    if (input.role === 'facilitator')
      throw new DomainError(
        'RULE_VIOLATION',
        'The facilitator is whoever created the process; invite another role.',
      );
    const secret = deps.ids.newSecret();
    const now = deps.clock.now();
    const invitation: Invitation = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      role: input.role,
      partyId: input.partyId,
      inviteeLabel: input.inviteeLabel.trim(),
      tokenHash: deps.hashing.sha256(secret),
      createdBy: input.actor.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(
        now.getTime() + (input.validDays ?? defaultInvitationDays) * 86_400_000,
      ).toISOString(),
      usedAt: null,
      revokedAt: null,
    };
    await s.processes.insertInvitation(invitation);
    await s.audit.append({
      kind: 'invitation.created',
      data: { invitationId: invitation.id, role: input.role, partyId: input.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return { invitation, secret };
  });
}

/** The invitations of a process, for those who may invite. */
export async function listInvitations(
  deps: Pick<CoreDeps, 'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<Invitation[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    return s.processes.listInvitations(input.processId);
  });
}

/** Revokes an unused invitation. */
export async function revokeInvitation(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; invitationId: InvitationId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    const inv = await s.processes.findInvitation(input.invitationId);
    if (!inv || inv.processId !== input.processId) throw notFound('Invitation');
    if (inv.usedAt || inv.revokedAt)
      throw new DomainError('INVITATION_INVALID', 'This invitation was already used or revoked.');
    await s.processes.markInvitation(inv.id, { revokedAt: deps.clock.now().toISOString() });
    await s.audit.append({
      kind: 'invitation.revoked',
      data: { invitationId: inv.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}

/** What the holder of an invitation link may learn: the codename, never the real title. */
export interface InvitationPreview {
  invitation: Invitation;
  codename: string;
  party: Party | null;
}

async function findUsable(
  deps: Pick<CoreDeps, 'clock' | 'hashing'>,
  s: Parameters<Parameters<CoreDeps['db']['transaction']>[0]>[0],
  secret: string,
): Promise<{ invitation: Invitation; process: Process; party: Party | null }> {
  const invitation = await s.processes.findInvitationByTokenHash(deps.hashing.sha256(secret));
  const now = deps.clock.now().toISOString();
  if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt <= now)
    throw new DomainError(
      'INVITATION_INVALID',
      'This invitation link is not valid: it may have expired or been used.',
    );
  const process = await s.processes.findProcess(invitation.processId);
  if (!process) throw new DomainError('INVITATION_INVALID', 'This invitation link is not valid.');
  const party =
    (await s.processes.listParties(process.id)).find((p) => p.id === invitation.partyId) ?? null;
  return { invitation, process, party };
}

/** Shows an invitation to the holder of its link. */
export async function previewInvitation(
  deps: CoreDeps,
  input: { secret: string },
): Promise<InvitationPreview> {
  return deps.db.transaction(async (s) => {
    const { invitation, process, party } = await findUsable(deps, s, input.secret);
    return { invitation, codename: process.codename, party };
  });
}

/**
 * Accepts an invitation: as the signed-in user, or by creating an account. The link works once;
 * a user already in the process cannot take a second role through it.
 */
export async function acceptInvitation(
  deps: CoreDeps,
  input: {
    secret: string;
    actor: Actor | null;
    newAccount: { email: string; displayName: string; password: string } | null;
  },
): Promise<{ user: User | null; processId: ProcessId }> {
  return deps.db.transaction(async (s) => {
    const { invitation } = await findUsable(deps, s, input.secret);
    let user: User | null = null;
    let userId = input.actor?.userId;
    if (!userId) {
      if (!input.newAccount)
        throw new DomainError(
          'RULE_VIOLATION',
          'Sign in, or give an e-mail, a name and a password for a new account.',
        );
      user = await insertNewUser(deps, s, { ...input.newAccount, isAdmin: false });
      userId = user.id;
    }
    const existing = await s.processes.membershipsOf(userId);
    if (existing.some((m) => m.processId === invitation.processId))
      throw new DomainError('CONFLICT', 'You are already a member of this process.');
    await s.processes.insertMembership({
      processId: invitation.processId,
      userId,
      role: invitation.role,
      partyId: invitation.partyId,
      grants: [],
    });
    await s.processes.markInvitation(invitation.id, { usedAt: deps.clock.now().toISOString() });
    await s.audit.append({
      kind: 'invitation.accepted',
      data: { invitationId: invitation.id, userId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    await s.audit.append({
      kind: 'membership.added',
      data: { userId, role: invitation.role, partyId: invitation.partyId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    return { user, processId: invitation.processId };
  });
}
