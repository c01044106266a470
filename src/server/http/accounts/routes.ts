/** Sign-in, sign-out, the current session, API tokens and TOTP. */
import { z } from 'zod';
import { okResponse } from '../../../contract/common.js';
import {
  createdTokenResponse,
  createTokenRequest,
  sessionResponse,
  signInRequest,
  tokenListResponse,
  tokenParams,
  totpCodeRequest,
  totpSetupResponse,
} from '../../../contract/auth.js';
import { asId } from '../../../core/shared/ids.js';
import { signIn } from '../../../core/usecases/accounts/sign-in.js';
import { signOut } from '../../../core/usecases/accounts/sign-out.js';
import { createApiToken } from '../../../core/usecases/accounts/create-api-token.js';
import { listApiTokens } from '../../../core/usecases/accounts/list-api-tokens.js';
import { revokeApiToken } from '../../../core/usecases/accounts/revoke-api-token.js';
import { beginTotpSetup } from '../../../core/usecases/accounts/begin-totp-setup.js';
import { confirmTotp } from '../../../core/usecases/accounts/confirm-totp.js';
import { disableTotp } from '../../../core/usecases/accounts/disable-totp.js';
import { DomainError } from '../../../core/shared/errors.js';
import { presentToken, presentUser } from './presenters.js';
import { route } from '../route.js';
import {
  clearSessionCookie,
  deviceTokenOf,
  setDeviceCookie,
  setSessionCookie,
} from '../session-cookie.js';

export const authRoutes = [
  route({
    method: 'POST',
    url: '/api/session',
    summary:
      'Sign in with e-mail, password and (when enabled) a TOTP code; sets the session cookie.',
    tag: 'auth',
    auth: 'none',
    body: signInRequest,
    response: sessionResponse,
    handler: async ({ body, deps, request, reply }) => {
      const { token, session, user, deviceToken } = await signIn(deps, {
        ...body,
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
  route({
    method: 'GET',
    url: '/api/session',
    summary: 'The current session and its CSRF token.',
    tag: 'auth',
    auth: 'required',
    response: sessionResponse,
    handler: async ({ auth }) => {
      if (!auth.session)
        throw new DomainError(
          'RULE_VIOLATION',
          'This request used an API token; there is no browser session.',
        );
      return {
        user: presentUser(auth.user),
        csrfToken: auth.session.csrfToken,
        mfa: auth.session.mfa,
        passkey: auth.session.passkey,
        expiresAt: auth.session.expiresAt,
      };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/session',
    summary: 'Sign out: revokes the session on the server.',
    tag: 'auth',
    auth: 'required',
    response: okResponse,
    handler: async ({ auth, deps, reply }) => {
      if (auth.session) await signOut(deps, { actor: auth.actor, session: auth.session });
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    },
  }),
  route({
    method: 'GET',
    url: '/api/me/tokens',
    summary: 'My personal API tokens (never their secrets).',
    tag: 'auth',
    auth: 'required',
    response: tokenListResponse,
    handler: async ({ actor, deps }) => ({
      tokens: (await listApiTokens(deps, { actor })).map(presentToken),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/me/tokens',
    summary: 'Create a personal API token; the secret is shown once.',
    tag: 'auth',
    auth: 'session',
    body: createTokenRequest,
    response: createdTokenResponse,
    status: 201,
    handler: async ({ actor, body, deps }) => {
      const { token, secret } = await createApiToken(deps, { actor, name: body.name });
      return { token: presentToken(token), secret };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/me/tokens/:tokenId',
    summary: 'Revoke one of my API tokens.',
    tag: 'auth',
    auth: 'required',
    params: tokenParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await revokeApiToken(deps, { actor, tokenId: asId(params.tokenId) });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/me/totp/setup',
    summary: 'Start setting up a TOTP second factor.',
    tag: 'auth',
    auth: 'session',
    body: z.object({}).optional(),
    response: totpSetupResponse,
    handler: async ({ actor, deps }) => beginTotpSetup(deps, { actor }),
  }),
  route({
    method: 'POST',
    url: '/api/me/totp/confirm',
    summary: 'Confirm the TOTP second factor with a first code.',
    tag: 'auth',
    auth: 'session',
    body: totpCodeRequest,
    response: okResponse,
    handler: async ({ actor, body, deps }) => {
      await confirmTotp(deps, { actor, code: body.code });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/me/totp/disable',
    summary: 'Turn the TOTP second factor off (needs a current code).',
    tag: 'auth',
    auth: 'session',
    body: totpCodeRequest,
    response: okResponse,
    handler: async ({ actor, body, deps }) => {
      await disableTotp(deps, { actor, code: body.code });
      return { ok: true as const };
    },
  }),
];
