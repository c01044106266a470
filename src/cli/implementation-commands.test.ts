import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../core/usecases/accounts/create-api-token.js';
import { actorOf } from '../server/test-support/actors.js';
import { parley } from './test-support/parley.js';
import { withRuntime } from './session.js';

describe('parley implementation export|import', () => {
  let dir: string;
  let token = '';
  const counts = () =>
    withRuntime(async (rt) => {
      const n = async (t: 'commitments' | 'impl_levels' | 'impl_level_runs' | 'impl_evidence') =>
        Number(
          (
            await rt.database.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirst()
          )?.n,
        );
      return [
        await n('commitments'),
        await n('impl_levels'),
        await n('impl_level_runs'),
        await n('impl_evidence'),
      ];
    });
  const file = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-implementation-'));
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dir, 'p.db')}`);
    await parley(['demo', 'seed']);
    await withRuntime(async (rt) => {
      const actor = await actorOf(rt.deps, 'lead.mediator@demo.parley');
      token = (await createApiToken(rt.deps, { actor, name: 'cli' })).secret;
    });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const header =
    'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision\r\n';
  const commitment = (i: number) =>
    `c-${i},human_rights,,"Open corridor ${i}, as agreed",GOV,2025-01-01,2026-06-30,none,1,,\r\n`;

  it('imports commitments and levels, exports them, and an export imported back changes nothing', async () => {
    const commitments = file('c.csv', header + [1, 2, 3].map(commitment).join(''));
    const levels = file(
      'l.csv',
      'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256\r\n' +
        `c-1,2025-03-01,1,first step,Field team,,${'a'.repeat(64)}\r\nc-1,2026-02-01,3,done,Field team,,${'b'.repeat(64)}\r\nc-2,2025-06-01,2,half,Ministry,,${'c'.repeat(64)}\r\n`,
    );
    const first = await parley([
      'implementation',
      'import',
      '--process',
      'NORDLYS',
      '--commitments',
      commitments,
      '--levels',
      levels,
      '--json',
      '--token',
      token,
    ]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.output)).toMatchObject({ created: 3, levels: 3 });
    const before = await counts();

    const exported: Record<string, string> = {};
    for (const format of ['commitments.csv', 'levels.csv', 'json', 'pam.csv']) {
      const out = join(dir, `out-${format}`);
      const r = await parley([
        'implementation',
        'export',
        '--process',
        'nordlys',
        '--format',
        format,
        '--out',
        out,
        '--token',
        token,
      ]);
      expect(r.code).toBe(0);
      exported[format] = readFileSync(out, 'utf8');
    }
    expect(JSON.parse(exported['json']!)).toMatchObject({ format: 'parley.implementation/1' });
    // The PAM-shaped matrix: accord × provision type × year, level 0–3 at the year's end.
    const pam = exported['pam.csv']!.trim().split('\r\n');
    expect(pam[0]).toBe('accord,provision_type,provision_name,year,level,mean,commitments');
    expect(pam).toContain('NORDLYS,human_rights,Human rights,2025,1,1.00,3');
    expect(pam).toContain('NORDLYS,human_rights,Human rights,2026,2,1.67,3');

    const again = await parley([
      'implementation',
      'import',
      '--process',
      'NORDLYS',
      '--commitments',
      join(dir, 'out-commitments.csv'),
      '--levels',
      join(dir, 'out-levels.csv'),
      '--json',
      '--token',
      token,
    ]);
    expect(again.code).toBe(0);
    // Every row of the export (the demo's own commitments and levels, and the three imported) is
    // recognised as stored.
    const rows = (csv: string) => csv.trim().split('\r\n').length - 1;
    expect(JSON.parse(again.output)).toEqual({
      created: 0,
      updated: 0,
      unchanged: rows(exported['commitments.csv']!),
      levels: 0,
      levelsUnchanged: rows(exported['levels.csv']!),
    });
    expect(rows(exported['commitments.csv']!)).toBeGreaterThan(3);
    expect(await counts()).toEqual(before);
    const reexported = await parley([
      'implementation',
      'export',
      '--process',
      'NORDLYS',
      '--format',
      'levels.csv',
      '--token',
      token,
    ]);
    expect(reexported.output).toBe(exported['levels.csv']);
  });

  it('names every bad row, exits 1 and changes nothing', async () => {
    const before = await counts();
    const bad = file(
      'bad.csv',
      header + commitment(10) + 'c-11,no_such_type,,Wording,GOV,2025-01-01,2026-06-30,none,1,,\r\n',
    );
    const r = await parley([
      'implementation',
      'import',
      '--process',
      'NORDLYS',
      '--commitments',
      bad,
      '--token',
      token,
    ]);
    expect(r.code).toBe(1);
    expect(r.output).toContain('nothing was changed');
    expect(r.output).toMatch(/commitments line 3, provision_type: /);
    expect(await counts()).toEqual(before);
  });

  it('explains a wrong format and a missing file before touching the database', async () => {
    await expect(
      parley([
        'implementation',
        'export',
        '--process',
        'NORDLYS',
        '--format',
        'xlsx',
        '--token',
        token,
      ]),
    ).rejects.toThrow('--format must be one of');
    await expect(
      parley(['implementation', 'import', '--process', 'NORDLYS', '--token', token]),
    ).rejects.toThrow('--commitments FILE');
  });
});
