import type { Actor } from '../../access/policy.js';
import { canDraftCommunique, canWriteCompartment } from '../../access/policy.js';
import { canonicalWording, type Communique } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * The mediator team changes a draft or circulated communiqué from a named revision: title, text or
 * embargo (null lifts it). Any change gives the wording a new hash and resets every approval.
 * A released communiqué never changes.
 */
export async function editCommunique(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    communiqueId: CommuniqueId;
    baseRevision: number;
    changes: { title?: string; text?: string; embargoUntil?: string | null };
  },
): Promise<CommuniqueView> {
  return deps.db.transaction(async (s) => {
    const now = deps.clock.now();
    const { communique: old, ctx } = await findVisibleCommunique(
      s,
      input.actor,
      input.processId,
      input.communiqueId,
      now,
    );
    if (old.state === 'released')
      throw new DomainError('IMMUTABLE', 'A released communiqué never changes; draft a new one.');
    if (
      !canDraftCommunique(ctx.membership) ||
      !canWriteCompartment(ctx.membership, compartmentOf(ctx, old.compartmentId))
    )
      throw new DomainError(
        'FORBIDDEN',
        'Only the mediator team changes communiqués and press lines.',
      );
    if (old.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The wording changed since you opened it; review it again.',
        {
          currentRevision: old.revision,
          hash: old.hash,
        },
      );
    const c = input.changes;
    const wording = {
      kind: old.kind,
      title: c.title?.trim() ?? old.title,
      text: c.text?.trim() ?? old.text,
      embargoUntil:
        c.embargoUntil === undefined
          ? old.embargoUntil
          : c.embargoUntil === null
            ? null
            : new Date(c.embargoUntil).toISOString(),
    };
    const hash = deps.hashing.sha256(canonicalWording(wording));
    const parties = await s.processes.listParties(input.processId);
    if (hash === old.hash)
      return viewCommunique(
        old,
        await s.communiques.listApprovals([old.id]),
        parties,
        ctx.compartments,
        now,
      );
    const next: Communique = {
      ...old,
      ...wording,
      hash,
      revision: old.revision + 1,
      updatedAt: now.toISOString(),
    };
    if (!(await s.communiques.updateCommunique(next, old.revision)))
      throw new DomainError('STALE_REVISION', 'The wording changed while saving; try again.');
    const approvalsReset = await s.communiques.clearApprovals(old.id);
    await s.audit.append({
      kind: 'communique.edited',
      data: { communiqueId: old.id, revision: next.revision, hash, approvalsReset },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: old.compartmentId,
    });
    return viewCommunique(next, [], parties, ctx.compartments, now);
  });
}
