/** Actors outside the table, articles brought in, and confirmed statements (C9). */
import { processParams } from '../../../contract/common.js';
import {
  actorDetailResponse,
  actorListResponse,
  actorParams,
  actorResponse,
  actorStatementResponse,
  addArticleRequest,
  addFeedRequest,
  editActorRequest,
  feedFetchResponse,
  feedListResponse,
  feedParams,
  feedResponse,
  mediaStatementParams,
  setStatementIssuesRequest,
  uploadArticleRequest,
  articleParams,
  articleResponse,
  changeStanceRequest,
  confirmStatementRequest,
  mediaQuery,
  mediaViewResponse,
  registerActorRequest,
  releaseActorRequest,
} from '../../../contract/media.js';
import { asId } from '../../../core/shared/ids.js';
import { addArticle } from '../../../core/usecases/media/add-article.js';
import { changeStance } from '../../../core/usecases/media/change-stance.js';
import { confirmStatement } from '../../../core/usecases/media/confirm-statement.js';
import { getActor } from '../../../core/usecases/media/get-actor.js';
import { getArticle } from '../../../core/usecases/media/get-article.js';
import { listActors } from '../../../core/usecases/media/list-actors.js';
import { registerActor } from '../../../core/usecases/media/register-actor.js';
import { releaseActor } from '../../../core/usecases/media/release-actor.js';
import { viewMedia } from '../../../core/usecases/media/view-media.js';
import { addFeed } from '../../../core/usecases/media/add-feed.js';
import { editActor } from '../../../core/usecases/media/edit-actor.js';
import { fetchFeed } from '../../../core/usecases/media/fetch-feed.js';
import { listFeeds } from '../../../core/usecases/media/list-feeds.js';
import { removeFeed } from '../../../core/usecases/media/remove-feed.js';
import { setStatementIssues } from '../../../core/usecases/media/set-statement-issues.js';
import { okResponse } from '../../../contract/common.js';
import { maxUploadBytes, readPage } from '../../media/page-text.js';
import { processIdOf, route } from '../route.js';
import {
  presentActor,
  presentActorStatement,
  presentArticle,
  presentArticleSummary,
  presentFeed,
  presentMediaView,
} from './presenters.js';

const aid = (p: { actorId: string }) => asId<'MediaActor'>(p.actorId);

/** The actor, article, statement and media-view routes. */
export const mediaRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/actors',
    summary: 'The actors outside the table I may see, in every register I read.',
    tag: 'media',
    auth: 'required',
    params: processParams,
    response: actorListResponse,
    handler: async ({ actor, params, deps }) => ({
      actors: (await listActors(deps, { actor, processId: processIdOf(params) })).map(presentActor),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/actors',
    summary: "Register an actor (by default in the mediators' room; a delegation's in its caucus).",
    tag: 'media',
    auth: 'required',
    params: processParams,
    body: registerActorRequest,
    response: actorResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentActor(
        await registerActor(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: body.compartmentId ? asId(body.compartmentId) : undefined,
          name: body.name,
          kind: body.kind,
          role: body.role,
          reason: body.reason,
          aliases: body.aliases,
          wikidataId: body.wikidataId,
          notes: body.notes,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/actors/:actorId',
    summary: 'One actor, its stance history and its timeline of statements.',
    tag: 'media',
    auth: 'required',
    params: actorParams,
    response: actorDetailResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await getActor(deps, {
        actor,
        processId: processIdOf(params),
        actorId: aid(params),
      });
      return { actor: presentActor(r.actor), timeline: r.timeline.map(presentActorStatement) };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/processes/:processId/actors/:actorId',
    summary: "Edit an actor's name, kind, aliases, Wikidata id or notes (not its stance).",
    tag: 'media',
    auth: 'required',
    params: actorParams,
    body: editActorRequest,
    response: actorResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentActor(
        await editActor(deps, {
          actor,
          processId: processIdOf(params),
          actorId: aid(params),
          name: body.name,
          kind: body.kind,
          aliases: body.aliases,
          wikidataId: body.wikidataId,
          notes: body.notes,
          baseRevision: body.baseRevision,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/actors/:actorId/stances',
    summary: "Record an actor's stance from a date on, with the reason.",
    tag: 'media',
    auth: 'required',
    params: actorParams,
    body: changeStanceRequest,
    response: actorResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentActor(
        await changeStance(deps, {
          actor,
          processId: processIdOf(params),
          actorId: aid(params),
          stance: body.stance,
          since: body.since,
          reason: body.reason,
          baseRevision: body.baseRevision,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/actors/:actorId/release',
    summary: "Release an actor's register entry to a wider compartment.",
    tag: 'media',
    auth: 'required',
    params: actorParams,
    body: releaseActorRequest,
    response: actorResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentActor(
        await releaseActor(deps, {
          actor,
          processId: processIdOf(params),
          actorId: aid(params),
          to: asId(body.to),
          baseRevision: body.baseRevision,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/articles',
    summary:
      'Bring in an article: its language, the registered actors it mentions and its quotations, found offline.',
    tag: 'media',
    auth: 'required',
    params: processParams,
    body: addArticleRequest,
    response: articleResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentArticle(
        await addArticle(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: body.compartmentId ? asId(body.compartmentId) : undefined,
          text: body.text,
          title: body.title,
          url: body.url,
          outlet: body.outlet,
          publishedAt: body.publishedAt,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/articles/upload',
    summary:
      'Bring in a text or HTML file as an article (UTF-8, or a declared latin-1/windows-1252): its main text is analysed like a pasted one.',
    tag: 'media',
    auth: 'required',
    params: processParams,
    body: uploadArticleRequest,
    response: articleResponse,
    status: 201,
    // The file in base64 (a third larger) and the other fields; a larger file is refused by size.
    bodyLimit: Math.ceil((maxUploadBytes * 4) / 3) + 64 * 1024,
    handler: async ({ actor, params, body, deps }) => {
      const page = readPage(Buffer.from(body.content, 'base64'), {
        name: body.fileName,
        contentType: body.contentType,
      });
      return presentArticle(
        await addArticle(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: body.compartmentId ? asId(body.compartmentId) : undefined,
          text: page.text.slice(0, 200_000),
          title: body.title ?? page.title.slice(0, 500),
          url: body.url,
          outlet: body.outlet,
          publishedAt: body.publishedAt,
        }),
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/articles/:articleId',
    summary: 'One article with its language, mentions and quotations.',
    tag: 'media',
    auth: 'required',
    params: articleParams,
    response: articleResponse,
    handler: async ({ actor, params, deps }) =>
      presentArticle(
        await getArticle(deps, {
          actor,
          processId: processIdOf(params),
          articleId: asId(params.articleId),
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/media/statements',
    summary: "Confirm a quote as a registered actor's public statement.",
    tag: 'media',
    auth: 'required',
    params: processParams,
    body: confirmStatementRequest,
    response: actorStatementResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentActorStatement(
        await confirmStatement(deps, {
          actor,
          processId: processIdOf(params),
          actorId: asId(body.actorId),
          quote: body.quote,
          statedOn: body.statedOn,
          stance: body.stance,
          articleId: body.articleId ? asId(body.articleId) : undefined,
          language: body.language,
          url: body.url,
          outlet: body.outlet,
          issueIds: body.issueIds.map((id) => asId<'Issue'>(id)),
        }),
      ),
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/media/statements/:statementId/issues',
    summary: 'Set the agenda issues a confirmed statement concerns.',
    tag: 'media',
    auth: 'required',
    params: mediaStatementParams,
    body: setStatementIssuesRequest,
    response: actorStatementResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentActorStatement(
        await setStatementIssues(deps, {
          actor,
          processId: processIdOf(params),
          statementId: asId(params.statementId),
          issueIds: body.issueIds.map((id) => asId<'Issue'>(id)),
          baseRevision: body.baseRevision,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/media',
    summary:
      'The media view: statements filtered by actor, stance, language and period, the chart by month and stance, the articles.',
    tag: 'media',
    auth: 'required',
    params: processParams,
    query: mediaQuery,
    response: mediaViewResponse,
    handler: async ({ actor, params, query, deps }) =>
      presentMediaView(
        await viewMedia(deps, {
          actor,
          processId: processIdOf(params),
          filter: {
            actorId: query.actorId ? asId(query.actorId) : undefined,
            stance: query.stance,
            language: query.language,
            issueId: query.issueId ? asId(query.issueId) : undefined,
            from: query.from,
            to: query.to,
          },
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/feeds',
    summary: 'The RSS/Atom feeds I may see, with how their last fetch went.',
    tag: 'media',
    auth: 'required',
    params: processParams,
    response: feedListResponse,
    handler: async ({ actor, params, deps }) => ({
      feeds: (await listFeeds(deps, { actor, processId: processIdOf(params) })).map(presentFeed),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/feeds',
    summary:
      "Follow an RSS or Atom feed: fetched on the server's schedule, each new entry becomes an article.",
    tag: 'media',
    auth: 'required',
    params: processParams,
    body: addFeedRequest,
    response: feedResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentFeed(
        await addFeed(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: body.compartmentId ? asId(body.compartmentId) : undefined,
          url: body.url,
          title: body.title,
          intervalMinutes: body.intervalMinutes,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/feeds/:feedId/fetch',
    summary: 'Fetch a feed now instead of waiting for the schedule.',
    tag: 'media',
    auth: 'required',
    params: feedParams,
    response: feedFetchResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await fetchFeed(deps, {
        actor,
        processId: processIdOf(params),
        feedId: asId(params.feedId),
      });
      return { feed: presentFeed(r.feed), added: r.added.map(presentArticleSummary) };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/processes/:processId/feeds/:feedId',
    summary: 'Stop following a feed; the articles it brought in stay.',
    tag: 'media',
    auth: 'required',
    params: feedParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await removeFeed(deps, {
        actor,
        processId: processIdOf(params),
        feedId: asId(params.feedId),
      });
      return { ok: true as const };
    },
  }),
];
