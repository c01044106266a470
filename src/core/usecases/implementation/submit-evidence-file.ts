import type { Actor } from '../../access/policy.js';
import { isRefusal, recogniseEvidenceFile } from '../../implementation/evidence-files.js';
import type { Evidence } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type CommitmentId, type ProcessId } from '../../shared/ids.js';
import { checkObservedOn, evidenceRoom, recordEvidence } from './evidence-rules.js';
import { openImplementation, visibleCommitment } from './implementation-context.js';

/** Sizes as people read them: "10 MiB", "1.5 MiB", "800 KiB". */
const mib = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;

/**
 * A responsible party (its head or a delegate), the mediators or a guarantor or observer uploads a
 * file as evidence for a commitment, with what it shows, the date it speaks of and its source.
 * The file's type is recognised from its content, its SHA-256 computed here from its bytes (a
 * client's is never taken), and it is kept, sealed, in the submitter's compartment until
 * released, like any evidence; a guarantor's or observer's goes to the plenary. A file over
 * `maxBytes` answers TOO_LARGE, an empty or unrecognised one INVALID_INPUT; neither changes
 * anything.
 */
export async function submitEvidenceFile(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    /** The name it was uploaded under. */
    fileName: string;
    /** Its bytes. */
    content: Uint8Array;
    /** What it shows (may be empty). */
    text: string;
    observedOn: string;
    source: string;
    /** The largest file accepted (configured). */
    maxBytes: number;
  },
): Promise<{ evidence: Evidence; released: boolean }> {
  // Recognising and hashing a file of megabytes is done before the transaction, so that it holds
  // up no group commit; its refusals still come after the access checks, as for any evidence.
  const tooLarge = input.content.length > input.maxBytes;
  const recognised = tooLarge ? null : recogniseEvidenceFile(input.content, input.fileName);
  const sha256 = tooLarge ? '' : deps.hashing.sha256(input.content);
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    const room = evidenceRoom(ic, c);
    if (tooLarge || recognised === null)
      throw new DomainError(
        'TOO_LARGE',
        `The file is ${mib(input.content.length)} (${input.content.length} bytes); an evidence file may be at most ${mib(input.maxBytes)} (${input.maxBytes} bytes).`,
        { field: 'content', maxBytes: input.maxBytes },
      );
    if (isRefusal(recognised))
      throw new DomainError('INVALID_INPUT', recognised.message, {
        field: recognised.reason === 'name' ? 'fileName' : 'content',
        reason: recognised.reason,
      });
    checkObservedOn(input.observedOn);
    const evidence: Evidence = {
      id: asId(deps.ids.newId()),
      processId: ic.process.id,
      commitmentId: c.id,
      compartmentId: room.id,
      kind: 'file',
      text: input.text,
      url: null,
      file: {
        name: recognised.name,
        mediaType: recognised.mediaType,
        size: input.content.length,
      },
      observedOn: input.observedOn,
      source: input.source,
      sha256,
      submittedBy: input.actor.userId,
      submittedAt: deps.clock.now().toISOString(),
    };
    const released = await recordEvidence(s, ic, input.actor, evidence);
    await s.implementation.insertEvidenceFile(evidence, input.content);
    return { evidence, released };
  });
}
