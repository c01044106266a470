/**
 * A compartment one may not read, named in a request's body or query, answers exactly like an id
 * that was never used: for each route that takes one, the same request is sent twice, once with a
 * compartment that exists but is hidden from the caller and once with a random id, and the two
 * full answers (status and body) must be identical. (Ids in the path are swapped the same way by
 * the authorization matrix.)
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

/** One route that takes a compartment id from the caller. */
interface Case {
  /** What is asked. */
  name: string;
  /** Who asks. */
  as: DemoRoleKey;
  /** Which compartment is hidden from them. */
  hidden: (p: TestParley) => string;
  /** The request, with the compartment id to name. */
  request: (p: TestParley, compartmentId: string) => InjectOptions;
}

const compartment = (p: TestParley, kind: string, party?: 'gov' | 'opp') => {
  const c = p.demo.compartments.find(
    (x) => x.kind === kind && (!party || x.partyId === p.demo.parties[party]),
  );
  if (!c) throw new Error(`no ${kind} compartment`);
  return c.id;
};
const note = (p: TestParley, kind: string, party?: 'gov' | 'opp') => {
  const id = p.demo.notes.get(compartment(p, kind, party));
  if (!id) throw new Error(`no note in ${kind}`);
  return id;
};
const pid = (p: TestParley) => p.demo.processId;
const govCaucus = (p: TestParley) => compartment(p, 'caucus', 'gov');

const cases: Case[] = [
  {
    name: "releasing a plenary item to a party's caucus",
    as: 'leadMediator',
    hidden: govCaucus,
    request: (p, to) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/items/${note(p, 'plenary')}/release`,
      payload: { to, baseRevision: 1 },
    }),
  },
  {
    name: "releasing a party's own caucus note to the other party's caucus",
    as: 'oppHead',
    hidden: govCaucus,
    request: (p, to) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/items/${note(p, 'caucus', 'opp')}/release`,
      payload: { to, baseRevision: 1 },
    }),
  },
  {
    name: "releasing a party's caucus note to the mediators' room",
    as: 'oppHead',
    hidden: (p) => compartment(p, 'mediators'),
    request: (p, to) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/items/${note(p, 'caucus', 'opp')}/release`,
      payload: { to, baseRevision: 1 },
    }),
  },
  {
    name: 'writing a note into another party’s caucus',
    as: 'oppHead',
    hidden: govCaucus,
    request: (p, c) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/compartments/${c}/notes`,
      payload: { title: 't', body: 'b' },
    }),
  },
  {
    name: 'listing the items of another party’s caucus',
    as: 'oppDelegate',
    hidden: govCaucus,
    request: (p, c) => ({
      method: 'GET',
      url: `/api/processes/${pid(p)}/items?compartmentId=${c}`,
    }),
  },
  {
    name: 'listing the threads of the mediators’ room, as a party',
    as: 'govDelegate',
    hidden: (p) => compartment(p, 'mediators'),
    request: (p, c) => ({
      method: 'GET',
      url: `/api/processes/${pid(p)}/threads?compartmentId=${c}`,
    }),
  },
  {
    name: 'starting a thread in another party’s bilateral channel',
    as: 'oppHead',
    hidden: (p) => compartment(p, 'bilateral', 'gov'),
    request: (p, compartmentId) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/threads`,
      payload: { compartmentId, title: 't', body: 'b' },
    }),
  },
  {
    name: 'tabling a proposal in another party’s caucus',
    as: 'oppHead',
    hidden: govCaucus,
    request: (p, compartmentId) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/proposals`,
      payload: {
        compartmentId,
        round: 1,
        terms: [{ issueId: randomUUID(), optionId: randomUUID() }],
      },
    }),
  },
  {
    name: 'tabling a proposal in a party’s caucus, as a mediator',
    as: 'mediator',
    hidden: govCaucus,
    request: (p, compartmentId) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/proposals`,
      payload: {
        compartmentId,
        round: 1,
        terms: [{ issueId: randomUUID(), optionId: randomUUID() }],
      },
    }),
  },
  {
    name: 'giving an observer a party’s caucus, as the facilitator',
    as: 'admin',
    hidden: govCaucus,
    request: (p, compartmentId) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/members/${p.demo.accounts.find((a) => a.key === 'observer')?.userId}/grants`,
      payload: { compartmentId },
    }),
  },
  {
    name: 'giving an observer the mediators’ room, as the facilitator',
    as: 'admin',
    hidden: (p) => compartment(p, 'mediators'),
    request: (p, compartmentId) => ({
      method: 'POST',
      url: `/api/processes/${pid(p)}/members/${p.demo.accounts.find((a) => a.key === 'observer')?.userId}/grants`,
      payload: { compartmentId },
    }),
  },
];

describe.each(targets)('hidden compartments named by the caller on $name', (target) => {
  let p: TestParley;
  beforeAll(async () => {
    p = await startTestParley(target);
  });
  afterAll(async () => p.close());

  it.each(cases)('answers $name exactly like a random id', async (c) => {
    const session = await p.session(c.as);
    const hidden = await p.as(session, c.request(p, c.hidden(p)));
    const missing = await p.as(session, c.request(p, randomUUID()));
    expect({ status: hidden.statusCode, body: hidden.json() }).toEqual({
      status: missing.statusCode,
      body: missing.json(),
    });
    expect(hidden.statusCode).toBe(404);
  });
});
