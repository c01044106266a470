import type { Actor } from '../../access/policy.js';
import { canHoldPen, requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { applyTextEdit, type TextEdit } from '../../text/apply-edit.js';
import { printPlainText } from '../../text/plain-text.js';
import type { WorkingDraft } from '../../text/stored.js';
import { DomainError } from '../../shared/errors.js';
import { type ProcessId } from '../../shared/ids.js';
import { draftOf, openText } from './text-context.js';

/**
 * Edits the working draft. Only those who hold the pen edit; the edit names the revision it
 * starts from, and a stale one is refused with STALE_REVISION and the current state.
 */
export async function editWorkingText(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; baseRevision: number; edit: TextEdit },
): Promise<WorkingDraft> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    requireRead(tc.membership, tc.room, 'Text');
    if (!canHoldPen(tc.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator and the mediators hold the pen on the text.',
      );
    const draft = await draftOf(s, input.processId, input.actor.userId);
    const stale = () =>
      new DomainError(
        'STALE_REVISION',
        'Someone changed the text since you opened it. Review the current text and edit again.',
        {
          currentRevision: draft.revision,
          baseRevision: input.baseRevision,
          current: printPlainText(draft.text, tc.directory),
        },
      );
    if (draft.revision !== input.baseRevision) throw stale();
    const next: WorkingDraft = {
      processId: input.processId,
      text: applyTextEdit(draft.text, input.edit, tc.directory, () => deps.ids.newId().slice(0, 8)),
      revision: draft.revision + 1,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: input.actor.userId,
    };
    if (!(await s.text.saveDraft(next, draft.revision === 0 ? null : draft.revision)))
      throw stale();
    await s.audit.append({
      kind: 'text.edited',
      data: { revision: next.revision, edit: input.edit.kind },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: tc.room.id,
    });
    return next;
  });
}
