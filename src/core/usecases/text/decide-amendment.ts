import type { Actor } from '../../access/policy.js';
import { canHoldPen } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { decideAmendment as applyDecision, type AmendmentDecision } from '../../text/amendment.js';
import { asAmendment, type StoredAmendment, type WorkingDraft } from '../../text/stored.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { AmendmentId, ProcessId } from '../../shared/ids.js';
import { draftOf, openText } from './text-context.js';

/**
 * The mediators accept an amendment as a bracketed alternative held by the party, merge it into
 * the wording, or decline it. The working draft changes accordingly (from a named revision), and
 * the party sees the outcome in its bilateral channel.
 */
export async function decideAmendment(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    amendmentId: AmendmentId;
    decision: AmendmentDecision;
    baseRevision: number;
  },
): Promise<{ amendment: StoredAmendment; draft: WorkingDraft }> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const amendment = (await s.text.listAmendments(input.processId, tc.visible)).find(
      (a) => a.id === input.amendmentId,
    );
    if (!amendment) throw notFound('Amendment');
    if (!canHoldPen(tc.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator and the mediators decide on amendments.',
      );
    if (amendment.outcome !== 'pending')
      throw new DomainError(
        'CONFLICT',
        `This amendment was already ${amendment.outcome.replace(/_/g, ' ')}.`,
      );
    const draft = await draftOf(s, input.processId, input.actor.userId);
    if (draft.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The text changed since you opened it; review it and decide again.',
        {
          currentRevision: draft.revision,
        },
      );
    const result = applyDecision(draft.text, asAmendment(amendment), input.decision);
    const now = deps.clock.now().toISOString();
    let next = draft;
    if (result.text !== draft.text) {
      next = {
        processId: input.processId,
        text: result.text,
        revision: draft.revision + 1,
        updatedAt: now,
        updatedBy: input.actor.userId,
      };
      if (!(await s.text.saveDraft(next, draft.revision)))
        throw new DomainError('STALE_REVISION', 'The text changed while deciding; try again.');
    }
    if (!(await s.text.decideAmendment(amendment.id, result.outcome, now)))
      throw new DomainError('CONFLICT', 'This amendment was decided meanwhile.');
    await s.audit.append({
      kind: 'amendment.decided',
      data: { amendmentId: amendment.id, outcome: result.outcome },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: amendment.compartmentId,
    });
    return { amendment: { ...amendment, outcome: result.outcome, decidedAt: now }, draft: next };
  });
}
