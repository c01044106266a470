import type { PublicPicture } from '../../implementation/public-picture.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';

/** What a page address looks like: the URL-safe secret a release draws. */
const slugPattern = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The public accountability page behind an address, for anyone, signed in or not: exactly the
 * picture the mediators released. An address never given out, or withdrawn, answers NOT_FOUND.
 * Public, so not audited.
 */
export async function readPublicPicture(
  deps: Deps<'db'>,
  input: { slug: string },
): Promise<PublicPicture> {
  if (!slugPattern.test(input.slug)) throw notFound('Public page');
  return deps.db.transaction(async (s) => {
    const p = await s.implementation.findPublicationBySlug(input.slug);
    if (!p) throw notFound('Public page');
    return p.picture;
  });
}
