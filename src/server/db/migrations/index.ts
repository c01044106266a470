/** Every migration, by its date-prefixed name; Kysely runs them in name order. */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-27T00-00-foundation.js';
import * as record from './2026-11-27T01-00-record.js';
import * as text from './2026-11-27T02-00-text.js';
import * as preferences from './2026-11-27T03-00-preferences.js';
import * as roundsAndMessages from './2026-11-27T04-00-rounds-and-messages.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27T00-00-foundation': foundation,
  '2026-11-27T01-00-record': record,
  '2026-11-27T02-00-text': text,
  '2026-11-27T03-00-preferences': preferences,
  '2026-11-27T04-00-rounds-and-messages': roundsAndMessages,
};
