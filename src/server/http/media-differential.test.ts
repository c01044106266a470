/**
 * Differential test of actors and media: the mediators' register, articles and statements (and
 * the opposition's own register in its caucus) are activity that the government, the facilitator
 * and the observer may not see. The same scenario runs on two Parleys differing only in that
 * activity; every answer each of them receives (every GET route, audit heads and proofs, live
 * messages) must be identical (test-support/differential.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startFeedScheduler } from '../media/feed-scheduler.js';
import { rss, startFeedServer } from '../test-support/feed-server.js';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import {
  runDifferential,
  type DifferentialScenario,
  type World,
} from '../test-support/differential.js';

const [sqlite] = await testDatabases();
const feeds = await startFeedServer();
feeds.serve('/mediators.xml', {
  body: rss('El Diario', [
    {
      guid: 'd1',
      title: 'Maduro en Oslo',
      html: '<p>«Seguimos hablando», dijo Maduro ante la prensa.</p>',
    },
  ]),
});
afterAll(() => feeds.close());

const P = (w: World) => `/api/processes/${w.p.demo.processId}`;
const compartment = (w: World, kind: string, party?: 'gov' | 'opp') =>
  w.p.demo.compartments.find(
    (c) => c.kind === kind && (party === undefined || c.partyId === w.p.demo.parties[party]),
  )!;

async function actor(w: World, role: DemoRoleKey, name: string, compartmentId?: string) {
  const res = await w.as(role, 'POST', `${P(w)}/actors`, {
    name,
    kind: 'person',
    role: 'critic',
    aliases: [name.split(' ').pop()],
    ...(compartmentId ? { compartmentId } : {}),
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function article(w: World, role: DemoRoleKey, text: string, compartmentId?: string) {
  const res = await w.as(role, 'POST', `${P(w)}/articles`, {
    text,
    ...(compartmentId ? { compartmentId } : {}),
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; quotes: Array<{ text: string; speakerActorId: string | null }> };
}

/** The mediators watch the press in their room; the opposition keeps its own register. */
async function hiddenMediaActivity(w: World) {
  const maduro = await actor(w, 'mediator', 'Nicolás Maduro');
  await actor(w, 'leadMediator', 'Leopoldo López');
  const a = await article(
    w,
    'mediator',
    '«Noruega ha sido un facilitador serio», dijo Maduro. López calificó el proceso de «un gran error».',
  );
  const quote = a.quotes[0]!;
  const confirmed = await w.as('mediator', 'POST', `${P(w)}/media/statements`, {
    actorId: maduro,
    quote: quote.text,
    statedOn: '2019-07-08',
    stance: 'supporter',
    articleId: a.id,
  });
  expect(confirmed.status).toBe(201);
  const changed = await w.as('leadMediator', 'POST', `${P(w)}/actors/${maduro}/stances`, {
    stance: 'supporter',
    since: '2019-07-08',
    reason: 'Thanked Norway.',
    baseRevision: 1,
  });
  expect(changed.status).toBe(200);
  // Not the media view: it also lists the parties' public statements in the plenary, a read of
  // plenary material that the plenary's log counts for all its readers by design.
  expect((await w.as('mediator', 'GET', `${P(w)}/actors`)).status).toBe(200);
  expect((await w.as('mediator', 'GET', `${P(w)}/articles/${a.id}`)).status).toBe(200);
  const caucus = compartment(w, 'caucus', 'opp').id;
  await actor(w, 'oppHead', 'Diosdado Cabello', caucus);
  await article(w, 'oppDelegate', 'Cabello dijo que no habrá elecciones.', caucus);
  expect((await w.as('oppDelegate', 'GET', `${P(w)}/actors`)).status).toBe(200);
  // The mediators edit an entry, link the statement to an issue, bring in a file, and follow a
  // feed (fetched now, and again by the schedule below, in the common script).
  const edited = await w.as('leadMediator', 'PATCH', `${P(w)}/actors/${maduro}`, {
    notes: 'Watched closely.',
    aliases: ['Maduro', 'Nicolas Maduro'],
    baseRevision: 2,
  });
  expect(edited.status).toBe(200);
  const statement = (confirmed.body as { id: string }).id;
  const issues = await w.as('mediator', 'PUT', `${P(w)}/media/statements/${statement}/issues`, {
    issueIds: [w.p.demo.issues[0]!.id],
    baseRevision: 1,
  });
  expect(issues.status).toBe(200);
  const file = await w.as('mediator', 'POST', `${P(w)}/articles/upload`, {
    fileName: 'a.html',
    content: Buffer.from('<html><body><p>López dijo que no.</p></body></html>').toString('base64'),
  });
  expect(file.status).toBe(201);
  const feed = await w.as('mediator', 'POST', `${P(w)}/feeds`, {
    url: feeds.url('/mediators.xml'),
    intervalMinutes: 5,
  });
  expect(feed.status).toBe(201);
  const fetched = await w.as(
    'mediator',
    'POST',
    `${P(w)}/feeds/${(feed.body as { id: string }).id}/fetch`,
  );
  expect(fetched.status).toBe(200);
  expect((fetched.body as { added: unknown[] }).added).toHaveLength(1);
  expect((await w.as('mediator', 'GET', `${P(w)}/feeds`)).status).toBe(200);
  const oppFeed = await w.as('oppHead', 'POST', `${P(w)}/feeds`, {
    url: feeds.url('/opp-missing.xml'),
    intervalMinutes: 5,
  });
  expect(oppFeed.status).toBe(201);
}

const mediaScenario: DifferentialScenario = {
  observers: ['govHead', 'govDelegate', 'admin', 'observer'],
  // The feed server listens on loopback, which the server fetches from only when allowed.
  env: { PARLEY_FEED_ALLOW_NETWORKS: '127.0.0.1/32' },
  async script(w, hidden) {
    // Visible activity before the hidden work (a plenary note) and media activity after it (a
    // register entry and an article in the plenary). Had the plenary held media material during
    // the hidden work, the mediators' listing of it would be counted in the plenary's log, which
    // its readers share by design (ARCHITECTURE.md, "One log per scope").
    const plenary = compartment(w, 'plenary').id;
    const note = await w.as('govHead', 'POST', `${P(w)}/compartments/${plenary}/notes`, {
      title: 'Press review',
      body: 'Before the mediators read the press.',
    });
    expect(note.status).toBe(201);
    w.advance(60_000);
    await hidden();
    w.advance(10 * 60_000);
    // The server's schedule runs in both worlds: it fetches the hidden feeds in one of them only.
    await startFeedScheduler(w.p.runtime.deps, { timer: () => () => undefined }).tick();
    w.advance(60_000);
    await actor(w, 'leadMediator', 'Jonas Gahr Støre', plenary);
    await article(w, 'govHead', '– Vi er klare til å fortsette, sier Støre.', plenary);
    expect((await w.as('govDelegate', 'GET', `${P(w)}/media`)).status).toBe(200);
  },
  hidden: { a: hiddenMediaActivity, b: async () => undefined },
};

describe('the differential test of actors and media', () => {
  it("shows the government, the facilitator and the observer nothing of the mediators' and the opposition's media work", async () => {
    const result = await runDifferential(sqlite!, mediaScenario);
    expect(result.differences).toEqual([]);
    expect(result.a.length).toBeGreaterThan(200);
  }, 600_000);
});
