import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../core/usecases/accounts/create-api-token.js';
import { actorOf } from '../server/test-support/actors.js';
import { parley } from './test-support/parley.js';
import { withRuntime } from './session.js';

describe('parley text', () => {
  let dir: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-text-'));
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dir, 'p.db')}`);
    await parley(['demo', 'seed']);
    await withRuntime(async (rt) => {
      for (const email of [
        'opp.head@demo.parley',
        'lead.mediator@demo.parley',
        'facilitator@demo.parley',
      ])
        tokens[email] = (
          await createApiToken(rt.deps, { actor: await actorOf(rt.deps, email), name: 'cli' })
        ).secret;
    });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `parley text export` of a version, as a demo user, into `target`. */
  const exportCopy = (
    email: string,
    copy: { version: string; format: string; target: string; lang?: string },
  ) =>
    parley([
      'text',
      'export',
      '--process',
      'NORDLYS',
      '--version',
      copy.version,
      '--format',
      copy.format,
      ...(copy.lang ? ['--lang', copy.lang] : []),
      '--out',
      copy.target,
      '--token',
      tokens[email]!,
    ]);

  it('prints a word-level diff of two versions the user has received', async () => {
    const r = await parley([
      'text',
      'diff',
      '--process',
      'nordlys',
      '--from',
      '1',
      '--to',
      '2',
      '--token',
      tokens['opp.head@demo.parley']!,
    ]);
    expect(r.code).toBe(0);
    expect(r.output).toContain('under the oversight of the joint commission+}');
    expect(r.output).toMatch(/\d+ changed, \d+ added, \d+ removed, \d+ unchanged\./);
  });

  it('answers a user who may not see the versions as if the process had none', async () => {
    await expect(
      parley([
        'text',
        'diff',
        '--process',
        'NORDLYS',
        '--from',
        '1',
        '--to',
        '2',
        '--token',
        tokens['facilitator@demo.parley']!,
      ]),
    ).rejects.toThrow('Version not found');
  });

  it('imports a text in the bracket syntax into the working draft', async () => {
    const file = join(dir, 'draft.txt');
    writeFileSync(
      file,
      '# Chapter I — Calendar\n\n1.1 The election shall be held [within a year]{OPP}.\n',
    );
    const r = await parley([
      'text',
      'import',
      '--process',
      'NORDLYS',
      '--file',
      file,
      '--token',
      tokens['lead.mediator@demo.parley']!,
    ]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/revision \d+/);
  });

  it('refuses a file holding a control character, naming the file and the character', async () => {
    const file = join(dir, 'binary.txt');
    writeFileSync(file, '# Chapter I\n\n1.1 The election\u0000 shall be held.\n');
    await expect(
      parley([
        'text',
        'import',
        '--process',
        'NORDLYS',
        '--file',
        file,
        '--token',
        tokens['lead.mediator@demo.parley']!,
      ]),
    ).rejects.toThrow(`${file} holds the control character U+0000`);
  });

  it('refuses to act without a token, saying how to get one', async () => {
    await expect(
      parley(['text', 'diff', '--process', 'NORDLYS', '--from', '1', '--to', '2']),
    ).rejects.toThrow(/PARLEY_TOKEN/);
  });

  it("writes a copy of a version to a file, issued to the token's user", async () => {
    const target = join(dir, 'copy.pdf');
    const r = await exportCopy('opp.head@demo.parley', { version: '3', format: 'pdf', target });
    expect(r.code).toBe(0);
    expect(r.output).toContain('issued to Opposition head (demo)');
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the fixed wording of a copy in the language asked for, and refuses an unknown one', async () => {
    const copy = async (lang: string) => {
      const target = join(dir, `v2-${lang}.txt`);
      const r = await exportCopy('opp.head@demo.parley', {
        version: '2',
        format: 'txt',
        target,
        lang,
      });
      return { ...r, text: r.code === 0 ? readFileSync(target, 'utf8') : '' };
    };
    const spanish = await copy('es');
    expect(spanish.code).toBe(0);
    expect(spanish.text).toContain('Versión 2, publicada el');
    expect(spanish.text).not.toContain('Version 2, published');
    expect((await copy('nb')).text).toContain('Versjon 2');
    await expect(copy('fr')).rejects.toThrow('text export takes --lang en, es or nb.');
  });

  it('traces a leaked paragraph and a leaked file back to the recipient of the copy', async () => {
    const copies: Record<string, string> = {};
    for (const [email, name] of [
      ['opp.head@demo.parley', 'opp'],
      ['lead.mediator@demo.parley', 'lead'],
    ] as const) {
      const target = join(dir, `${name}.txt`);
      await exportCopy(email, { version: '2', format: 'txt', target });
      copies[name] = readFileSync(target, 'utf8');
    }
    // A paragraph of a few sentences, as someone would paste it into an e-mail.
    const body = copies
      .opp!.split('\n')
      .filter((l) => /^\s*[1-5]\.\d/.test(l))
      .slice(2, 9)
      .join(' ');
    const pasted = await parley(['trace', '--text', body]);
    expect(pasted.output).toMatch(/identified/i);
    expect(pasted.output).toContain('Opposition head (demo)');
    expect(pasted.code).toBe(0);
    const docx = join(dir, 'leak.docx');
    await exportCopy('lead.mediator@demo.parley', { version: '3', format: 'docx', target: docx });
    const file = await parley(['trace', docx]);
    expect(file.output).toContain('Ingrid Haugen (demo)');
    const clean = await parley(['trace', '--text', body.replace(/\u00a0/g, ' ')]);
    expect(clean.code).toBe(1);
    expect(clean.output).not.toContain('Opposition head (demo)');
  });
});
