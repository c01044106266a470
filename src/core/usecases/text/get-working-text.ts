import type { Actor } from '../../access/policy.js';
import { requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { printPlainText } from '../../text/plain-text.js';
import { overallState, type OverallState } from '../../text/state.js';
import type { WorkingDraft } from '../../text/stored.js';
import type { ProcessId } from '../../shared/ids.js';
import { draftOf, openText } from './text-context.js';

/** The working draft as the mediator team sees it. */
export interface WorkingTextView {
  draft: WorkingDraft;
  /** The draft in the bracket syntax. */
  plainText: string;
  /** Counts of statuses and open brackets; the draft is never "everything agreed". */
  state: OverallState;
  /** The codes of the parties, for the bracket syntax. */
  directory: Array<{ id: string; code: string }>;
}

/** Reads the working draft; it lives in the mediator team's room, so others get NOT_FOUND. */
export async function getWorkingText(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<WorkingTextView> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    requireRead(tc.membership, tc.room, 'Text');
    const draft = await draftOf(s, input.processId, input.actor.userId);
    await s.audit.append({
      kind: 'text.read',
      data: { revision: draft.revision },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: tc.room.id,
    });
    return {
      draft,
      plainText: printPlainText(draft.text, tc.directory),
      state: overallState({
        text: draft.text,
        versionHash: null,
        parties: tc.parties.map((p) => p.id),
        signatures: [],
      }),
      directory: tc.directory.map((d) => ({ id: d.id, code: d.code })),
    };
  });
}
