import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import {
  runCapacity,
  runEntryId,
  runEvidence,
  runEvidenceId,
  runIdFrom,
  runImportedLevels,
  runLevelEntries,
  runPosition,
  runsOf,
  type RunRow,
} from './level-runs.js';

const uuid = '7f3c2a10-9b4e-4c7d-8a21-5e6f7a8b9c0d';
const row = (effectiveOn: string, level: 0 | 1 | 2 | 3, note = `n ${effectiveOn}`): RunRow => ({
  level,
  effectiveOn,
  sha256: effectiveOn.replaceAll('-', '').padStart(64, '0'),
  note,
  source: 'Field team',
  url: level === 3 ? 'https://example.org/report' : null,
});
let n = 0;
const facts = () => ({
  id: runIdFrom(`${(++n).toString(16).padStart(8, '0')}-9b4e-4c7d-8a21-5e6f7a8b9c0d`),
  processId: asId<'Process'>('p'),
  commitmentId: asId<'Commitment'>('c'),
  compartmentId: asId<'Compartment'>('plenary'),
  importId: 'i',
  setBy: asId<'User'>('u'),
  setAt: '2026-12-07T10:00:00.000Z',
});

describe('level runs', () => {
  it('number their entries and evidence from the run’s id, in entry order, and find them again', () => {
    const run = runIdFrom(uuid);
    expect(run).toBe('00002a10-9b4e-4c7d-8a21-5e6f7a8b9c0d');
    const ids = [0, 1, 2, 0x7fff].flatMap((k) => [runEntryId(run, k), runEvidenceId(run, k)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(runPosition(runEntryId(run, 5))).toEqual({ runId: run, k: 5, evidence: false });
    expect(runPosition(runEvidenceId(run, 0x7fff))).toEqual({
      runId: run,
      k: 0x7fff,
      evidence: true,
    });
    expect(runPosition('not an id')).toBeNull();
  });

  it('keep one commitment’s rows in date order, the file’s order within a date, split at capacity', () => {
    const [run, ...rest] = runsOf(
      [row('2026-03-01', 2), row('2026-01-01', 1), row('2026-03-01', 3, 'later')],
      facts,
    );
    expect(rest).toEqual([]);
    expect(run?.effectiveOn).toEqual(['2026-01-01', '2026-03-01', '2026-03-01']);
    expect(run?.levels).toEqual([1, 2, 3]);
    expect(run?.details.map((d) => d.note)).toEqual(['n 2026-01-01', 'n 2026-03-01', 'later']);
    const many = Array.from({ length: runCapacity + 3 }, (_, k) =>
      row(`2026-01-${String((k % 28) + 1).padStart(2, '0')}`, 1),
    );
    const split = runsOf(many, facts);
    expect(split.map((r) => r.levels.length)).toEqual([runCapacity, 3]);
    expect(new Set(split.map((r) => r.id)).size).toBe(2);
  });

  it('give each entry its own evidence, and the rows the import’s audit entry hashes', () => {
    const [run] = runsOf([row('2026-01-01', 1), row('2026-02-01', 3)], facts);
    if (!run) throw new Error('no run');
    const entries = runLevelEntries(run);
    const evidence = runEvidence(run);
    expect(entries.map((e) => e.evidenceIds)).toEqual(evidence.map((e) => [e.id]));
    expect(evidence.map((e) => [e.kind, e.text, e.observedOn, e.compartmentId])).toEqual([
      ['report', 'n 2026-01-01', '2026-01-01', 'plenary'],
      ['link', 'n 2026-02-01', '2026-02-01', 'plenary'],
    ]);
    expect(runImportedLevels(run)).toEqual(
      entries.map((e, k) => ({
        id: e.id,
        commitmentId: 'c',
        level: e.level,
        effectiveOn: e.effectiveOn,
        setAt: run.setAt,
        evidenceId: evidence[k]?.id,
        evidenceSha256: evidence[k]?.sha256,
      })),
    );
  });
});
