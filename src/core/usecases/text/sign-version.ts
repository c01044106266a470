import type { Actor } from '../../access/policy.js';
import { isSignatory } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { StoredSignature } from '../../text/stored.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText, visibleVersion } from './text-context.js';

/**
 * The party's authorised signatory (its head of delegation) signs a published version it has
 * received. The signature records the version's SHA-256, which the signatory names to show what
 * they saw; a mismatch is refused.
 */
export async function signVersion(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: { actor: Actor; processId: ProcessId; number: number; versionHash: string },
): Promise<StoredSignature> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const { version } = await visibleVersion(s, tc, input.number);
    const m = tc.membership;
    if (!isSignatory(m))
      throw new DomainError('FORBIDDEN', "Only a party's head of delegation signs for it.");
    if (
      input.versionHash !== version.hash ||
      deps.hashing.sha256(version.canonical) !== version.hash
    )
      throw new DomainError('RULE_VIOLATION', 'The hash you signed does not match this version.', {
        versionHash: version.hash,
      });
    const existing = await s.text.listSignatures([version.id]);
    if (existing.some((x) => x.partyId === m.partyId))
      throw new DomainError('CONFLICT', 'Your party has already signed this version.');
    const signature: StoredSignature = {
      versionId: version.id,
      partyId: m.partyId,
      signedBy: input.actor.userId,
      signedAt: deps.clock.now().toISOString(),
      versionHash: version.hash,
    };
    await s.text.insertSignature(signature);
    await s.audit.append({
      kind: 'version.signed',
      data: { versionId: version.id, partyId: m.partyId, hash: version.hash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: version.compartmentId,
    });
    return signature;
  });
}
