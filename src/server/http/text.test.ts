import { sql } from 'kysely';
import { flat, openDocx, pdfPages, wordText } from '../exports/test-support/extract.js';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('the negotiating text on $name', (target) => {
  const p = useParley(target);

  const url = () => `/api/processes/${p.demo.processId}`;
  type Key = Parameters<TestParley['session']>[0];
  const get = (key: Key, path: string) => p.get(key, `${url()}${path}`);
  const post = (key: Key, path: string, payload: object) => p.post(key, `${url()}${path}`, payload);

  it('keeps the working draft in the mediator team, with its state and the bracket syntax', async () => {
    const res = await get('mediator', '/text');
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.state.provisionCount).toBe(21);
    expect(t.state.banner).toBe('Nothing is agreed until everything is agreed');
    expect(t.plainText).toContain('[Alt 1: within nine months of signature]{OPP}');
    for (const key of ['govHead', 'oppDelegate', 'admin', 'observer'] as const)
      expect((await get(key, '/text')).statusCode).toBe(404);
  });

  it('distributes the three published versions to both parties, with version 2 signed by the government, then by the opposition', async () => {
    const gov = (await get('govDelegate', '/text/versions')).json();
    const opp = (await get('oppDelegate', '/text/versions')).json();
    expect(gov.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
    expect(opp.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
    // The demo's implementation phase: the opposition signs version 2 as a partial agreement.
    expect(gov.versions[1].signatures.map((s: { partyId: string }) => s.partyId)).toEqual([
      p.demo.parties.gov,
      p.demo.parties.opp,
    ]);
    expect(gov.versions[2].signatures).toEqual([]);
    expect(gov.versions[0].recipients.length).toBeGreaterThanOrEqual(6);
  });

  it('verifies a signature against the stored bytes, and notices when they change', async () => {
    const ok = (await get('oppHead', '/text/versions/2/verification')).json();
    expect(ok).toMatchObject({
      versionIntact: true,
      signatures: [
        { partyId: p.demo.parties.gov, valid: true },
        { partyId: p.demo.parties.opp, valid: true },
      ],
    });
    const db = p.runtime.database;
    await expect(
      sql`update text_versions set canonical = 'tampered' where number = 2`.execute(db.db),
    ).rejects.toThrow(/immutable/);
  });

  it('writes change lists that never say which party asked for what', async () => {
    const v = (await get('oppHead', '/text/versions')).json().versions;
    expect(v[1].changeList.length).toBeGreaterThan(0);
    const lists = JSON.stringify(v.map((x: { changeList: string[] }) => x.changeList));
    expect(lists).not.toMatch(/GOV|OPP|Government|Opposition/);
  });

  it('shows each party only its own amendments, and the mediators all of them', async () => {
    const gov = (await get('govHead', '/amendments')).json().amendments;
    const opp = (await get('oppHead', '/amendments')).json().amendments;
    const lead = (await get('leadMediator', '/amendments')).json().amendments;
    expect(gov.map((a: { partyId: string }) => a.partyId)).toEqual([p.demo.parties.gov]);
    expect(new Set(opp.map((a: { partyId: string }) => a.partyId))).toEqual(
      new Set([p.demo.parties.opp]),
    );
    expect(lead).toHaveLength(gov.length + opp.length);
    expect(gov[0].outcome).toBe('accepted_as_alternative');
  });

  it('diffs two versions word by word and compares them provision by provision', async () => {
    const res = await get('oppDelegate', '/text/diff?from=1&to=2');
    expect(res.statusCode).toBe(200);
    const { diff, comparison } = res.json();
    const security = diff.provisions.find((x: { key: string }) => x.key === 'p-security');
    expect(security.change).toBe('changed');
    expect(
      security.ops
        .filter((o: { op: string }) => o.op === 'insert')
        .map((o: { text: string }) => o.text)
        .join(''),
    ).toContain('oversight of the joint commission');
    expect(comparison.rows.find((r: { key: string }) => r.key === 'p-media').relation).toBe(
      'wording_differs',
    );
    expect(diff.summary.unchanged).toBeGreaterThan(10);
  });

  it('refuses an edit from a stale revision with 409 and the current text', async () => {
    const { revision } = (await get('leadMediator', '/text')).json();
    const first = await post('leadMediator', '/text/edits', {
      baseRevision: revision,
      edit: { kind: 'retitle', title: 'Draft framework agreement (invented)' },
    });
    expect(first.statusCode).toBe(200);
    const second = await post('mediator', '/text/edits', {
      baseRevision: revision,
      edit: { kind: 'retitle', title: 'Other title' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({ currentRevision: revision + 1 });
    expect(second.json().error.details.current).toContain(
      'Title: Draft framework agreement (invented)',
    );
  });

  it('refuses to mark a provision agreed while a bracket is open', async () => {
    const { revision } = (await get('leadMediator', '/text')).json();
    const res = await post('leadMediator', '/text/edits', {
      baseRevision: revision,
      edit: { kind: 'set_status', provision: 'p-election', status: 'agreed' },
    });
    expect(res.statusCode).toBe(422);
  });

  it('round-trips the draft through the bracket syntax without changing it', async () => {
    const before = (await get('leadMediator', '/text')).json();
    const res = await post('leadMediator', '/text/edits', {
      baseRevision: before.revision,
      edit: { kind: 'import', plainText: before.plainText },
    });
    expect(res.statusCode).toBe(200);
    const after = (await get('leadMediator', '/text')).json();
    expect(after.text).toEqual(before.text);
  });

  it('walks an amendment from a delegate to a bracketed alternative the party then sees', async () => {
    const proposed = await post('oppDelegate', '/amendments', {
      provision: 'p-campaign',
      change: {
        kind: 'replace',
        target: { quote: 'ninety days', occurrence: 1 },
        wording: 'sixty days',
      },
      note: 'Shorter campaign',
    });
    expect(proposed.statusCode).toBe(201);
    expect((await get('govHead', '/amendments')).body).not.toContain(proposed.json().id);
    const { revision } = (await get('leadMediator', '/text')).json();
    const decided = await post('leadMediator', `/amendments/${proposed.json().id}/decision`, {
      decision: 'accept_as_alternative',
      baseRevision: revision,
    });
    expect(decided.statusCode).toBe(200);
    const draft = (await get('leadMediator', '/text')).json();
    expect(draft.plainText).toMatch(/\[Alt \d: sixty days\]\{OPP\}/);
    const seen = (await get('oppDelegate', '/amendments'))
      .json()
      .amendments.find((a: { id: string }) => a.id === proposed.json().id);
    expect(seen.outcome).toBe('accepted_as_alternative');
  });

  it('refuses an amendment quoting words the provision does not contain, with a clear message', async () => {
    const res = await post('oppHead', '/amendments', {
      provision: 'p-campaign',
      change: { kind: 'delete', target: { quote: 'words that are not there', occurrence: 1 } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/quoted words/);
  });

  it('lets the signatory sign only with the hash of the version they saw', async () => {
    const v3 = (await get('oppHead', '/text/versions/3')).json();
    const wrong = await post('oppHead', '/text/versions/3/signatures', {
      versionHash: '0'.repeat(64),
    });
    expect(wrong.statusCode).toBe(422);
    const right = await post('oppHead', '/text/versions/3/signatures', {
      versionHash: v3.version.hash,
    });
    expect(right.statusCode).toBe(201);
    const again = await post('oppHead', '/text/versions/3/signatures', {
      versionHash: v3.version.hash,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await post('oppDelegate', '/text/versions/3/signatures', { versionHash: v3.version.hash }))
        .statusCode,
    ).toBe(403);
  });

  it('publishes a version to one party only, unseen by the other', async () => {
    const { revision } = (await get('leadMediator', '/text')).json();
    const res = await post('leadMediator', '/text/versions', {
      baseRevision: revision,
      note: 'For the government only',
      distribution: p.demo.parties.gov,
    });
    expect(res.statusCode).toBe(201);
    const n = res.json().number;
    expect((await get('govHead', `/text/versions/${n}`)).statusCode).toBe(200);
    expect((await get('oppHead', `/text/versions/${n}`)).statusCode).toBe(404);
    expect(
      (await get('oppHead', '/text/versions'))
        .json()
        .versions.map((v: { number: number }) => v.number),
    ).not.toContain(n);
  });

  it('issues a copy in each format with the recipient named on it, and audits each copy', async () => {
    const s = await p.session('oppDelegate');
    const download = (format: string) =>
      p.as(s, { method: 'GET', url: `${url()}/text/versions/2/export?format=${format}` });
    const txt = await download('txt');
    expect(txt.statusCode).toBe(200);
    // The wording carries the copy's fingerprint in no-break spaces; read it as a person would.
    const plain = (text: string) => text.replace(/\u00a0/g, ' ');
    expect(txt.body).toContain('\u00a0');
    expect(txt.headers['content-disposition']).toBe('attachment; filename="NORDLYS-v2.txt"');
    expect(txt.body).toContain('Opposition delegate (demo)');
    expect(plain(txt.body)).toContain('[Alt 1: within nine months of signature]{OPP}');
    const pdf = await download('pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(flat(page)).toContain('Issued to Opposition delegate (demo)');
    const docx = await openDocx((await download('docx')).rawPayload);
    expect(plain(wordText(docx.document))).toContain('within nine months of signature');
    const audit = (await get('leadMediator', '/audit?limit=50')).json().entries;
    expect(
      audit.filter((e: { kind: string }) => e.kind === 'version.exported').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('issues a copy with its fixed wording in the language asked for, and refuses another', async () => {
    const s = await p.session('govDelegate');
    const download = (query: string) =>
      p.as(s, { method: 'GET', url: `${url()}/text/versions/2/export?format=txt&${query}` });
    const es = await download('lang=es');
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('NORDLYS — Confidencial · Versión 2');
    expect(es.body).toContain('Entregado a Government delegate (demo)');
    expect(es.body).not.toContain('Confidential');
    const nb = await download('lang=nb');
    expect(nb.body).toContain('NORDLYS — Konfidensielt · Versjon 2');
    expect((await download('')).body).toContain('NORDLYS — Confidential · Version 2');
    const bad = await download('lang=fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lang');
    expect(bad.body).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
