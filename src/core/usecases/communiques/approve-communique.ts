import type { Actor } from '../../access/policy.js';
import { communiqueApproverFor } from '../../access/policy.js';
import type { CommuniqueApproval } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * A party's head of delegation, or the lead mediator for the mediator team, approves the exact
 * wording of a circulated communiqué, naming its SHA-256; a wording changed since answers
 * STALE_REVISION with the current hash.
 */
export async function approveCommunique(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; communiqueId: CommuniqueId; hash: string },
): Promise<CommuniqueView> {
  return deps.db.transaction(async (s) => {
    const now = deps.clock.now();
    const { communique: c, ctx } = await findVisibleCommunique(
      s,
      input.actor,
      input.processId,
      input.communiqueId,
      now,
    );
    const approver = communiqueApproverFor(ctx.membership);
    if (!approver)
      throw new DomainError(
        'FORBIDDEN',
        "Each party's head of delegation and the lead mediator approve the wording.",
      );
    if (c.state !== 'circulated')
      throw new DomainError(
        'RULE_VIOLATION',
        c.state === 'draft'
          ? 'A draft is approved once it has been circulated.'
          : 'It has been released; there is nothing left to approve.',
      );
    if (input.hash !== c.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The wording changed since you read it; read the current wording before approving.',
        { hash: c.hash, revision: c.revision },
      );
    const partyId = approver.kind === 'party' ? approver.partyId : null;
    const approvals = await s.communiques.listApprovals([c.id]);
    if (approvals.some((a) => a.partyId === partyId && a.hash === c.hash))
      throw new DomainError('CONFLICT', 'This wording has already been approved on your side.');
    const approval: CommuniqueApproval = {
      communiqueId: c.id,
      partyId,
      hash: c.hash,
      approvedBy: input.actor.userId,
      approvedAt: now.toISOString(),
    };
    await s.communiques.insertApproval(approval);
    await s.audit.append({
      kind: 'communique.approved',
      data: { communiqueId: c.id, partyId, hash: c.hash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.compartmentId,
    });
    const parties = await s.processes.listParties(input.processId);
    return viewCommunique(c, [...approvals, approval], parties, ctx.compartments, now);
  });
}
