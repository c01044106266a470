/**
 * Search across everything a member may read: every kind through the compartment filter, the
 * matches marked as ranges of plain text, grouped by kind, audited per compartment searched.
 */
import { describe, expect, it } from 'vitest';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Hit {
  kind: string;
  id: string;
  title: string;
  titleMarks: Array<[number, number]>;
  snippet: string;
  snippetMarks: Array<[number, number]>;
  compartmentId: string | null;
  parentId: string | null;
  number: number | null;
}
interface Result {
  terms: string[];
  total: number;
  groups: Array<{ kind: string; total: number; hits: Hit[] }>;
}

describe.each(targets)('search across the process on $name', (target) => {
  const p = useParley(target);
  const P = () => `/api/processes/${p.demo.processId}`;
  const search = async (role: DemoRoleKey, q: string): Promise<Result> => {
    const res = await p.get(role, `${P()}/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const compartment = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
    )!.id;
  const kinds = (r: Result) => r.groups.map((g) => g.kind);

  it('finds threads, messages, proposals and the text beside the notes that mention a word', async () => {
    const r = await search('leadMediator', 'sanctions');
    expect(kinds(r)).toEqual(
      expect.arrayContaining(['note', 'message', 'proposal', 'provision', 'version']),
    );
    expect(r.total).toBe(r.groups.reduce((n, g) => n + g.total, 0));
  });

  it('marks every matched word as a range of the plain snippet and title', async () => {
    const r = await search('leadMediator', 'Sanctions RELIEF');
    expect(r.terms).toEqual(['sanctions', 'relief']);
    const hits = r.groups.flatMap((g) => g.hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const marked = [
        ...h.snippetMarks.map(([a, b]) => h.snippet.slice(a, b)),
        ...h.titleMarks.map(([a, b]) => h.title.slice(a, b)),
      ].map((s) => s.toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      for (const m of marked) expect(['sanctions', 'relief']).toContain(m);
    }
  });

  it('finds material in every kind the caller may read, and nothing of a caucus it may not', async () => {
    const word = 'zephyrine';
    const caucus = compartment('caucus', 'opp');
    const note = await p.post('oppHead', `${P()}/compartments/${caucus}/notes`, {
      title: `Fallback ${word}`,
      body: 'Kept in the caucus.',
    });
    expect(note.statusCode).toBe(201);
    const thread = await p.post('oppHead', `${P()}/threads`, {
      compartmentId: caucus,
      title: 'Caucus planning',
      body: `Our ${word} line holds.`,
    });
    expect(thread.statusCode).toBe(201);
    const own = await search('oppHead', word);
    expect(kinds(own)).toEqual(['note', 'message']);
    expect(own.groups[1]!.hits[0]!.parentId).toBe(thread.json().thread.id);
    // To the government's head the word is exactly like a word nobody wrote.
    const other = await search('govHead', word);
    const never = await search('govHead', 'nosuchwordanywhere');
    expect({ ...other, terms: never.terms }).toEqual(never);
    expect(other.total).toBe(0);
  });

  it("keeps the working draft to the mediator team: a party finds only published versions' wording", async () => {
    const mediators = await search('leadMediator', 'amnesty');
    const party = await search('govHead', 'amnesty');
    expect(kinds(mediators)).toContain('provision');
    expect(kinds(party)).not.toContain('provision');
    expect(kinds(party)).toContain('version');
    for (const h of party.groups.flatMap((g) => g.hits))
      if (h.kind === 'version') expect(h.number).toBeGreaterThan(0);
  });

  it('finds rounds by title for every member', async () => {
    const rounds = (await p.get('observer', `${P()}/rounds`)).json().rounds as Array<{
      title: string;
    }>;
    const word = rounds[0]!.title.split(/\s+/).find((w) => w.length > 4)!;
    const r = await search('observer', word);
    expect(kinds(r)).toContain('round');
    expect(r.groups.find((g) => g.kind === 'round')!.hits[0]!.compartmentId).toBeNull();
  });

  it('audits a search once per non-public compartment that answered, never the words', async () => {
    const lead = p.demo.accounts.find((a) => a.key === 'leadMediator')!.userId;
    const r = await search('leadMediator', 'sanctions');
    const matched = new Set(
      r.groups.flatMap((g) => g.hits.map((h) => h.compartmentId)).filter((c) => c !== null),
    );
    const publicId = compartment('public');
    const { entries } = (await p.get('leadMediator', `${P()}/audit?limit=500`)).json() as {
      entries: Array<{
        kind: string;
        compartmentId: string | null;
        data: object;
        actorUserId: string;
      }>;
    };
    const searched = entries.filter(
      (e) => e.kind === 'compartment.searched' && e.actorUserId === lead,
    );
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((e) => JSON.stringify(e.data) === '{}')).toBe(true);
    const audited = new Set(searched.map((e) => e.compartmentId));
    for (const c of matched) if (c !== publicId) expect(audited.has(c)).toBe(true);
    expect(audited.has(publicId)).toBe(false);
  });

  it('refuses a blank query, naming the field', async () => {
    const res = await p.get('govHead', `${P()}/search?q=%20%20`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('q');
    expect((await p.get('govHead', `${P()}/search`)).statusCode).toBe(400);
  });

  it('answers a process the caller is not in like one that does not exist', async () => {
    const res = await p.get('govHead', `/api/processes/${crypto.randomUUID()}/search?q=x`);
    expect(res.statusCode).toBe(404);
  });
});
