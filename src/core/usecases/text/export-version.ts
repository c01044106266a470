import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { NegotiatingText } from '../../text/model.js';
import { overallState, type OverallState } from '../../text/state.js';
import type { PartyId, ProcessId } from '../../shared/ids.js';
import { openText, visibleVersion } from './text-context.js';

/** The formats a version is issued in. */
export const exportFormats = ['docx', 'pdf', 'txt'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Everything a rendered copy shows, issued to one named recipient. */
export interface IssuedCopy {
  /** Unique id of this copy, recorded in the audit log so a leaked copy can be traced. */
  copyId: string;
  text: NegotiatingText;
  parties: Array<{ id: PartyId; code: string; name: string }>;
  /** The process codename (never the real title). */
  codename: string;
  version: { number: number; publishedAt: string; hash: string };
  state: OverallState;
  recipient: { name: string; issuedAt: string };
}

/**
 * Issues a copy of a published version to the actor, who must be able to read it. Every copy is
 * audited with its own id and the recipient it names.
 */
export async function exportVersion(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; number: number; format: ExportFormat },
): Promise<IssuedCopy> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const { version, text } = await visibleVersion(s, tc, input.number);
    const signatures = await s.text.listSignatures([version.id]);
    const me = (await s.processes.listMembers(input.processId)).find(
      (m) => m.userId === input.actor.userId,
    );
    const copyId = deps.ids.newId();
    const issuedAt = deps.clock.now().toISOString();
    await s.audit.append({
      kind: 'version.exported',
      data: { versionId: version.id, number: version.number, format: input.format, copyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: version.compartmentId,
    });
    return {
      copyId,
      text,
      parties: tc.parties.map((p) => ({ id: p.id, code: p.code, name: p.name })),
      codename: tc.process.codename,
      version: { number: version.number, publishedAt: version.publishedAt, hash: version.hash },
      state: overallState({
        text,
        versionHash: version.hash,
        parties: tc.parties.map((p) => p.id),
        signatures: signatures.map((x) => ({ party: x.partyId, versionHash: x.versionHash })),
      }),
      recipient: { name: me?.displayName ?? 'unknown recipient', issuedAt },
    };
  });
}
