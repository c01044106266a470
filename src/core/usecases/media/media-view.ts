import type { Actor } from '../../access/policy.js';
import type { Stores } from '../../ports.js';
import type { CompartmentId } from '../../shared/ids.js';
import type { MediaContext } from './media-context.js';

/**
 * Audits a listing: one `media.listed` entry per non-public compartment whose material it showed,
 * so each entry is visible only to those who may know of that compartment's material.
 */
export async function auditListing(
  s: Stores,
  m: MediaContext,
  actor: Actor,
  what: 'actors' | 'media' | 'feeds',
  shown: readonly { compartmentId: CompartmentId }[],
): Promise<void> {
  const publicIds = new Set(m.ctx.compartments.filter((c) => c.kind === 'public').map((c) => c.id));
  const seen = [...new Set(shown.map((x) => x.compartmentId))].filter((id) => !publicIds.has(id));
  for (const compartmentId of seen)
    await s.audit.append({
      kind: 'media.listed',
      data: { what },
      actorUserId: actor.userId,
      processId: m.ctx.process.id,
      compartmentId,
    });
}
