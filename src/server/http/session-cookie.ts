/** The session cookie: HttpOnly, SameSite=Strict, `__Host-` and Secure behind HTTPS. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { sessionLifetimeMs } from '../../core/accounts/sign-in.js';

/** The cookie's name: the `__Host-` prefix pins it to this host and path when served over HTTPS. */
export const cookieName = (config: Pick<Config, 'secureCookies'>) =>
  config.secureCookies ? '__Host-parley_session' : 'parley_session';

/** Sets the session cookie. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

/** Clears it. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(cookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}

/** The session token the request carries, if any. */
export function sessionTokenOf(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[cookieName(config)];
}
