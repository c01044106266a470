import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './catalogue.js';
import { repeatWindowMs, withoutRepeatedReads } from './repeats.js';

const now = new Date('2026-12-07T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const who = { actorUserId: 'u1', processId: 'p', compartmentId: 'c1' };
const listed = (query: string): AuditEvent => ({
  kind: 'compartment.listed',
  data: { query },
  ...who,
});
const viewed: AuditEvent = {
  kind: 'round.viewed',
  data: { roundId: 'r', venue: true },
  ...who,
  compartmentId: null,
};
const data = (e: AuditEvent) => JSON.stringify(e.data);

describe('repeated reads', () => {
  it('writes one list entry per compartment for the lists of one visit, naming the first list', () => {
    const out = withoutRepeatedReads(
      [
        listed('round'),
        listed('record'),
        listed('threads'),
        { ...listed('threads'), compartmentId: 'c2' },
      ],
      [],
      now,
      data,
    );
    expect(out.map((e) => [e.compartmentId, e.data])).toEqual([
      ['c1', { query: 'round' }],
      ['c2', { query: 'threads' }],
    ]);
  });

  it('skips a read the same person made in the window, and writes it again after', () => {
    const recent = [
      {
        kind: 'round.viewed',
        actorUserId: 'u1',
        compartmentId: null,
        data: data(viewed),
        at: ago(60_000),
      },
    ];
    expect(withoutRepeatedReads([viewed], recent, now, data)).toEqual([]);
    const old = [{ ...recent[0]!, at: ago(repeatWindowMs + 1) }];
    expect(withoutRepeatedReads([viewed], old, now, data)).toEqual([viewed]);
  });

  it("counts another person's read, or another round, as a read of its own", () => {
    const recent = [
      {
        kind: 'round.viewed',
        actorUserId: 'u2',
        compartmentId: null,
        data: data(viewed),
        at: ago(1),
      },
    ];
    expect(withoutRepeatedReads([viewed], recent, now, data)).toEqual([viewed]);
    const other: AuditEvent = { ...viewed, data: { roundId: 'r2', venue: true } };
    expect(withoutRepeatedReads([viewed, other], [], now, data)).toEqual([viewed, other]);
  });

  it('never skips a change', () => {
    const edit: AuditEvent = {
      kind: 'item.updated',
      data: { itemId: 'i', revision: 2 },
      ...who,
    } as AuditEvent;
    expect(withoutRepeatedReads([edit, edit], [], now, data)).toEqual([edit, edit]);
  });
});
