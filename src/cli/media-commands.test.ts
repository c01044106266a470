import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../core/usecases/accounts/create-api-token.js';
import { registerActor } from '../core/usecases/media/register-actor.js';
import { actorOf } from '../server/test-support/actors.js';
import { parley } from './test-support/parley.js';
import { withRuntime } from './session.js';

describe('parley media ingest', () => {
  let dir: string;
  let token = '';
  let maduro = '';
  const countArticles = () =>
    withRuntime(async (rt) =>
      Number(
        (
          await rt.database.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      ),
    );
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-media-'));
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dir, 'p.db')}`);
    await parley(['demo', 'seed']);
    await withRuntime(async (rt) => {
      const actor = await actorOf(rt.deps, 'lead.mediator@demo.parley');
      token = (await createApiToken(rt.deps, { actor, name: 'cli' })).secret;
      const processId = actor.memberships[0]!.processId;
      maduro = (
        await registerActor(rt.deps, {
          actor,
          processId,
          name: 'Nicolás Maduro',
          kind: 'person',
          role: 'critic',
          aliases: [{ text: 'Maduro', language: null }],
        })
      ).id;
    });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses text files and prints one JSON object per article', async () => {
    const es = join(dir, 'es.txt');
    const nn = join(dir, 'nn.txt');
    writeFileSync(es, '«Noruega ha sido un facilitador serio», dijo Maduro en Caracas.');
    writeFileSync(nn, 'Eg veit ikkje kva Maduro meiner, men samtalane held fram, seier dei.');
    const r = await parley([
      'media',
      'ingest',
      '--process',
      'NORDLYS',
      '--json',
      '--token',
      token,
      es,
      nn,
    ]);
    expect(r.code).toBe(0);
    const lines = r.output
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.language)).toEqual(['es', 'nn']);
    expect(lines[0]).toMatchObject({
      quotes: [{ text: 'Noruega ha sido un facilitador serio', speakerActorId: maduro }],
      mentions: [{ actorId: maduro, text: 'Maduro' }],
    });
  });

  it('refuses a binary file before storing anything', async () => {
    const before = await countArticles();
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bad.bin');
    writeFileSync(good, 'Maduro dijo que sí a las conversaciones.');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]));
    await expect(
      parley(['media', 'ingest', '--process', 'NORDLYS', '--token', token, good, bad]),
    ).rejects.toThrow('bad.bin');
    expect(await countArticles()).toBe(before);
  });

  it('reads an HTML page for its main text and refuses broken HTML before storing anything', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      Buffer.from(
        '<html><head><meta charset="iso-8859-1"><title>Maduro en Oslo</title></head><body><nav>Inicio</nav><article><p>«Seguimos hablando en Oslo», dijo Maduro a la prensa.</p></article><footer>Pie</footer></body></html>',
        'latin1',
      ),
    );
    const r = await parley([
      'media',
      'ingest',
      '--process',
      'NORDLYS',
      '--json',
      '--token',
      token,
      page,
    ]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.output.trim()) as { language: string; quotes: unknown[] };
    expect(line).toMatchObject({
      language: 'es',
      quotes: [{ text: 'Seguimos hablando en Oslo', speakerActorId: maduro }],
    });
    const before = await countArticles();
    const cut = join(dir, 'cut.html');
    writeFileSync(cut, '<html><body><p>Maduro dijo <b');
    await expect(
      parley(['media', 'ingest', '--process', 'NORDLYS', '--token', token, page, cut]),
    ).rejects.toThrow('cut.html: The HTML is broken');
    expect(await countArticles()).toBe(before);
  });
});
