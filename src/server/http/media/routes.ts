/** Actors outside the table, articles brought in, and confirmed statements (C9). */
import { processParams } from '../../../contract/common.js';
import {
  actorDetailResponse,
  actorListResponse,
  actorParams,
  actorResponse,
  actorStatementResponse,
  addArticleRequest,
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
import { processIdOf, route } from '../route.js';
import {
  presentActor,
  presentActorStatement,
  presentArticle,
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
            from: query.from,
            to: query.to,
          },
        }),
      ),
  }),
];
