import type { Actor } from '../../access/policy.js';
import { communiqueApproverFor } from '../../access/policy.js';
import type { CommuniqueObjection, ObjectionKind } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * A party's head of delegation says no to the exact wording of a circulated communiqué or press
 * line: rejects it, or asks for a change, with a comment for the mediators (seen by the mediator
 * team and that party only). It replaces the party's earlier answer to that wording, except an
 * approval, which stands (CONFLICT); a wording changed since answers STALE_REVISION.
 */
export async function objectToCommunique(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    communiqueId: CommuniqueId;
    hash: string;
    kind: ObjectionKind;
    comment: string;
  },
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
    if (approver?.kind !== 'party')
      throw new DomainError(
        'FORBIDDEN',
        "Each party's head of delegation answers for the party; the mediators change the draft instead.",
      );
    if (c.state !== 'circulated')
      throw new DomainError(
        'RULE_VIOLATION',
        c.state === 'draft'
          ? 'A draft is answered once it has been circulated.'
          : 'It has been released; there is nothing left to answer.',
      );
    if (input.hash !== c.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The wording changed since you read it; read the current wording before answering.',
        { hash: c.hash, revision: c.revision },
      );
    const comment = input.comment.trim();
    if (comment === '')
      throw new DomainError(
        'RULE_VIOLATION',
        'Say what is wrong or what should change, so that the mediators can act on it.',
      );
    const approvals = await s.communiques.listApprovals([c.id]);
    if (approvals.some((a) => a.partyId === approver.partyId && a.hash === c.hash))
      throw new DomainError(
        'CONFLICT',
        'Your party has approved this wording; the approval stands until the wording changes.',
      );
    const objection: CommuniqueObjection = {
      communiqueId: c.id,
      partyId: approver.partyId,
      hash: c.hash,
      kind: input.kind,
      comment,
      by: input.actor.userId,
      at: now.toISOString(),
    };
    await s.communiques.insertObjection(objection);
    await s.audit.append({
      kind: 'communique.objected',
      data: { communiqueId: c.id, partyId: approver.partyId, hash: c.hash, objection: input.kind },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.compartmentId,
    });
    const parties = await s.processes.listParties(input.processId);
    const objections = await s.communiques.listObjections([c.id]);
    return viewCommunique(c, approvals, parties, ctx.compartments, now, {
      objections,
      reader: ctx.membership,
    });
  });
}
