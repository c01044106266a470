import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { NegotiatingText } from '../../text/model.js';
import { printPlainText } from '../../text/plain-text.js';
import { overallState, type OverallState } from '../../text/state.js';
import type { StoredSignature, StoredVersion } from '../../text/stored.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText, visibleVersion } from './text-context.js';

/** A published version as a reader sees it. */
export interface VersionView {
  version: StoredVersion;
  text: NegotiatingText;
  /** The version in the bracket syntax. */
  plainText: string;
  /** "Nothing is agreed until everything is agreed" until every provision is agreed and all signed. */
  state: OverallState;
  signatures: StoredSignature[];
  /** Party codes for display. */
  directory: Array<{ id: string; code: string }>;
}

/** Reads one published version (audited). */
export async function getVersion(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; number: number },
): Promise<VersionView> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const { version, text } = await visibleVersion(s, tc, input.number);
    const signatures = await s.text.listSignatures([version.id]);
    await s.audit.append({
      kind: 'version.read',
      data: { versionId: version.id, number: version.number },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: version.compartmentId,
    });
    return {
      version,
      text,
      plainText: printPlainText(text, tc.directory),
      state: overallState({
        text,
        versionHash: version.hash,
        parties: tc.parties.map((p) => p.id),
        signatures: signatures.map((x) => ({ party: x.partyId, versionHash: x.versionHash })),
      }),
      signatures,
      directory: tc.directory.map((d) => ({ id: d.id, code: d.code })),
    };
  });
}
