import type { Actor } from '../../access/policy.js';
import type { Evidence, EvidenceFile } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { EvidenceId, ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/** A file evidence with its bytes. */
export interface EvidenceFileDownload {
  /** The evidence. */
  evidence: Evidence;
  /** Its file's name, type and size. */
  file: EvidenceFile;
  /** Its bytes, as uploaded. */
  content: Uint8Array;
}

/**
 * Reads the file of a file evidence, under the same rule as the evidence itself: its submitter's
 * compartment until released to the plenary, then every plenary reader. Evidence the actor may
 * not read, evidence that is not a file and evidence that does not exist answer the same
 * NOT_FOUND. Every download is audited in the evidence's compartment.
 */
export async function getEvidenceFile(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; evidenceId: EvidenceId },
): Promise<EvidenceFileDownload> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const e = await s.implementation.findEvidence(input.evidenceId, ic.visible);
    if (!e || e.processId !== ic.process.id || e.file === null) throw notFound('Evidence');
    const content = await s.implementation.readEvidenceFile(e.id, ic.visible);
    if (!content) throw notFound('Evidence');
    await s.audit.append({
      kind: 'evidence.read',
      data: { evidenceId: e.id, commitmentId: e.commitmentId },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: e.compartmentId,
    });
    return { evidence: e, file: e.file, content };
  });
}
