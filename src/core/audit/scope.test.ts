import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './catalogue.js';
import { auditScopeOf, parseAuditScope, verifyScopes, type ScopedAuditEntry } from './scope.js';

const entry = (
  seq: number,
  fields: Partial<Pick<AuditEntry, 'kind' | 'actorUserId' | 'processId' | 'compartmentId'>>,
): Omit<ScopedAuditEntry, 'scope' | 'scopeSeq'> => ({
  seq,
  at: '2026-12-06T13:00:00.000Z',
  kind: 'item.created',
  actorUserId: 'u1',
  processId: 'p1',
  compartmentId: null,
  data: '{}',
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...fields,
});

describe('the audit scope of an entry', () => {
  it.each<[string, Parameters<typeof entry>[1], string | null]>([
    ['material of a compartment', { compartmentId: 'c1' }, 'compartment:c1'],
    ['a read of a compartment', { kind: 'item.read', compartmentId: 'c1' }, 'compartment:c1'],
    ['a change of the set-up', { kind: 'membership.added' }, 'process:p1'],
    ['a member opening a round', { kind: 'round.viewed' }, 'member:p1:u1'],
    ['a member reading the audit log', { kind: 'audit.read' }, 'member:p1:u1'],
    ['a member downloading the calendar', { kind: 'calendar.issued' }, 'member:p1:u1'],
    ['the system reading for nobody', { kind: 'round.viewed', actorUserId: null }, 'process:p1'],
    ['a sign-in', { kind: 'session.signed_in', processId: null }, null],
  ])('files %s in %s', (_, fields, scope) => {
    expect(auditScopeOf(entry(1, fields))).toBe(scope);
  });

  it('parses the names it gives, and nothing else', () => {
    expect(parseAuditScope('process:p1')).toEqual({ kind: 'process', processId: 'p1' });
    expect(parseAuditScope('compartment:c1')).toEqual({ kind: 'compartment', compartmentId: 'c1' });
    expect(parseAuditScope('member:p1:u1')).toEqual({
      kind: 'member',
      processId: 'p1',
      userId: 'u1',
    });
    for (const bad of ['', 'process:', 'process:a b', 'party:p1', 'member:p1', 'process:p1:x'])
      expect(parseAuditScope(bad), bad).toBeUndefined();
  });
});

describe('verifying the scopes against the chain', () => {
  const log = (): ScopedAuditEntry[] => {
    const plain = [
      entry(1, { compartmentId: 'c1' }),
      entry(2, { kind: 'party.added' }),
      entry(3, { compartmentId: 'c1' }),
      entry(4, { kind: 'session.signed_in', processId: null }),
      entry(5, { compartmentId: 'c2' }),
      entry(6, { compartmentId: 'c1' }),
    ];
    const sizes = new Map<string, number>();
    return plain.map((e) => {
      const scope = auditScopeOf(e);
      const n = scope === null ? null : (sizes.get(scope) ?? 0) + 1;
      if (scope !== null && n !== null) sizes.set(scope, n);
      return { ...e, scope, scopeSeq: n };
    });
  };

  it('accepts numbers given in global order without gaps, and counts each scope', async () => {
    const verdict = await verifyScopes(log());
    expect(verdict).toEqual({
      ok: true,
      sizes: new Map([
        ['compartment:c1', 3],
        ['process:p1', 1],
        ['compartment:c2', 1],
      ]),
    });
  });

  it('names the first entry whose stored number or scope was altered or swapped', async () => {
    const swapped = log();
    swapped[2]!.scopeSeq = 3;
    swapped[5]!.scopeSeq = 2;
    expect(await verifyScopes(swapped)).toMatchObject({ ok: false, badSeq: 3 });
    const moved = log();
    moved[4]!.scope = 'compartment:c1';
    expect(await verifyScopes(moved)).toMatchObject({ ok: false, badSeq: 5 });
    const given = log();
    given[3]!.scope = 'process:p1';
    given[3]!.scopeSeq = 2;
    expect(await verifyScopes(given)).toMatchObject({ ok: false, badSeq: 4 });
  });
});
