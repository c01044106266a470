import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { ActorAlias, ActorKind, MediaActor, Stance } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { asId, type CompartmentId, type ProcessId } from '../../shared/ids.js';
import { openMedia, targetCompartment } from './media-context.js';
import { cleanAliases } from './register-rules.js';

/** What registering an actor takes. */
export interface RegisterActorInput {
  /** Who registers it. */
  actor: Actor;
  /** The process. */
  processId: ProcessId;
  /** The register it goes to; by default the mediators' room (or the party's caucus). */
  compartmentId?: CompartmentId;
  /** Its name. */
  name: string;
  /** What it is. */
  kind: ActorKind;
  /** Its first stance (role towards the process). */
  role: Stance;
  /** Why that stance (optional at registration). */
  reason?: string;
  /** Other names and spellings. */
  aliases?: ActorAlias[];
  /** Optional Wikidata id. */
  wikidataId?: string | null;
  /** Notes. */
  notes?: string;
}

/**
 * Registers an actor outside the table in a compartment's register, with its first stance dated
 * today and set by the person registering it. Audited in that compartment.
 */
export async function registerActor(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: RegisterActorInput,
): Promise<MediaActor> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const c = targetCompartment(m, input.compartmentId);
    requireWrite(m.ctx.membership, c, 'Compartment');
    const now = deps.clock.now().toISOString();
    const aliases = cleanAliases(input.aliases ?? []);
    const actor: MediaActor = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: c.id,
      name: input.name.trim(),
      kind: input.kind,
      aliases,
      wikidataId: input.wikidataId ?? null,
      notes: input.notes ?? '',
      stances: [
        {
          stance: input.role,
          since: now.slice(0, 10),
          reason: input.reason?.trim() ?? '',
          setBy: input.actor.userId,
          setAt: now,
        },
      ],
      createdBy: input.actor.userId,
      createdAt: now,
      revision: 1,
    };
    await s.media.insertActor(actor);
    await s.audit.append({
      kind: 'media_actor.registered',
      data: { actorId: actor.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    return actor;
  });
}
