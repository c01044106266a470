import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface ActorBody {
  id: string;
  name: string;
  compartmentId: string;
  role: string;
  revision: number;
  stances: Array<{ stance: string; reason: string }>;
}
interface ArticleBody {
  id: string;
  language: string;
  mentions: Array<{ actorId: string; text: string; start: number; end: number }>;
  quotes: Array<{ text: string; speakerActorId: string | null; start: number; end: number }>;
}

const spanish =
  'El presidente Nicolás Maduro agradeció a Noruega su papel. «Noruega ha sido un facilitador serio», dijo Maduro en Caracas. Leopoldo López calificó el proceso de «un gran error».';
const norwegian =
  'Maduros regjering og opposisjonen møttes igjen i helgen, melder NRK.\n– Vi er klare til å fortsette samtalene, sier Støre.\nHan vil ikke si hvor møtet holdes.';

describe.each(targets)('actors and media on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });
  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}`;
  const call = (key: Key, method: 'GET' | 'POST', path: string, payload?: object) =>
    p.request(key, method, `${url()}${path}`, payload);
  const compartment = (kind: string) => p.demo.compartments.find((c) => c.kind === kind)!;
  const register = async (key: Key, body: object) => {
    const res = await call(key, 'POST', '/actors', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ActorBody;
  };

  it("registers actors in the mediators' room by default, with their stance as a history", async () => {
    const maduro = await register('mediator', {
      name: 'Nicolás Maduro',
      kind: 'person',
      role: 'critic',
      aliases: ['Maduro', { text: 'Nicolas Maduro', language: null }],
      wikidataId: 'Q57413',
    });
    expect(maduro.compartmentId).toBe(compartment('mediators').id);
    expect(maduro.role).toBe('critic');
    const changed = await call('leadMediator', 'POST', `/actors/${maduro.id}/stances`, {
      stance: 'supporter',
      since: '2019-07-08',
      reason: 'Thanked Norway in a video.',
      baseRevision: maduro.revision,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = changed.json() as ActorBody;
    expect(body.role).toBe('supporter');
    expect(body.stances.map((s) => s.stance)).toEqual(['critic', 'supporter']);
    const stale = await call('leadMediator', 'POST', `/actors/${maduro.id}/stances`, {
      stance: 'spoiler',
      since: '2019-07-09',
      reason: 'again',
      baseRevision: maduro.revision,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('answers a party delegate as if the register were empty until an actor is released', async () => {
    const list = (await call('govDelegate', 'GET', '/actors')).json() as { actors: ActorBody[] };
    expect(list.actors).toEqual([]);
    const mediators = (await call('mediator', 'GET', '/actors')).json() as { actors: ActorBody[] };
    const maduro = mediators.actors.find((x) => x.name === 'Nicolás Maduro')!;
    const hidden = await call('govDelegate', 'GET', `/actors/${maduro.id}`);
    const missing = await call('govDelegate', 'GET', `/actors/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const released = await call('leadMediator', 'POST', `/actors/${maduro.id}/release`, {
      to: compartment('plenary').id,
      baseRevision: maduro.revision,
    });
    expect(released.statusCode, released.body).toBe(200);
    const seen = (await call('govDelegate', 'GET', '/actors')).json() as { actors: ActorBody[] };
    expect(seen.actors.map((a) => a.id)).toEqual([maduro.id]);
  });

  it('analyses a Spanish and a Norwegian article: language, mentions, quotes and speakers', async () => {
    const lopez = await register('mediator', {
      name: 'Leopoldo López',
      kind: 'person',
      role: 'critic',
    });
    const store = await register('mediator', {
      name: 'Jonas Gahr Støre',
      kind: 'person',
      role: 'guarantor',
      aliases: ['Støre'],
    });
    const actors = (await call('mediator', 'GET', '/actors')).json() as { actors: ActorBody[] };
    const maduro = actors.actors.find((x) => x.name === 'Nicolás Maduro')!;
    const es = await call('mediator', 'POST', '/articles', {
      text: spanish,
      title: 'Maduro agradece',
      outlet: 'El Nacional',
      url: 'https://example.org/a',
      publishedAt: '2019-07-08',
    });
    expect(es.statusCode, es.body).toBe(201);
    const a = es.json() as ArticleBody;
    expect(a.language).toBe('es');
    expect(a.mentions.map((m) => [m.actorId, m.text])).toEqual([
      [maduro.id, 'Nicolás Maduro'],
      [maduro.id, 'Maduro'],
      [lopez.id, 'Leopoldo López'],
    ]);
    expect(spanish.slice(a.mentions[0]!.start, a.mentions[0]!.end)).toBe('Nicolás Maduro');
    expect(a.quotes.map((q) => [q.text, q.speakerActorId])).toEqual([
      ['Noruega ha sido un facilitador serio', maduro.id],
      ['un gran error', lopez.id],
    ]);
    const nb = (
      await call('mediator', 'POST', '/articles', { text: norwegian })
    ).json() as ArticleBody;
    expect(nb.language).toBe('nb');
    expect(nb.mentions.map((m) => m.text)).toEqual(['Maduros', 'Støre']);
    expect(nb.quotes).toEqual([
      {
        text: 'Vi er klare til å fortsette samtalene',
        speakerActorId: store.id,
        start: norwegian.indexOf('Vi er'),
        end: norwegian.indexOf(', sier'),
      },
    ]);
  });

  it('confirms a quote as a statement, shown in the timeline, the media view and its chart', async () => {
    const view0 = (await call('mediator', 'GET', '/media')).json() as {
      actors: ActorBody[];
      articles: Array<{ id: string; language: string }>;
    };
    const article = view0.articles.find((x) => x.language === 'es')!;
    const full = (await call('mediator', 'GET', `/articles/${article.id}`)).json() as ArticleBody;
    const quote = full.quotes[0]!;
    const confirmed = await call('mediator', 'POST', '/media/statements', {
      actorId: quote.speakerActorId,
      quote: quote.text,
      statedOn: '2019-07-08',
      stance: 'supporter',
      articleId: article.id,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ language: 'es', outlet: 'El Nacional' });
    const invented = await call('mediator', 'POST', '/media/statements', {
      actorId: quote.speakerActorId,
      quote: 'words the article never held',
      statedOn: '2019-07-08',
      stance: 'spoiler',
      articleId: article.id,
    });
    expect(invented.statusCode).toBe(422);
    const timeline = (await call('mediator', 'GET', `/actors/${quote.speakerActorId}`)).json() as {
      timeline: Array<{ quote: string }>;
    };
    expect(timeline.timeline.map((t) => t.quote)).toEqual([quote.text]);
    const view = (await call('mediator', 'GET', '/media?stance=supporter&language=es')).json() as {
      statements: unknown[];
      chart: Array<{ period: string; total: number; counts: Record<string, number> }>;
    };
    expect(view.statements).toHaveLength(1);
    expect(view.chart).toEqual([
      expect.objectContaining({
        period: '2019-07',
        total: 1,
        counts: expect.objectContaining({ supporter: 1 }),
      }),
    ]);
    const none = (await call('mediator', 'GET', '/media?language=nb')).json() as {
      statements: unknown[];
    };
    expect(none.statements).toEqual([]);
    const delegate = (await call('govDelegate', 'GET', '/media')).json() as {
      statements: unknown[];
      articles: unknown[];
    };
    expect(delegate).toMatchObject({ statements: [], articles: [] });
  });

  it("shows the parties' own public statements in the same view, within the period", async () => {
    const logged = await call('govHead', 'POST', '/statements', {
      partyId: p.demo.parties.gov,
      agreedLineId: null,
      roundId: null,
      source: 'Radio interview',
      statedOn: '2019-07-10',
      text: 'We remain at the table.',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const view = (await call('govDelegate', 'GET', '/media?from=2019-07-01')).json() as {
      partyStatements: Array<{ id: string; text: string }>;
    };
    expect(view.partyStatements.map((x) => x.text)).toContain('We remain at the table.');
    const later = (await call('govDelegate', 'GET', '/media?from=2019-08-01')).json() as {
      partyStatements: unknown[];
    };
    expect(later.partyStatements).toEqual([]);
    const byStance = (await call('mediator', 'GET', '/media?stance=critic')).json() as {
      partyStatements: unknown[];
    };
    expect(byStance.partyStatements).toEqual([]);
  });

  it('refuses a binary file, an HTML page and a huge text with a 4xx, changing nothing', async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from articles`.execute(
            p.runtime.database.db,
          )
        ).rows[0]?.n,
      );
    const before = await count();
    const binary = await call('mediator', 'POST', '/articles', {
      text: 'PK\u0003\u0004\u0000\u0000 binary',
    });
    expect(binary.statusCode).toBe(400);
    expect(binary.body).toContain('control character');
    const html = await call('mediator', 'POST', '/articles', {
      text: '<html><body><div class="x">Maduro <p>dijo',
    });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('HTML');
    const long = await call('mediator', 'POST', '/articles', { text: 'palabra '.repeat(30_000) });
    expect(long.statusCode).toBe(400);
    const huge = await call('mediator', 'POST', '/articles', { text: 'x'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(await count()).toBe(before);
  });

  it('keeps names, texts and quotes sealed at rest', async () => {
    const rows = await sql<{
      name: string;
      aliases: string;
    }>`select name, aliases from media_actors`.execute(p.runtime.database.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.name).toMatch(/^v1:/);
      expect(r.name).not.toContain('Maduro');
    }
    const articles = await sql<{ text: string }>`select text from articles`.execute(
      p.runtime.database.db,
    );
    for (const r of articles.rows) expect(r.text).toMatch(/^v1:/);
    const statements = await sql<{ quote: string }>`select quote from actor_statements`.execute(
      p.runtime.database.db,
    );
    for (const r of statements.rows) expect(r.quote).not.toContain('Noruega');
  });
});
