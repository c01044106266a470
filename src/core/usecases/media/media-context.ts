import type { Actor } from '../../access/policy.js';
import { canReadCompartment, readableCompartmentIds } from '../../access/policy.js';
import { isWider, type Compartment } from '../../access/compartments.js';
import type { FeedId, MediaActor, MediaActorId, MediaFeed } from '../../media/model.js';
import type { Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { CompartmentId, ProcessId } from '../../shared/ids.js';
import { compartmentOf, openProcess, type ProcessContext } from '../process-context.js';

/** A process opened for its media material: the context and the compartments the actor reads. */
export interface MediaContext {
  /** The process as the actor sees it. */
  ctx: ProcessContext;
  /** The compartment ids the actor may read. */
  visible: CompartmentId[];
}

/** Opens a process the actor may see, with the compartments it reads. */
export async function openMedia(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
): Promise<MediaContext> {
  const ctx = await openProcess(s, actor, processId);
  return { ctx, visible: readableCompartmentIds(actor, processId, ctx.compartments) };
}

/**
 * Where new media material goes: the compartment named, or by default the mediators' room for the
 * mediator team and the party's caucus for a delegation (its own register).
 */
export function targetCompartment(m: MediaContext, id: CompartmentId | undefined): Compartment {
  if (id) return compartmentOf(m.ctx, id);
  const readable = (kind: Compartment['kind']) =>
    m.ctx.compartments.find(
      (c) =>
        c.kind === kind &&
        canReadCompartment(m.ctx.membership, c) &&
        (kind !== 'caucus' || c.partyId === m.ctx.membership.partyId),
    );
  const c = readable('mediators') ?? readable('caucus');
  if (!c)
    throw new DomainError(
      'FORBIDDEN',
      "Actors and articles are kept in the mediators' room or a party's caucus; name a compartment you may write to.",
    );
  return c;
}

/** An actor the reader may see, with its compartment; otherwise NOT_FOUND, like a missing one. */
export async function findVisibleActor(
  s: Stores,
  m: MediaContext,
  actorId: MediaActorId,
): Promise<{ actor: MediaActor; compartment: Compartment }> {
  const actor = await s.media.findActor(actorId, m.visible);
  const compartment = actor && m.ctx.compartments.find((c) => c.id === actor.compartmentId);
  if (!actor || !compartment || actor.processId !== m.ctx.process.id) throw notFound('Actor');
  return { actor, compartment };
}

/**
 * Whether material in compartment `where` may name an actor registered in `actorCompartment`:
 * only when every reader of `where` also reads the actor's register (the same compartment or a
 * wider one), so an article or statement never carries the id of an actor its readers may not see.
 */
export function mayName(where: Compartment, actorCompartment: Compartment): boolean {
  return where.id === actorCompartment.id || isWider(where, actorCompartment);
}

/** A feed the reader may see, with its compartment; otherwise NOT_FOUND, like a missing one. */
export async function findVisibleFeed(
  s: Stores,
  m: MediaContext,
  feedId: FeedId,
): Promise<{ feed: MediaFeed; compartment: Compartment }> {
  const feed = await s.media.findFeed(feedId, m.visible);
  const compartment = feed && m.ctx.compartments.find((c) => c.id === feed.compartmentId);
  if (!feed || !compartment || feed.processId !== m.ctx.process.id) throw notFound('Feed');
  return { feed, compartment };
}
