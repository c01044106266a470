import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText, visibleVersion } from './text-context.js';

/** The verdict on a version and its signatures. */
export interface SignatureVerdict {
  /** The stored text still hashes to the version's recorded hash. */
  versionIntact: boolean;
  /** The recorded hash. */
  hash: string;
  /** Per signature: whether it covers exactly this version's hash. */
  signatures: Array<{ partyId: string; signedAt: string; valid: boolean }>;
}

/** Re-hashes the stored bytes of a version and checks every signature against that hash. */
export async function verifySignatures(
  deps: Deps<'db' | 'hashing'>,
  input: { actor: Actor; processId: ProcessId; number: number },
): Promise<SignatureVerdict> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const { version } = await visibleVersion(s, tc, input.number);
    const actual = deps.hashing.sha256(version.canonical);
    const signatures = await s.text.listSignatures([version.id]);
    return {
      versionIntact: actual === version.hash,
      hash: version.hash,
      signatures: signatures.map((x) => ({
        partyId: x.partyId,
        signedAt: x.signedAt,
        valid: x.versionHash === version.hash && actual === version.hash,
      })),
    };
  });
}
