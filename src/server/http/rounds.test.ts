import { describe, expect, it } from 'vitest';
import { unfoldLines } from '../exports/ics.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Round {
  id: string;
  number: number;
  venue: { withheld: boolean; name?: string; reason?: string };
  rulesHash: string;
  acknowledged: boolean;
  invited: boolean;
  revision: number;
  invitees: Array<{ userId: string }>;
}
interface Session {
  id: string;
  title: string;
  format: string;
  revision: number;
  attendance: Array<{ userId: string }>;
  minutes: Array<{
    kind: string;
    hash: string;
    revision: number;
    approved: boolean;
    awaiting: string[];
    approvals: unknown[];
    objections: Array<{ partyId: string; kind: string; comment: string | null }>;
  }>;
}

describe.each(targets)('rounds and sessions on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });

  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}`;
  const R = () => `${url()}/rounds/${p.demo.roundId}`;
  const call = p.request;
  const userId = (key: Key) => p.demo.accounts.find((a) => a.key === key)!.userId;
  const rounds = async (key: Key): Promise<Round[]> =>
    (await call(key, 'GET', `${url()}/rounds`)).json().rounds;
  const acknowledge = async (key: Key, roundId: string = p.demo.roundId) => {
    const round = (await rounds(key)).find((r) => r.id === roundId)!;
    return call(key, 'POST', `${url()}/rounds/${roundId}/acknowledgement`, {
      rulesHash: round.rulesHash,
    });
  };
  const detail = async (key: Key) => {
    const res = await call(key, 'GET', R());
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Round & {
      sessions: Session[];
      consultations: Array<{ responses: Array<{ partyId: string }> }>;
    };
  };
  const session = async (key: Key, title: string) =>
    (await detail(key)).sessions.find((s) => s.title.startsWith(title));

  it('answers ACKNOWLEDGEMENT_REQUIRED until a participant acknowledges the rules, and audits the acknowledgement', async () => {
    const before = await call('observer', 'GET', R());
    expect(before.statusCode).toBe(403);
    const error = before.json().error;
    expect(error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(error.message).toContain('acknowledged its confidentiality rules');
    const [round] = await rounds('observer');
    expect(round!.acknowledged).toBe(false);
    expect(error.details).toEqual({ roundId: p.demo.roundId, rulesHash: round!.rulesHash });

    const wrong = await call('observer', 'POST', `${R()}/acknowledgement`, {
      rulesHash: '0'.repeat(64),
    });
    expect(wrong.statusCode).toBe(409);
    expect((await acknowledge('observer')).statusCode).toBe(201);
    expect((await call('observer', 'GET', R())).statusCode).toBe(200);

    const audit = (await call('leadMediator', 'GET', `${url()}/audit?limit=50`)).json()
      .entries as Array<{
      kind: string;
      actorUserId: string;
      data: { roundId?: string };
    }>;
    expect(
      audit.some(
        (e) =>
          e.kind === 'round.acknowledged' &&
          e.actorUserId === userId('observer') &&
          e.data.roundId === p.demo.roundId,
      ),
    ).toBe(true);
  });

  it('gates every route inside a round, writes included, behind the acknowledgement', async () => {
    const created = await call('leadMediator', 'POST', `${url()}/rounds`, {
      title: 'Third round',
      startsOn: '2019-07-08',
      endsOn: '2019-07-10',
      venue: 'Bridgetown, Barbados',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().number).toBe(2);
    const id = created.json().id as string;
    const res = await call('leadMediator', 'POST', `${url()}/rounds/${id}/sessions`, {
      format: 'plenary',
      title: 'Opening',
      startsAt: '2019-07-08T13:00:00Z',
      endsAt: '2019-07-08T15:00:00Z',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect((await acknowledge('leadMediator', id)).statusCode).toBe(201);
    const again = await call('leadMediator', 'POST', `${url()}/rounds/${id}/sessions`, {
      format: 'plenary',
      title: 'Opening',
      startsAt: '2019-07-08T13:00:00Z',
      endsAt: '2019-07-08T15:00:00Z',
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('withholds the venue from members not invited to the round, and shows it to invitees once they acknowledge', async () => {
    const notInvited = (await rounds('oppDelegate'))[0]!;
    expect(notInvited.invited).toBe(false);
    expect(notInvited.venue).toEqual({ withheld: true, reason: 'not_invited' });
    await acknowledge('oppDelegate');
    const opened = await call('oppDelegate', 'GET', R());
    expect(opened.json().venue).toEqual({ withheld: true, reason: 'not_invited' });
    expect(opened.body).not.toContain('guesthouse');
    expect(opened.body).not.toContain('Oslo');

    const invited = (await rounds('govDelegate'))[0]!;
    expect(invited.invited).toBe(true);
    expect(invited.venue).toEqual({ withheld: true, reason: 'not_acknowledged' });
    expect(JSON.stringify(invited)).not.toContain('guesthouse');
    await acknowledge('govDelegate');
    expect((await rounds('govDelegate'))[0]!.venue.name).toContain(
      'Oslo — a government guesthouse',
    );
    expect((await detail('govDelegate')).venue.name).toContain('Oslo');
  });

  it('shows each delegation only its own invitees and the mediators, and the organisers everyone', async () => {
    const ids = (r: Round) => r.invitees.map((i) => i.userId).sort();
    const lead = (await rounds('leadMediator'))[0]!;
    const opp = (await rounds('oppHead'))[0]!;
    expect(ids(lead)).toEqual(p.demo.roundInvitees.map((k) => userId(k)).sort());
    expect(ids(opp)).toEqual(
      [userId('leadMediator'), userId('mediator'), userId('oppHead')].sort(),
    );
  });

  it('shows each member only the sessions and minutes of compartments it may read', async () => {
    const titles = async (key: Key) =>
      (await detail(key)).sessions.map((s) => s.title.split(' [')[0]);
    expect(await titles('leadMediator')).toEqual([
      'Opening plenary',
      'Mediators with the government delegation',
      'Proximity talks on the electoral calendar',
    ]);
    expect(await titles('govDelegate')).toEqual([
      'Opening plenary',
      'Mediators with the government delegation',
      'Proximity talks on the electoral calendar',
    ]);
    await acknowledge('oppHead');
    expect(await titles('oppHead')).toEqual([
      'Opening plenary',
      'Proximity talks on the electoral calendar',
    ]);
    await acknowledge('admin');
    expect(await titles('admin')).toEqual([]);
    const lead = await session('leadMediator', 'Opening plenary');
    const opp = await session('oppHead', 'Opening plenary');
    expect(lead!.minutes.map((m) => m.kind)).toEqual(['mediators', 'plenary']);
    expect(opp!.minutes.map((m) => m.kind)).toEqual(['plenary']);
  });

  it("hides the other side's attendees of a proximity session from each party", async () => {
    const ids = (s: Session | undefined) => (s?.attendance ?? []).map((a) => a.userId).sort();
    const team = [userId('leadMediator'), userId('mediator')];
    expect(ids(await session('leadMediator', 'Proximity'))).toEqual(
      [...team, userId('govHead'), userId('oppHead')].sort(),
    );
    expect(ids(await session('govDelegate', 'Proximity'))).toEqual(
      [...team, userId('govHead')].sort(),
    );
    expect(ids(await session('oppHead', 'Proximity'))).toEqual([...team, userId('oppHead')].sort());
    expect(ids(await session('oppHead', 'Opening plenary'))).toContain(userId('govHead'));
  });

  it('resets every approval of the plenary minutes when their text changes', async () => {
    const opening = (await session('leadMediator', 'Opening plenary'))!;
    const minutes = opening.minutes.find((m) => m.kind === 'plenary')!;
    expect(minutes.approved).toBe(true);
    expect(minutes.approvals).toHaveLength(2);
    const path = `${R()}/sessions/${opening.id}/minutes/plenary`;
    const edited = await call('mediator', 'PUT', path, {
      baseRevision: minutes.revision,
      text: '1. The facilitator welcomed the delegations.\n2. The parties confirmed the agenda.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      approved: false,
      approvals: [],
      awaiting: [p.demo.parties.gov, p.demo.parties.opp],
    });
    const stale = await call('govHead', 'POST', `${path}/approvals`, { hash: minutes.hash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_REVISION');
    expect(stale.json().error.details.hash).toBe(edited.json().hash);
    const approved = await call('govHead', 'POST', `${path}/approvals`, {
      hash: edited.json().hash,
    });
    expect(approved.statusCode).toBe(201);
    expect(approved.json().awaiting).toEqual([p.demo.parties.opp]);
    const twice = await call('govHead', 'POST', `${path}/approvals`, { hash: edited.json().hash });
    expect(twice.statusCode).toBe(409);
    const stalePen = await call('mediator', 'PUT', path, {
      baseRevision: minutes.revision,
      text: 'x',
    });
    expect(stalePen.json().error.code).toBe('STALE_REVISION');
  });

  it('lets a party reject the minutes or ask for a change, its comment read by the mediators and that party only', async () => {
    const opening = (await session('leadMediator', 'Opening plenary'))!;
    const minutes = opening.minutes.find((m) => m.kind === 'plenary')!;
    const path = `${R()}/sessions/${opening.id}/minutes/plenary`;
    // The demo's minutes are approved by both parties: a new text is answered afresh.
    const edited = await call('mediator', 'PUT', path, {
      baseRevision: minutes.revision,
      text: '1. The facilitator welcomed the delegations.\n2. The agenda was adopted.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const hash = edited.json().hash as string;
    const ask = {
      hash,
      kind: 'change_requested',
      comment: 'Item 2: the agenda was discussed, not adopted.',
    };
    expect((await call('mediator', 'POST', `${path}/objections`, ask)).statusCode).toBe(403);
    expect((await call('oppDelegate', 'POST', `${path}/objections`, ask)).statusCode).toBe(403);
    expect(
      (await call('oppHead', 'POST', `${path}/objections`, { ...ask, comment: '   ' })).statusCode,
    ).toBe(422);
    expect(
      (await call('oppHead', 'POST', `${path}/objections`, { ...ask, comment: '' })).statusCode,
    ).toBe(400);
    expect(
      (await call('oppHead', 'POST', `${path}/objections`, { ...ask, hash: minutes.hash })).json()
        .error.code,
    ).toBe('STALE_REVISION');
    const asked = await call('oppHead', 'POST', `${path}/objections`, ask);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      approved: false,
      awaiting: [p.demo.parties.gov, p.demo.parties.opp],
      objections: [{ partyId: p.demo.parties.opp, kind: 'change_requested', comment: ask.comment }],
    });
    const seenBy = async (key: Parameters<typeof session>[0]) =>
      (await session(key, 'Opening plenary'))!.minutes.find((m) => m.kind === 'plenary')!
        .objections;
    expect(await seenBy('leadMediator')).toEqual([
      expect.objectContaining({ kind: 'change_requested', comment: ask.comment }),
    ]);
    expect(await seenBy('oppDelegate')).toEqual([
      expect.objectContaining({ comment: ask.comment }),
    ]);
    // The other party learns that the opposition said no, not what it said.
    expect(await seenBy('govDelegate')).toEqual([
      expect.objectContaining({ partyId: p.demo.parties.opp, comment: null }),
    ]);
    // A party that approved stands by its approval; a rejection replaces a request.
    expect((await call('govHead', 'POST', `${path}/approvals`, { hash })).statusCode).toBe(201);
    expect((await call('govHead', 'POST', `${path}/objections`, ask)).statusCode).toBe(409);
    const rejected = await call('oppHead', 'POST', `${path}/objections`, {
      ...ask,
      kind: 'rejected',
    });
    expect(rejected.json().objections).toEqual([
      expect.objectContaining({ partyId: p.demo.parties.opp, kind: 'rejected' }),
    ]);
    // A changed text resets the answer, as it resets approvals.
    const again = await call('mediator', 'PUT', path, {
      baseRevision: edited.json().revision,
      text: '1. The facilitator welcomed the delegations.\n2. The agenda was discussed.',
    });
    expect(again.json()).toMatchObject({ objections: [], approvals: [] });
    const audit = await p.runtime.database.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('kind', '=', 'minutes.objected')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.map((e) => String(e.data)).join()).not.toContain('agenda was discussed');
  });

  it('refuses plenary minutes for a proximity session: the parties share no channel', async () => {
    const proximity = (await session('leadMediator', 'Proximity'))!;
    const res = await call('mediator', 'PUT', `${R()}/sessions/${proximity.id}/minutes/plenary`, {
      baseRevision: 0,
      text: 'Shared minutes',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('do not share a channel');
  });

  it("schedules sessions only within the round's dates, with agenda items from the process's agenda", async () => {
    const res = await call('leadMediator', 'POST', `${R()}/sessions`, {
      format: 'plenary',
      title: 'Late plenary',
      startsAt: '2019-06-03T07:00:00Z',
      endsAt: '2019-06-03T06:00:00Z',
      agenda: [p.demo.processId],
    });
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems as string[];
    expect(problems).toEqual([
      'a session ends after it starts',
      "the session falls outside the round's dates (2019-05-25 to 2019-05-29)",
      `issue ${p.demo.processId} is not on this process's agenda`,
    ]);
    const bilateral = await call('leadMediator', 'POST', `${R()}/sessions`, {
      format: 'bilateral',
      title: 'No party named',
      startsAt: '2019-05-28T07:00:00Z',
      endsAt: '2019-05-28T08:00:00Z',
    });
    expect(bilateral.statusCode).toBe(422);
  });

  it('lets a party schedule its own caucus, which the mediators never see', async () => {
    const res = await call('oppDelegate', 'POST', `${R()}/sessions`, {
      format: 'caucus',
      partyId: p.demo.parties.opp,
      title: 'Opposition caucus before the closing plenary',
      startsAt: '2019-05-28T18:00:00Z',
      endsAt: '2019-05-28T20:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await detail('oppHead')).sessions.map((s) => s.id)).toContain(res.json().id);
    expect((await detail('leadMediator')).sessions.map((s) => s.id)).not.toContain(res.json().id);
    const byMediator = await call('leadMediator', 'POST', `${R()}/sessions`, {
      format: 'caucus',
      partyId: p.demo.parties.opp,
      title: 'x',
      startsAt: '2019-05-28T18:00:00Z',
      endsAt: '2019-05-28T20:00:00Z',
    });
    expect(byMediator.statusCode).toBe(404);
  });

  it('writes a calendar with only the rounds and sessions each person may see, and the venue only for invitees', async () => {
    const ics = async (key: Key) => {
      const res = await call(key, 'GET', '/api/me/calendar.ics');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.body).not.toContain('"');
      return res.body;
    };
    const summaries = (body: string) =>
      unfoldLines(body)
        .filter((l) => l.startsWith('SUMMARY:'))
        .map((l) => l.replace(/ \[Illustrative.*$/, ''));
    const gov = await ics('govDelegate');
    expect(summaries(gov)).toEqual([
      'SUMMARY:NORDLYS: round 1 — Second meeting in Norway this month',
      'SUMMARY:NORDLYS: Plenary — Opening plenary',
      'SUMMARY:NORDLYS: Bilateral — Mediators with the government delegation',
      'SUMMARY:NORDLYS: Proximity talks — Proximity talks on the electoral calendar',
      'SUMMARY:NORDLYS: round 2 — Third round',
    ]);
    const locations = unfoldLines(gov).filter((l) => l.startsWith('LOCATION:'));
    expect(locations).toHaveLength(4);
    expect(locations[0]).toContain('Oslo — a government guesthouse outside the city');
    expect(unfoldLines(gov)).toContain('DTSTART;VALUE=DATE:20190525');
    expect(unfoldLines(gov)).toContain('DTEND;VALUE=DATE:20190530');
    expect(unfoldLines(gov)).toContain('DTSTART:20190525T070000Z');

    const opp = await ics('oppDelegate');
    expect(summaries(opp)).toEqual([
      'SUMMARY:NORDLYS: round 1 — Second meeting in Norway this month',
      'SUMMARY:NORDLYS: Plenary — Opening plenary',
      'SUMMARY:NORDLYS: Proximity talks — Proximity talks on the electoral calendar',
      'SUMMARY:NORDLYS: Caucus — Opposition caucus before the closing plenary',
      'SUMMARY:NORDLYS: round 2 — Third round',
    ]);
    expect(opp).not.toContain('LOCATION');
    expect(opp).not.toContain('guesthouse');
    expect(opp).toContain('Venue withheld.');

    // Before acknowledging a round, a person's calendar holds the round but none of its sessions.
    const mediator = await ics('mediator');
    expect(summaries(mediator).filter((s) => s.includes('round 2'))).toHaveLength(1);
    expect(summaries(mediator).filter((s) => s.includes('Opening'))).toEqual([
      'SUMMARY:NORDLYS: Plenary — Opening plenary',
    ]);
    const admin = await ics('admin');
    expect(summaries(admin)).toEqual([
      'SUMMARY:NORDLYS: round 1 — Second meeting in Norway this month',
      'SUMMARY:NORDLYS: round 2 — Third round',
    ]);
  });

  it('asks everyone to acknowledge again when the rules change', async () => {
    const round = (await rounds('leadMediator'))[0]!;
    const res = await call('leadMediator', 'PATCH', R(), {
      baseRevision: round.revision,
      rules: 'New rules: no notes leave the room.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().acknowledged).toBe(false);
    expect(res.json().venue).toEqual({ withheld: true, reason: 'not_acknowledged' });
    expect((await call('govDelegate', 'GET', R())).json().error.code).toBe(
      'ACKNOWLEDGEMENT_REQUIRED',
    );
    const stale = await call('leadMediator', 'PATCH', R(), {
      baseRevision: round.revision,
      title: 'x',
    });
    expect(stale.statusCode).toBe(403);
    await acknowledge('leadMediator');
    const staleNow = await call('leadMediator', 'PATCH', R(), {
      baseRevision: round.revision,
      title: 'x',
    });
    expect(staleNow.json().error.code).toBe('STALE_REVISION');
    for (const key of ['govDelegate', 'govHead', 'oppHead', 'mediator', 'admin'] as const)
      expect((await acknowledge(key)).statusCode).toBe(201);
  });

  it("takes each party's answer to a consultation until the deadline, and no later", async () => {
    const deadline = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const moved = await call('leadMediator', 'POST', `${R()}/status`, {
      to: 'in_consultations',
      consultation: { subject: 'Version 3 of the framework text', deadline },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe('in_consultations');
    const admin = await call('admin', 'POST', `${R()}/status`, { to: 'closed' });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().status).toBe('closed');
    const reopened = await call('leadMediator', 'POST', `${R()}/status`, { to: 'in_progress' });
    expect(reopened.statusCode).toBe(409);

    const other = await call('leadMediator', 'POST', `${url()}/rounds`, {
      title: 'Fourth round',
      startsOn: '2019-09-01',
      endsOn: '2019-09-02',
      venue: 'x',
    });
    const id = other.json().id as string;
    await acknowledge('leadMediator', id);
    await acknowledge('govHead', id);
    await acknowledge('oppHead', id);
    const path = `${url()}/rounds/${id}`;
    await call('leadMediator', 'POST', `${path}/status`, { to: 'in_progress' });
    const past = await call('leadMediator', 'POST', `${path}/status`, {
      to: 'in_consultations',
      consultation: { subject: 'x', deadline: '2019-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(422);
    await call('leadMediator', 'POST', `${path}/status`, {
      to: 'in_consultations',
      consultation: { subject: 'The package on the electoral calendar', deadline },
    });
    const gov = await call('govHead', 'POST', `${path}/consultation/responses`, {
      kind: 'accept_with_reservations',
      text: 'Subject to the sanctions clause.',
    });
    expect(gov.statusCode, gov.body).toBe(201);
    const bare = await call('oppHead', 'POST', `${path}/consultation/responses`, {
      kind: 'counter_text',
    });
    expect(bare.statusCode).toBe(422);
    const delegate = await call('govDelegate', 'POST', `${path}/consultation/responses`, {
      kind: 'accept',
    });
    expect(delegate.statusCode).toBe(403);
    const view = async (key: Key) =>
      (await call(key, 'GET', path))
        .json()
        .consultations[0].responses.map((r: { partyId: string }) => r.partyId);
    expect(await view('govHead')).toEqual([p.demo.parties.gov]);
    expect(await view('oppHead')).toEqual([]);
    expect(await view('leadMediator')).toEqual([p.demo.parties.gov]);

    clock.advance(2 * 3_600_000);
    const late = await call('oppHead', 'POST', `${path}/consultation/responses`, {
      kind: 'counter_text',
      text: 'Twelve months.',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('has passed');
    const resumed = await call('leadMediator', 'POST', `${path}/status`, { to: 'in_progress' });
    expect(resumed.statusCode).toBe(200);
    const closed = (await call('leadMediator', 'GET', path)).json().consultations[0];
    expect(closed.closedAt).not.toBeNull();
  });
});
