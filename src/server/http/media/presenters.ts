/**
 * Actors, articles, statements and the media view as the contract shows them.
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import type {
  actorResponse,
  actorStatementResponse,
  articleResponse,
  feedResponse,
  mediaViewResponse,
} from '../../../contract/media.js';
import type { FeedProblem } from '../../../core/ports.js';
import {
  currentStance,
  type ActorStatement,
  type Article,
  type MediaActor,
  type MediaFeed,
} from '../../../core/media/model.js';
import type { PeriodCount } from '../../../core/media/timeline.js';
import type { MediaView } from '../../../core/usecases/media/view-media.js';

/** An actor with its stance history. */
export const presentActor = (a: MediaActor): z.input<typeof actorResponse> => ({
  id: a.id,
  compartmentId: a.compartmentId,
  name: a.name,
  kind: a.kind,
  role: currentStance(a),
  aliases: a.aliases.map((x) => ({ text: x.text, language: x.language })),
  wikidataId: a.wikidataId,
  notes: a.notes,
  stances: a.stances.map((s) => ({
    stance: s.stance,
    since: s.since,
    reason: s.reason,
    setBy: s.setBy,
    setAt: s.setAt,
  })),
  revision: a.revision,
  createdAt: a.createdAt,
});

/** A confirmed statement. */
export const presentActorStatement = (
  s: ActorStatement,
): z.input<typeof actorStatementResponse> => ({
  id: s.id,
  compartmentId: s.compartmentId,
  actorId: s.actorId,
  quote: s.quote,
  language: s.language,
  url: s.url,
  outlet: s.outlet,
  statedOn: s.statedOn,
  stance: s.stance,
  articleId: s.articleId,
  confirmedAt: s.confirmedAt,
  issueIds: [...s.issueIds],
  revision: s.revision,
});

/** An article with its analysis. */
export const presentArticle = (a: Article): z.input<typeof articleResponse> => ({
  id: a.id,
  compartmentId: a.compartmentId,
  title: a.title,
  text: a.text,
  url: a.url,
  outlet: a.outlet,
  publishedAt: a.publishedAt,
  language: a.language,
  mentions: a.mentions.map((m) => ({
    actorId: m.actorId,
    text: m.text,
    start: m.start,
    end: m.end,
  })),
  quotes: a.quotes.map((q) => ({
    text: q.text,
    speakerActorId: q.speakerActorId,
    start: q.start,
    end: q.end,
  })),
  suggestions: a.suggestions.map((s) => ({ text: s.text, start: s.start, end: s.end })),
  addedAt: a.addedAt,
  feedId: a.feedId,
});

/** An article's analysis without its text (lists). */
export const presentArticleSummary = (a: Article) => {
  const { text: _text, ...rest } = presentArticle(a);
  return rest;
};

const presentProblem = (stored: string | null) => {
  if (stored === null) return null;
  const p = JSON.parse(stored) as FeedProblem;
  return { code: p.code, detail: p.detail, message: p.message };
};

/** A feed and how its last fetch went. */
export const presentFeed = (f: MediaFeed): z.input<typeof feedResponse> => ({
  id: f.id,
  compartmentId: f.compartmentId,
  url: f.url,
  title: f.title,
  intervalMinutes: f.intervalMinutes,
  lastFetchedAt: f.lastFetchedAt,
  lastStatus: f.lastStatus,
  lastError: presentProblem(f.lastError),
  articlesAdded: f.articlesAdded,
  createdAt: f.createdAt,
});

const presentPeriod = (p: PeriodCount) => ({
  period: p.period,
  counts: { ...p.counts },
  total: p.total,
  rounds: [...p.rounds],
});

/** The media view. */
export const presentMediaView = (v: MediaView): z.input<typeof mediaViewResponse> => ({
  actors: v.actors.map(presentActor),
  statements: v.statements.map(presentActorStatement),
  partyStatements: v.partyStatements.map((p) => ({
    id: p.id,
    partyId: p.partyId,
    source: p.source,
    statedOn: p.statedOn,
    text: p.text,
  })),
  articles: v.articles.map(presentArticleSummary),
  chart: v.chart.map(presentPeriod),
});
