/**
 * Differential test of the public accountability page: two Parleys run the same script — a
 * released theme whose commitment has a verified level, then the page released — and differ only
 * in what was not released: a commitment outside the released theme with its own verified level,
 * an unverified later level and a standing dispute on the released commitment, evidence in the
 * plenary and in a caucus. A second script releases the page first and then differs in what the
 * mediators do to the themes (rename, remap, define and remove, a refused removal). What anyone
 * without an account receives from the page, and everything the facilitator (who reads only the
 * public compartment) receives, must be identical.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import {
  runDifferential,
  type DifferentialScenario,
  type World,
} from '../test-support/differential.js';

const [sqlite] = await testDatabases();

const I = (w: World) => `/api/processes/${w.p.demo.processId}/implementation`;

async function call(
  w: World,
  role: Parameters<World['as']>[0],
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET',
  path: string,
  payload?: unknown,
) {
  const res = await w.as(role, method, `${I(w)}${path}`, payload);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as { id: string } & Record<string, unknown>;
}

/** A commitment of a theme, with released evidence and a level the observer verified. */
async function verifiedCommitment(w: World, theme: string | null, externalId: string) {
  const [c] = (await call(w, 'mediator', 'POST', '/commitments', {
    versionNumber: 2,
    commitments: [
      {
        provisionKey: 'p-humanitarian',
        externalId,
        responsiblePartyIds: [w.p.demo.parties.opp],
        startsOn: '2026-01-01',
        deadline: '2026-12-31',
        provisionType: 'human_rights',
        themeCode: theme,
      },
    ],
  })) as unknown as Array<{ id: string }>;
  const e = await call(w, 'mediator', 'POST', `/commitments/${c!.id}/evidence`, {
    kind: 'report',
    text: 'Field report',
    observedOn: '2026-05-01',
    source: 'Field team',
  });
  await call(w, 'leadMediator', 'POST', `/evidence/${e.id}/release`);
  const entry = await call(w, 'mediator', 'POST', `/commitments/${c!.id}/levels`, {
    level: 2,
    effectiveOn: '2026-05-01',
    evidenceIds: [e.id],
  });
  await call(w, 'observer', 'POST', `/commitments/${c!.id}/verifications`, {
    entryId: entry.id,
    verdict: 'verified',
  });
  return { id: c!.id, evidenceId: e.id };
}

let released: { id: string; evidenceId: string } | undefined;

/** Everything the page does not show: another theme, an unverified and a disputed level, evidence. */
async function unreleased(w: World) {
  await verifiedCommitment(w, null, 'not-released');
  const c = released!;
  const later = await call(w, 'mediator', 'POST', `/commitments/${c.id}/levels`, {
    level: 3,
    effectiveOn: '2026-09-01',
    evidenceIds: [c.evidenceId],
  });
  const disputed = await call(w, 'mediator', 'POST', `/commitments/${c.id}/levels`, {
    level: 1,
    effectiveOn: '2026-07-01',
    evidenceIds: [c.evidenceId],
  });
  await call(w, 'observer', 'POST', `/commitments/${c.id}/verifications`, {
    entryId: disputed.id,
    verdict: 'disputed',
    reason: 'Not what the field team saw.',
  });
  void later;
  await call(w, 'oppDelegate', 'POST', `/commitments/${c.id}/evidence`, {
    kind: 'report',
    text: 'Kept in the caucus.',
    observedOn: '2026-08-01',
    source: 'Opposition field office',
  });
}

let slug = '';
const scenario: DifferentialScenario = {
  observers: ['admin'],
  async script(w, hidden) {
    await call(w, 'mediator', 'POST', '/themes', { code: 'PUB', name: 'Released theme' });
    released = await verifiedCommitment(w, 'PUB', 'released-1');
    w.advance(60_000);
    await hidden();
    w.advance(60_000);
    const page = await call(w, 'mediator', 'PUT', '/publication', {
      title: 'Implementation',
      parts: { themes: ['PUB'], commitments: true, progress: true },
    });
    slug = page['slug'] as string;
  },
  hidden: { a: unreleased, b: async () => undefined },
  async extra(w) {
    const res = await w.p.app.inject({ method: 'GET', url: `/api/public/implementation/${slug}` });
    return { 'public page': { status: res.statusCode, body: res.json() as unknown } };
  },
};

/**
 * After the release the mediators rework the plan's themes: the released theme renamed and
 * remapped, a theme defined and removed, a removal refused because the released theme is in use.
 */
async function themesReworked(w: World) {
  const { themes } = (await call(w, 'mediator', 'GET', '')) as unknown as {
    themes: Array<{ id: string; code: string; name: string }>;
  };
  const pub = themes.find((t) => t.code === 'PUB')!;
  const opened = { name: pub.name, parentCode: null, pamType: null, paxCode: null };
  await call(w, 'mediator', 'PATCH', `/themes/${pub.id}`, {
    name: 'Renamed in the plenary',
    parentCode: null,
    pamType: 'human_rights',
    paxCode: 'HrGen',
    base: opened,
  });
  const scratch = await call(w, 'mediator', 'POST', '/themes', { code: 'TMP', name: 'Scratch' });
  await call(w, 'leadMediator', 'DELETE', `/themes/${scratch.id}`);
  const refused = await w.as('mediator', 'DELETE', `${I(w)}/themes/${pub.id}`);
  expect(refused.status).toBe(409);
}

const themesScenario: DifferentialScenario = {
  observers: ['admin'],
  async script(w, hidden) {
    await call(w, 'mediator', 'POST', '/themes', { code: 'PUB', name: 'Released theme' });
    await verifiedCommitment(w, 'PUB', 'released-1');
    const page = await call(w, 'mediator', 'PUT', '/publication', {
      title: 'Implementation',
      parts: { themes: ['PUB'], commitments: true, progress: true },
    });
    slug = page['slug'] as string;
    w.advance(60_000);
    await hidden();
    w.advance(60_000);
  },
  hidden: { a: themesReworked, b: async () => undefined },
  extra: scenario.extra!,
};

describe('the differential test of the public accountability page', () => {
  it('gives anyone without an account, and the facilitator, the same answers whatever was not released', async () => {
    const result = await runDifferential(sqlite!, scenario);
    expect(result.differences).toEqual([]);
    const page = result.a.find((c) => c.what === 'public page');
    expect(page?.value).toMatchObject({
      status: 200,
      body: { commitments: [{ ref: 'released-1', level: 2 }] },
    });
  }, 600_000);

  it('gives anyone without an account, and the facilitator, the same answers whatever the mediators did to the themes after the release', async () => {
    const result = await runDifferential(sqlite!, themesScenario);
    expect(result.differences).toEqual([]);
    const page = result.a.find((c) => c.what === 'public page');
    expect(page?.value).toMatchObject({
      status: 200,
      body: { themes: [{ code: 'PUB', name: 'Released theme' }] },
    });
  }, 600_000);
});
