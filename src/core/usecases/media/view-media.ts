import type { Actor } from '../../access/policy.js';
import { statementsOverTime, type MediaFilter, type PeriodCount } from '../../media/timeline.js';
import { filterStatements } from '../../media/timeline.js';
import type { PublicStatement } from '../../communiques/model.js';
import type { ActorStatement, Article, MediaActor } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { auditListing } from './media-view.js';
import { openMedia } from './media-context.js';

/** The process's media view as one reader sees it. */
export interface MediaView {
  /** The actors the reader sees (for names and stances). */
  actors: MediaActor[];
  /** The statements that pass the filter, oldest first. */
  statements: ActorStatement[];
  /**
   * The parties' own public statements logged beside the agreed line (C8) that the reader sees,
   * in the filtered period (they have no actor, stance or language to filter by).
   */
  partyStatements: PublicStatement[];
  /** Articles the reader sees, newest first (their analysis without the text). */
  articles: Article[];
  /** Statements per month and stance, over the filtered statements, with the rounds held. */
  chart: PeriodCount[];
}

/**
 * The media view: the statements the reader may see, filtered by actor, stance, agenda issue,
 * language and period, the chart of statements over time by stance, and the articles. Audited per compartment.
 */
export async function viewMedia(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; filter: MediaFilter },
): Promise<MediaView> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const actors = await s.media.listActors(input.processId, m.visible);
    const all = await s.media.listStatements(input.processId, m.visible);
    const articles = await s.media.listArticles(input.processId, m.visible);
    const statements = filterStatements(all, input.filter);
    const f = input.filter;
    const partyStatements = (await s.communiques.listStatements(input.processId, m.visible)).filter(
      (p) =>
        !f.actorId &&
        !f.stance &&
        !f.language &&
        !f.issueId &&
        (!f.from || p.statedOn >= f.from) &&
        (!f.to || p.statedOn.slice(0, 10) <= f.to),
    );
    // Rounds are the process's set-up, which every member sees: their numbers and dates only.
    const rounds = (await s.rounds.listRounds(input.processId)).map((r) => ({
      number: r.number,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    }));
    await auditListing(s, m, input.actor, 'media', [
      ...actors,
      ...all,
      ...articles,
      ...partyStatements,
    ]);
    return {
      actors,
      statements,
      partyStatements,
      articles,
      chart: statementsOverTime(statements, rounds),
    };
  });
}
