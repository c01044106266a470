/**
 * The differential test of decision support: the same scripted scenario runs twice on fresh
 * servers, differing only in a hidden input, and everything an observer receives from every
 * analysis and ratings route (its own writes' answers included) must be identical once the values
 * that differ between any two servers (ids, times, hashes) are normalised.
 *
 * - The other party's ratings (observers: the opposition's head and a delegate). Before a
 *   publication the captures are identical; after the mediators publish a set in both runs, they
 *   differ only in that set's packages and the observer's own utilities of them.
 * - Whether a party that does not share its ratings changed them (observers: the mediators and
 *   the other party).
 */
import { describe, expect, it } from 'vitest';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, testClock, type TestParley } from '../test-support/harness.js';

const [sqlite] = await testDatabases();

type Json = unknown;
/** What one observer received, in order: route label → answer (status and body). */
type Capture = Array<{ label: string; status: number; body: Json }>;

/** Replaces ids, times and hashes by placeholders; ids by their order of first appearance. */
function normalise(capture: Capture): string {
  const ids = new Map<string, string>();
  return JSON.stringify(capture)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `<id${ids.size}>`);
      return ids.get(id) as string;
    })
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\b[0-9a-f]{64}\b/g, '<hash>');
}

/** A variant of the government's ratings: the demo's, or its weights and scores turned around. */
async function rateGovernment(p: TestParley, variant: 'A' | 'B', submit: boolean): Promise<void> {
  const s = await p.session('govHead');
  const url = `/api/processes/${p.demo.processId}`;
  const draft = (await p.as(s, { method: 'GET', url: `${url}/preferences` })).json().preferences;
  const issues = p.demo.issues;
  const weights = Object.fromEntries(
    issues.map((i, k) => [i.id, variant === 'A' ? (draft.weights[i.id] as number) : 10 + 10 * k]),
  );
  const scores = Object.fromEntries(
    issues.map((i) => [
      i.id,
      Object.fromEntries(
        i.options.map((o, k) => [
          o.id,
          variant === 'A'
            ? (draft.scores[i.id][o.id] as number)
            : Math.round((100 * (k % 2 === 0 ? k : i.options.length - k)) / i.options.length),
        ]),
      ),
    ]),
  );
  const saved = await p.as(s, {
    method: 'PUT',
    url: `${url}/preferences`,
    payload: {
      baseRevision: draft.revision,
      entry: { kind: 'numbers', weights, scores, reservation: variant === 'A' ? 40 : 22 },
    },
  });
  expect(saved.statusCode).toBe(200);
  if (submit) {
    const r = await p.as(s, {
      method: 'POST',
      url: `${url}/preferences/submissions`,
      payload: { revision: saved.json().preferences.revision },
    });
    expect(r.statusCode).toBe(200);
  }
}

/** Everything an observer may read of decision support, each analysis proposal included. */
async function read(p: TestParley, who: DemoRoleKey, into: Capture): Promise<void> {
  const s = await p.session(who);
  const url = `/api/processes/${p.demo.processId}`;
  const get = async (label: string, path: string) => {
    const r = await p.as(s, { method: 'GET', url: `${url}${path}` });
    into.push({ label, status: r.statusCode, body: r.json() });
  };
  await get('preferences', '/preferences');
  await get('submissions', '/preferences/submissions');
  await get('suggestion sets', '/suggestion-sets');
  await get('analysis', '/analysis');
  const record = (await p.as(s, { method: 'GET', url: `${url}/record` })).json();
  for (const proposal of record.proposals as { id: string }[])
    await get('analysis of a proposal', `/analysis?proposalId=${proposal.id}`);
}

/** An observer's own writes, whose answers are captured too. */
async function ownMoves(p: TestParley, who: DemoRoleKey, into: Capture): Promise<void> {
  const s = await p.session(who);
  const url = `/api/processes/${p.demo.processId}`;
  const draft = (await p.as(s, { method: 'GET', url: `${url}/preferences` })).json().preferences;
  const saved = await p.as(s, {
    method: 'PUT',
    url: `${url}/preferences`,
    payload: {
      baseRevision: draft.revision,
      entry: { kind: 'numbers', weights: draft.weights, scores: draft.scores, reservation: 33 },
    },
  });
  into.push({ label: 'save', status: saved.statusCode, body: saved.json() });
  const sub = await p.as(s, {
    method: 'POST',
    url: `${url}/preferences/submissions`,
    payload: { revision: saved.json().preferences.revision },
  });
  into.push({ label: 'submit', status: sub.statusCode, body: sub.json() });
}

/**
 * Masks, in a capture, set `n`'s packages (their number, terms and labels) and `party`'s own
 * utilities of them; anybody else's utility there stays, so that a leak of it still shows.
 */
function maskSet(capture: Capture, n: number, party: string): Capture {
  return capture.map((c) => {
    const body = c.body as { sets?: Array<{ number: number; packages: unknown[] }> };
    if (c.label !== 'suggestion sets' || !body.sets) return c;
    return {
      ...c,
      body: {
        ...body,
        sets: body.sets.map((set) => {
          if (set.number !== n) return set;
          const others = set.packages.flatMap((raw) => {
            const { [party]: _own, ...rest } = (raw as { utilities: Record<string, number> })
              .utilities;
            return Object.keys(rest).length ? [rest] : [];
          });
          return { ...set, packages: { masked: true, others } };
        }),
      },
    };
  });
}

describe.skipIf(!sqlite)('the differential test of decision support', () => {
  const observers = ['oppHead', 'oppDelegate'] as const;

  /** Runs the scenario with the government's ratings in one variant; answers each observer's captures. */
  async function otherRatings(variant: 'A' | 'B') {
    const p = await startTestParley(sqlite!, { clock: testClock() });
    try {
      const before: Record<string, Capture> = {};
      const after: Record<string, Capture> = {};
      const admin = await p.session('admin');
      const bound = await p.as(admin, {
        method: 'PUT',
        url: `/api/processes/${p.demo.processId}/suggestion-sets/bound`,
        payload: { setsPerRound: 3 },
      });
      expect(bound.statusCode).toBe(200);
      await rateGovernment(p, variant, true);
      for (const o of observers) before[o] = [];
      await ownMoves(p, 'oppHead', before.oppHead!);
      for (const o of observers) await read(p, o, before[o]!);
      const published = await p.as(await p.session('leadMediator'), {
        method: 'POST',
        url: `/api/processes/${p.demo.processId}/suggestion-sets`,
      });
      expect(published.statusCode).toBe(200);
      for (const o of observers) {
        after[o] = [];
        await read(p, o, after[o]!);
      }
      return { before, after, opp: p.demo.parties.opp as string };
    } finally {
      await p.close();
    }
  }

  it('gives the opposition identical answers whatever the government rated, until a publication', async () => {
    const a = await otherRatings('A');
    const b = await otherRatings('B');
    for (const o of observers) {
      expect(a.before[o]!.length).toBeGreaterThan(5);
      expect(normalise(b.before[o]!)).toBe(normalise(a.before[o]!));
      // After the publication: only set 2's packages and the observer's own utilities differ.
      expect(normalise(maskSet(b.after[o]!, 2, b.opp))).toBe(
        normalise(maskSet(a.after[o]!, 2, a.opp)),
      );
    }
    // The hidden input did matter to the set: the scenario can tell a leak from no leak.
    expect(normalise(b.after.oppHead!)).not.toBe(normalise(a.after.oppHead!));
  }, 120_000);

  /** The government stops sharing; in variant B it then changes its (private) ratings. */
  async function unsharedChange(variant: 'A' | 'B') {
    const p = await startTestParley(sqlite!, { clock: testClock() });
    try {
      const off = await p.as(await p.session('govHead'), {
        method: 'POST',
        url: `/api/processes/${p.demo.processId}/preferences/sharing`,
        payload: { shared: false },
      });
      expect(off.statusCode).toBe(200);
      await rateGovernment(p, variant, false);
      const captures: Record<string, Capture> = {};
      for (const o of ['leadMediator', 'mediator', 'oppHead', 'oppDelegate'] as const) {
        captures[o] = [];
        await read(p, o, captures[o]!);
      }
      return captures;
    } finally {
      await p.close();
    }
  }

  it('gives the mediators and the other party identical answers whether an unshared party changed its ratings', async () => {
    const a = await unsharedChange('A');
    const b = await unsharedChange('B');
    for (const o of Object.keys(a)) expect(normalise(b[o]!), o).toBe(normalise(a[o]!));
  }, 120_000);
});
