/**
 * Differential tests: nothing a member receives moves with activity it may not see. The same
 * scripted scenario runs on two fresh Parleys that differ only in a hidden input; everything each
 * observer role can receive (every GET route, tree heads, proofs, audit pages, the calendar, live
 * messages) must be identical once ids, hashes and signatures are normalised
 * (test-support/differential.ts).
 */
import { describe, expect, it } from 'vitest';
import { readHead } from '../db/audit-repository.js';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import {
  runDifferential,
  type DifferentialScenario,
  type World,
} from '../test-support/differential.js';

const [sqlite] = await testDatabases();

const P = (w: World) => `/api/processes/${w.p.demo.processId}`;
const compartment = (w: World, kind: string, party?: 'gov' | 'opp') =>
  w.p.demo.compartments.find(
    (c) => c.kind === kind && (party === undefined || c.partyId === w.p.demo.parties[party]),
  )!;

async function note(w: World, role: DemoRoleKey, kind: string, party?: 'gov' | 'opp') {
  const c = compartment(w, kind, party);
  const res = await w.as(role, 'POST', `${P(w)}/compartments/${c.id}/notes`, {
    title: `A note by ${role}`,
    body: 'Written during the scenario.',
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

/** The opposition's caucus is busy: notes written, edited, read, listed and searched. */
async function oppositionCaucusActivity(w: World) {
  const first = await note(w, 'oppHead', 'caucus', 'opp');
  await note(w, 'oppDelegate', 'caucus', 'opp');
  expect((await w.as('oppDelegate', 'GET', `${P(w)}/items/${first}`)).status).toBe(200);
  expect((await w.as('oppHead', 'GET', `${P(w)}/items/${first}`)).status).toBe(200);
  const edited = await w.as('oppHead', 'PATCH', `${P(w)}/items/${first}`, {
    body: 'Revised in caucus.',
    baseRevision: 1,
  });
  expect(edited.status).toBe(200);
  const caucus = compartment(w, 'caucus', 'opp').id;
  expect((await w.as('oppDelegate', 'GET', `${P(w)}/items?compartmentId=${caucus}`)).status).toBe(
    200,
  );
  expect((await w.as('oppDelegate', 'GET', `${P(w)}/items?q=caucus`)).status).toBe(200);
}

const caucusScenario: DifferentialScenario = {
  observers: ['govHead', 'govDelegate', 'admin', 'observer'],
  async script(w, hidden) {
    // Visible activity before and after, so that live messages and logs are not empty.
    await note(w, 'leadMediator', 'plenary');
    await note(w, 'govHead', 'caucus', 'gov');
    w.advance(60_000);
    await hidden();
    w.advance(60_000);
    await note(w, 'mediator', 'plenary');
    await note(w, 'govDelegate', 'caucus', 'gov');
    // A change of the set-up, which every member is told of.
    const invited = await w.as('admin', 'POST', `${P(w)}/invitations`, {
      role: 'observer',
      partyId: null,
      inviteeLabel: 'A guarantor state',
    });
    expect(invited.status).toBe(201);
  },
  hidden: { a: oppositionCaucusActivity, b: async () => undefined },
};

/** A commitment the opposition is responsible for, from version 2 (visible to the plenary). */
async function oppositionCommitment(w: World): Promise<string> {
  const res = await w.as('mediator', 'POST', `${P(w)}/implementation/commitments`, {
    versionNumber: 2,
    commitments: [
      {
        provisionKey: 'p-humanitarian',
        responsiblePartyIds: [w.p.demo.parties.opp],
        startsOn: '2026-01-01',
        deadline: '2026-12-31',
        provisionType: 'human_rights',
      },
    ],
  });
  expect(res.status).toBe(201);
  return (res.body as Array<{ id: string }>)[0]!.id;
}

/**
 * The opposition gathers evidence in its caucus without releasing it: reports and a file. (Reading the plan is a read
 * of the plenary, which its readers may count, as with any plenary material: left out here.)
 */
async function oppositionEvidence(w: World) {
  // The script's commitment, not one of the demo's own.
  const commitment = (
    await w.p.runtime.deps.db.transaction((s) =>
      s.implementation.listCommitments(
        w.p.demo.processId,
        w.p.demo.compartments.map((c) => c.id),
      ),
    )
  ).find((c) => c.externalId === 'v2-p-humanitarian-1');
  for (const observedOn of ['2026-02-01', '2026-03-01']) {
    const res = await w.as(
      'oppDelegate',
      'POST',
      `${P(w)}/implementation/commitments/${commitment!.id}/evidence`,
      { kind: 'report', text: 'Kept in the caucus for now.', observedOn, source: 'Field team' },
    );
    expect(res.status).toBe(201);
  }
  // A file too, which the opposition downloads again: its upload and its audited read stay in the
  // caucus, and nothing the others receive moves with its size, name or bytes.
  const file = await w.as(
    'oppDelegate',
    'POST',
    `${P(w)}/implementation/commitments/${commitment!.id}/evidence/file`,
    {
      fileName: 'Field photos.pdf',
      content: Buffer.from('%PDF-1.4\n% kept in the caucus\n%%EOF\n').toString('base64'),
      observedOn: '2026-03-15',
      source: 'Field team',
    },
  );
  expect(file.status).toBe(201);
  const id = (file.body as { id: string }).id;
  const download = await w.as('oppHead', 'GET', `${P(w)}/implementation/evidence/${id}/file`);
  expect(download.status).toBe(200);
}

const evidenceScenario: DifferentialScenario = {
  observers: ['govHead', 'mediator', 'admin', 'observer'],
  async script(w, hidden) {
    await oppositionCommitment(w);
    w.advance(60_000);
    await hidden();
    w.advance(60_000);
    await note(w, 'mediator', 'plenary');
  },
  hidden: { a: oppositionEvidence, b: async () => undefined },
};

/**
 * The opposition writes about sanctions where only it reads: two caucus notes (a thread would add
 * itself to the crawl's list of threads). Observers then search for the same word.
 */
async function oppositionSanctionsMaterial(w: World) {
  const caucus = compartment(w, 'caucus', 'opp').id;
  const res = await w.as('oppHead', 'POST', `${P(w)}/compartments/${caucus}/notes`, {
    title: 'Sanctions: our floor',
    body: 'No sanctions relief, no calendar.',
  });
  expect(res.status).toBe(201);
  const second = await w.as('oppDelegate', 'POST', `${P(w)}/compartments/${caucus}/notes`, {
    title: 'Sequencing',
    body: 'Sanctions first, then the calendar.',
  });
  expect(second.status).toBe(201);
}

const searchScenario: DifferentialScenario = {
  observers: ['govHead', 'leadMediator', 'admin', 'observer'],
  async script(w, hidden) {
    await note(w, 'leadMediator', 'plenary');
    w.advance(60_000);
    await hidden();
    w.advance(60_000);
    // Each observer searches for the word: the hidden material must move no count, order or entry.
    for (const role of ['govHead', 'leadMediator', 'admin', 'observer'] as const)
      expect((await w.as(role, 'GET', `${P(w)}/search?q=sanctions`)).status).toBe(200);
    await note(w, 'mediator', 'plenary');
  },
  hidden: { a: oppositionSanctionsMaterial, b: async () => undefined },
};

describe('the differential test', () => {
  it("shows a government head, a government delegate, the facilitator and the observer nothing of the opposition's caucus activity", async () => {
    const result = await runDifferential(sqlite!, caucusScenario);
    expect(result.differences).toEqual([]);
    // The captures are not empty: every observer crawled the routes and heard live events.
    expect(result.a.length).toBeGreaterThan(200);
    const live = result.a.filter((c) => c.what === 'live');
    expect(live.map((c) => (c.value as Array<{ type?: string }>)[0]?.type)).toEqual(
      caucusScenario.observers.map(() => 'hello'),
    );
    expect(live.every((c) => (c.value as unknown[]).length > 1)).toBe(true);
  }, 600_000);

  it("shows the government, the mediators, the facilitator and the observer nothing of the opposition's unreleased evidence", async () => {
    const result = await runDifferential(sqlite!, evidenceScenario);
    expect(result.differences).toEqual([]);
    expect(result.a.length).toBeGreaterThan(200);
  }, 600_000);

  it('gives observers identical search answers whether or not the opposition wrote about the word in its caucus', async () => {
    const result = await runDifferential(sqlite!, searchScenario);
    expect(result.differences).toEqual([]);
    const searches = result.a.filter((c) => c.what.includes('/search ?q=sanctions'));
    expect(searches.length).toBeGreaterThan(0);
    expect(
      searches.some((c) => ((c.value as { body?: { total?: number } }).body?.total ?? 0) > 0),
    ).toBe(true);
  }, 600_000);

  it('fails when an observer is shown a counter of the whole audit log', async () => {
    const result = await runDifferential(sqlite!, {
      ...caucusScenario,
      observers: ['govDelegate'],
      // A planted leak: the global log's size, as the tree head and live greeting once showed it.
      extra: async (w) => ({ 'global seq': (await readHead(w.p.runtime.database.db)).seq }),
    });
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toContain('global seq');
  }, 600_000);
});
