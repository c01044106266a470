import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { ActorAlias, ActorKind, MediaActor, MediaActorId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { findVisibleActor, openMedia } from './media-context.js';
import { cleanAliases } from './register-rules.js';

/** What editing an actor's entry takes: the fields to change, and the revision seen. */
export interface EditActorInput {
  /** Who edits it. */
  actor: Actor;
  /** The process. */
  processId: ProcessId;
  /** The actor. */
  actorId: MediaActorId;
  /** A new name. */
  name?: string;
  /** A new kind. */
  kind?: ActorKind;
  /** The whole new list of aliases. */
  aliases?: ActorAlias[];
  /** A new Wikidata id, or null to clear it. */
  wikidataId?: string | null;
  /** New notes. */
  notes?: string;
  /** The revision the person saw. */
  baseRevision: number;
}

/**
 * Edits an actor's name, kind, aliases, Wikidata id or notes. The stance is not among them: it
 * changes only as a dated, reasoned entry of its history (`changeStance`). Audited.
 */
export async function editActor(deps: Deps<'db'>, input: EditActorInput): Promise<MediaActor> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { actor, compartment } = await findVisibleActor(s, m, input.actorId);
    requireWrite(m.ctx.membership, compartment, 'Actor');
    if (actor.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        "The actor's entry changed since you opened it; review it before saving.",
        { current: { revision: actor.revision } },
      );
    const edited: MediaActor = {
      ...actor,
      name: input.name?.trim() ?? actor.name,
      kind: input.kind ?? actor.kind,
      aliases: input.aliases ? cleanAliases(input.aliases) : actor.aliases,
      wikidataId: input.wikidataId === undefined ? actor.wikidataId : input.wikidataId,
      notes: input.notes ?? actor.notes,
      revision: actor.revision + 1,
    };
    if (!(await s.media.updateActor(edited, actor.revision)))
      throw new DomainError('STALE_REVISION', "The actor's entry changed meanwhile; try again.");
    await s.audit.append({
      kind: 'media_actor.edited',
      data: { actorId: actor.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: compartment.id,
    });
    return edited;
  });
}
