/**
 * `parley users reset-sign-in`: an operator's recovery of an account whose passkey or
 * authenticator was lost. A member with two passkeys, TOTP, sessions and API tokens is reset
 * through the command (SQLite, in a data directory like an operator's) and through its use case
 * on PostgreSQL; what they signed in with before stops working, the new password alone signs in,
 * the reset is one audit event, and a refused reset changes nothing.
 */
import { throttlePolicies } from '../core/accounts/sign-in.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../core/usecases/accounts/create-user.js';
import { resetSignIn } from '../core/usecases/accounts/reset-sign-in.js';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/http/app.js';
import { startRuntime, type Runtime } from '../server/runtime.js';
import { totpCodeAt } from '../server/security/crypto.js';
import { testDatabases } from '../server/test-support/databases.js';
import { useParley } from '../server/test-support/harness.js';
import { SoftwareAuthenticator } from '../server/test-support/software-authenticator.js';
import { parley } from './test-support/parley.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const oldPassword = 'the-old-long-passphrase';
const newPassword = 'a-brand-new-passphrase';

/** A browser session: its cookie and CSRF token. */
interface Session {
  cookie: string;
  csrf: string;
}

/** A member set up with every way of signing in that a reset takes away. */
interface Member {
  id: string;
  email: string;
  /** Two open sessions (a third was signed out before the reset). */
  sessions: Session[];
  /** An API token still valid (a second one was revoked before the reset). */
  token: string;
}

/** A Parley to set members up on and to check them against. */
interface Target {
  app: FastifyInstance;
  runtime: Runtime;
}

function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name.endsWith('parley_session'));
  if (!cookie) throw new Error(`no session cookie: ${res.body}`);
  return { cookie: `${cookie.name}=${cookie.value}`, csrf: res.json().csrfToken };
}

/** inject() as a browser session, a bearer token, or nobody. */
function as(
  t: Target,
  who: Session | { bearer: string } | null,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (who && 'bearer' in who) headers.authorization = `Bearer ${who.bearer}`;
  else if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf });
  return t.app.inject({ ...options, headers });
}

const signIn = (t: Target, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

async function ok(res: LightMyRequestResponse | Promise<LightMyRequestResponse>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
}

/** Creates a member with two passkeys, TOTP, two open sessions and one valid API token. */
async function setUpMember(t: Target, email: string): Promise<Member> {
  const user = await createUser(t.runtime.deps, {
    email,
    displayName: 'Member who lost a passkey',
    password: oldPassword,
    isAdmin: false,
  });
  const sessions = [
    sessionOf(await ok(signIn(t, email, oldPassword))),
    sessionOf(await ok(signIn(t, email, oldPassword))),
  ];
  const [first] = sessions;
  if (!first) throw new Error('no session');
  const signedOut = sessionOf(await ok(signIn(t, email, oldPassword)));
  await ok(as(t, signedOut, { method: 'DELETE', url: '/api/session' }));
  for (const name of ['Work laptop', 'Phone']) {
    const started = await ok(
      as(t, first, { method: 'POST', url: '/api/account/passkeys/options', payload: {} }),
    );
    const { challengeId, options } = started.json();
    const device = new SoftwareAuthenticator(t.runtime.deps.config.passkeyOrigin);
    await ok(
      as(t, first, {
        method: 'POST',
        url: '/api/account/passkeys',
        payload: { challengeId, name, response: device.create(options) },
      }),
    );
  }
  const token = await ok(
    as(t, first, { method: 'POST', url: '/api/me/tokens', payload: { name: 'scripts' } }),
  );
  const revoked = await ok(
    as(t, first, { method: 'POST', url: '/api/me/tokens', payload: { name: 'old laptop' } }),
  );
  await ok(as(t, first, { method: 'DELETE', url: `/api/me/tokens/${revoked.json().token.id}` }));
  const { secret } = (
    await ok(as(t, first, { method: 'POST', url: '/api/me/totp/setup', payload: {} }))
  ).json();
  await ok(
    as(t, first, {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCodeAt(secret, new Date()) },
    }),
  );
  return { id: user.id, email, sessions, token: token.json().secret };
}

/** How the member's sign-in stands, as the API and the database see it. */
async function standing(t: Target, m: Member) {
  const db = t.runtime.database.db;
  const user = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', m.id)
    .executeTakeFirstOrThrow();
  const passkeys = await db
    .selectFrom('passkeys')
    .select('id')
    .where('user_id', '=', m.id)
    .execute();
  const sessions = await Promise.all(
    m.sessions.map(
      async (s) => (await as(t, s, { method: 'GET', url: '/api/session' })).statusCode,
    ),
  );
  const token = (await as(t, { bearer: m.token }, { method: 'GET', url: '/api/me/tokens' }))
    .statusCode;
  return {
    totp: { secret: user.totp_secret !== null, enabled: user.totp_enabled === 1 },
    totpLastStep: user.totp_last_step,
    passkeys: passkeys.length,
    sessions,
    token,
  };
}

/** The audit log's head (length and hash). */
const auditHead = (t: Target) =>
  t.runtime.database.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();

/** The reset's audit entries. */
const resetEntries = (t: Target) =>
  t.runtime.database.db
    .selectFrom('audit_log')
    .select(['kind', 'data', 'actor_user_id', 'process_id', 'compartment_id'])
    .where('kind', '=', 'account.sign_in_reset')
    .execute();

/** Checks everything a reset of the member must have done. */
async function expectReset(t: Target, m: Member, bystander: Member): Promise<void> {
  // The old password no longer signs in; the new one does, asking for no second factor.
  expect((await signIn(t, m.email, oldPassword)).json().error.code).toBe('INVALID_CREDENTIALS');
  const fresh = await signIn(t, m.email, newPassword);
  expect(fresh.statusCode, fresh.body).toBe(200);
  expect(fresh.json()).toMatchObject({ mfa: false, passkey: false });
  const passkeys = await as(t, sessionOf(fresh), { method: 'GET', url: '/api/account/passkeys' });
  expect(passkeys.json().passkeys).toEqual([]);

  // No passkey, no TOTP; neither the old sessions nor the API token authenticate any more.
  expect(await standing(t, m)).toEqual({
    totp: { secret: false, enabled: false },
    totpLastStep: null,
    passkeys: 0,
    sessions: [401, 401],
    token: 401,
  });
  // Another member's sign-in is untouched.
  expect(await standing(t, bystander)).toMatchObject({
    totp: { secret: true, enabled: true },
    passkeys: 2,
    sessions: [200, 200],
    token: 200,
  });

  // One audit event, by no one (an operator at the server), with what was taken away.
  const entries = await resetEntries(t);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actor_user_id: null, process_id: null, compartment_id: null });
  expect(JSON.parse(entries[0]?.data ?? '{}')).toEqual({
    userId: m.id,
    passkeysRemoved: 2,
    totpDisabled: true,
    sessionsRevoked: 2,
    tokensRevoked: 1,
  });
}

describe('parley users reset-sign-in', () => {
  let root: string;
  let t: Target;
  let member: Member;
  let bystander: Member;
  const reset = (email: string, password: string) =>
    parley(['users', 'reset-sign-in', '--email', email, '--password-stdin'], {
      stdin: `${password}\n`,
    });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-users-'));
    vi.stubEnv('PARLEY_DATA_DIR', root);
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(root, 'parley.db')}`);
    const runtime = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
    t = { runtime, app: await buildApp(runtime.deps) };
    member = await setUpMember(t, 'lost.passkey@example.org');
    bystander = await setUpMember(t, 'bystander@example.org');
  });
  afterAll(async () => {
    await t.app.close();
    await t.runtime.close();
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses an unknown e-mail with a clear message and a non-zero exit, changing nothing', async () => {
    const head = await auditHead(t);
    await expect(reset('nobody@example.org', newPassword)).rejects.toThrow(
      'No account has the e-mail address nobody@example.org.',
    );
    // The real executable, with the password piped in: exit code 2 and the message on stderr.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        ...['users', 'reset-sign-in', '--email', 'nobody@example.org', '--password-stdin'],
      ],
      { cwd: repoRoot, env: { ...process.env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end(`${newPassword}\n`);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toBe('parley: No account has the e-mail address nobody@example.org.\n');
    expect(await auditHead(t)).toEqual(head);
    expect(await resetEntries(t)).toEqual([]);
  });

  it('refuses a password holding a control character, changing nothing', async () => {
    const head = await auditHead(t);
    await expect(reset(member.email, `${newPassword}\u0000`)).rejects.toThrow(
      'the password on standard input holds the control character U+0000',
    );
    expect(await auditHead(t)).toEqual(head);
    expect(await resetEntries(t)).toEqual([]);
  });

  it('refuses an empty or too short password with a clear message, changing nothing', async () => {
    const head = await auditHead(t);
    const before = await standing(t, member);
    for (const password of ['', 'short'])
      await expect(reset(member.email, password)).rejects.toThrow(
        'The password must have at least 12 characters.',
      );
    await expect(
      parley(['users', 'reset-sign-in', '--email', member.email, '--password', newPassword]),
    ).rejects.toThrow(/takes the new password from stdin only/);
    expect(await standing(t, member)).toEqual(before);
    expect(before).toMatchObject({ passkeys: 2, sessions: [200, 200], token: 200 });
    expect(await auditHead(t)).toEqual(head);
    expect((await signIn(t, member.email, newPassword)).statusCode).toBe(401);
  });

  it('sets the new password, removes passkeys and TOTP, revokes sessions and tokens, in one audited step', async () => {
    // Attempts without the lost factor have locked the address out; the reset lets the person in.
    for (let i = 0; i < throttlePolicies.account.budget; i++)
      await signIn(t, member.email, 'not the password at all');
    expect((await signIn(t, member.email, oldPassword)).json().error.code).toBe('RATE_LIMITED');
    const r = await reset(member.email.toUpperCase(), newPassword);
    expect(r.code).toBe(0);
    expect(r.output).toContain(`Reset the sign-in of ${member.email} (${member.id})`);
    expect(r.output).toContain(
      'Removed 2 passkeys; turned TOTP off; revoked 2 sessions and 1 API token.',
    );
    await expectReset(t, member, bystander);
    expect((await parley(['audit', 'verify'])).code).toBe(0);
  });
});

const postgres = (await testDatabases()).find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('resetting a sign-in on postgres', () => {
  // Without PostgreSQL the suite and its hooks are skipped: the target is there when used.
  const p = useParley(postgres!);

  it('takes away every way of signing in but the new password, in one audited transaction', async () => {
    const t = { app: p.app, runtime: p.runtime };
    const member = await setUpMember(t, 'lost.passkey@example.org');
    const bystander = await setUpMember(t, 'bystander@example.org');
    await expect(
      resetSignIn(p.runtime.deps, { email: 'nobody@example.org', password: newPassword }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const done = await resetSignIn(p.runtime.deps, { email: member.email, password: newPassword });
    expect(done).toEqual({
      userId: member.id,
      email: member.email,
      passkeysRemoved: 2,
      totpDisabled: true,
      sessionsRevoked: 2,
      tokensRevoked: 1,
    });
    await expectReset(t, member, bystander);
  });
});
