/** Messages (C8): threads in each compartment, messages, and shuttle relays. */
import { processParams } from '../../../contract/common.js';
import {
  messageParams,
  messageResponse,
  postMessageRequest,
  relayRequest,
  startThreadRequest,
  threadListQuery,
  threadListResponse,
  threadParams,
  threadResponseWithMessages,
} from '../../../contract/messages.js';
import { asId } from '../../../core/shared/ids.js';
import { getThread } from '../../../core/usecases/messages/get-thread.js';
import { listThreads } from '../../../core/usecases/messages/list-threads.js';
import { postMessage } from '../../../core/usecases/messages/post-message.js';
import { relayMessage } from '../../../core/usecases/messages/relay-message.js';
import { startThread } from '../../../core/usecases/messages/start-thread.js';
import { route, processIdOf } from '../route.js';
import { presentMessage, presentThread } from './presenters.js';

/** The message routes. */
export const messageRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/threads',
    summary: 'The threads I may read, optionally in one compartment, most recently active first.',
    tag: 'messages',
    auth: 'required',
    params: processParams,
    query: threadListQuery,
    response: threadListResponse,
    handler: async ({ actor, params, query, deps }) => ({
      threads: (
        await listThreads(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: query.compartmentId ? asId(query.compartmentId) : undefined,
        })
      ).map((t) => ({
        ...presentThread(t),
        messageCount: t.messageCount,
        lastPostedAt: t.lastPostedAt,
      })),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/threads',
    summary: 'Start a thread with its first message in a compartment, optionally about a session.',
    tag: 'messages',
    auth: 'required',
    params: processParams,
    body: startThreadRequest,
    response: threadResponseWithMessages,
    status: 201,
    handler: async ({ actor, params, body, deps }) => {
      const r = await startThread(deps, {
        actor,
        processId: processIdOf(params),
        compartmentId: asId(body.compartmentId),
        title: body.title,
        body: body.body,
        sessionId: body.sessionId ? asId(body.sessionId) : null,
      });
      return { thread: presentThread(r.thread), messages: [presentMessage(r.message)] };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/threads/:threadId',
    summary: 'A thread and its messages (relays shown as "relayed by the mediators").',
    tag: 'messages',
    auth: 'required',
    params: threadParams,
    response: threadResponseWithMessages,
    handler: async ({ actor, params, deps }) => {
      const r = await getThread(deps, {
        actor,
        processId: processIdOf(params),
        threadId: asId(params.threadId),
      });
      return { thread: presentThread(r.thread), messages: r.messages.map(presentMessage) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/threads/:threadId/messages',
    summary: 'Post a message to a thread.',
    tag: 'messages',
    auth: 'required',
    params: threadParams,
    body: postMessageRequest,
    response: messageResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentMessage(
        await postMessage(deps, {
          actor,
          processId: processIdOf(params),
          threadId: asId(params.threadId),
          body: body.body,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/messages/:messageId/relay',
    summary:
      "Relay a party's message, possibly reworded, to a thread of the other side's bilateral channel.",
    tag: 'messages',
    auth: 'required',
    params: messageParams,
    body: relayRequest,
    response: messageResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentMessage(
        await relayMessage(deps, {
          actor,
          processId: processIdOf(params),
          messageId: asId(params.messageId),
          toThreadId: asId(body.toThreadId),
          body: body.body,
        }),
      ),
  }),
];
