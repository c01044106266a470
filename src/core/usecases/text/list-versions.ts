import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { StoredSignature, StoredVersion } from '../../text/stored.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText } from './text-context.js';

/** The published versions the actor may read, with the signatures on them. */
export async function listVersions(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<Array<StoredVersion & { signatures: StoredSignature[] }>> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const versions = await s.text.listVersions(input.processId, tc.visible);
    const signatures = await s.text.listSignatures(versions.map((v) => v.id));
    return versions.map((v) => ({
      ...v,
      signatures: signatures.filter((x) => x.versionId === v.id),
    }));
  });
}
