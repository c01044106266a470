import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { compareTexts, diffTexts, type TextComparison, type TextDiff } from '../../text/diff.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText, visibleVersion } from './text-context.js';

/** A word-level diff and a provision-by-provision comparison of two versions the actor may read. */
export async function diffVersions(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; from: number; to: number },
): Promise<{ diff: TextDiff; comparison: TextComparison }> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const a = await visibleVersion(s, tc, input.from);
    const b = await visibleVersion(s, tc, input.to);
    return {
      diff: diffTexts(a.text, b.text, tc.directory),
      comparison: compareTexts(a.text, b.text, tc.directory),
    };
  });
}
