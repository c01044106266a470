import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/catalogue.js';
import {
  canonicalImportedLevels,
  ImportedLevelsMismatch,
  levelFactsFromLog,
  type ImportedLevel,
} from './imported-levels.js';

const sha256 = (lines: Iterable<string>) => {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
};

const row = (id: string, level: 0 | 1 | 2 | 3, effectiveOn: string): ImportedLevel => ({
  id,
  commitmentId: 'c1',
  level,
  effectiveOn,
  setAt: '2026-01-05T10:00:00.000Z',
  evidenceId: `e-${id}`,
  evidenceSha256: 'a'.repeat(64),
});

const entry = (seq: number, kind: string, data: object, at: string): AuditEntry => ({
  seq,
  at,
  actorUserId: 'u',
  processId: 'p',
  compartmentId: 'plenary',
  kind,
  data: JSON.stringify(data),
  prevHash: '',
  hash: '',
});

describe('the level entries of an import, as its audit entry names them', () => {
  const rows = [row('l2', 2, '2026-03-01'), row('l1', 1, '2026-02-01')];
  const imported = entry(
    2,
    'levels.imported',
    { importId: 'i1', levels: 2, sha256: sha256(canonicalImportedLevels(rows)) },
    '2026-01-05T10:00:00.000Z',
  );
  const set = entry(
    3,
    'level.set',
    { commitmentId: 'c1', entryId: 'l3', level: 3, effectiveOn: '2026-04-01', evidenceIds: [] },
    '2026-01-06T10:00:00.000Z',
  );

  it('hashes the same rows to the same text in any order, and names no note', () => {
    expect(canonicalImportedLevels(rows)).toBe(canonicalImportedLevels([...rows].reverse()));
    expect(canonicalImportedLevels(rows).split('\n')[0]).toBe(
      `l1\tc1\t1\t2026-02-01\t2026-01-05T10:00:00.000Z\te-l1\t${'a'.repeat(64)}`,
    );
  });

  it('gives the facts of levels set one by one and of the rows each import names', async () => {
    const facts = await levelFactsFromLog({
      entries: [imported, set],
      rowsOf: async (id) => (id === 'i1' ? rows : []),
      sha256,
    });
    expect(facts.map((f) => [f.id, f.level, f.effectiveOn])).toEqual([
      ['l2', 2, '2026-03-01'],
      ['l1', 1, '2026-02-01'],
      ['l3', 3, '2026-04-01'],
    ]);
  });

  it.each([
    ['altered', [row('l2', 3, '2026-03-01'), row('l1', 1, '2026-02-01')]],
    ['removed', [row('l1', 1, '2026-02-01')]],
    ['added', [...rows, row('l9', 1, '2026-05-01')]],
  ])('refuses an import whose rows were %s since', async (_, stored) => {
    await expect(
      levelFactsFromLog({ entries: [imported], rowsOf: async () => stored, sha256 }),
    ).rejects.toBeInstanceOf(ImportedLevelsMismatch);
  });
});
