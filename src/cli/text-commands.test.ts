import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../core/usecases/manage-api-tokens.js';
import { actorOf } from '../server/demo/seed.js';
import { run } from './commands.js';
import { withRuntime } from './session.js';

async function parley(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { code: await run(args), output: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}

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

  it('refuses to act without a token, saying how to get one', async () => {
    await expect(
      parley(['text', 'diff', '--process', 'NORDLYS', '--from', '1', '--to', '2']),
    ).rejects.toThrow(/PARLEY_TOKEN/);
  });

  it("writes a copy of a version to a file, issued to the token's user", async () => {
    const target = join(dir, 'copy.pdf');
    const r = await parley([
      'text',
      'export',
      '--process',
      'NORDLYS',
      '--version',
      '3',
      '--format',
      'pdf',
      '--out',
      target,
      '--token',
      tokens['opp.head@demo.parley']!,
    ]);
    expect(r.code).toBe(0);
    expect(r.output).toContain('issued to Opposition head (demo)');
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
