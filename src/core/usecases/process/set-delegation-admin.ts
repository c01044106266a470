import type { Actor } from '../../access/policy.js';
import { canAppointDelegationAdmin, holderRoom } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, UserId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * The head of delegation makes a member of its delegation a delegation admin, who confirms seats
 * in the party's rooms like the head — or withdraws that mandate. Told to the delegation only.
 */
export async function setDelegationAdmin(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId; admin: boolean },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const target = (await s.processes.listMembers(input.processId)).find(
      (m) => m.userId === input.userId,
    );
    if (!target) throw notFound('Member');
    if (!canAppointDelegationAdmin(ctx.membership, target) || !target.partyId)
      throw new DomainError(
        'FORBIDDEN',
        "Only the party's head of delegation makes a delegate or adviser of the party a delegation admin.",
      );
    if ((target.delegationAdmin === true) === input.admin) return;
    const room = holderRoom({ kind: 'party', partyId: target.partyId }, ctx.compartments);
    await s.processes.setDelegationAdmin(input.processId, input.userId, input.admin);
    await s.audit.append({
      kind: input.admin ? 'delegation_admin.granted' : 'delegation_admin.revoked',
      data: { userId: input.userId, partyId: target.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: room?.id ?? null,
    });
  });
}
