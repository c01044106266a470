import type { Actor } from '../../access/policy.js';
import { canHoldPen, requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import {
  addChapter,
  addProvision,
  removeProvision,
  replaceProvisionBody,
  retitleText,
} from '../../text/edit.js';
import type { NegotiatingText, ProvisionStatus } from '../../text/model.js';
import {
  parseBody,
  parsePlainText,
  printPlainText,
  type PartyDirectory,
} from '../../text/plain-text.js';
import {
  chooseAlternative,
  resolveBracket,
  setProvisionStatus,
  type BracketResolution,
} from '../../text/rules.js';
import type { WorkingDraft } from '../../text/stored.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ChapterId, type ProcessId, type ProvisionId } from '../../shared/ids.js';
import { draftOf, openText } from './text-context.js';

/** One edit of the working draft. Bodies are written in the bracket syntax. */
export type TextEdit =
  | { kind: 'import'; plainText: string }
  | { kind: 'retitle'; title: string }
  | { kind: 'add_chapter'; title: string }
  | { kind: 'add_provision'; chapter: ChapterId; body: string }
  | { kind: 'replace_body'; provision: ProvisionId; body: string }
  | { kind: 'remove_provision'; provision: ProvisionId }
  | { kind: 'set_status'; provision: ProvisionId; status: ProvisionStatus }
  | {
      kind: 'resolve_bracket';
      provision: ProvisionId;
      segment: number;
      resolution: BracketResolution;
    }
  | { kind: 'choose_alternative'; provision: ProvisionId; segment: number; option: number };

/** Applies one edit to a text (pure). */
export function applyTextEdit(
  text: NegotiatingText,
  edit: TextEdit,
  directory: PartyDirectory,
  newKey: () => string,
): NegotiatingText {
  switch (edit.kind) {
    case 'import':
      return parsePlainText(edit.plainText, directory, {
        newChapterKey: () => asId(newKey()),
        newProvisionKey: () => asId(newKey()),
      }).text;
    case 'retitle':
      return retitleText(text, edit.title);
    case 'add_chapter':
      return addChapter(text, { key: asId(newKey()), title: edit.title });
    case 'add_provision':
      return addProvision(text, {
        chapter: edit.chapter,
        key: asId(newKey()),
        body: parseBody(edit.body, directory),
      });
    case 'replace_body':
      return replaceProvisionBody(text, edit.provision, parseBody(edit.body, directory));
    case 'remove_provision':
      return removeProvision(text, edit.provision);
    case 'set_status':
      return setProvisionStatus(text, edit.provision, edit.status);
    case 'resolve_bracket':
      return resolveBracket(
        text,
        { provision: edit.provision, segment: edit.segment },
        edit.resolution,
      );
    case 'choose_alternative':
      return chooseAlternative(
        text,
        { provision: edit.provision, segment: edit.segment },
        edit.option,
      );
  }
}

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
