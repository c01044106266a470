import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import { analyseText } from '../../media/analyse.js';
import type { Article } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { asId, type CompartmentId, type ProcessId } from '../../shared/ids.js';
import { mayName, openMedia, targetCompartment } from './media-context.js';

/** What bringing in an article takes. */
export interface AddArticleInput {
  /** Who brings it in. */
  actor: Actor;
  /** The process. */
  processId: ProcessId;
  /** Where it is kept; by default the mediators' room (or the party's caucus). */
  compartmentId?: CompartmentId;
  /** The article's text, as pasted. */
  text: string;
  /** Headline. */
  title?: string;
  /** Source address. */
  url?: string;
  /** Outlet. */
  outlet?: string;
  /** Publication date. */
  publishedAt?: string;
}

/**
 * Brings in an article and analyses it offline: language, the registered actors it mentions,
 * quotations with their speakers, names that look like unregistered actors. Only actors every
 * reader of the article's compartment may see are matched. Nothing becomes a statement here.
 */
export async function addArticle(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: AddArticleInput,
): Promise<Article> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const c = targetCompartment(m, input.compartmentId);
    requireWrite(m.ctx.membership, c, 'Compartment');
    const register = (await s.media.listActors(input.processId, m.visible)).filter((a) => {
      const ac = m.ctx.compartments.find((x) => x.id === a.compartmentId);
      return ac !== undefined && mayName(c, ac);
    });
    const analysis = analyseText(
      input.text,
      register.map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        aliases: a.aliases.map((x) => x.text),
      })),
    );
    const article: Article = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: c.id,
      title: input.title?.trim() ?? '',
      text: input.text,
      url: input.url ?? null,
      outlet: input.outlet?.trim() || null,
      publishedAt: input.publishedAt ?? null,
      language: analysis.language,
      mentions: analysis.mentions,
      quotes: analysis.quotes,
      suggestions: analysis.suggestions,
      addedBy: input.actor.userId,
      addedAt: deps.clock.now().toISOString(),
      feedId: null,
    };
    await s.media.insertArticle(article);
    await s.audit.append({
      kind: 'article.added',
      data: { articleId: article.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    return article;
  });
}
