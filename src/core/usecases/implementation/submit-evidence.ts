import type { Actor } from '../../access/policy.js';
import { sha256Pattern, type Evidence, type EvidenceKind } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type CommitmentId, type ProcessId } from '../../shared/ids.js';
import { checkObservedOn, evidenceRoom, recordEvidence } from './evidence-rules.js';
import { openImplementation, visibleCommitment } from './implementation-context.js';

/**
 * A responsible party (its head or a delegate), the mediators or a guarantor or observer submits
 * evidence for a commitment: a report or a link, with the date it speaks of, its source and its
 * SHA-256 (of the linked document; of the text for a report, when none is given). It is kept in
 * the submitter's compartment until released; a guarantor's or observer's goes to the plenary.
 */
export async function submitEvidence(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    kind: Exclude<EvidenceKind, 'file'>;
    text: string;
    url: string | null;
    observedOn: string;
    source: string;
    sha256: string | null;
  },
): Promise<{ evidence: Evidence; released: boolean }> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    const room = evidenceRoom(ic, c);
    if (input.kind === 'link' && input.url === null)
      throw new DomainError('INVALID_INPUT', 'A link needs its address.', { field: 'url' });
    checkObservedOn(input.observedOn);
    const sha256 =
      input.sha256?.toLowerCase() ??
      (input.kind === 'report' ? deps.hashing.sha256(input.text) : null);
    if (sha256 === null || !sha256Pattern.test(sha256))
      throw new DomainError(
        'INVALID_INPUT',
        'Give the linked document’s SHA-256 as 64 hexadecimal digits.',
        { field: 'sha256' },
      );
    const evidence: Evidence = {
      id: asId(deps.ids.newId()),
      processId: ic.process.id,
      commitmentId: c.id,
      compartmentId: room.id,
      kind: input.kind,
      text: input.text,
      url: input.url,
      file: null,
      observedOn: input.observedOn,
      source: input.source,
      sha256,
      submittedBy: input.actor.userId,
      submittedAt: deps.clock.now().toISOString(),
    };
    return { evidence, released: await recordEvidence(s, ic, input.actor, evidence) };
  });
}
