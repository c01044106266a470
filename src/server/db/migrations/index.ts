/** Every migration, by its date-prefixed name; Kysely runs them in name order. */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-27T00-00-foundation.js';
import * as record from './2026-11-27T01-00-record.js';
import * as text from './2026-11-27T02-00-text.js';
import * as preferences from './2026-11-27T03-00-preferences.js';
import * as roundsAndMessages from './2026-11-27T04-00-rounds-and-messages.js';
import * as encryptionAtRest from './2026-11-27T05-00-encryption-at-rest.js';
import * as passkeys from './2026-11-27T05-00-passkeys.js';
import * as signInHardening from './2026-12-06T10-00-sign-in-hardening.js';
import * as seatConsent from './2026-12-06T11-00-seat-consent.js';
import * as suggestionSets from './2026-12-06T12-00-suggestion-sets.js';
import * as auditScopes from './2026-12-06T13-00-audit-scopes.js';
import * as accountSecrets from './2026-12-06T14-00-account-secrets.js';
import * as actorsMedia from './2026-12-06T15-00-actors-media.js';
import * as implementation from './2026-12-06T16-00-implementation.js';
import * as approvalResponses from './2026-12-06T17-00-approval-responses.js';
import * as mediaFeeds from './2026-12-07T03-00-media-feeds.js';
import * as implementationPublic from './2026-12-07T04-00-implementation-public.js';
import * as readPath from './2026-12-07T02-00-read-path.js';
import * as drafting from './2026-12-07T06-00-drafting.js';
import * as implementationImport from './2026-12-07T08-00-implementation-import.js';
import * as evidenceFiles from './2026-12-07T09-00-evidence-files.js';
import * as levelRuns from './2026-12-07T12-00-level-runs.js';
import * as recentItems from './2026-12-07T16-00-recent-items.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27T00-00-foundation': foundation,
  '2026-11-27T01-00-record': record,
  '2026-11-27T02-00-text': text,
  '2026-11-27T03-00-preferences': preferences,
  '2026-11-27T04-00-rounds-and-messages': roundsAndMessages,
  '2026-11-27T05-00-encryption-at-rest': encryptionAtRest,
  '2026-11-27T05-00-passkeys': passkeys,
  '2026-12-06T10-00-sign-in-hardening': signInHardening,
  '2026-12-06T11-00-seat-consent': seatConsent,
  '2026-12-06T12-00-suggestion-sets': suggestionSets,
  '2026-12-06T13-00-audit-scopes': auditScopes,
  '2026-12-06T14-00-account-secrets': accountSecrets,
  '2026-12-06T15-00-actors-media': actorsMedia,
  '2026-12-06T16-00-implementation': implementation,
  '2026-12-06T17-00-approval-responses': approvalResponses,
  '2026-12-07T03-00-media-feeds': mediaFeeds,
  '2026-12-07T04-00-implementation-public': implementationPublic,
  '2026-12-07T02-00-read-path': readPath,
  '2026-12-07T06-00-drafting': drafting,
  '2026-12-07T08-00-implementation-import': implementationImport,
  '2026-12-07T09-00-evidence-files': evidenceFiles,
  '2026-12-07T12-00-level-runs': levelRuns,
  '2026-12-07T16-00-recent-items': recentItems,
};
