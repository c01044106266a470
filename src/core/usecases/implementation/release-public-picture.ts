import type { Actor } from '../../access/policy.js';
import {
  publicPicture,
  type PublicParts,
  type Publication,
} from '../../implementation/public-picture.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { publicCompartmentFor } from './publication-rules.js';

/**
 * The mediators release the implementation picture, or parts of it, to the public accountability
 * page: the commitments of the chosen themes with their verified levels, and the progress over
 * them. The picture is built now and kept as released; releasing again replaces it at the same
 * address. Audited in the public compartment.
 */
export async function releasePublicPicture(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId; title: string; parts: PublicParts },
): Promise<Publication> {
  const title = input.title.trim();
  if (title === '' || title.length > 200)
    throw new DomainError('INVALID_INPUT', 'Give the page a title (1 to 200 characters).', {
      field: 'title',
    });
  if (!input.parts.commitments && !input.parts.progress)
    throw new DomainError(
      'INVALID_INPUT',
      'Release the commitments, the progress or both; nothing would be shown.',
      { field: 'parts' },
    );
  if (input.parts.themes !== null && input.parts.themes.length === 0)
    throw new DomainError('INVALID_INPUT', 'Choose at least one theme, or release every theme.', {
      field: 'parts.themes',
    });
  const now = deps.clock.now();
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const pub = publicCompartmentFor(ic);
    const id = ic.process.id;
    const plenary = [ic.plenary.id];
    const themes = await s.implementation.listThemes(id, plenary);
    for (const code of input.parts.themes ?? [])
      if (!themes.some((t) => t.code === code))
        throw new DomainError('INVALID_INPUT', `No theme has the code ${code}.`, {
          field: 'parts.themes',
        });
    const picture = publicPicture({
      title,
      releasedAt: now.toISOString(),
      today: now.toISOString().slice(0, 10),
      parts: input.parts,
      themes,
      commitments: await s.implementation.listCommitments(id, plenary),
      entries: await s.implementation.listLevelFacts(id, plenary),
      verifications: await s.implementation.listVerifications(id, plenary),
      parties: ic.parties,
    });
    const before = await s.implementation.findPublication(id);
    const publication: Publication = {
      processId: id,
      compartmentId: pub.id,
      slug: before?.slug ?? deps.ids.newSecret(),
      picture,
      releasedBy: input.actor.userId,
    };
    await s.implementation.savePublication(publication);
    await s.audit.append({
      kind: 'implementation.published',
      data: {
        parts: picture.parts,
        commitments: picture.progress?.commitments ?? picture.commitments.length,
        again: before !== undefined,
      },
      actorUserId: input.actor.userId,
      processId: id,
      compartmentId: pub.id,
    });
    return publication;
  });
}
