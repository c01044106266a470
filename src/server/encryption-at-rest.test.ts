import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { asId } from '../core/shared/ids.js';
import { loadConfig } from './config.js';
import { resealAll, sealedColumns } from './db/sealed-columns.js';
import { rotateKeys } from './key-rotation.js';
import { startRuntime } from './runtime.js';
import { AtRestError, openText, sealText, unwrapDataKey } from './security/at-rest.js';
import { postgresReachable, testDatabases, type TestDatabase } from './test-support/databases.js';
import { testClock, useParley, type TestParley } from './test-support/harness.js';
import { sealedValues } from './test-support/sealed.js';

type Key = Parameters<TestParley['session']>[0];

/**
 * Writes a unique marker, through the API, into every kind of confidential text: notes, the agenda,
 * demands, positions, proposals and responses, ratings, the working draft, a published version,
 * amendments, a round (title, venue, rules), its session, minutes, consultation and answer,
 * threads, messages and a shuttle relay, a communiqué, a public statement and a divergence note.
 * Returns every marker (numbers too, as the text they would be stored as).
 */
async function plantEverywhere(p: TestParley, clock: ReturnType<typeof testClock>) {
  const tag = randomBytes(4).toString('hex');
  const markers: string[] = [];
  const mark = (what: string) => {
    const m = `PLANT-${what}-${tag}`;
    markers.push(m);
    return m;
  };
  const url = `/api/processes/${p.demo.processId}`;
  const call = async (key: Key, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => {
    const res = await p.request(key, method, `${url}${path}`, payload);
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const compartment = (kind: string, party?: string) => {
    const c = p.demo.compartments.find(
      (x) => x.kind === kind && (party === undefined || x.partyId === party),
    );
    if (!c) throw new Error(`no ${kind} compartment`);
    return c.id;
  };
  const { gov, opp } = p.demo.parties;
  const [issue] = p.demo.issues;
  if (!issue?.options[0]) throw new Error('the demo has no agenda');

  // Notes.
  const note = await call('govHead', 'POST', `/compartments/${compartment('caucus', gov)}/notes`, {
    title: mark('note-title'),
    body: `Body: ${mark('note-body')}`,
  });
  // Ratings (before the agenda grows): a reservation value no other figure has.
  const prefs = (await call('oppDelegate', 'GET', '/preferences')).preferences;
  const reservation = 37.123457;
  markers.push(String(reservation));
  await call('oppDelegate', 'PUT', '/preferences', {
    baseRevision: prefs?.revision ?? 0,
    entry: {
      kind: 'ranking',
      issueOrder: p.demo.issues.map((i) => i.id),
      optionRankings: Object.fromEntries(
        p.demo.issues.map((i) => [i.id, i.options.map((o) => o.id)]),
      ),
      reservation,
    },
  });
  // The record.
  await call('leadMediator', 'POST', '/issues', {
    title: mark('issue-title'),
    description: mark('issue-description'),
    options: [mark('option-label')],
  });
  await call('leadMediator', 'POST', '/demands', {
    partyId: gov,
    text: mark('demand'),
    source: 'press conference',
    statedOn: '2019-05-20',
  });
  await call('govHead', 'POST', '/positions', {
    issueId: issue.id,
    optionId: issue.options[0].id,
    text: mark('position'),
  });
  const proposal = await call('leadMediator', 'POST', '/proposals', {
    compartmentId: compartment('plenary'),
    round: 9,
    terms: [{ issueId: issue.id, optionId: issue.options[0].id }],
    note: mark('proposal-note'),
  });
  await call('govHead', 'POST', `/proposals/${proposal.id}/responses`, {
    kind: 'reject',
    note: mark('response-note'),
  });
  // The negotiating text: draft, version, amendment.
  const draft = await call('leadMediator', 'GET', '/text');
  const edited = await call('leadMediator', 'POST', '/text/edits', {
    baseRevision: draft.revision,
    edit: { kind: 'retitle', title: mark('draft-title') },
  });
  await call('leadMediator', 'POST', '/text/versions', {
    baseRevision: edited.revision,
    note: mark('version-note'),
    distribution: 'all',
  });
  await call('oppDelegate', 'POST', '/amendments', {
    provision: 'p-campaign',
    change: { kind: 'insert', at: { position: 'end' }, wording: mark('amendment-wording') },
    note: mark('amendment-note'),
  });
  // A round with its venue and rules, a session, minutes, a consultation and an answer.
  const round = await call('leadMediator', 'POST', '/rounds', {
    title: mark('round-title'),
    startsOn: '2026-12-01',
    endsOn: '2026-12-03',
    venue: mark('round-venue'),
    rules: mark('round-rules'),
    invitees: [],
  });
  const R = `/rounds/${round.id}`;
  for (const key of ['leadMediator', 'govHead', 'oppHead'] as const) {
    const rounds = (await call(key, 'GET', '/rounds')).rounds as Array<{
      id: string;
      rulesHash: string;
    }>;
    const rulesHash = rounds.find((r) => r.id === round.id)?.rulesHash;
    await call(key, 'POST', `${R}/acknowledgement`, { rulesHash });
  }
  const session = await call('leadMediator', 'POST', `${R}/sessions`, {
    format: 'plenary',
    title: mark('session-title'),
    startsAt: '2026-12-01T09:00:00Z',
    endsAt: '2026-12-01T12:00:00Z',
  });
  const minutes = await call('leadMediator', 'PUT', `${R}/sessions/${session.id}/minutes/plenary`, {
    baseRevision: 0,
    text: mark('minutes'),
  });
  // A party's request for a change to those minutes, with its comment.
  await call('oppHead', 'POST', `${R}/sessions/${session.id}/minutes/plenary/objections`, {
    hash: minutes.hash,
    kind: 'change_requested',
    comment: mark('minutes-objection'),
  });
  await call('leadMediator', 'POST', `${R}/status`, { to: 'in_progress' });
  await call('leadMediator', 'POST', `${R}/status`, {
    to: 'in_consultations',
    consultation: {
      subject: mark('consultation-subject'),
      deadline: new Date(clock.now().getTime() + 86_400_000).toISOString(),
    },
  });
  await call('govHead', 'POST', `${R}/consultation/responses`, {
    kind: 'counter_text',
    text: mark('consultation-answer'),
  });
  // Threads, messages and a shuttle relay between the two bilateral channels.
  const govThread = await call('govHead', 'POST', '/threads', {
    compartmentId: compartment('bilateral', gov),
    title: mark('thread-title'),
    body: mark('first-message'),
  });
  const govThreadId = (govThread.thread ?? govThread).id as string;
  const posted = await call('govHead', 'POST', `/threads/${govThreadId}/messages`, {
    body: mark('message'),
  });
  const oppThread = await call('leadMediator', 'POST', '/threads', {
    compartmentId: compartment('bilateral', opp),
    title: mark('other-thread-title'),
    body: mark('other-first-message'),
  });
  await call('leadMediator', 'POST', `/messages/${(posted.message ?? posted).id}/relay`, {
    toThreadId: (oppThread.thread ?? oppThread).id,
    body: mark('relay'),
  });
  // A communiqué draft, a public statement and a divergence note.
  await call('leadMediator', 'POST', '/communiques', {
    kind: 'communique',
    title: mark('communique-title'),
    text: mark('communique-text'),
  });
  const released = (await call('leadMediator', 'GET', '/communiques')).communiques.find(
    (c: { state: string }) => c.state === 'released',
  );
  // A party's objection to the demo's circulated press line, with its comment.
  const pending = (await call('oppHead', 'GET', '/communiques')).communiques.find(
    (c: { state: string }) => c.state === 'circulated',
  );
  await call('oppHead', 'POST', `/communiques/${pending.id}/objections`, {
    hash: pending.hash,
    kind: 'change_requested',
    comment: mark('objection'),
  });
  const statement = await call('leadMediator', 'POST', '/statements', {
    partyId: opp,
    agreedLineId: released.id,
    source: 'radio interview',
    statedOn: '2019-05-30',
    text: mark('statement'),
  });
  await call('leadMediator', 'POST', `/statements/${statement.id}/divergence`, {
    note: mark('divergence'),
  });

  // An actor (name, alias, Wikidata id, notes, stance), an article and a confirmed statement.
  const mediaActor = await call('leadMediator', 'POST', '/actors', {
    name: `Ana ${mark('actor-name')}`,
    kind: 'person',
    role: 'critic',
    reason: mark('stance-reason'),
    aliases: [mark('actor-alias')],
    wikidataId: 'Q57413',
    notes: mark('actor-notes'),
  });
  const quote = `No vamos a ceder ${mark('quote')}`;
  const article = await call('leadMediator', 'POST', '/articles', {
    title: mark('article-title'),
    text: `«${quote}», dijo Ana en Caracas. ${mark('article-text')}`,
    url: `https://example.org/${mark('article-url')}`,
    outlet: mark('article-outlet'),
  });
  await call('leadMediator', 'POST', '/media/statements', {
    actorId: mediaActor.id,
    quote,
    statedOn: '2019-07-08',
    stance: 'critic',
    articleId: article.id,
  });
  await call('leadMediator', 'POST', '/media/statements', {
    actorId: mediaActor.id,
    quote: mark('typed-quote'),
    statedOn: '2019-07-09',
    stance: 'critic',
    language: 'es',
    url: `https://example.org/${mark('statement-url')}`,
    outlet: mark('statement-outlet'),
  });
  await call('leadMediator', 'POST', '/feeds', {
    url: `https://example.org/${mark('feed-url')}.xml`,
    title: mark('feed-title'),
  });

  // Implementation: a theme, a commitment, evidence (link and file), a level, a resolved dispute.
  await call('mediator', 'POST', '/implementation/themes', {
    code: 'HUM',
    name: mark('theme-name'),
  });
  const [commitment] = await call('mediator', 'POST', '/implementation/commitments', {
    versionNumber: 2,
    commitments: [
      {
        provisionKey: 'p-humanitarian',
        wording: mark('commitment-wording'),
        responsiblePartyIds: [gov],
        startsOn: '2026-01-01',
        deadline: '2026-12-31',
        provisionType: 'human_rights',
        themeCode: 'HUM',
      },
    ],
  });
  const C = `/implementation/commitments/${commitment.id}`;
  const evidence = await call('mediator', 'POST', `${C}/evidence`, {
    kind: 'link',
    text: mark('evidence-text'),
    url: `https://example.org/${mark('evidence-url')}`,
    observedOn: '2026-02-01',
    source: mark('evidence-source'),
    sha256: 'a'.repeat(64),
  });
  await call('leadMediator', 'POST', `/implementation/evidence/${evidence.id}/release`);
  // A file as evidence: its name and its bytes are sealed too.
  const fileBytes = Buffer.from(`Field notes: ${mark('evidence-file-content')}`);
  const file = await call('govDelegate', 'POST', `${C}/evidence/file`, {
    fileName: `${mark('evidence-file-name')}.txt`,
    content: fileBytes.toString('base64'),
    observedOn: '2026-02-01',
    source: 'Field team',
  });
  const fileBack = await p.request(
    'govHead',
    'GET',
    `${url}/implementation/evidence/${file.id}/file`,
  );
  expect(Buffer.from(fileBack.rawPayload).equals(fileBytes)).toBe(true);
  const entry = await call('mediator', 'POST', `${C}/levels`, {
    level: 1,
    effectiveOn: '2026-02-01',
    evidenceIds: [evidence.id],
    note: mark('level-note'),
  });
  const dispute = await call('observer', 'POST', `${C}/verifications`, {
    entryId: entry.id,
    verdict: 'disputed',
    reason: mark('dispute-reason'),
  });
  await call('leadMediator', 'POST', `/implementation/verifications/${dispute.id}/resolution`, {
    resolution: mark('dispute-resolution'),
  });
  // An imported level history: one run per commitment, its notes, sources and links sealed as one.
  await call('mediator', 'POST', '/implementation/import', {
    commitmentsCsv:
      'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision\n' +
      `RUN-1,ceasefire,,${mark('imported-wording')},GOV,2026-01-01,2026-12-31,none,1,,`,
    levelsCsv: [
      'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256',
      `RUN-1,2026-02-01,1,${mark('imported-note')},${mark('imported-source')},https://example.org/${mark('imported-url')},${'c'.repeat(64)}`,
    ].join('\n'),
  });
  // The public accountability page, released: its picture is sealed like the plenary it comes from.
  await call('mediator', 'PUT', '/implementation/publication', {
    title: mark('public-page-title'),
    parts: { themes: null, commitments: true, progress: true },
  });

  // Everything planted reads back through the API, decrypted.
  const item = await call('govHead', 'GET', `/items/${note.id}`);
  expect(item.title).toBe(markers[0]);
  const search = await call('govHead', 'GET', `/items?q=${encodeURIComponent(`note-BODY-${tag}`)}`);
  expect(search.items.map((i: { id: string }) => i.id)).toEqual([note.id]);
  const saved = (await call('oppDelegate', 'GET', '/preferences')).preferences;
  expect(saved.reservation).toBe(reservation);
  return markers;
}

/** The forms a planted text could take in a file: UTF-8 and UTF-16 (little and big endian). */
function forms(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  return [Buffer.from(text, 'utf8'), le, Buffer.from(le).swap16()];
}

/** The planted texts (or demo texts) found in some bytes. */
const foundIn = (bytes: Buffer, texts: readonly string[]) =>
  texts.filter((t) => forms(t).some((f) => bytes.includes(f)));

/** Demo texts long enough to be unmistakable (short ones like "Yes" occur anywhere). */
const distinctive = (plains: Array<string | null>) => [
  ...new Set(plains.filter((t): t is string => t !== null && t.length >= 16)),
];

describe('encryption at rest on SQLite: the database file reveals no confidential text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-at-rest-'));
  // Registered before the Parley, so it runs after the Parley's close (afterAll runs in reverse).
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'parley.db');
  const target: TestDatabase = {
    name: 'sqlite',
    url: `sqlite:${file}`,
    fresh: async () => ({ drop: async () => undefined }),
  };
  const clock = testClock();
  const p = useParley(target, { clock });

  it('holds no planted marker nor any demo text in the file or its WAL, open or closed', async () => {
    const markers = await plantEverywhere(p, clock);
    const values = await sealedValues(p.runtime.database, p.runtime.dataKeys);
    for (const table of Object.keys(sealedColumns))
      expect(
        values.some((v) => v.where.startsWith(`${table}.`)),
        table,
      ).toBe(true);
    for (const v of values) expect(v.stored, v.where).toMatch(/^v1:\d+:/);
    const demoTexts = distinctive(values.map((v) => v.plain));
    expect(demoTexts.length).toBeGreaterThan(100);
    const texts = [...new Set([...markers, ...demoTexts])];

    const raw = () =>
      [file, `${file}-wal`].filter(existsSync).map((f) => [f, readFileSync(f)] as const);
    const open = raw();
    expect(open.map(([f]) => f)).toContain(`${file}-wal`);
    for (const [f, bytes] of open) expect(foundIn(bytes, texts), f).toEqual([]);
    await p.close();
    for (const [f, bytes] of raw()) expect(foundIn(bytes, texts), f).toEqual([]);
    // The check can fail: the same bytes with the texts in them would.
    expect(foundIn(Buffer.from(`x${markers[3]}x`, 'utf16le'), texts)).toEqual([markers[3]]);
  });
});

const postgres = (await testDatabases()).find((t) => t.name === 'postgres');

describe.runIf(await postgresReachable())(
  'encryption at rest on PostgreSQL: no column of any table holds confidential text',
  () => {
    const clock = testClock();
    // Without PostgreSQL the suite and its hooks are skipped: the target is there when used.
    const p = useParley(postgres!, { clock });

    /** Every row of every table in the suite's schema, as text. */
    const everything = async () => {
      const db = p.runtime.database.db;
      const { rows: tables } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
      expect(tables.length).toBeGreaterThan(25);
      let text = '';
      for (const t of tables) {
        const { rows } = await sql`select * from ${sql.table(t.name)}`.execute(db);
        text += JSON.stringify(rows);
      }
      return text;
    };

    it('stores only ciphertexts: no planted marker nor demo text in any column', async () => {
      const markers = await plantEverywhere(p, clock);
      const values = await sealedValues(p.runtime.database, p.runtime.dataKeys);
      for (const v of values) expect(v.stored, v.where).toMatch(/^v1:\d+:/);
      const texts = [...new Set([...markers, ...distinctive(values.map((v) => v.plain))])];
      const all = await everything();
      // JSON escapes some characters: compare with the texts as JSON spells them.
      expect(texts.filter((t) => all.includes(JSON.stringify(t).slice(1, -1)))).toEqual([]);
      expect(all).toContain(p.demo.codename);
    });

    it('re-encrypts every value under new keys on PostgreSQL too, published versions included', async () => {
      const before = await sealedValues(p.runtime.database, p.runtime.dataKeys);
      const { deps, database, dataKeys } = p.runtime;
      const result = await rotateKeys(
        { database, dataKeys, config: deps.config, clock },
        { data: true },
      );
      expect(result.values).toBe(before.length);
      const restarted = await startRuntime(deps.config, {
        webRoot: null,
        schema: database.schema ?? undefined,
      });
      try {
        const after = await sealedValues(restarted.database, restarted.dataKeys);
        expect(after.map((v) => [v.where, v.plain])).toEqual(before.map((v) => [v.where, v.plain]));
        expect(after.every((v) => v.stored.startsWith('v1:2:'))).toBe(true);
        await expect(
          sql`update text_versions set note = 'tampered' where number = 1`.execute(
            restarted.database.db,
          ),
        ).rejects.toThrow(/immutable/);
      } finally {
        await restarted.close();
      }
    });
  },
);

describe.each(await testDatabases())('tampering with encrypted values on $name', (target) => {
  const p = useParley(target);

  const url = () => `/api/processes/${p.demo.processId}`;
  const notes = () => [...p.demo.notes.values()];
  const caucusNote = () => {
    const caucus = p.demo.compartments.find(
      (c) => c.kind === 'caucus' && c.partyId === p.demo.parties.gov,
    );
    const id = caucus && p.demo.notes.get(caucus.id);
    if (!id) throw new Error('no caucus note');
    return id;
  };
  const read = (id: string) => p.get('govHead', `${url()}/items/${id}`);
  const body = async (id: string) =>
    (
      await p.runtime.database.db
        .selectFrom('items')
        .select('body')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).body;
  const setBody = (id: string, stored: string) =>
    p.runtime.database.db.updateTable('items').set({ body: stored }).where('id', '=', id).execute();

  it('answers a flipped byte with a 500 that says nothing, and names the place in the error', async () => {
    const id = caucusNote();
    expect((await read(id)).statusCode).toBe(200);
    const stored = await body(id);
    const parts = stored.split(':');
    const ct = Buffer.from(parts[4] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 0x01;
    await setBody(id, [...parts.slice(0, 4), ct.toString('base64url')].join(':'));
    const res = await read(id);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on the server. Nothing was changed.',
      },
    });
    const error = await p.runtime.deps.db
      .transaction((s) =>
        s.items.findItem(
          asId(id),
          p.demo.compartments.map((c) => c.id),
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtRestError);
    expect(String(error)).toMatch(
      new RegExp(`items\\.body of row ${id} failed authentication: it was altered, or copied`),
    );
    await setBody(id, stored);
    expect((await read(id)).statusCode).toBe(200);
  });

  it('refuses a ciphertext moved to another row, another column or replaced by plain text', async () => {
    const id = caucusNote();
    const other = notes().find((n) => n !== id);
    if (!other) throw new Error('one note only');
    const original = await body(id);
    await setBody(id, await body(other));
    expect((await read(id)).statusCode).toBe(500);
    const { title } = await p.runtime.database.db
      .selectFrom('items')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await setBody(id, title);
    expect((await read(id)).statusCode).toBe(500);
    await setBody(id, 'a plain text slipped into the column');
    expect((await read(id)).statusCode).toBe(500);
    await setBody(id, original);
    expect((await read(id)).statusCode).toBe(200);
  });

  it('refuses a value sealed for the same row of another process', async () => {
    const id = caucusNote();
    const key = randomBytes(32);
    const forged = sealText(
      key,
      1,
      { processId: 'another', table: 'items', column: 'body', row: [id] },
      'x',
    );
    const original = await body(id);
    await setBody(id, forged);
    expect((await read(id)).statusCode).toBe(500);
    await setBody(id, original);
  });
});

describe('the master key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-master-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (env: Record<string, string> = {}) =>
    loadConfig({
      PARLEY_DATA_DIR: join(dir, 'data'),
      PARLEY_DATABASE_URL: `sqlite:${join(dir, 'data', 'parley.db')}`,
      ...env,
    });

  it('is created owner-only at first start, and a wrong or missing one stops the start with its id', async () => {
    const first = await startRuntime(config(), { webRoot: null });
    const { seedDemo } = await import('./demo/seed.js');
    await seedDemo(first.deps);
    const id = first.dataKeys.master.id;
    await first.close();
    const keyFile = join(dir, 'data', 'master-key');
    const { statSync, renameSync } = await import('node:fs');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    await expect(
      startRuntime(config({ PARLEY_MASTER_KEY: randomBytes(32).toString('base64') }), {
        webRoot: null,
      }),
    ).rejects.toThrow(
      new RegExp(`does not open this database's data keys, which are wrapped under ${id}`),
    );
    renameSync(keyFile, `${keyFile}.aside`);
    await expect(startRuntime(config(), { webRoot: null })).rejects.toThrow(
      new RegExp(`encrypted under master key ${id}, but no master key is configured`),
    );
    expect(existsSync(keyFile)).toBe(false);
    const key = readFileSync(`${keyFile}.aside`, 'utf8').trim();
    const again = await startRuntime(config({ PARLEY_MASTER_KEY: key }), { webRoot: null });
    expect(again.dataKeys.master).toMatchObject({ id, source: 'env' });
    await again.close();
  });

  it('must be 32 bytes of base64 when given in the environment', () => {
    expect(() => config({ PARLEY_MASTER_KEY: 'too-short' })).toThrow(
      /PARLEY_MASTER_KEY: must be 32 random bytes in base64/,
    );
  });
});

describe('a database written before encryption at rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({
    PARLEY_DATA_DIR: dir,
    PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
  });

  it('is encrypted once at the next start, every value intact, and the file scrubbed of the plain text', async () => {
    // A demo database, turned back into what an older Parley wrote: plain text, no data keys.
    const first = await startRuntime(config, { webRoot: null });
    const { seedDemo } = await import('./demo/seed.js');
    await seedDemo(first.deps);
    const original = await sealedValues(first.database, first.dataKeys);
    const keys = new Map<string, Map<number, Buffer>>();
    await first.database.db.transaction().execute(async (trx) => {
      for (const r of await trx.selectFrom('data_keys').selectAll().execute()) {
        const m = keys.get(r.process_id) ?? new Map<number, Buffer>();
        m.set(
          r.version,
          unwrapDataKey(first.dataKeys.master.key, r.process_id, r.version, r.wrapped),
        );
        keys.set(r.process_id, m);
      }
      await resealAll(trx, 'sqlite', {
        open: (place, stored) => openText((v) => keys.get(place.processId)?.get(v), place, stored),
        seal: (_place, plain) => plain,
      });
      await sql`update preferences set reservation = cast(reservation_sealed as real), reservation_sealed = null`.execute(
        trx,
      );
      await trx.deleteFrom('data_keys').execute();
      await trx.deleteFrom('encryption_state').execute();
    });
    const texts = distinctive(original.map((v) => v.plain));
    first.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    expect(foundIn(readFileSync(join(dir, 'parley.db')), texts).length).toBeGreaterThan(50);
    await first.close();

    const second = await startRuntime(config, { webRoot: null });
    try {
      const now = await sealedValues(second.database, second.dataKeys);
      expect(now.map((v) => [v.where, v.plain])).toEqual(original.map((v) => [v.where, v.plain]));
      expect(now.every((v) => v.stored.startsWith('v1:1:'))).toBe(true);
      const prefs = await second.database.db
        .selectFrom('preferences')
        .select('reservation')
        .execute();
      expect(prefs.every((r) => r.reservation === 0)).toBe(true);
    } finally {
      await second.close();
    }
    const leftovers = [join(dir, 'parley.db'), join(dir, 'parley.db-wal')]
      .filter(existsSync)
      .flatMap((f) => foundIn(readFileSync(f), texts));
    expect(leftovers).toEqual([]);
  });
});
