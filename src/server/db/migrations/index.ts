/** Every migration, by its date-prefixed name; Kysely runs them in name order. */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-27T00-00-foundation.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27T00-00-foundation': foundation,
};
