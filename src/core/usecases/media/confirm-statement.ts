import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { ActorStatement, ArticleId, MediaActorId, Stance } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type IssueId, type ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { findVisibleActor, mayName, openMedia } from './media-context.js';
import { agendaIssues } from './statement-rules.js';

/** What confirming a statement takes. */
export interface ConfirmStatementInput {
  /** The person confirming it. */
  actor: Actor;
  /** The process. */
  processId: ProcessId;
  /** Who said it. */
  actorId: MediaActorId;
  /** The quote, in its original language. */
  quote: string;
  /** The day it was said or published (YYYY-MM-DD). */
  statedOn: string;
  /** The stance it expresses, as the person judges. */
  stance: Stance;
  /** The article it was found in; its compartment, source and language are taken from it. */
  articleId?: ArticleId;
  /** Language (ISO 639-1), when not from an article. */
  language?: string;
  /** Source address, when not from an article. */
  url?: string;
  /** Outlet, when not from an article. */
  outlet?: string;
  /** The agenda issues it concerns. */
  issueIds?: IssueId[];
}

/**
 * Confirms a quote as a public statement of a registered actor: a person's act, never the
 * analysis's. The statement lives in the article's compartment (or the actor's when typed in),
 * and the actor must be visible to all its readers. Audited.
 */
export async function confirmStatement(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: ConfirmStatementInput,
): Promise<ActorStatement> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { actor, compartment: actorCompartment } = await findVisibleActor(s, m, input.actorId);
    const article = input.articleId
      ? await s.media.findArticle(input.articleId, m.visible)
      : undefined;
    if (input.articleId && (!article || article.processId !== input.processId))
      throw notFound('Article');
    const where = article ? compartmentOf(m.ctx, article.compartmentId) : actorCompartment;
    requireWrite(m.ctx.membership, where, 'Compartment');
    if (!mayName(where, actorCompartment))
      throw new DomainError(
        'RULE_VIOLATION',
        "This actor's register is narrower than the article's compartment: release the actor first.",
      );
    const quote = input.quote.trim();
    if (article && !article.text.includes(quote))
      throw new DomainError(
        'RULE_VIOLATION',
        'The quote must be words of the article, exactly as they stand there.',
      );
    const issueIds = await agendaIssues(s, input.processId, input.issueIds ?? []);
    const statement: ActorStatement = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: where.id,
      actorId: actor.id,
      quote,
      language: input.language ?? article?.language ?? 'und',
      url: input.url ?? article?.url ?? null,
      outlet: input.outlet ?? article?.outlet ?? null,
      statedOn: input.statedOn,
      stance: input.stance,
      articleId: article?.id ?? null,
      confirmedBy: input.actor.userId,
      confirmedAt: deps.clock.now().toISOString(),
      issueIds,
      revision: 1,
    };
    await s.media.insertStatement(statement);
    await s.audit.append({
      kind: 'actor_statement.confirmed',
      data: { statementId: statement.id, actorId: actor.id, articleId: statement.articleId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: where.id,
    });
    return statement;
  });
}
