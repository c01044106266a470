/** Passkeys: register, list, rename and remove mine; sign in with one. */
import { z } from 'zod';
import { okResponse } from '../../../contract/common.js';
import { sessionResponse } from '../../../contract/auth.js';
import {
  passkeyChallengeResponse,
  passkeyListResponse,
  passkeyParams,
  passkeyResponse,
  passkeySignInOptionsRequest,
  passkeySignInRequest,
  registerPasskeyRequest,
  renamePasskeyRequest,
} from '../../../contract/passkeys.js';
import { asId } from '../../../core/shared/ids.js';
import { beginPasskeyRegistration } from '../../../core/usecases/accounts/begin-passkey-registration.js';
import { listPasskeys } from '../../../core/usecases/accounts/list-passkeys.js';
import { registerPasskey } from '../../../core/usecases/accounts/register-passkey.js';
import { removePasskey } from '../../../core/usecases/accounts/remove-passkey.js';
import { renamePasskey } from '../../../core/usecases/accounts/rename-passkey.js';
import { beginPasskeySignIn } from '../../../core/usecases/accounts/begin-passkey-sign-in.js';
import { finishPasskeySignIn } from '../../../core/usecases/accounts/finish-passkey-sign-in.js';
import { presentPasskey, presentUser } from './presenters.js';
import { route } from '../route.js';
import { deviceTokenOf, setDeviceCookie, setSessionCookie } from '../session-cookie.js';

export const passkeyRoutes = [
  route({
    method: 'POST',
    url: '/api/account/passkeys/options',
    summary: 'Start registering a passkey: options for navigator.credentials.create().',
    tag: 'passkeys',
    auth: 'session',
    body: z.object({}).optional(),
    response: passkeyChallengeResponse,
    handler: async ({ actor, deps }) => beginPasskeyRegistration(deps, { actor }),
  }),
  route({
    method: 'POST',
    url: '/api/account/passkeys',
    summary: "Register a passkey: the browser's answer, verified against the pending request.",
    tag: 'passkeys',
    auth: 'session',
    body: registerPasskeyRequest,
    response: passkeyResponse,
    status: 201,
    handler: async ({ actor, body, deps }) =>
      presentPasskey(
        await registerPasskey(deps, {
          actor,
          challengeId: asId(body.challengeId),
          name: body.name,
          response: body.response,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/account/passkeys',
    summary: 'My passkeys (never their keys).',
    tag: 'passkeys',
    auth: 'required',
    response: passkeyListResponse,
    handler: async ({ actor, deps }) => ({
      passkeys: (await listPasskeys(deps, { actor })).map(presentPasskey),
    }),
  }),
  route({
    method: 'PATCH',
    url: '/api/account/passkeys/:passkeyId',
    summary: 'Rename one of my passkeys.',
    tag: 'passkeys',
    auth: 'session',
    params: passkeyParams,
    body: renamePasskeyRequest,
    response: passkeyResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentPasskey(
        await renamePasskey(deps, { actor, passkeyId: asId(params.passkeyId), name: body.name }),
      ),
  }),
  route({
    method: 'DELETE',
    url: '/api/account/passkeys/:passkeyId',
    summary:
      'Remove one of my passkeys (not the last one while a process I belong to requires passkeys).',
    tag: 'passkeys',
    auth: 'session',
    params: passkeyParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await removePasskey(deps, { actor, passkeyId: asId(params.passkeyId) });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/session/passkey/options',
    summary:
      'Start signing in with a passkey: after e-mail and password (second factor), or on its own.',
    tag: 'auth',
    auth: 'none',
    body: passkeySignInOptionsRequest,
    response: passkeyChallengeResponse,
    handler: async ({ body, deps, request }) =>
      beginPasskeySignIn(deps, {
        ip: request.ip,
        device: deviceTokenOf(request, deps.config),
        password:
          body.email !== undefined && body.password !== undefined
            ? { email: body.email, password: body.password }
            : null,
      }),
  }),
  route({
    method: 'POST',
    url: '/api/session/passkey',
    summary: "Sign in with a passkey: the browser's answer; sets the session cookie.",
    tag: 'auth',
    auth: 'none',
    body: passkeySignInRequest,
    response: sessionResponse,
    handler: async ({ body, deps, request, reply }) => {
      const { token, session, user, deviceToken } = await finishPasskeySignIn(deps, {
        challengeId: asId(body.challengeId),
        response: body.response,
        ip: request.ip,
        device: deviceTokenOf(request, deps.config),
      });
      setSessionCookie(reply, deps.config, token);
      if (deviceToken) setDeviceCookie(reply, deps.config, deviceToken);
      return {
        user: presentUser(user),
        csrfToken: session.csrfToken,
        mfa: session.mfa,
        passkey: session.passkey,
        expiresAt: session.expiresAt,
      };
    },
  }),
];
