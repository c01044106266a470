import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Role } from '../../process/model.js';
import type { CoreDeps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { CompartmentId, PartyId, ProcessId, UserId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { checkRoleParty } from './role-rules.js';

async function openForManaging(
  s: Parameters<Parameters<CoreDeps['db']['transaction']>[0]>[0],
  actor: Actor,
  processId: ProcessId,
  userId: UserId,
) {
  const ctx = await openProcess(s, actor, processId);
  requireOnProcess(ctx.membership, 'manage');
  const target = (await s.processes.listMembers(processId)).find((m) => m.userId === userId);
  if (!target) throw notFound('Member');
  if (userId === actor.userId)
    throw new DomainError('RULE_VIOLATION', 'You cannot change your own membership.');
  return { ctx, target };
}

/** Changes a member's role (and party); takes effect on their next request. */
export async function changeMemberRole(
  deps: Pick<CoreDeps, 'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    userId: UserId;
    role: Role;
    partyId: PartyId | null;
  },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { target } = await openForManaging(s, input.actor, input.processId, input.userId);
    checkRoleParty(input.role, input.partyId, await s.processes.listParties(input.processId));
    if (input.role === 'facilitator' || target.role === 'facilitator')
      throw new DomainError(
        'RULE_VIOLATION',
        'The facilitator role is not assigned or taken away here.',
      );
    await s.processes.updateMembershipRole(
      input.processId,
      input.userId,
      input.role,
      input.partyId,
    );
    await s.audit.append({
      kind: 'membership.role_changed',
      data: { userId: input.userId, from: target.role, to: input.role, partyId: input.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}

/** Removes a member from the process; they lose access at once. */
export async function removeMember(
  deps: Pick<CoreDeps, 'db'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { target } = await openForManaging(s, input.actor, input.processId, input.userId);
    if (target.role === 'facilitator')
      throw new DomainError('RULE_VIOLATION', 'The facilitator cannot be removed.');
    await s.processes.deleteMembership(input.processId, input.userId);
    await s.audit.append({
      kind: 'membership.removed',
      data: { userId: input.userId, role: target.role },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}

/** Gives a guarantor or observer read access to one compartment ("what they are explicitly given"). */
export async function grantCompartment(
  deps: Pick<CoreDeps, 'db'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId; compartmentId: CompartmentId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { ctx, target } = await openForManaging(s, input.actor, input.processId, input.userId);
    const c = compartmentOf(ctx, input.compartmentId);
    if (target.role !== 'guarantor' && target.role !== 'observer')
      throw new DomainError(
        'RULE_VIOLATION',
        'Only guarantors and observers are given compartments one by one.',
      );
    if (c.kind === 'caucus' || c.kind === 'bilateral' || c.kind === 'mediators')
      throw new DomainError(
        'RULE_VIOLATION',
        'Only the plenary can be given to a guarantor or observer here.',
      );
    if (target.grants.includes(c.id)) return;
    await s.processes.insertGrant(input.processId, input.userId, c.id);
    await s.audit.append({
      kind: 'grant.added',
      data: { userId: input.userId, compartmentId: c.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}
