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

/** How long a browser stays known to the sign-in throttle after a full sign-in (180 days). */
const deviceLifetimeSeconds = 180 * 24 * 60 * 60;

/**
 * The device cookie's name. It holds a random token issued at a full sign-in, which lets this
 * browser's later attempts for the same account be throttled on their own (core/accounts/sign-in.ts).
 */
export const deviceCookieName = (config: Pick<Config, 'secureCookies'>) =>
  config.secureCookies ? '__Host-parley_device' : 'parley_device';

/** Sets the device cookie. */
export function setDeviceCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(deviceCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: deviceLifetimeSeconds,
  });
}

/** The device token the request carries, if any. */
export function deviceTokenOf(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[deviceCookieName(config)];
}
