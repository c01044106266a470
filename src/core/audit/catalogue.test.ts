import { describe, expect, it } from 'vitest';
import { auditKinds, readKinds } from './catalogue.js';

describe('the audit catalogue', () => {
  it('counts every reading kind among the reads, which the live hub never sends', () => {
    const reading = auditKinds.filter((k) =>
      /\.(read|viewed|listed|searched|exported|issued)$/.test(k),
    );
    expect(reading.filter((k) => !readKinds.has(k))).toEqual([]);
  });

  it('lists only kinds the catalogue has among the reads', () => {
    expect([...readKinds].filter((k) => !auditKinds.includes(k))).toEqual([]);
  });
});
