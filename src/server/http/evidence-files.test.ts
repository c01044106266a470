/**
 * Files as evidence (C10): uploaded, recognised by their content, hashed by the server, sealed at
 * rest, and downloaded under the same rule as the evidence they belong to.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley } from '../test-support/harness.js';
import { demoRoleReads } from '../test-support/oracle.js';

const targets = await testDatabases();

interface Evidence {
  id: string;
  kind: string;
  sha256: string;
  released: boolean;
  compartmentId: string;
  file: { name: string; mediaType: string; size: number } | null;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
/** A small but real-looking PDF. */
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);

describe.each(targets)('evidence files on $name', (target) => {
  const clock = testClock(new Date('2027-01-10T09:00:00Z'));
  // A limit of 1 MiB, configured, keeps the oversized uploads of these tests small.
  const p = useParley(target, { clock, env: { PARLEY_EVIDENCE_FILE_MAX_MIB: '1' } });
  const url = () => `/api/processes/${p.demo.processId}/implementation`;
  const call = (key: DemoRoleKey, method: 'GET' | 'POST' | 'PUT', path: string, body?: object) =>
    p.request(key, method, `${url()}${path}`, body);
  const ok = async (
    key: DemoRoleKey,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: object,
  ) => {
    const res = await call(key, method, path, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as unknown;
  };
  const commitment = async () =>
    (
      (await ok('mediator', 'POST', '/commitments', {
        versionNumber: 2,
        commitments: [
          {
            provisionKey: 'p-humanitarian',
            responsiblePartyIds: [p.demo.parties.gov],
            startsOn: '2026-01-01',
            deadline: '2026-12-31',
            provisionType: 'human_rights',
          },
        ],
      })) as Array<{ id: string }>
    )[0]!.id;
  const upload = (key: DemoRoleKey, commitmentId: string, body: object) =>
    call(key, 'POST', `/commitments/${commitmentId}/evidence/file`, {
      observedOn: '2026-03-01',
      source: 'Ministry of the Interior',
      ...body,
    });
  const db = () => p.runtime.database.db;
  /** What a refused upload must leave as it was: evidence, files and the audit log. */
  const counts = async () => ({
    evidence: (await db().selectFrom('impl_evidence').select('id').execute()).length,
    files: (await db().selectFrom('impl_evidence_files').select('evidence_id').execute()).length,
    audit: (await db().selectFrom('audit_log').select('seq').execute()).length,
  });
  const compartmentOf = (id: string) => p.demo.compartments.find((c) => c.id === id)!;

  it('keeps a PDF with the SHA-256 of its bytes, computed by the server, in the submitter’s caucus', async () => {
    const c = await commitment();
    const res = await upload('govDelegate', c, {
      fileName: 'Census of detainees.pdf',
      content: b64(pdf),
      text: 'The census, signed by the ministry.',
      // A client's hash is not taken: the field is not part of the request.
      sha256: '0'.repeat(64),
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as Evidence;
    expect(e).toMatchObject({
      kind: 'file',
      sha256: sha(pdf),
      released: false,
      file: { name: 'Census of detainees.pdf', mediaType: 'application/pdf', size: pdf.length },
    });
    expect(compartmentOf(e.compartmentId)).toMatchObject({
      kind: 'caucus',
      partyId: p.demo.parties.gov,
    });
    const timeline = (await ok('govHead', 'GET', `/commitments/${c}`)) as {
      evidence: Evidence[];
      evidenceFileMaxBytes: number;
    };
    expect(timeline.evidence.map((x) => x.id)).toContain(e.id);
    expect(timeline.evidenceFileMaxBytes).toBe(1024 * 1024);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['kind', 'data', 'compartment_id'])
      .where('kind', '=', 'evidence.submitted')
      .execute();
    const entry = audit.find((a) => a.data.includes(e.id));
    expect(entry?.compartment_id).toBe(e.compartmentId);
    expect(JSON.parse(entry!.data)).toMatchObject({ sha256: sha(pdf) });
  });

  it('answers the file as an attachment, never inline, with nosniff, and audits the download in its compartment', async () => {
    const c = await commitment();
    const e = (await upload('govDelegate', c, {
      fileName: '../../Informe año "final".pdf',
      content: b64(pdf),
    }).then((r) => r.json())) as Evidence;
    expect(e.file?.name).toBe('Informe año _final_.pdf');
    const res = await call('govHead', 'GET', `/evidence/${e.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.from(res.rawPayload).equals(pdf)).toBe(true);
    expect(sha(res.rawPayload)).toBe(e.sha256);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Informe ano _final_.pdf"; filename*=UTF-8''Informe%20a%C3%B1o%20_final_.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const reads = await db()
      .selectFrom('audit_log')
      .select(['kind', 'data', 'compartment_id'])
      .where('kind', '=', 'evidence.read')
      .execute();
    expect(reads.filter((r) => r.data.includes(e.id))).toEqual([
      expect.objectContaining({ compartment_id: e.compartmentId }),
    ]);
  });

  it('lets exactly the readers of the evidence’s compartment download it, before and after its release; the others get a missing file’s answer', async () => {
    const c = await commitment();
    const e = (await upload('govDelegate', c, { fileName: 'scan.png', content: b64(png) }).then(
      (r) => r.json(),
    )) as Evidence;
    const missing = await call('govHead', 'GET', `/evidence/${randomUUID()}/file`);
    expect(missing.statusCode).toBe(404);
    const check = async () => {
      const compartment = compartmentOf(
        (
          (await db()
            .selectFrom('impl_evidence')
            .select('compartment_id')
            .where('id', '=', e.id)
            .executeTakeFirstOrThrow()) as { compartment_id: string }
        ).compartment_id,
      );
      const wrong: string[] = [];
      for (const role of demoRoleKeys) {
        const res = await call(role, 'GET', `/evidence/${e.id}/file`);
        const may = demoRoleReads(p.demo, role, compartment);
        if (may ? res.statusCode !== 200 : res.body !== missing.body || res.statusCode !== 404)
          wrong.push(`${role} got ${res.statusCode} in ${compartment.kind}`);
      }
      return wrong;
    };
    expect(await check()).toEqual([]);
    // A report naming a missing evidence and one naming hidden evidence answer the same: a
    // report id is not a file either.
    const report = (await ok('mediator', 'POST', `/commitments/${c}/evidence`, {
      kind: 'report',
      text: 'A report, no file.',
      observedOn: '2026-03-01',
      source: 'Mediators',
    })) as Evidence;
    const noFile = await call('mediator', 'GET', `/evidence/${report.id}/file`);
    expect([noFile.statusCode, noFile.body]).toEqual([404, missing.body]);
    await ok('govHead', 'POST', `/evidence/${e.id}/release`);
    expect(await check()).toEqual([]);
    // In the plenary now: the opposition reads it too.
    expect((await call('oppDelegate', 'GET', `/evidence/${e.id}/file`)).statusCode).toBe(200);
  });

  it.each([
    ['an empty file', { fileName: 'empty.pdf', content: '' }, 400, 'must not be empty'],
    ['content that is not base64', { fileName: 'x.pdf', content: 'not base64!' }, 400, 'base64'],
    [
      'a ZIP archive',
      { fileName: 'photos.zip', content: b64(Buffer.from('PK\x03\x04\x14\x00\x00\x00rest')) },
      400,
      'archive',
    ],
    [
      'an executable named .pdf',
      { fileName: 'report.pdf', content: b64(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])) },
      400,
      'type is not one',
    ],
    [
      'a web page named .txt',
      { fileName: 'notes.txt', content: b64('<!DOCTYPE html><script>alert(1)</script>') },
      400,
      'web page',
    ],
    [
      'an SVG image',
      { fileName: 'map.svg', content: b64('<svg xmlns="http://www.w3.org/2000/svg"></svg>') },
      400,
      'web page',
    ],
    ['a PNG named .pdf', { fileName: 'report.pdf', content: b64(png) }, 400, 'image/png'],
    [
      'a file just over the configured limit',
      { fileName: 'big.txt', content: b64(Buffer.alloc(1024 * 1024 + 1, 'a')) },
      413,
      'at most 1 MiB',
    ],
    [
      'a body far over the limit',
      { fileName: 'huge.txt', content: 'A'.repeat(3 * 1024 * 1024) },
      413,
      'too large',
    ],
  ])('refuses %s, saying why, and changes nothing', async (_, body, status, words) => {
    const c = await commitment();
    const before = await counts();
    const res = await upload('govDelegate', c, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.body).toContain(words);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await counts()).toEqual(before);
  });

  it('recognises office documents and text by their content, and names them by their type', async () => {
    const c = await commitment();
    const docx = Buffer.concat([
      Buffer.from('PK\x03\x04'),
      Buffer.from('\x00'.repeat(26)),
      Buffer.from('[Content_Types].xml ... word/document.xml'),
    ]);
    const cases: Array<[string, Buffer, string, string]> = [
      [
        'minutes',
        docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'minutes.docx',
      ],
      ['tally.csv', Buffer.from('region,released\nNorth,12\n'), 'text/csv', 'tally.csv'],
      ['photo.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg', 'photo.JPG'],
      ['notes', Buffer.from('Plain notes from the field.'), 'text/plain', 'notes.txt'],
    ];
    for (const [fileName, bytes, mediaType, name] of cases) {
      const res = await upload('mediator', c, { fileName, content: b64(bytes) });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as Evidence).file).toEqual({ name, mediaType, size: bytes.length });
      expect((res.json() as Evidence).sha256).toBe(sha(bytes));
    }
    const csv = (
      (await ok('mediator', 'GET', `/commitments/${c}`)) as { evidence: Evidence[] }
    ).evidence.find((e) => e.file?.name === 'tally.csv')!;
    const res = await call('mediator', 'GET', `/evidence/${csv.id}/file`);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('keeps the file’s name and bytes sealed: no column of the database holds either', async () => {
    const c = await commitment();
    const marker = `SEALED-FILE-${randomUUID()}`;
    const bytes = Buffer.from(`Field notes ${marker}`);
    const res = await upload('govDelegate', c, {
      fileName: `${marker}.txt`,
      content: b64(bytes),
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = JSON.stringify([
      await db().selectFrom('impl_evidence').selectAll().execute(),
      await db().selectFrom('impl_evidence_files').selectAll().execute(),
    ]);
    expect(rows).not.toContain(marker);
    expect(rows).not.toContain(b64(bytes));
    expect(rows).toMatch(/"content":"v1:\d+:/);
    // And it reads back whole.
    const e = res.json() as Evidence;
    const back = await call('govHead', 'GET', `/evidence/${e.id}/file`);
    expect(Buffer.from(back.rawPayload).equals(bytes)).toBe(true);
  });

  it('exports a released file’s name, type, size and SHA-256 (never its bytes), and keeps it off the public page', async () => {
    const c = await commitment();
    const e = (await upload('mediator', c, {
      fileName: 'Released census.pdf',
      content: b64(pdf),
    }).then((r) => r.json())) as Evidence;
    await ok('leadMediator', 'POST', `/evidence/${e.id}/release`);
    const entry = (await ok('mediator', 'POST', `/commitments/${c}/levels`, {
      level: 1,
      effectiveOn: '2026-03-01',
      evidenceIds: [e.id],
    })) as { id: string };
    await ok('observer', 'POST', `/commitments/${c}/verifications`, {
      entryId: entry.id,
      verdict: 'verified',
      reason: 'Seen on site.',
    });
    const res = await call('mediator', 'GET', '/export?format=json');
    const exported = JSON.parse(res.body) as {
      evidence: Array<{ kind: string; sha256: string; file: unknown }>;
    };
    expect(exported.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'file',
        sha256: sha(pdf),
        file: { name: 'Released census.pdf', mediaType: 'application/pdf', size: pdf.length },
      }),
    );
    expect(res.body).not.toContain(b64(pdf));
    // The levels file carries the hash, so export → import changes nothing.
    const levels = (await call('mediator', 'GET', '/export?format=levels.csv')).body;
    const commitments = (await call('mediator', 'GET', '/export?format=commitments.csv')).body;
    expect(levels).toContain(sha(pdf));
    const again = (await ok('mediator', 'POST', '/import', {
      commitmentsCsv: commitments,
      levelsCsv: levels,
    })) as { created: number; levels: number };
    expect(again).toMatchObject({ created: 0, levels: 0 });
    // The public page: commitments and verified levels only, never evidence of any kind.
    const pub = (await ok('mediator', 'PUT', '/publication', {
      title: 'Implementation',
      parts: { themes: null, commitments: true, progress: true },
    })) as { slug: string };
    const page = await p.app.inject({
      method: 'GET',
      url: `/api/public/implementation/${pub.slug}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Released census');
    expect(page.body).not.toContain(sha(pdf));
  });
});
