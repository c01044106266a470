import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface ArticleBody {
  id: string;
  title: string;
  text: string;
  language: string;
  mentions: Array<{ actorId: string; text: string }>;
  quotes: Array<{ text: string; speakerActorId: string | null }>;
}

const page = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Maduro agradece a Noruega</title>
<style>body { font-family: serif }</style><script>window.ads = "<p>Compre ya</p>";</script></head>
<body><nav><a href="/">Inicio</a> <a href="/politica">Política</a></nav>
<header><p>El Diario de Caracas</p></header>
<main><article><h1>Maduro agradece a Noruega</h1>
<p>El presidente Nicolás Maduro agradeció a Noruega su papel en las conversaciones.</p>
<p>«Noruega ha sido un facilitador serio», dijo Maduro en Caracas.</p>
<aside>Lea también: otras noticias</aside></article></main>
<footer>© 2019 El Diario. Todos los derechos reservados.</footer></body></html>`;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe.each(targets)(
  'articles from files, actors edited, statements on issues on $name',
  (target) => {
    const p = useParley(target);
    type Key = Parameters<TestParley['session']>[0];
    const url = () => `/api/processes/${p.demo.processId}`;
    const call = (
      key: Key,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      path: string,
      payload?: object,
    ) => p.request(key, method, `${url()}${path}`, payload);
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from articles`.execute(
            p.runtime.database.db,
          )
        ).rows[0]?.n,
      );
    let maduro: { id: string; revision: number };

    it('brings in an HTML page: main text only, title as headline, analysed', async () => {
      maduro = (
        await call('mediator', 'POST', '/actors', {
          name: 'Nicolás Maduro',
          kind: 'person',
          role: 'critic',
          aliases: ['Maduro'],
        })
      ).json() as { id: string; revision: number };
      const res = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'maduro.html',
        contentType: 'text/html',
        content: b64(page),
        outlet: 'El Diario',
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json() as ArticleBody;
      expect(a.title).toBe('Maduro agradece a Noruega');
      expect(a.text).toBe(
        'Maduro agradece a Noruega\n\nEl presidente Nicolás Maduro agradeció a Noruega su papel en las conversaciones.\n\n«Noruega ha sido un facilitador serio», dijo Maduro en Caracas.',
      );
      for (const gone of ['Inicio', 'Compre', 'font-family', 'Lea también', 'derechos', 'Cabecera'])
        expect(a.text).not.toContain(gone);
      expect(a.language).toBe('es');
      expect(a.quotes).toEqual([
        expect.objectContaining({
          text: 'Noruega ha sido un facilitador serio',
          speakerActorId: maduro.id,
        }),
      ]);
    });

    it('reads a page declared latin-1 or windows-1252, and a plain text file', async () => {
      const latin = Buffer.from(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Støre sa at samtalene går bra, og at Nicolás Maduro er fornøyd med møtet i Oslo.</p></body></html>',
        'latin1',
      );
      const res = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'nrk.htm',
        content: b64(latin),
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json() as ArticleBody;
      expect(a.text).toContain('Støre sa at samtalene går bra');
      expect(a.mentions.map((m) => m.text)).toEqual(['Nicolás Maduro']);
      const cp = Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
        Buffer.from([0x93]),
        Buffer.from('We are ready,'),
        Buffer.from([0x94]),
        Buffer.from(' Maduro said on Monday in Caracas to the press.</p></body></html>'),
      ]);
      const quoted = (
        await call('mediator', 'POST', '/articles/upload', { fileName: 'a.html', content: b64(cp) })
      ).json() as ArticleBody;
      expect(quoted.text).toBe('“We are ready,” Maduro said on Monday in Caracas to the press.');
      const txt = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'notes.txt',
        content: b64('Maduro dijo que seguirá el diálogo.\r\nLa oposición pide elecciones.'),
      });
      expect(txt.statusCode).toBe(201);
      expect((txt.json() as ArticleBody).text).toBe(
        'Maduro dijo que seguirá el diálogo.\nLa oposición pide elecciones.',
      );
    });

    it.each([
      [
        'a binary file',
        'report.pdf',
        Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe]),
        400,
        'binary',
      ],
      ['broken HTML', 'cut.html', Buffer.from('<html><body><p>Maduro dijo que <b'), 400, 'broken'],
      [
        'HTML with no text',
        'empty.html',
        Buffer.from('<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>'),
        400,
        'No readable text',
      ],
      [
        'the wrong encoding',
        'latin.html',
        Buffer.from('<html><body><p>Nicolás Maduro y Støre</p></body></html>', 'latin1'),
        400,
        'not valid UTF-8',
      ],
      [
        'a charset Parley does not read',
        'jp.html',
        Buffer.from('<html><head><meta charset="shift_jis"></head><body><p>x</p></body></html>'),
        400,
        'shift_jis',
      ],
    ])(
      'refuses %s with a clear 4xx and changes nothing',
      async (_, fileName, bytes, status, words) => {
        const before = await count();
        const res = await call('mediator', 'POST', '/articles/upload', {
          fileName,
          content: b64(bytes),
        });
        expect(res.statusCode).toBe(status);
        expect(res.body).toContain(words);
        expect(res.body).not.toMatch(/at .*\.ts:\d+/);
        expect(await count()).toBe(before);
      },
    );

    it('refuses a 50 MB file by its size and content that is not base64', async () => {
      const before = await count();
      const huge = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'huge.html',
        content: 'A'.repeat(50 * 1024 * 1024),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.body).toContain('too large');
      const six = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'six.txt',
        content: b64(Buffer.alloc(6 * 1024 * 1024, 'a')),
      });
      expect(six.statusCode).toBe(413);
      const notB64 = await call('mediator', 'POST', '/articles/upload', {
        fileName: 'x.txt',
        content: 'not base64 at all!',
      });
      expect(notB64.statusCode).toBe(400);
      expect(notB64.body).toContain('content');
      expect(await count()).toBe(before);
    });

    it("edits an actor's name, kind, aliases, Wikidata id and notes; the stance stays a history", async () => {
      const res = await call('mediator', 'PATCH', `/actors/${maduro.id}`, {
        name: 'Nicolás Maduro Moros',
        kind: 'state',
        aliases: ['Maduro', { text: 'Nicolas Maduro', language: null }],
        wikidataId: 'Q57413',
        notes: 'President.',
        baseRevision: maduro.revision,
      });
      expect(res.statusCode, res.body).toBe(200);
      const edited = res.json() as {
        name: string;
        kind: string;
        aliases: Array<{ text: string }>;
        wikidataId: string;
        notes: string;
        role: string;
        stances: unknown[];
        revision: number;
      };
      expect(edited).toMatchObject({
        name: 'Nicolás Maduro Moros',
        kind: 'state',
        wikidataId: 'Q57413',
        notes: 'President.',
        role: 'critic',
        revision: maduro.revision + 1,
      });
      expect(edited.aliases.map((a) => a.text)).toEqual(['Maduro', 'Nicolas Maduro']);
      expect(edited.stances).toHaveLength(1);
      const stale = await call('mediator', 'PATCH', `/actors/${maduro.id}`, {
        notes: 'again',
        baseRevision: maduro.revision,
      });
      expect(stale.statusCode).toBe(409);
      const withStance = await call('mediator', 'PATCH', `/actors/${maduro.id}`, {
        role: 'supporter',
        baseRevision: edited.revision,
      });
      expect(withStance.statusCode).toBe(400);
      const cleared = await call('mediator', 'PATCH', `/actors/${maduro.id}`, {
        wikidataId: null,
        baseRevision: edited.revision,
      });
      expect((cleared.json() as { wikidataId: string | null }).wikidataId).toBeNull();
      const hidden = await call('govDelegate', 'PATCH', `/actors/${maduro.id}`, {
        notes: 'x',
        baseRevision: 3,
      });
      const missing = await call('govDelegate', 'PATCH', `/actors/${crypto.randomUUID()}`, {
        notes: 'x',
        baseRevision: 3,
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).toBe(missing.body);
    });

    it('links a statement to agenda issues, edits them, and filters the media view by issue', async () => {
      const [election, detainees] = p.demo.issues;
      const confirmed = await call('mediator', 'POST', '/media/statements', {
        actorId: maduro.id,
        quote: 'Habrá elecciones cuando el país lo decida.',
        statedOn: '2019-07-09',
        stance: 'critic',
        language: 'es',
        issueIds: [election!.id],
      });
      expect(confirmed.statusCode, confirmed.body).toBe(201);
      const st = confirmed.json() as { id: string; issueIds: string[]; revision: number };
      expect(st.issueIds).toEqual([election!.id]);
      const byIssue = async (id: string) =>
        (await call('mediator', 'GET', `/media?issueId=${id}`)).json() as {
          statements: Array<{ id: string }>;
          chart: Array<{ total: number }>;
        };
      expect((await byIssue(election!.id)).statements.map((s) => s.id)).toEqual([st.id]);
      expect((await byIssue(detainees!.id)).statements).toEqual([]);
      const set = await call('mediator', 'PUT', `/media/statements/${st.id}/issues`, {
        issueIds: [detainees!.id, election!.id],
        baseRevision: st.revision,
      });
      expect(set.statusCode, set.body).toBe(200);
      expect((set.json() as { issueIds: string[] }).issueIds).toEqual([
        election!.id,
        detainees!.id,
      ]);
      expect((await byIssue(detainees!.id)).statements.map((s) => s.id)).toEqual([st.id]);
      const stale = await call('mediator', 'PUT', `/media/statements/${st.id}/issues`, {
        issueIds: [],
        baseRevision: st.revision,
      });
      expect(stale.statusCode).toBe(409);
      const unknown = await call('mediator', 'PUT', `/media/statements/${st.id}/issues`, {
        issueIds: [crypto.randomUUID()],
        baseRevision: st.revision + 1,
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.body).toContain('agenda');
      const hidden = await call('govDelegate', 'PUT', `/media/statements/${st.id}/issues`, {
        issueIds: [],
        baseRevision: 2,
      });
      const missing = await call(
        'govDelegate',
        'PUT',
        `/media/statements/${crypto.randomUUID()}/issues`,
        {
          issueIds: [],
          baseRevision: 2,
        },
      );
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).toBe(missing.body);
    });
  },
);
