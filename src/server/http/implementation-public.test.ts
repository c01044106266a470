/**
 * The public accountability page: released by the mediators with an explicit action, read by
 * anyone without an account at an unguessable address, showing exactly the released part of the
 * implementation picture (commitments of the released themes, verified levels only, progress) and
 * no internal id.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Picture {
  title: string;
  parts: { themes: string[] | null; commitments: boolean; progress: boolean };
  themes: Array<{ code: string; name: string }>;
  commitments: Array<{ ref: string; wording: string; level: number; responsible: string[] }>;
  progress: { commitments: number; overall: Array<{ month: string; counts: number[] }> } | null;
}

describe.each(targets)('the public accountability page on $name', (target) => {
  const clock = testClock(new Date('2027-01-10T09:00:00Z'));
  const p = useParley(target, { clock });
  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}/implementation`;
  const ok = async (key: Key, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => {
    const res = await p.request(key, method, `${url()}${path}`, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as unknown;
  };
  const anonymous = (slug: string) =>
    p.app.inject({ method: 'GET', url: `/api/public/implementation/${slug}` });

  /** Two themes; in each a commitment with a verified level, an unverified and a disputed one. */
  async function plan(prefix: string) {
    for (const code of [`${prefix}SEC`, `${prefix}LAND`])
      await ok('mediator', 'POST', '/themes', { code, name: `Theme ${code}` });
    const made = (await ok('mediator', 'POST', '/commitments', {
      versionNumber: 2,
      commitments: [`${prefix}SEC`, `${prefix}LAND`].map((themeCode) => ({
        provisionKey: 'p-humanitarian',
        wording: `Released-or-not commitment of ${themeCode}`,
        externalId: `ext-${themeCode}`,
        responsiblePartyIds: [p.demo.parties.gov],
        startsOn: '2026-01-01',
        deadline: '2026-12-31',
        provisionType: 'human_rights',
        themeCode,
      })),
    })) as Array<{ id: string }>;
    for (const c of made) {
      const evidence = (await ok('mediator', 'POST', `/commitments/${c.id}/evidence`, {
        kind: 'report',
        text: 'EVIDENCE-NEVER-PUBLIC field report',
        observedOn: '2026-03-01',
        source: 'Field team',
      })) as { id: string };
      await ok('leadMediator', 'POST', `/evidence/${evidence.id}/release`);
      const level = async (l: number, effectiveOn: string) =>
        (await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
          level: l,
          effectiveOn,
          evidenceIds: [evidence.id],
          note: 'LEVEL-NOTE-NEVER-PUBLIC',
        })) as { id: string };
      const verified = await level(1, '2026-03-01');
      await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
        entryId: verified.id,
        verdict: 'verified',
        reason: 'REASON-NEVER-PUBLIC',
      });
      await level(3, '2026-06-01'); // nobody verified it
      const disputed = await level(2, '2026-04-01');
      await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
        entryId: disputed.id,
        verdict: 'verified',
        reason: 'seen',
      });
      await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
        entryId: disputed.id,
        verdict: 'disputed',
        reason: 'DISPUTE-NEVER-PUBLIC',
      });
    }
  }

  it('shows anyone, without an account, exactly the released themes with verified levels only', async () => {
    // The demo's page is released already; releasing again keeps its address.
    const before = (await ok('govHead', 'GET', '/publication')) as { slug: string | null };
    expect(before.slug).toBe(p.demo.implementation.publicSlug);
    await plan('A-');
    const released = (await ok('mediator', 'PUT', '/publication', {
      title: 'Implementation of the accord',
      parts: { themes: ['A-SEC'], commitments: true, progress: true },
    })) as { slug: string; picture: Picture };
    expect(released.slug).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(released.slug).toBe(before.slug);

    const res = await anonymous(released.slug);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['set-cookie']).toBeUndefined();
    const page = res.json() as Picture;
    expect(page).toEqual(released.picture);
    expect(page.title).toBe('Implementation of the accord');
    expect(page.themes).toEqual([{ code: 'A-SEC', name: 'Theme A-SEC' }]);
    // The verified level 1 holds: the later level 3 was never verified, the level 2 is disputed.
    expect(page.commitments).toEqual([
      expect.objectContaining({
        ref: 'ext-A-SEC',
        wording: 'Released-or-not commitment of A-SEC',
        level: 1,
        responsible: [expect.any(String)],
      }),
    ]);
    expect(page.progress?.commitments).toBe(1);
    expect(page.progress?.overall.find((m) => m.month === '2026-12')?.counts).toEqual([0, 1, 0, 0]);
    // Nothing unreleased and no internal id.
    for (const hidden of ['LAND', 'NEVER-PUBLIC']) expect(res.body).not.toContain(hidden);
    expect(res.body).not.toMatch(uuid);
    // Members see the same page and its address.
    const seen = (await ok('govDelegate', 'GET', '/publication')) as { slug: string };
    expect(seen.slug).toBe(released.slug);
  });

  it('keeps the page as released until released again, and forgets its address when withdrawn', async () => {
    await plan('B-');
    const themes = ['B-SEC', 'B-LAND'];
    const first = (await ok('mediator', 'PUT', '/publication', {
      title: 'Progress',
      parts: { themes, commitments: false, progress: true },
    })) as { slug: string };
    const page = (await anonymous(first.slug)).json() as Picture;
    expect(page.commitments).toEqual([]);
    expect(page.progress?.commitments).toBe(2);
    // A later commitment does not reach the page until the mediators release again.
    await ok('mediator', 'POST', '/commitments', {
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-humanitarian',
          responsiblePartyIds: [],
          startsOn: '2026-01-01',
          deadline: '2026-12-31',
          provisionType: 'human_rights',
          themeCode: 'B-SEC',
        },
      ],
    });
    clock.advance(60_000);
    expect((await anonymous(first.slug)).json()).toEqual(page);
    const again = (await ok('leadMediator', 'PUT', '/publication', {
      title: 'Progress, updated',
      parts: { themes, commitments: true, progress: true },
    })) as { slug: string };
    expect(again.slug).toBe(first.slug);
    expect(((await anonymous(first.slug)).json() as Picture).commitments).toHaveLength(3);

    const gone = await p.request('mediator', 'DELETE', `${url()}/publication`);
    expect(gone.statusCode).toBe(200);
    const missing = await anonymous(first.slug);
    const never = await anonymous(randomBytes(32).toString('base64url'));
    const malformed = await anonymous('x');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toBe(never.body);
    expect(malformed.body).toBe(never.body);
    const third = (await ok('mediator', 'PUT', '/publication', {
      title: 'Back',
      parts: { themes: null, commitments: true, progress: false },
    })) as { slug: string; picture: Picture };
    expect(third.slug).not.toBe(first.slug);
    expect(third.picture.progress).toBeNull();
    // The release and the withdrawal are in the audit log.
    const audit = await p.request(
      'leadMediator',
      'GET',
      `/api/processes/${p.demo.processId}/audit?limit=500`,
    );
    expect(audit.body).toContain('implementation.published');
    expect(audit.body).toContain('implementation.withdrawn');
  });

  it('lets only the mediators release, and refuses a release that would show nothing', async () => {
    const body = { title: 'T', parts: { themes: null, commitments: true, progress: true } };
    const before = await p.request('govHead', 'GET', `${url()}/publication`);
    expect(before.statusCode).toBe(200);
    for (const key of ['govHead', 'observer', 'govDelegate'] as const)
      expect((await p.request(key, 'PUT', `${url()}/publication`, body)).statusCode).toBe(403);
    const nothing = await p.request('mediator', 'PUT', `${url()}/publication`, {
      title: 'T',
      parts: { themes: null, commitments: false, progress: false },
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.details).toEqual({ field: 'parts' });
    const unknown = await p.request('mediator', 'PUT', `${url()}/publication`, {
      title: 'T',
      parts: { themes: ['NOPE'], commitments: true, progress: false },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('NOPE');
    const untitled = await p.request('mediator', 'PUT', `${url()}/publication`, {
      ...body,
      title: '   ',
    });
    expect(untitled.statusCode).toBe(400);
    // The refused attempts changed nothing.
    const after = await p.request('govHead', 'GET', `${url()}/publication`);
    expect(after.body).toBe(before.body);
  });
});
