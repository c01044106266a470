/**
 * Passkeys through the API, with a software authenticator that builds real attestation and
 * assertion bytes, so the server's WebAuthn verification (@simplewebauthn/server) runs unmocked:
 * registration, sign-in as the second factor and on its own, refusals (another origin, a used or
 * expired request, a counter that went back), and a process that requires passkeys.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type Session } from '../test-support/harness.js';
import { SoftwareAuthenticator, type Tampering } from '../test-support/software-authenticator.js';

const targets = await testDatabases();
const password = 'a-long-passphrase-for-tests';

describe.each(targets)('passkeys on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });

  const origin = () => p.runtime.deps.config.passkeyOrigin;
  const device = () => new SoftwareAuthenticator(origin());
  /** A fresh account, signed in with its password. */
  async function account(options: { isAdmin?: boolean } = {}) {
    const email = `${randomUUID()}@passkeys.test`;
    const user = await createUser(p.runtime.deps, {
      email,
      displayName: 'Passkey tester',
      password,
      isAdmin: options.isAdmin ?? false,
    });
    return { email, id: user.id, session: await p.signIn(email, password) };
  }
  const sessionOf = (res: LightMyRequestResponse): Session => {
    const cookie = res.cookies.find((c) => c.name.endsWith('parley_session'));
    if (!cookie) throw new Error(`no session cookie: ${res.body}`);
    return { cookie: `${cookie.name}=${cookie.value}`, csrf: res.json().csrfToken };
  };
  async function registrationOptions(session: Session) {
    const res = await p.as(session, {
      method: 'POST',
      url: '/api/account/passkeys/options',
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { challengeId: string; options: { challenge: string } };
  }
  async function register(
    session: Session,
    key: SoftwareAuthenticator,
    tampering: Tampering = {},
    name = 'Work laptop',
  ) {
    const { challengeId, options } = await registrationOptions(session);
    return p.as(session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: { challengeId, name, response: key.create(options, tampering) },
    });
  }
  async function signInOptions(credentials: { email: string; password: string } | null) {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/session/passkey/options',
      payload: credentials ?? {},
    });
    return res;
  }
  async function signInWith(
    key: SoftwareAuthenticator,
    credentials: { email: string; password: string } | null,
    tampering: Tampering = {},
  ) {
    const started = await signInOptions(credentials);
    expect(started.statusCode, started.body).toBe(200);
    const { challengeId, options } = started.json();
    const payload = { challengeId, response: key.get(options, tampering) };
    const res = await p.app.inject({ method: 'POST', url: '/api/session/passkey', payload });
    return { res, payload, options };
  }
  const auditKinds = async (userId: string) =>
    (
      await p.runtime.database.db
        .selectFrom('audit_log')
        .select(['kind', 'data'])
        .where('actor_user_id', '=', userId)
        .orderBy('seq')
        .execute()
    ).map((e) => `${e.kind} ${e.data}`);

  it('registers a passkey through the real verification, lists it without its key, renames it, and audits each step', async () => {
    const me = await account();
    const key = device();
    const res = await register(me.session, key);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Work laptop', transports: ['internal'] });
    expect(res.body).not.toContain(key.credentialId);

    const list = await p.as(me.session, { method: 'GET', url: '/api/account/passkeys' });
    expect(list.json().passkeys.map((k: { id: string }) => k.id)).toEqual([created.id]);
    const renamed = await p.as(me.session, {
      method: 'PATCH',
      url: `/api/account/passkeys/${created.id}`,
      payload: { name: '  Phone ' },
    });
    expect(renamed.json().name).toBe('Phone');
    const kinds = await auditKinds(me.id);
    expect(kinds).toContain(
      `passkey.registered {"name":"Work laptop","passkeyId":"${created.id}"}`,
    );
    expect(kinds).toContain(`passkey.renamed {"name":"Phone","passkeyId":"${created.id}"}`);
    // The same authenticator cannot be registered twice.
    expect((await register(me.session, key)).json().error.code).toBe('CONFLICT');
  });

  it('answers bad registration input with 400 and a clear message', async () => {
    const me = await account();
    const { challengeId } = await registrationOptions(me.session);
    const res = await p.as(me.session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: { challengeId, name: '', response: { id: 'not base64url!' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
    expect(res.json().error.message).toMatch(/body\.name .*body\.response/);
  });

  it('refuses a registration from another origin, for another relying party, or with a used, expired or foreign request', async () => {
    const me = await account();
    const other = await account();
    const wrongOrigin = await register(me.session, device(), { origin: 'https://parley.evil' });
    expect(wrongOrigin.statusCode).toBe(400);
    expect(wrongOrigin.json().error).toMatchObject({ code: 'PASSKEY_INVALID' });
    expect(wrongOrigin.json().error.message).toContain('https://parley.evil');
    const wrongRp = await register(me.session, device(), { rpId: 'parley.evil' });
    expect(wrongRp.json().error.code).toBe('PASSKEY_INVALID');

    // A request is used once, even when the answer failed.
    const { challengeId, options } = await registrationOptions(me.session);
    const ok = await p.as(me.session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: { challengeId, name: 'First', response: device().create(options) },
    });
    expect(ok.statusCode).toBe(201);
    const again = await p.as(me.session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: { challengeId, name: 'Second', response: device().create(options) },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/expired or was already used/);

    // Someone else's request, and a request answered too late.
    const theirs = await registrationOptions(other.session);
    const foreign = await p.as(me.session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: {
        challengeId: theirs.challengeId,
        name: 'Theirs',
        response: device().create(theirs.options),
      },
    });
    expect(foreign.json().error.code).toBe('PASSKEY_INVALID');
    const late = await registrationOptions(me.session);
    clock.advance(6 * 60 * 1000);
    const expired = await p.as(me.session, {
      method: 'POST',
      url: '/api/account/passkeys',
      payload: {
        challengeId: late.challengeId,
        name: 'Late',
        response: device().create(late.options),
      },
    });
    expect(expired.json().error.code).toBe('PASSKEY_INVALID');
    const list = await p.as(me.session, { method: 'GET', url: '/api/account/passkeys' });
    expect(list.json().passkeys.map((k: { name: string }) => k.name)).toEqual(['First']);
  });

  it('asks for the passkey after the password, and signs in with it as the second factor', async () => {
    const me = await account();
    const key = device();
    expect((await register(me.session, key)).statusCode).toBe(201);
    const credentials = { email: me.email, password };

    const passwordOnly = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: credentials,
    });
    expect(passwordOnly.statusCode).toBe(401);
    expect(passwordOnly.json().error).toMatchObject({
      code: 'PASSKEY_REQUIRED',
      details: { methods: ['passkey'] },
    });
    const wrongPassword = await signInOptions({ email: me.email, password: 'not-the-password' });
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');

    const { res, options } = await signInWith(key, credentials);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mfa: true, passkey: true });
    expect(options.allowCredentials).toEqual([
      { id: key.credentialId, transports: ['internal'], type: 'public-key' },
    ]);
    const session = await p.as(sessionOf(res), { method: 'GET', url: '/api/session' });
    expect(session.json()).toMatchObject({ passkey: true, user: { email: me.email } });
    expect(await auditKinds(me.id)).toContain(
      `session.signed_in_with_passkey {"method":"password+passkey","passkeyId":"${
        (await p.as(me.session, { method: 'GET', url: '/api/account/passkeys' })).json().passkeys[0]
          .id
      }"}`,
    );
    const listed = await p.as(me.session, { method: 'GET', url: '/api/account/passkeys' });
    expect(listed.json().passkeys[0].lastUsedAt).not.toBeNull();
  });

  it('signs in with a passkey on its own only when the authenticator verified its user', async () => {
    const me = await account();
    const key = device();
    await register(me.session, key);
    const unverified = await signInWith(key, null, { userVerified: false });
    expect(unverified.res.statusCode).toBe(400);
    expect(unverified.res.json().error.message).toMatch(/verif/i);
    const { res } = await signInWith(key, null);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passkey: true, user: { email: me.email } });
    // An unknown passkey signs in nobody.
    const stranger = await signInWith(device(), null);
    expect(stranger.res.json().error.code).toBe('PASSKEY_INVALID');
  });

  it('refuses an assertion from another origin, a replayed answer, a counter that went back and another account’s passkey', async () => {
    clock.advance(16 * 60 * 1000); // a fresh rate-limit window for this test's failures
    const me = await account();
    const key = device();
    await register(me.session, key);
    const credentials = { email: me.email, password };

    const wrongOrigin = await signInWith(key, credentials, { origin: 'https://parley.evil' });
    expect(wrongOrigin.res.statusCode).toBe(400);
    expect(wrongOrigin.res.json().error.message).toContain('origin');

    const first = await signInWith(key, credentials);
    expect(first.res.statusCode).toBe(200);
    const replay = await p.app.inject({
      method: 'POST',
      url: '/api/session/passkey',
      payload: first.payload,
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.message).toMatch(/expired or was already used/);

    // A cloned authenticator shows itself by a counter at or below the one last seen.
    const cloned = await signInWith(key, credentials, { counter: 1 });
    expect(cloned.res.statusCode).toBe(400);
    expect(cloned.res.json().error.message).toMatch(/counter/i);

    const someoneElse = await account();
    const theirKey = device();
    await register(someoneElse.session, theirKey);
    const mixed = await signInWith(theirKey, credentials);
    expect(mixed.res.json().error.code).toBe('PASSKEY_INVALID');
    // The real passkey still works after all that.
    expect((await signInWith(key, credentials)).res.statusCode).toBe(200);
  });

  it('lets an organiser signed in with a passkey require passkeys, refusing password-only sessions of members with 403', async () => {
    clock.advance(16 * 60 * 1000);
    const organiser = await account({ isAdmin: true });
    const created = await p.as(organiser.session, {
      method: 'POST',
      url: '/api/processes',
      payload: { codename: 'KEYSTONE', title: 'Passkeys required' },
    });
    const processId = created.json().id as string;
    const url = `/api/processes/${processId}`;
    const turnOn = { method: 'PATCH' as const, url, payload: { requirePasskey: true } };
    const refused = await p.as(organiser.session, turnOn);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/Sign in with a passkey/);

    const organiserKey = device();
    await register(organiser.session, organiserKey);
    const organiserPasskey = sessionOf(
      (await signInWith(organiserKey, { email: organiser.email, password })).res,
    );
    expect((await p.as(organiserPasskey, turnOn)).statusCode).toBe(200);
    expect((await p.as(organiserPasskey, { method: 'GET', url })).json().process).toMatchObject({
      requirePasskey: true,
    });
    const audit = await auditKinds(organiser.id);
    expect(audit).toContain('process.updated {"fields":["requirePasskey"]}');
    // The organiser's own password-only session is refused too, like everyone's.
    expect((await p.as(organiser.session, { method: 'GET', url })).statusCode).toBe(403);

    // A member who joined with a password is told to use a passkey, on every route of the process.
    const invitation = await p.as(organiserPasskey, {
      method: 'POST',
      url: `${url}/invitations`,
      payload: { role: 'observer', inviteeLabel: 'Observer' },
    });
    const memberEmail = `${randomUUID()}@passkeys.test`;
    await p.app.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.json().secret}/accept`,
      payload: { newAccount: { email: memberEmail, displayName: 'Observer', password } },
    });
    const memberPassword = await p.signIn(memberEmail, password);
    for (const path of [url, `${url}/items`, `${url}/rounds`]) {
      const res = await p.as(memberPassword, { method: 'GET', url: path });
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('PASSKEY_REQUIRED_BY_PROCESS');
      expect(res.json().error.message).toMatch(/sign in with it/);
    }
    // An API token made in that session does not count as a passkey either.
    const weakToken = (
      await p.as(memberPassword, {
        method: 'POST',
        url: '/api/me/tokens',
        payload: { name: 'cli' },
      })
    ).json().secret;
    const viaWeakToken = await p.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${weakToken}` },
    });
    expect(viaWeakToken.statusCode).toBe(403);

    const memberKey = device();
    expect((await register(memberPassword, memberKey)).statusCode).toBe(201);
    const memberPasskey = sessionOf((await signInWith(memberKey, null)).res);
    expect((await p.as(memberPasskey, { method: 'GET', url })).statusCode).toBe(200);
    expect((await p.as(memberPasskey, { method: 'GET', url: `${url}/items` })).statusCode).toBe(
      200,
    );
    const strongToken = (
      await p.as(memberPasskey, { method: 'POST', url: '/api/me/tokens', payload: { name: 'cli' } })
    ).json().secret;
    const viaStrongToken = await p.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${strongToken}` },
    });
    expect(viaStrongToken.statusCode).toBe(200);
    // Yet even that token manages no sign-in method: a leaked token could otherwise register its
    // holder's passkey, rename or remove the member's, turn TOTP off or mint further tokens.
    const bearer = { authorization: `Bearer ${strongToken}` };
    const keysBefore = await p.app.inject({
      method: 'GET',
      url: '/api/account/passkeys',
      headers: bearer,
    });
    expect(keysBefore.statusCode).toBe(200);
    const tokenIds = async () =>
      (
        (await p.as(memberPasskey, { method: 'GET', url: '/api/me/tokens' })).json()
          .tokens as Array<{
          id: string;
        }>
      ).map((t) => t.id);
    const tokensBefore = await tokenIds();
    const [memberKeyId] = (keysBefore.json().passkeys as Array<{ id: string }>).map((k) => k.id);
    const pending = await registrationOptions(memberPasskey);
    const managing = [
      { method: 'POST', url: '/api/account/passkeys/options', payload: {} },
      {
        method: 'POST',
        url: '/api/account/passkeys',
        payload: {
          challengeId: pending.challengeId,
          name: 'Attacker',
          response: device().create(pending.options),
        },
      },
      { method: 'PATCH', url: `/api/account/passkeys/${memberKeyId}`, payload: { name: 'Mine' } },
      { method: 'DELETE', url: `/api/account/passkeys/${memberKeyId}` },
      { method: 'POST', url: '/api/me/tokens', payload: { name: 'another' } },
      { method: 'POST', url: '/api/me/totp/setup', payload: {} },
      { method: 'POST', url: '/api/me/totp/disable', payload: { code: '123456' } },
    ] as const;
    for (const request of managing) {
      const res = await p.app.inject({ ...request, headers: bearer });
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(res.json().error).toEqual({
        code: 'FORBIDDEN',
        message:
          'Sign-in methods and API tokens are managed from a signed-in session in the web app, not with an API token.',
      });
    }
    const keysAfter = await p.app.inject({
      method: 'GET',
      url: '/api/account/passkeys',
      headers: bearer,
    });
    expect(keysAfter.body).toBe(keysBefore.body);
    expect(await tokenIds()).toEqual(tokensBefore);

    // The last passkey stays while the process requires one; with a second, the first can go.
    const [only] = (
      await p.as(memberPasskey, { method: 'GET', url: '/api/account/passkeys' })
    ).json().passkeys as Array<{ id: string }>;
    const kept = await p.as(memberPasskey, {
      method: 'DELETE',
      url: `/api/account/passkeys/${only!.id}`,
    });
    expect(kept.statusCode).toBe(422);
    expect(kept.json().error.message).toMatch(/last passkey.*KEYSTONE requires passkeys/);
    expect((await register(memberPasskey, device(), {}, 'Spare key')).statusCode).toBe(201);
    const removed = await p.as(memberPasskey, {
      method: 'DELETE',
      url: `/api/account/passkeys/${only!.id}`,
    });
    expect(removed.statusCode).toBe(200);
    // A session opened with a password alone (before the account had a passkey) removes none.
    const [spare] = (
      await p.as(memberPasskey, { method: 'GET', url: '/api/account/passkeys' })
    ).json().passkeys as Array<{ id: string }>;
    const byPassword = await p.as(memberPassword, {
      method: 'DELETE',
      url: `/api/account/passkeys/${spare!.id}`,
    });
    expect(byPassword.statusCode).toBe(422);
    expect(byPassword.json().error.message).toMatch(/Sign in with one of your passkeys/);
    expect(
      await auditKinds(
        (await p.as(memberPasskey, { method: 'GET', url: '/api/session' })).json().user.id,
      ),
    ).toContain(`passkey.removed {"passkeyId":"${only!.id}"}`);
    // Another person's passkey answers exactly like a missing one.
    const organiserKeys = (
      await p.as(organiserPasskey, { method: 'GET', url: '/api/account/passkeys' })
    ).json().passkeys as Array<{ id: string }>;
    const foreign = await p.as(memberPasskey, {
      method: 'DELETE',
      url: `/api/account/passkeys/${organiserKeys[0]!.id}`,
    });
    const missing = await p.as(memberPasskey, {
      method: 'DELETE',
      url: `/api/account/passkeys/${randomUUID()}`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
  });
});
