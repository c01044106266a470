import type { Actor } from '../../access/policy.js';
import { canDraftCommunique, requireWrite } from '../../access/policy.js';
import { canonicalWording, type Communique, type CommuniqueKind } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId, type RoundId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';

/**
 * The mediator team drafts a joint communiqué or a press line in its own room, where no party sees
 * it until it is circulated for approval. Its wording (title, text, embargo) is hashed.
 */
export async function draftCommunique(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    kind: CommuniqueKind;
    title: string;
    text: string;
    embargoUntil: string | null;
    roundId: RoundId | null;
  },
): Promise<CommuniqueView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    if (!canDraftCommunique(ctx.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the mediator team drafts communiqués and press lines.',
      );
    const room = ctx.compartments.find((c) => c.kind === 'mediators');
    if (!room) throw notFound('Compartment');
    requireWrite(ctx.membership, room, 'Compartment');
    if (input.roundId) {
      const round = await s.rounds.findRound(input.roundId);
      if (!round || round.processId !== input.processId) throw notFound('Round');
    }
    const now = deps.clock.now();
    const wording = {
      kind: input.kind,
      title: input.title.trim(),
      text: input.text.trim(),
      embargoUntil: input.embargoUntil === null ? null : new Date(input.embargoUntil).toISOString(),
    };
    const c: Communique = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      ...wording,
      number: null,
      state: 'draft',
      compartmentId: room.id,
      roundId: input.roundId,
      hash: deps.hashing.sha256(canonicalWording(wording)),
      revision: 1,
      createdBy: input.actor.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      releasedAt: null,
      releasedBy: null,
      publicFrom: null,
    };
    await s.communiques.insertCommunique(c);
    await s.audit.append({
      kind: 'communique.drafted',
      data: { communiqueId: c.id, kind: c.kind, hash: c.hash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: room.id,
    });
    const parties = await s.processes.listParties(input.processId);
    return viewCommunique(c, [], parties, ctx.compartments, now);
  });
}
