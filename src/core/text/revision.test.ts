import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assertCurrentRevision, nextRevision } from './revision.js';

describe('edits carry the revision they start from', () => {
  it('lets an edit based on the current revision through', () => {
    expect(() => assertCurrentRevision(7, 7)).not.toThrow();
    expect(nextRevision(7)).toBe(8);
  });

  it.each([
    [7, 6],
    [7, 0],
    [7, 8],
  ])(
    'refuses an edit to a text at revision %i that started from revision %i, naming the current one',
    (current, base) => {
      let caught: unknown;
      try {
        assertCurrentRevision(current, base);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('STALE_REVISION');
      expect((caught as DomainError).details).toEqual({
        currentRevision: current,
        baseRevision: base,
      });
    },
  );
});
