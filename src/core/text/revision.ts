/**
 * Optimistic concurrency for the working text. Every edit names the revision it started from; an
 * edit based on an older revision is refused, so two mediators never overwrite each other
 * silently. The server answers 409 with the current state; the client shows what changed and lets
 * the drafter redo the edit.
 */
import { DomainError } from '../shared/errors.js';

/** Raises STALE_REVISION (with the current revision in `details`) unless `base` is `current`. */
export function assertCurrentRevision(current: number, base: number): void {
  if (current !== base) {
    throw new DomainError(
      'STALE_REVISION',
      `the text has changed since revision ${base}; it is now at revision ${current}`,
      { currentRevision: current, baseRevision: base },
    );
  }
}

/** The revision a successful edit produces. */
export function nextRevision(current: number): number {
  return current + 1;
}
