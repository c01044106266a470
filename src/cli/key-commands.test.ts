import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../server/config.js';
import { startRuntime } from '../server/runtime.js';
import { AtRestError, unwrapDataKey } from '../server/security/at-rest.js';
import { decodeMasterKey } from '../server/security/master-key.js';
import { sealedValues, type SealedValue } from '../server/test-support/sealed.js';
import { submitEvidenceFile } from '../core/usecases/implementation/submit-evidence-file.js';
import { actorOf } from '../server/test-support/actors.js';
import { parley } from './test-support/parley.js';

/** Points the CLI at a data directory and its SQLite database. */
function useTarget(dataDir: string): void {
  vi.stubEnv('PARLEY_DATA_DIR', dataDir);
  vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dataDir, 'parley.db')}`);
}

/** Every encrypted value, decrypted with the configured master key, and the data key rows. */
async function snapshot(): Promise<{
  values: SealedValue[];
  keys: Array<{ process_id: string; version: number; master_key_id: string; wrapped: string }>;
}> {
  const rt = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
  try {
    return {
      values: await sealedValues(rt.database, rt.dataKeys),
      keys: await rt.database.db
        .selectFrom('data_keys')
        .selectAll()
        .orderBy('process_id')
        .execute(),
    };
  } finally {
    await rt.close();
  }
}

/** Whether a master key (base64) opens none of the data keys. */
function opensNone(key: string, rows: Awaited<ReturnType<typeof snapshot>>['keys']): boolean {
  const master = decodeMasterKey(key);
  if (!master) throw new Error('not a master key');
  return rows.every((r) => {
    try {
      unwrapDataKey(master, r.process_id, r.version, r.wrapped);
      return false;
    } catch (error) {
      return error instanceof AtRestError;
    }
  });
}

describe('parley keys rotate', () => {
  let root: string;
  let dataDir: string;
  const keyFile = () => join(dataDir, 'master-key');
  const plain = (values: SealedValue[]) => values.map((v) => [v.where, v.plain]);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-keys-'));
    dataDir = join(root, 'data');
    useTarget(dataDir);
    expect((await parley(['demo', 'seed'])).code).toBe(0);
    // Files as evidence, more than a re-encryption pass reads at once (four): it pages through them.
    const rt = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
    try {
      const actor = await actorOf(rt.deps, 'mediator@demo.parley');
      const [commitment] = await rt.deps.db.transaction(async (s) => {
        const [process] = await s.processes.listProcessesOf(actor.userId);
        const rooms = await s.items.listCompartments(process!.id);
        return s.implementation.listCommitments(
          process!.id,
          rooms.map((c) => c.id),
        );
      });
      for (let i = 0; i < 9; i++)
        await submitEvidenceFile(rt.deps, {
          actor,
          processId: commitment!.processId,
          commitmentId: commitment!.id,
          fileName: `report-${i}.txt`,
          content: new TextEncoder().encode(`Field report ${i}`),
          text: '',
          observedOn: '2026-01-01',
          source: 'Field team',
          maxBytes: 1024,
        });
    } finally {
      await rt.close();
    }
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('re-wraps every data key under a new master key, keeping the old key file dated', async () => {
    const before = await snapshot();
    const oldKey = readFileSync(keyFile(), 'utf8').trim();
    const status = await parley(['keys', 'status']);
    expect(status.output).toMatch(
      /^Master key [0-9a-f]{16}, from .*master-key\.\nIt wraps 1 data keys of 1 processes\.\n$/,
    );

    const r = await parley(['keys', 'rotate']);
    expect(r.code).toBe(0);
    const newKey = readFileSync(keyFile(), 'utf8').trim();
    expect(newKey).not.toBe(oldKey);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const kept = readdirSync(dataDir).filter((f) => /^master-key\..*\.old$/.test(f));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dataDir, kept[0] ?? ''), 'utf8').trim()).toBe(oldKey);
    expect(existsSync(join(dataDir, 'master-key.next'))).toBe(false);

    const after = await snapshot();
    expect(plain(after.values)).toEqual(plain(before.values));
    // Only the wrapping changed: every stored value is the same ciphertext.
    expect(after.values.map((v) => v.stored)).toEqual(before.values.map((v) => v.stored));
    expect(after.keys.map((k) => k.master_key_id)).not.toEqual(
      before.keys.map((k) => k.master_key_id),
    );
    expect(r.output).toContain(`wrapped under master key ${after.keys[0]?.master_key_id}`);
    expect(opensNone(oldKey, after.keys)).toBe(true);
    expect(opensNone(newKey, after.keys)).toBe(false);
    vi.stubEnv('PARLEY_MASTER_KEY', oldKey);
    await expect(parley(['keys', 'status'])).rejects.toThrow(
      /does not open this database's data keys/,
    );
    vi.stubEnv('PARLEY_MASTER_KEY', undefined);
  });

  it('with --data, re-encrypts every value under new data keys in one go, showing progress', async () => {
    const before = await snapshot();
    const oldKey = readFileSync(keyFile(), 'utf8').trim();
    const r = await parley(['keys', 'rotate', '--data']);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/^ {2}items +\d+ rows$/m);
    expect(r.output).toMatch(/^ {2}text_versions +\d+ rows$/m);
    expect(r.output).toMatch(/^ {2}impl_evidence_files +9 rows$/m);
    expect(r.output).toContain(`Re-encrypted ${before.values.length} values under 1 new data keys`);

    const after = await snapshot();
    expect(plain(after.values)).toEqual(plain(before.values));
    const stored = new Set(before.values.map((v) => v.stored));
    expect(after.values.filter((v) => stored.has(v.stored))).toEqual([]);
    expect(after.values.every((v) => v.stored.startsWith('v1:2:'))).toBe(true);
    expect(after.keys.map((k) => k.version)).toEqual([2]);
    expect(opensNone(oldKey, after.keys)).toBe(true);

    // Audited, the log still verifies, and published versions are still immutable.
    const verified = await parley(['audit', 'verify']);
    expect(verified.code).toBe(0);
    const rt = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
    try {
      const entries = await rt.database.db
        .selectFrom('audit_log')
        .select(['data', 'actor_user_id'])
        .where('kind', '=', 'keys.rotated')
        .orderBy('seq')
        .execute();
      expect(entries.map((e) => JSON.parse(e.data).dataKeys)).toEqual([false, true]);
      expect(entries.every((e) => e.actor_user_id === null)).toBe(true);
      await expect(
        sql`update text_versions set canonical = 'tampered' where number = 1`.execute(
          rt.database.db,
        ),
      ).rejects.toThrow(/immutable/);
    } finally {
      await rt.close();
    }
  });

  it('with PARLEY_MASTER_KEY, prints the new key to set and keeps it in an owner-only file', async () => {
    const envDir = join(root, 'env');
    useTarget(envDir);
    const oldKey = Buffer.alloc(32, 7).toString('base64');
    vi.stubEnv('PARLEY_MASTER_KEY', oldKey);
    try {
      expect((await parley(['demo', 'seed'])).code).toBe(0);
      expect(existsSync(join(envDir, 'master-key'))).toBe(false);
      const r = await parley(['keys', 'rotate']);
      const newKey = /^ {2}PARLEY_MASTER_KEY=(\S+)$/m.exec(r.output)?.[1] ?? '';
      expect(decodeMasterKey(newKey)).not.toBeNull();
      const saved = readdirSync(envDir).find((f) => f.endsWith('.for-env'));
      expect(readFileSync(join(envDir, saved ?? ''), 'utf8').trim()).toBe(newKey);
      expect(statSync(join(envDir, saved ?? '')).mode & 0o777).toBe(0o600);
      await expect(parley(['keys', 'status'])).rejects.toThrow(/does not open/);
      vi.stubEnv('PARLEY_MASTER_KEY', newKey);
      expect((await parley(['keys', 'status'])).output).toContain('from PARLEY_MASTER_KEY');
    } finally {
      vi.stubEnv('PARLEY_MASTER_KEY', undefined);
      useTarget(dataDir);
    }
  });

  it('explains its command line', async () => {
    await expect(parley(['keys'])).rejects.toThrow(/parley keys status, or parley keys rotate/);
    await expect(parley(['keys', 'rotate', '--everything'])).rejects.toThrow(/keys: /);
  });
});
