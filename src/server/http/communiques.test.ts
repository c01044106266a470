import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Communique {
  id: string;
  kind: string;
  number: number | null;
  title: string;
  state: string;
  compartmentId: string;
  isPublic: boolean;
  hash: string;
  revision: number;
  embargoUntil: string | null;
  publicFrom: string | null;
  approvals: Array<{ partyId: string | null }>;
  awaiting: Array<string | null>;
  objections: Array<{ partyId: string; kind: string; comment: string | null }>;
}

describe.each(targets)('communiqués and press lines on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });

  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}`;
  const call = (key: Key, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
    p.request(key, method, `${url()}${path}`, payload);
  const list = async (key: Key) =>
    (await call(key, 'GET', '/communiques')).json() as {
      communiques: Communique[];
      statements: Array<{
        id: string;
        partyId: string;
        divergence: string | null;
        agreedLineId: string | null;
      }>;
    };
  const find = async (key: Key, id: string) =>
    (await list(key)).communiques.find((c) => c.id === id);
  const compartment = (kind: string) => p.demo.compartments.find((c) => c.kind === kind)!;
  const draft = async (over: object = {}) => {
    const res = await call('mediator', 'POST', '/communiques', {
      kind: 'communique',
      title: 'Joint communiqué on the third round',
      text: 'The parties agreed to meet again.',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Communique;
  };
  const approveAll = async (c: Communique) => {
    for (const key of ['govHead', 'oppHead', 'leadMediator'] as const) {
      const res = await call(key, 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash });
      expect(res.statusCode, res.body).toBe(201);
    }
  };
  const circulate = async (c: Communique) => {
    const res = await call('leadMediator', 'POST', `/communiques/${c.id}/circulation`, {
      hash: c.hash,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Communique;
  };

  it("shows the demo's released communiqué to every member as public, and its pending press line awaiting the opposition", async () => {
    const admin = await list('admin');
    expect(admin.communiques.map((c) => [c.kind, c.number, c.isPublic])).toEqual([
      ['communique', 1, true],
    ]);
    expect(admin.communiques[0]!.compartmentId).toBe(compartment('public').id);
    const gov = await list('govDelegate');
    const line = gov.communiques.find((c) => c.kind === 'press_line')!;
    expect(line).toMatchObject({
      state: 'circulated',
      number: null,
      awaiting: [p.demo.parties.opp],
    });
    expect(gov.statements).toHaveLength(2);
    expect(gov.statements.filter((s) => s.divergence !== null)).toHaveLength(1);
  });

  it('shows a draft only to the mediator team until it is circulated', async () => {
    const c = await draft();
    expect(c).toMatchObject({ state: 'draft', compartmentId: compartment('mediators').id });
    expect(await find('leadMediator', c.id)).toBeDefined();
    for (const key of ['govHead', 'oppDelegate', 'observer', 'admin'] as const)
      expect(await find(key, c.id)).toBeUndefined();
    const early = await call('govHead', 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash });
    expect(early.statusCode).toBe(404);
    const circulated = await circulate(c);
    expect(circulated).toMatchObject({
      state: 'circulated',
      compartmentId: compartment('plenary').id,
    });
    expect(await find('govHead', c.id)).toBeDefined();
    expect(await find('admin', c.id)).toBeUndefined();
  });

  it('resets every approval when the wording changes in any way', async () => {
    let c = await circulate(await draft());
    const approve = (key: Key, hash = c.hash) =>
      call(key, 'POST', `/communiques/${c.id}/approvals`, { hash });
    const change = async (changes: object) => {
      const res = await call('mediator', 'PATCH', `/communiques/${c.id}`, {
        baseRevision: c.revision,
        ...changes,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Communique;
    };
    for (const changes of [
      { text: 'The parties agreed to meet again soon.' },
      { title: 'Joint communiqué No. — on the third round' },
      { embargoUntil: '2026-12-01T12:00:00Z' },
      { embargoUntil: null },
    ]) {
      expect((await approve('govHead')).statusCode).toBe(201);
      expect((await approve('leadMediator')).statusCode).toBe(201);
      expect((await find('oppHead', c.id))!.awaiting).toEqual([p.demo.parties.opp]);
      const old = c.hash;
      c = await change(changes);
      expect(c.hash).not.toBe(old);
      expect(c.approvals).toEqual([]);
      expect(c.awaiting).toEqual([p.demo.parties.gov, p.demo.parties.opp, null]);
      const stale = await approve('oppHead', old);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.details.hash).toBe(c.hash);
    }
    const unchanged = await call('mediator', 'PATCH', `/communiques/${c.id}`, {
      baseRevision: c.revision,
      text: 'The parties agreed to meet again soon.',
    });
    expect(unchanged.json().revision).toBe(c.revision);
    const stalePen = await call('mediator', 'PATCH', `/communiques/${c.id}`, {
      baseRevision: c.revision - 1,
      text: 'x',
    });
    expect(stalePen.json().error.code).toBe('STALE_REVISION');
  });

  it('lets a party reject or ask for a change with a comment only the mediators and that party read', async () => {
    const c = await circulate(await draft());
    const object = (key: Key, body: object) =>
      call(key, 'POST', `/communiques/${c.id}/objections`, { hash: c.hash, ...body });
    const asked = await object('govHead', {
      kind: 'change_requested',
      comment: 'Say "resume", not "meet again" OBJ-CANARY',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await object('oppDelegate', { kind: 'rejected', comment: 'no' })).statusCode).toBe(403);
    expect((await object('leadMediator', { kind: 'rejected', comment: 'no' })).statusCode).toBe(
      403,
    );
    const seen = async (key: Key) => (await find(key, c.id))!.objections;
    expect(await seen('leadMediator')).toEqual([
      expect.objectContaining({
        partyId: p.demo.parties.gov,
        kind: 'change_requested',
        comment: 'Say "resume", not "meet again" OBJ-CANARY',
      }),
    ]);
    expect((await seen('govDelegate'))[0]!.comment).toContain('OBJ-CANARY');
    // The other party sees that the government asked for a change, not what it said.
    expect(await seen('oppHead')).toEqual([
      expect.objectContaining({ partyId: p.demo.parties.gov, comment: null }),
    ]);
    expect(JSON.stringify(await list('oppHead'))).not.toContain('OBJ-CANARY');
    // Still awaited: an objection is not an approval, and the release stays refused.
    expect((await find('leadMediator', c.id))!.awaiting).toContain(p.demo.parties.gov);
    // Rejecting replaces the request; approving replaces the rejection; then no is refused.
    expect((await object('govHead', { kind: 'rejected', comment: 'No.' })).statusCode).toBe(201);
    expect((await seen('leadMediator')).map((o) => o.kind)).toEqual(['rejected']);
    expect(
      (await call('govHead', 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash }))
        .statusCode,
    ).toBe(201);
    expect(await seen('leadMediator')).toEqual([]);
    expect((await object('govHead', { kind: 'rejected', comment: 'No.' })).statusCode).toBe(409);
    // A changed wording resets objections as it resets approvals.
    expect((await object('oppHead', { kind: 'rejected', comment: 'No.' })).statusCode).toBe(201);
    const changed = await call('mediator', 'PATCH', `/communiques/${c.id}`, {
      baseRevision: c.revision,
      text: 'The parties agreed to resume.',
    });
    expect(changed.statusCode).toBe(200);
    expect(await seen('leadMediator')).toEqual([]);
  });

  it('releases only when every party and the mediator team have approved the exact wording, numbering communiqués', async () => {
    const c = await circulate(await draft());
    const release = () =>
      call('leadMediator', 'POST', `/communiques/${c.id}/release`, { hash: c.hash });
    await call('govHead', 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash });
    const early = await release();
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe(
      'Not everyone has approved this wording yet: OPP, the mediator team.',
    );
    await call('oppHead', 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash });
    await call('leadMediator', 'POST', `/communiques/${c.id}/approvals`, { hash: c.hash });
    const byMediator = await call('mediator', 'POST', `/communiques/${c.id}/release`, {
      hash: c.hash,
    });
    expect(byMediator.statusCode).toBe(403);
    const released = await release();
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ state: 'released', number: 2, isPublic: true });
    const edit = await call('mediator', 'PATCH', `/communiques/${c.id}`, {
      baseRevision: 9,
      text: 'x',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('IMMUTABLE');

    const line = await circulate(await draft({ kind: 'press_line', title: 'Line to take' }));
    await approveAll(line);
    const lineReleased = await call('leadMediator', 'POST', `/communiques/${line.id}/release`, {
      hash: line.hash,
    });
    expect(lineReleased.json()).toMatchObject({ state: 'released', number: null });
    const third = await circulate(await draft());
    await approveAll(third);
    const r3 = await call('leadMediator', 'POST', `/communiques/${third.id}/release`, {
      hash: third.hash,
    });
    expect(r3.json().number).toBe(3);
  });

  it('keeps an embargoed communiqué from the public until the embargo, computed from the clock', async () => {
    const embargo = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const c = await circulate(
      await draft({ title: 'Embargoed communiqué', embargoUntil: embargo }),
    );
    await approveAll(c);
    const released = await call('leadMediator', 'POST', `/communiques/${c.id}/release`, {
      hash: c.hash,
    });
    expect(released.json()).toMatchObject({
      isPublic: false,
      compartmentId: compartment('plenary').id,
      embargoUntil: embargo,
    });
    expect(await find('admin', c.id)).toBeUndefined();
    expect(await find('observer', c.id)).toMatchObject({ isPublic: false });
    expect((await list('admin')).communiques.map((x) => x.title)).not.toContain(
      'Embargoed communiqué',
    );

    clock.advance(2 * 3_600_000 - 1000);
    expect(await find('admin', c.id)).toBeUndefined();
    clock.advance(1000);
    expect(await find('admin', c.id)).toMatchObject({
      isPublic: true,
      compartmentId: compartment('public').id,
      title: 'Embargoed communiqué',
    });
    expect(await find('govDelegate', c.id)).toMatchObject({ isPublic: true });
  });

  it('holds a release in an undo window: hidden from the public, withdrawn by the lead mediator, audited', async () => {
    const c = await circulate(await draft({ title: 'Held communiqué' }));
    await approveAll(c);
    const start = clock.now().getTime();
    const tooLong = await call('leadMediator', 'POST', `/communiques/${c.id}/release`, {
      hash: c.hash,
      holdMinutes: 45,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('holdMinutes');
    const held = await call('leadMediator', 'POST', `/communiques/${c.id}/release`, {
      hash: c.hash,
      holdMinutes: 5,
    });
    expect(held.statusCode, held.body).toBe(200);
    const number = held.json().number as number;
    expect(held.json()).toMatchObject({
      state: 'released',
      isPublic: false,
      publicFrom: new Date(start + 5 * 60_000).toISOString(),
      compartmentId: compartment('plenary').id,
    });
    // The public (what the administrator may read) does not see it during the window.
    clock.advance(4 * 60_000);
    expect(await find('admin', c.id)).toBeUndefined();
    // Only the lead mediator withdraws; a party answers 403, an id that is no communiqué 404.
    const path = `/communiques/${c.id}/withdrawal`;
    expect((await call('mediator', 'POST', path, { hash: c.hash })).statusCode).toBe(403);
    expect((await call('govHead', 'POST', path, { hash: c.hash })).statusCode).toBe(403);
    expect(
      (
        await call(
          'leadMediator',
          'POST',
          `/communiques/${compartment('mediators').id}/withdrawal`,
          { hash: c.hash },
        )
      ).statusCode,
    ).toBe(404);
    const withdrawn = await call('leadMediator', 'POST', path, { hash: c.hash });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      state: 'circulated',
      number: null,
      publicFrom: null,
      releasedAt: null,
      isPublic: false,
      awaiting: [],
    });
    const audit = await p.runtime.database.db
      .selectFrom('audit_log')
      .select(['kind', 'data'])
      .where('kind', '=', 'communique.withdrawn')
      .execute();
    expect(audit.map((e) => JSON.parse(String(e.data)))).toContainEqual({
      communiqueId: c.id,
      number,
      hash: c.hash,
      publicFrom: new Date(start + 5 * 60_000).toISOString(),
    });
    // Past the window it would have ended, it is still not public: it was withdrawn.
    clock.advance(2 * 60_000);
    expect(await find('admin', c.id)).toBeUndefined();
    expect((await call('leadMediator', 'POST', path, { hash: c.hash })).statusCode).toBe(409);

    // Released again (its approvals stand, its number is given back); once public, it stays.
    const again = await call('leadMediator', 'POST', `/communiques/${c.id}/release`, {
      hash: c.hash,
      holdMinutes: 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().number).toBe(number);
    clock.advance(2 * 60_000);
    expect(await find('admin', c.id)).toMatchObject({ isPublic: true, number });
    const late = await call('leadMediator', 'POST', path, { hash: c.hash });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('public already');
  });

  it('logs public statements beside the agreed line, and lets the mediators raise divergences', async () => {
    const all = (await list('govDelegate')).communiques;
    const released = all.find((c) => c.number === 1)!;
    const pending = all.find((c) => c.kind === 'press_line' && c.state === 'circulated')!;
    const statement = {
      partyId: p.demo.parties.gov,
      agreedLineId: released.id,
      source: 'Interview on state television (invented)',
      statedOn: '2019-05-30',
      text: 'The talks are going well.',
    };
    const logged = await call('govDelegate', 'POST', '/statements', statement);
    expect(logged.statusCode, logged.body).toBe(201);
    expect((await call('oppDelegate', 'POST', '/statements', statement)).statusCode).toBe(403);
    expect((await call('observer', 'POST', '/statements', statement)).statusCode).toBe(403);
    const beside = await call('govDelegate', 'POST', '/statements', {
      ...statement,
      agreedLineId: pending.id,
    });
    expect(beside.statusCode).toBe(422);
    const path = `/statements/${logged.json().id}/divergence`;
    expect((await call('oppHead', 'POST', path, { note: 'x' })).statusCode).toBe(403);
    const raised = await call('leadMediator', 'POST', path, {
      note: 'The agreed line gives no assessment of the talks.',
    });
    expect(raised.statusCode).toBe(200);
    const seen = (await list('oppDelegate')).statements.find((s) => s.id === logged.json().id);
    expect(seen?.divergence).toBe('The agreed line gives no assessment of the talks.');
    expect((await list('admin')).statements).toEqual([]);
  });
});
