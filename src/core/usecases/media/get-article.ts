import type { Actor } from '../../access/policy.js';
import type { Article, ArticleId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openMedia } from './media-context.js';

/** Reads one article and its analysis; one the reader may not see answers NOT_FOUND. Audited. */
export async function getArticle(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; articleId: ArticleId },
): Promise<Article> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const article = await s.media.findArticle(input.articleId, m.visible);
    if (!article || article.processId !== input.processId) throw notFound('Article');
    await s.audit.append({
      kind: 'article.read',
      data: { articleId: article.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: article.compartmentId,
    });
    return article;
  });
}
