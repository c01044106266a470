import { describe, expect, it } from 'vitest';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { totpCodeAt } from '../security/crypto.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('the API on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });

  const pid = () => p.demo.processId;
  const compartment = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (!party || c.partyId === p.demo.parties[party]),
    )!.id;

  it('signs in and tells who is signed in, with a CSRF token', async () => {
    const s = await p.session('govHead');
    const res = await p.as(s, { method: 'GET', url: '/api/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('gov.head@demo.parley');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const wrong = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'gov.head@demo.parley', password: 'nope-nope-nope' },
    });
    const unknown = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@demo.parley', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rate limits repeated failures for an account name, whether or not it exists', async () => {
    for (const email of ['observer@demo.parley', 'ghost@demo.parley']) {
      const codes = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (
            await p.app.inject({
              method: 'POST',
              url: '/api/session',
              payload: { email, password: 'wrong-password-x' },
            })
          ).statusCode,
        );
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes[5]).toBe(429);
    }
    // Even the right password is refused while limited, and works again after the delay.
    const limited = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'observer@demo.parley', password: 'demo-password-2019' },
    });
    expect(limited.statusCode).toBe(429);
    clock.advance(16 * 60 * 1000);
    const later = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'observer@demo.parley', password: 'demo-password-2019' },
    });
    expect(later.statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and changes nothing', async () => {
    const s = await p.session('leadMediator');
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/processes/${pid()}/compartments/${compartment('plenary')}/notes`,
      headers: { cookie: s.cookie },
      payload: { title: 'forged', body: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    const list = await p.as(s, { method: 'GET', url: `/api/processes/${pid()}/items?q=forged` });
    expect(list.json().items).toEqual([]);
  });

  it('lists the newest items first across the compartments the reader sees, up to the limit', async () => {
    const lead = await p.session('leadMediator');
    const gov = await p.session('govHead');
    const where = [
      compartment('plenary'),
      compartment('mediators'),
      compartment('bilateral', 'gov'),
    ];
    // A second apart, round-robin over three compartments.
    for (let i = 0; i < 12; i++) {
      clock.advance(1000);
      const res = await p.as(lead, {
        method: 'POST',
        url: `/api/processes/${pid()}/compartments/${where[i % 3]}/notes`,
        payload: { title: `Newest ${i}`, body: 'b' },
      });
      expect(res.statusCode).toBe(201);
    }
    type Listed = { id: string; title: string; updatedAt: string };
    const list = async (who: typeof lead, query: string) =>
      (await p.as(who, { method: 'GET', url: `/api/processes/${pid()}/items?${query}` })).json()
        .items as Listed[];
    // What a list across compartments must give: each compartment's own list, merged by hand.
    const merged = async (who: typeof lead, compartments: string[], n: number) =>
      (await Promise.all(compartments.map((c) => list(who, `limit=500&compartmentId=${c}`))))
        .flat()
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
        .slice(0, n)
        .map((i) => i.title);
    const titles = async (who: typeof lead, query: string) =>
      (await list(who, query)).map((i) => i.title);
    const leadSees = p.demo.compartments.map((c) => c.id);
    expect(await titles(lead, 'limit=5')).toEqual(await merged(lead, leadSees, 5));
    expect(await titles(lead, 'limit=5')).toEqual([
      'Newest 11',
      'Newest 10',
      'Newest 9',
      'Newest 8',
      'Newest 7',
    ]);
    // The government's head sees the plenary and its own bilateral channel, not the mediators'.
    expect(await titles(gov, 'limit=4')).toEqual(['Newest 11', 'Newest 9', 'Newest 8', 'Newest 6']);
    expect(await titles(gov, `limit=2&compartmentId=${where[2]}`)).toEqual([
      'Newest 11',
      'Newest 8',
    ]);
    const hidden = await p.as(gov, {
      method: 'GET',
      url: `/api/processes/${pid()}/items?compartmentId=${where[1]}`,
    });
    expect(hidden.statusCode).toBe(404);
    // Two notes of the same instant in two compartments: the limit cuts between them by id.
    for (const c of [where[0]!, where[2]!])
      await p.as(lead, {
        method: 'POST',
        url: `/api/processes/${pid()}/compartments/${c}/notes`,
        payload: { title: `Same instant in ${c}`, body: 'b' },
      });
    const govSees = [where[0]!, where[2]!];
    expect(await titles(gov, 'limit=1')).toEqual(await merged(gov, govSees, 1));
    expect(await titles(gov, 'limit=3')).toEqual(await merged(gov, govSees, 3));
  });

  it('signs out by revoking the session on the server', async () => {
    const s = await p.signIn('mediator@demo.parley', 'demo-password-2019');
    expect((await p.as(s, { method: 'DELETE', url: '/api/session' })).statusCode).toBe(200);
    const after = await p.as(s, { method: 'GET', url: '/api/processes' });
    expect(after.statusCode).toBe(401);
  });

  it('issues personal API tokens shown once, usable as bearer tokens, and revocable', async () => {
    const s = await p.session('oppHead');
    const created = await p.as(s, {
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'cli' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    const auth = { authorization: `Bearer ${secret}` };
    const list = await p.app.inject({ method: 'GET', url: '/api/processes', headers: auth });
    expect(list.statusCode).toBe(200);
    // A bearer token is not an ambient credential: no CSRF header needed.
    const write = await p.app.inject({
      method: 'POST',
      url: `/api/processes/${pid()}/compartments/${compartment('caucus', 'opp')}/notes`,
      headers: auth,
      payload: { title: 'via token', body: 'b' },
    });
    expect(write.statusCode).toBe(201);
    const tokens = await p.as(s, { method: 'GET', url: '/api/me/tokens' });
    // pat_<id>_<random>: the random part is base64url and may itself contain '_'.
    const random = secret.slice(`pat_${token.id}_`.length);
    expect(random.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(tokens.json())).not.toContain(random);
    await p.as(s, { method: 'DELETE', url: `/api/me/tokens/${token.id}` });
    expect(
      (await p.app.inject({ method: 'GET', url: '/api/processes', headers: auth })).statusCode,
    ).toBe(401);
  });

  it('sets up TOTP, then requires a fresh code at sign-in and refuses a replayed one', async () => {
    const s = await p.signIn('opp.delegate@demo.parley', 'demo-password-2019');
    const setup = await p.as(s, { method: 'POST', url: '/api/me/totp/setup', payload: {} });
    const { secret } = setup.json();
    const confirm = await p.as(s, {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCodeAt(secret, clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);
    const payload = { email: 'opp.delegate@demo.parley', password: 'demo-password-2019' };
    const noCode = await p.app.inject({ method: 'POST', url: '/api/session', payload });
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    // The code used to confirm cannot be replayed; the next step's code works once.
    clock.advance(30_000);
    const code = totpCodeAt(secret, clock.now());
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { ...payload, totpCode: code },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfa).toBe(true);
    const replay = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { ...payload, totpCode: code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('lets a process require a second factor of all its members, only from one who has it', async () => {
    const email = 'second.admin@demo.parley';
    const password = 'a second admin password';
    await createUser(p.runtime.deps, {
      email,
      displayName: 'Second admin',
      password,
      isAdmin: true,
    });
    const withoutFactor = await p.signIn(email, password);
    const payload = { codename: 'MFA-ONLY', title: 'Second factor required', requireTotp: true };
    // Signed in without a second factor, the admin would lock itself out: refused.
    const refused = await p.as(withoutFactor, { method: 'POST', url: '/api/processes', payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('RULE_VIOLATION');
    const plain = await p.as(withoutFactor, {
      method: 'POST',
      url: '/api/processes',
      payload: { ...payload, codename: 'PLAIN', requireTotp: false },
    });
    expect(plain.statusCode).toBe(201);
    const turnOn = await p.as(withoutFactor, {
      method: 'PATCH',
      url: `/api/processes/${plain.json().id}`,
      payload: { requireTotp: true },
    });
    expect(turnOn.statusCode).toBe(422);
    // With TOTP set up and used at sign-in, it may; a session without the factor is then kept out.
    const { secret } = (
      await p.as(withoutFactor, { method: 'POST', url: '/api/me/totp/setup', payload: {} })
    ).json();
    await p.as(withoutFactor, {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCodeAt(secret, clock.now()) },
    });
    clock.advance(30_000);
    const signedIn = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password, totpCode: totpCodeAt(secret, clock.now()) },
    });
    const cookie = signedIn.cookies.find((c) => c.name.endsWith('parley_session'))!;
    const withFactor = {
      cookie: `${cookie.name}=${cookie.value}`,
      csrf: signedIn.json().csrfToken,
    };
    const created = await p.as(withFactor, { method: 'POST', url: '/api/processes', payload });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await p.as(withFactor, {
          method: 'PATCH',
          url: `/api/processes/${plain.json().id}`,
          payload: { requireTotp: true },
        })
      ).statusCode,
    ).toBe(200);
    const res = await p.as(withoutFactor, {
      method: 'GET',
      url: `/api/processes/${created.json().id}`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('MFA_REQUIRED_BY_PROCESS');
  });

  it('walks an invitation from issue to acceptance, once', async () => {
    const lead = await p.session('leadMediator');
    const inv = await p.as(lead, {
      method: 'POST',
      url: `/api/processes/${pid()}/invitations`,
      payload: { role: 'adviser', partyId: p.demo.parties.gov, inviteeLabel: 'Legal adviser' },
    });
    expect(inv.statusCode).toBe(201);
    const { secret } = inv.json();
    const preview = await p.app.inject({ method: 'GET', url: `/api/invitations/${secret}` });
    expect(preview.json()).toMatchObject({
      codename: 'NORDLYS',
      role: 'adviser',
      party: { code: 'GOV' },
    });
    expect(preview.body).not.toContain('Talks on a negotiated');
    const accept = await p.app.inject({
      method: 'POST',
      url: `/api/invitations/${secret}/accept`,
      payload: {
        newAccount: {
          email: 'adviser@demo.parley',
          displayName: 'Adviser',
          password: 'a-long-password-1',
        },
      },
    });
    expect(accept.statusCode).toBe(200);
    // A seat in the government's delegation waits for its head's consent.
    expect(accept.json()).toMatchObject({ pending: true });
    const again = await p.app.inject({
      method: 'POST',
      url: `/api/invitations/${secret}/accept`,
      payload: {
        newAccount: {
          email: 'adviser2@demo.parley',
          displayName: 'Adviser 2',
          password: 'a-long-password-1',
        },
      },
    });
    expect(again.statusCode).toBe(410);
    const s = await p.signIn('adviser@demo.parley', 'a-long-password-1');
    const before = await p.as(s, { method: 'GET', url: `/api/processes/${pid()}` });
    expect(before.statusCode).toBe(404);
    const head = await p.session('govHead');
    const seats = await p.as(head, { method: 'GET', url: `/api/processes/${pid()}/seats` });
    const seat = (seats.json() as { seats: Array<{ id: string; name: string }> }).seats.find(
      (x) => x.name === 'Adviser',
    );
    const confirmed = await p.as(head, {
      method: 'POST',
      url: `/api/processes/${pid()}/seats/${seat?.id}/confirm`,
    });
    expect(confirmed.statusCode).toBe(200);
    const view = await p.as(s, { method: 'GET', url: `/api/processes/${pid()}` });
    const kinds = view.json().compartments.map((c: { label: string }) => c.label);
    expect(kinds).toContain('GOV caucus');
    expect(kinds).not.toContain('OPP caucus');
  });

  it('records process and party status changes with reasons, and refuses impossible ones', async () => {
    const admin = await p.session('admin');
    const govHead = await p.session('govHead');
    const susp = await p.as(govHead, {
      method: 'POST',
      url: `/api/processes/${pid()}/parties/${p.demo.parties.gov}/status`,
      payload: { to: 'suspended', reason: 'Consultations with principals' },
    });
    expect(susp.statusCode).toBe(200);
    const other = await p.as(govHead, {
      method: 'POST',
      url: `/api/processes/${pid()}/parties/${p.demo.parties.opp}/status`,
      payload: { to: 'withdrawn', reason: 'not theirs to say' },
    });
    expect(other.statusCode).toBe(403);
    const proc = await p.as(admin, {
      method: 'POST',
      url: `/api/processes/${pid()}/status`,
      payload: {
        to: 'suspended',
        reason: 'Government suspended participation',
        causedByPartyId: p.demo.parties.gov,
      },
    });
    expect(proc.statusCode).toBe(200);
    const bad = await p.as(admin, {
      method: 'POST',
      url: `/api/processes/${pid()}/status`,
      payload: { to: 'exploratory', reason: 'back' },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('INVALID_TRANSITION');
    const view = (await p.as(admin, { method: 'GET', url: `/api/processes/${pid()}` })).json();
    expect(view.history.map((h: { to: string }) => h.to)).toEqual([
      'active',
      'suspended',
      'suspended',
    ]);
    await p.as(admin, {
      method: 'POST',
      url: `/api/processes/${pid()}/status`,
      payload: { to: 'active', reason: 'Resumed' },
    });
    await p.as(govHead, {
      method: 'POST',
      url: `/api/processes/${pid()}/parties/${p.demo.parties.gov}/status`,
      payload: { to: 'participating', reason: 'Back' },
    });
  });

  it('refuses an edit from a stale revision with 409 and the current state', async () => {
    const a = await p.session('leadMediator');
    const b = await p.session('mediator');
    const created = (
      await p.as(a, {
        method: 'POST',
        url: `/api/processes/${pid()}/compartments/${compartment('mediators')}/notes`,
        payload: { title: 'Draft line', body: 'v1' },
      })
    ).json();
    const first = await p.as(a, {
      method: 'PATCH',
      url: `/api/processes/${pid()}/items/${created.id}`,
      payload: { baseRevision: 1, body: 'v2 by A' },
    });
    expect(first.statusCode).toBe(200);
    const second = await p.as(b, {
      method: 'PATCH',
      url: `/api/processes/${pid()}/items/${created.id}`,
      payload: { baseRevision: 1, body: 'v2 by B' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'STALE_REVISION',
      details: { current: { revision: 2, body: 'v2 by A' } },
    });
  });

  it('releases a caucus note to the bilateral channel, visible to the mediators only then', async () => {
    const head = await p.session('govHead');
    const lead = await p.session('leadMediator');
    const note = (
      await p.as(head, {
        method: 'POST',
        url: `/api/processes/${pid()}/compartments/${compartment('caucus', 'gov')}/notes`,
        payload: { title: 'Offer', body: 'release me' },
      })
    ).json();
    const before = await p.as(lead, {
      method: 'GET',
      url: `/api/processes/${pid()}/items/${note.id}`,
    });
    expect(before.statusCode).toBe(404);
    const rel = await p.as(head, {
      method: 'POST',
      url: `/api/processes/${pid()}/items/${note.id}/release`,
      payload: { to: compartment('bilateral', 'gov'), baseRevision: 1 },
    });
    expect(rel.statusCode).toBe(200);
    expect(rel.json().compartmentLabel).toBe('GOV – mediators bilateral');
    const after = await p.as(lead, {
      method: 'GET',
      url: `/api/processes/${pid()}/items/${note.id}`,
    });
    expect(after.statusCode).toBe(200);
    const narrow = await p.as(head, {
      method: 'POST',
      url: `/api/processes/${pid()}/items/${note.id}/release`,
      payload: { to: compartment('caucus', 'gov'), baseRevision: 2 },
    });
    expect(narrow.statusCode).toBe(422);
  });

  it('searches and counts only within the compartments the reader may see', async () => {
    const opp = await p.session('oppHead');
    const res = await p.as(opp, { method: 'GET', url: `/api/processes/${pid()}/items?q=fallback` });
    const labels = res.json().items.map((i: { compartmentLabel: string }) => i.compartmentLabel);
    expect(labels).toEqual(['OPP caucus']);
    // The search is audited, but its words are not kept: they may quote confidential material.
    const searches = await p.runtime.database.db
      .selectFrom('audit_log')
      .select(['kind', 'data'])
      .where('kind', 'in', ['compartment.searched', 'compartment.listed'])
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(searches).toEqual([{ kind: 'compartment.searched', data: '{}' }]);
    const view = (await p.as(opp, { method: 'GET', url: `/api/processes/${pid()}` })).json();
    expect(view.compartments.map((c: { label: string }) => c.label).sort()).toEqual(
      ['OPP caucus', 'OPP – mediators bilateral', 'Plenary', 'Public'].sort(),
    );
  });

  it('shows the facilitator the audit log without entries about compartments it may not read', async () => {
    const admin = await p.session('admin');
    const res = await p.as(admin, {
      method: 'GET',
      url: `/api/processes/${pid()}/audit?limit=500`,
    });
    expect(res.statusCode).toBe(200);
    const view = (await p.as(admin, { method: 'GET', url: `/api/processes/${pid()}` })).json();
    const mine = new Set(view.compartments.map((c: { id: string }) => c.id));
    for (const e of res.json().entries as Array<{ compartmentId: string | null }>)
      if (e.compartmentId) expect(mine.has(e.compartmentId)).toBe(true);
    const delegate = await p.session('govDelegate');
    expect(
      (await p.as(delegate, { method: 'GET', url: `/api/processes/${pid()}/audit` })).statusCode,
    ).toBe(403);
  });

  it('serves an OpenAPI document generated from the route table', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/processes/{processId}/items/{itemId}'].patch.requestBody).toBeDefined();
    // Tokens are listed with either credential but created only from a browser session.
    expect(doc.paths['/api/me/tokens'].get.security).toEqual([{ session: [] }, { token: [] }]);
    expect(doc.paths['/api/me/tokens'].post.security).toEqual([{ session: [] }]);
  });
});
