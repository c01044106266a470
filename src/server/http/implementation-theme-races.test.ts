/**
 * Themes changed through two instances at once, on one PostgreSQL database. Within one instance
 * group commit runs one transaction at a time, so only two instances can overlap: here the audit
 * log's head is held (`holdCommits`) so that the first request does its work and waits before its
 * commit, holding its locks, while the second runs on the other instance. Whatever the order, no
 * commitment or subtheme is left naming a theme that no longer exists, a subtheme never gets a
 * subtheme, and the request that loses is told why (4xx), never a 500.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type Method } from '../test-support/harness.js';
import {
  holdCommits,
  startSecondInstance,
  type SecondInstance,
} from '../test-support/instances.js';

const postgres = (await testDatabases()).find((t) => t.name === 'postgres');

interface Theme {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
  pamType: string | null;
  paxCode: string | null;
}
interface Commitment {
  id: string;
  wording: string;
  revision: number;
  themeCode: string | null;
}

/** A request through one of the two instances, as the mediators. */
type On = (method: Method, path: string, payload?: object) => Promise<LightMyRequestResponse>;

describe.skipIf(!postgres)('themes changed through two instances at once', () => {
  const p = useParley(postgres!);
  let second: SecondInstance;
  beforeAll(async () => {
    second = await startSecondInstance(p);
    // Signed in before any hold: a sign-in appends to the audit log.
    await p.session('mediator');
    await p.session('leadMediator');
  });
  afterAll(async () => second?.close());

  const url = () => `/api/processes/${p.demo.processId}/implementation`;
  const one: On = (method, path, payload) =>
    p.request('mediator', method, `${url()}${path}`, payload);
  const two: On = (method, path, payload) =>
    second.request('leadMediator', method, `${url()}${path}`, payload);
  const ok = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as unknown;
  };
  let n = 0;
  /** A new theme with a code of its own (each test makes several). */
  const define = async (parentCode: string | null = null) =>
    (await ok(
      one('POST', '/themes', { code: `T${++n}`, name: `Theme ${n}`, parentCode }),
    )) as Theme;
  const fieldsOf = (t: Theme) => ({
    name: t.name,
    parentCode: t.parentCode,
    pamType: t.pamType,
    paxCode: t.paxCode,
  });
  const moveUnder = (on: On, t: Theme, parentCode: string | null) =>
    on('PATCH', `/themes/${t.id}`, { ...fieldsOf(t), parentCode, base: fieldsOf(t) });
  const draft = (themeCode: string | null) => ({
    provisionKey: 'p-humanitarian',
    responsiblePartyIds: [],
    startsOn: '2026-01-01',
    deadline: '2026-12-31',
    provisionType: 'human_rights',
    themeCode,
  });

  /** Runs `first` until it waits before its commit, then `second` beside it; answers both. */
  async function race(
    first: () => Promise<LightMyRequestResponse>,
    next: () => Promise<LightMyRequestResponse>,
  ): Promise<[LightMyRequestResponse, LightMyRequestResponse]> {
    const hold = await holdCommits(p);
    try {
      const a = first();
      await hold.waiters(1);
      const b = next();
      await hold.waiters(2);
      await hold.release();
      return [await a, await b];
    } finally {
      await hold.release();
    }
  }

  /** What the plan must never show: a dangling theme code, or a subtheme of a subtheme. */
  async function expectConsistentPlan() {
    const plan = (await ok(one('GET', ''))) as {
      themes: Theme[];
      commitments: Array<{ commitment: { externalId: string; themeCode: string | null } }>;
    };
    const byCode = new Map(plan.themes.map((t) => [t.code, t]));
    expect(
      plan.commitments
        .map((c) => c.commitment)
        .filter((c) => c.themeCode !== null && !byCode.has(c.themeCode)),
    ).toEqual([]);
    expect(plan.themes.filter((t) => t.parentCode !== null && !byCode.has(t.parentCode))).toEqual(
      [],
    );
    expect(
      plan.themes.filter(
        (t) => t.parentCode !== null && byCode.get(t.parentCode)?.parentCode !== null,
      ),
    ).toEqual([]);
  }

  /** Ways a theme starts being used, prepared before the race, sent on one instance. */
  const uses: Array<{
    use: string;
    success: number;
    prepare: (theme: Theme) => Promise<(on: On) => Promise<LightMyRequestResponse>>;
  }> = [
    {
      use: 'a theme edited to become its subtheme',
      success: 200,
      prepare: async (theme) => {
        const other = await define();
        return (on) => moveUnder(on, other, theme.code);
      },
    },
    {
      use: 'a subtheme defined under it',
      success: 201,
      prepare: async (theme) => {
        const code = `T${++n}`;
        return (on) => on('POST', '/themes', { code, name: 'Under it', parentCode: theme.code });
      },
    },
    {
      use: 'a commitment created under it',
      success: 201,
      prepare: async (theme) => (on) =>
        on('POST', '/commitments', { versionNumber: 2, commitments: [draft(theme.code)] }),
    },
    {
      use: 'a commitment edited to take it',
      success: 200,
      prepare: async (theme) => {
        const [c] = (await ok(
          one('POST', '/commitments', { versionNumber: 2, commitments: [draft(null)] }),
        )) as Commitment[];
        return (on) =>
          on('PATCH', `/commitments/${c!.id}`, {
            ...draft(theme.code),
            wording: c!.wording,
            baseRevision: c!.revision,
          });
      },
    },
    {
      use: 'commitments imported under it',
      success: 200,
      prepare: async (theme) => {
        const header =
          'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
        const row = `IMP-${theme.code},ceasefire,${theme.code},Withdraw to the line,GOV,2026-01-01,2026-12-31,none,1,,`;
        return (on) => on('POST', '/import', { commitmentsCsv: `${header}\n${row}` });
      },
    },
  ];

  it.each(uses)(
    'refuses to remove a theme while $use on another instance, with 409, and keeps both',
    async ({ prepare, success }) => {
      const theme = await define();
      const use = await prepare(theme);
      const [used, removal] = await race(
        () => use(one),
        () => two('DELETE', `/themes/${theme.id}`),
      );
      expect(used.statusCode, used.body).toBe(success);
      expect(removal.statusCode, removal.body).toBe(409);
      expect(removal.json().error.code).toBe('CONFLICT');
      await expectConsistentPlan();
    },
  );

  it.each(uses)(
    'refuses $use while another instance removes the theme, with 400, and removes it',
    async ({ prepare }) => {
      const theme = await define();
      const use = await prepare(theme);
      const [removal, used] = await race(
        () => one('DELETE', `/themes/${theme.id}`),
        () => use(two),
      );
      expect(removal.statusCode, removal.body).toBe(200);
      expect(used.statusCode, used.body).toBe(400);
      expect(used.json().error.code).toBe('INVALID_INPUT');
      await expectConsistentPlan();
    },
  );

  it.each([
    { first: 'B under C', then: 'A under B' },
    { first: 'A under B', then: 'B under C' },
  ])(
    'keeps two levels when $first and $then are saved on two instances at once: the second is refused',
    async ({ first }) => {
      const a = await define();
      const b = await define();
      const c = await define();
      const aUnderB = (on: On) => () => moveUnder(on, a, b.code);
      const bUnderC = (on: On) => () => moveUnder(on, b, c.code);
      const [won, lost] =
        first === 'B under C'
          ? await race(bUnderC(one), aUnderB(two))
          : await race(aUnderB(one), bUnderC(two));
      expect(won.statusCode, won.body).toBe(200);
      expect(lost.statusCode, lost.body).toBe(400);
      expect(lost.json().error).toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'parentCode' },
      });
      await expectConsistentPlan();
    },
  );

  it('never lets two edits of a theme on two instances overwrite each other', async () => {
    const theme = await define();
    const [first, next] = await race(
      () =>
        one('PATCH', `/themes/${theme.id}`, {
          ...fieldsOf(theme),
          name: 'First',
          base: fieldsOf(theme),
        }),
      () =>
        two('PATCH', `/themes/${theme.id}`, {
          ...fieldsOf(theme),
          name: 'Second',
          base: fieldsOf(theme),
        }),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(next.statusCode, next.body).toBe(409);
    expect(next.json().error.code).toBe('STALE_REVISION');
    const plan = (await ok(one('GET', ''))) as { themes: Theme[] };
    expect(plan.themes.find((t) => t.id === theme.id)?.name).toBe('First');
  });

  it('answers the second of two instances defining the same code at once with a conflict, not a fault', async () => {
    const code = `SAME${++n}`;
    const [first, next] = await race(
      () => one('POST', '/themes', { code, name: 'First', parentCode: null }),
      () => two('POST', '/themes', { code, name: 'Second', parentCode: null }),
    );
    expect(first.statusCode, first.body).toBeLessThan(300);
    expect(next.statusCode, next.body).toBe(409);
    expect(next.json().error.code).toBe('CONFLICT');
    const plan = (await ok(one('GET', ''))) as { themes: Theme[] };
    expect(plan.themes.filter((t) => t.code === code).map((t) => t.name)).toEqual(['First']);
  });

  it('answers a removal or an edit of a theme that another instance removed meanwhile like a theme that does not exist', async () => {
    const theme = await define();
    const [removal, again] = await race(
      () => one('DELETE', `/themes/${theme.id}`),
      () => two('DELETE', `/themes/${theme.id}`),
    );
    expect(removal.statusCode, removal.body).toBe(200);
    expect(again.statusCode, again.body).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');

    const renamed = await define();
    const [gone, edit] = await race(
      () => one('DELETE', `/themes/${renamed.id}`),
      () =>
        two('PATCH', `/themes/${renamed.id}`, {
          ...fieldsOf(renamed),
          name: 'Renamed',
          base: fieldsOf(renamed),
        }),
    );
    expect(gone.statusCode, gone.body).toBe(200);
    expect(edit.statusCode, edit.body).toBe(404);
    expect(edit.json().error.code).toBe('NOT_FOUND');
  });
});
