/** The database as Kysely sees it today (migrations see it as it was then). */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | string | null;
  created_at: string;
}
/** Per user, a counter that every write to what resolving their session reads increments. */
export interface SignInVersionsTable {
  user_id: string;
  version: number;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  mfa: number;
  /** 1 when opened with a passkey. */
  passkey: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** 1 when created in a session opened with a passkey. */
  via_passkey: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface PasskeysTable {
  id: string;
  user_id: string;
  /** base64url credential id from the authenticator. */
  credential_id: string;
  /** base64url COSE public key. */
  public_key: string;
  counter: number | string;
  /** JSON array of transports. */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}
export interface WebauthnChallengesTable {
  id: string;
  /** register or sign_in. */
  purpose: string;
  user_id: string | null;
  challenge: string;
  created_at: string;
  expires_at: string;
}
/** One throttle key's state (see core/accounts/sign-in.ts). */
export interface SignInThrottleTable {
  /** `account:<sha256 of the e-mail>`, `address:<ip>` or `device:<sha256 of the device token>`. */
  key: string;
  /** Failures and attempts in flight counted against the key. */
  failures: number;
  /** When the last attempt was reserved. */
  last_at: string | null;
  /** Until when the key refuses attempts. */
  locked_until: string | null;
}
/** A browser an account has fully signed in from: its device cookie's hash. */
export interface SignInDevicesTable {
  /** SHA-256 of the device cookie's random token. */
  token_hash: string;
  /** The account it signed in to. */
  user_id: string;
  /** When. */
  created_at: string;
}
export interface ProcessesTable {
  id: string;
  codename: string;
  title: string;
  status: string;
  require_totp: number;
  /** 1 when members must sign in with a passkey. */
  require_passkey: number;
  created_at: string;
}
export interface PartiesTable {
  id: string;
  process_id: string;
  name: string;
  code: string;
  status: string;
  position: number;
}
export interface CompartmentsTable {
  id: string;
  process_id: string;
  kind: string;
  party_id: string | null;
}
export interface MembershipsTable {
  process_id: string;
  user_id: string;
  role: string;
  party_id: string | null;
  created_at: string;
  /** 1 when the head of delegation made this member a delegation admin (confirms seats). */
  delegation_admin: Generated<number>;
}
/** A seat or grant awaiting the consent of those who hold the room it opens. */
export interface PendingSeatsTable {
  id: string;
  process_id: string;
  user_id: string;
  /** invitation, role_change or grant. */
  origin: string;
  /** The role the seat gives (null for a grant). */
  role: string | null;
  party_id: string | null;
  /** The compartment a grant opens (null for a seat). */
  compartment_id: string | null;
  /** Who asked for it: the organiser who invited, changed the role or granted. */
  initiated_by: string;
  created_at: string;
}
export interface CompartmentGrantsTable {
  process_id: string;
  user_id: string;
  compartment_id: string;
}
export interface StatusChangesTable {
  process_id: string;
  position: number;
  at: string;
  subject: string;
  party_id: string | null;
  from_status: string;
  to_status: string;
  reason: string;
  by_user_id: string;
}
export interface ProcessLinksTable {
  process_id: string;
  position: number;
  label: string;
  note: string;
  linked_process_id: string | null;
}
export interface InvitationsTable {
  id: string;
  process_id: string;
  role: string;
  party_id: string | null;
  invitee_label: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  /** The existing account a new-account acceptance was held for (only its owner may complete it). */
  held_for_user_id: string | null;
}
export interface ItemsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  kind: string;
  title: string;
  body: string;
  author_user_id: string;
  created_at: string;
  updated_at: string;
  revision: number;
}
export interface AuditLogTable {
  /** bigint: PostgreSQL answers it as a string. */
  seq: number | string;
  at: string;
  actor_user_id: string | null;
  process_id: string | null;
  compartment_id: string | null;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
  /** The entry's audit scope (core/audit/scope.ts); null outside every process. Not hashed. */
  scope: string | null;
  /** Its position in the scope, 1-based, without gaps (bigint: a string on PostgreSQL). */
  scope_seq: number | string | null;
}
export interface AuditHeadTable {
  id: Generated<number>;
  seq: number | string;
  hash: string;
}

export interface AgendaIssuesTable {
  id: string;
  process_id: string;
  position: number;
  title: string;
  description: string;
}
export interface IssueOptionsTable {
  id: string;
  issue_id: string;
  position: number;
  label: string;
}
export interface DemandsTable {
  id: string;
  process_id: string;
  party_id: string;
  issue_id: string | null;
  text: string;
  source: string;
  stated_on: string;
  recorded_by: string;
}
export interface PositionsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  party_id: string;
  issue_id: string;
  option_id: string | null;
  text: string;
  recorded_by: string;
  recorded_at: string;
}
export interface ProposalsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  tabled_by_party: string | null;
  tabled_by: string;
  round: number;
  tabled_at: string;
  note: string;
  responds_to: string | null;
}
export interface ProposalTermsTable {
  proposal_id: string;
  issue_id: string;
  option_id: string;
}
export interface ProposalResponsesTable {
  proposal_id: string;
  party_id: string;
  kind: string;
  counter_proposal_id: string | null;
  note: string;
  responded_by: string;
  responded_at: string;
}

export interface TextDraftsTable {
  process_id: string;
  canonical: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}
export interface TextVersionsTable {
  id: string;
  process_id: string;
  number: number;
  note: string;
  /** JSON array of change-list lines. */
  change_list: string;
  canonical: string;
  hash: string;
  published_at: string;
  published_by: string;
  compartment_id: string;
}
export interface VersionRecipientsTable {
  version_id: string;
  user_id: string;
  display_name: string;
  party_id: string | null;
}
export interface VersionSignaturesTable {
  version_id: string;
  party_id: string;
  signed_by: string;
  signed_at: string;
  version_hash: string;
}
export interface AmendmentsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  party_id: string;
  provision_key: string;
  /** JSON of the AmendmentChange. */
  change: string;
  note: string;
  outcome: string;
  proposed_by: string;
  proposed_at: string;
  decided_at: string | null;
}

export interface PreferencesTable {
  process_id: string;
  party_id: string;
  compartment_id: string;
  /** JSON: issue id → weight. */
  weights: string;
  /** JSON: issue id → option id → score. */
  scores: string;
  /** Before encryption at rest: the reservation value. Since then always 0 (see reservation_sealed). */
  reservation: number;
  /** The reservation value, encrypted (null only in rows written before encryption at rest). */
  reservation_sealed: string | null;
  method: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

/** A party's submission of its ratings: numbered per party, never changed. */
export interface PreferenceSubmissionsTable {
  process_id: string;
  party_id: string;
  /** 1, 2, 3 … per party. */
  number: number;
  /** The party's caucus. */
  compartment_id: string;
  /** JSON: issue id → weight (sealed). */
  weights: string;
  /** JSON: issue id → option id → score (sealed). */
  scores: string;
  /** The reservation value (sealed). */
  reservation: string;
  method: string;
  /** The revision of the draft that was submitted. */
  draft_revision: number;
  submitted_at: string;
  submitted_by: string;
}

/** A suggestion set the mediator team published: numbered per process, never changed. */
export interface SuggestionSetsTable {
  id: string;
  process_id: string;
  /** 1, 2, 3 … per process. */
  number: number;
  /** The round current at publication (null before the first round started). */
  round_id: string | null;
  /** The plenary: where the publication is announced. */
  compartment_id: string;
  /** JSON: [{ package, labels }] (sealed). */
  packages: string;
  published_at: string;
  published_by: string;
}

/** Which submission of a party a set used, and that party's own numbers for its packages. */
export interface SuggestionSetInputsTable {
  set_id: string;
  party_id: string;
  submission_number: number;
  /** JSON: { reservation, utilities: number[] in the set's package order } (sealed). */
  utilities: string;
}

/** A head of delegation's consent to one publication beyond the bound. */
export interface SuggestionConsentsTable {
  process_id: string;
  party_id: string;
  /** The number the next set will have: the consent is for that publication only. */
  set_number: number;
  consented_at: string;
  consented_by: string;
}

/** A process's decision-support settings (no row: the defaults). */
export interface AnalysisSettingsTable {
  process_id: string;
  /** At most this many suggestion sets per round without every party's consent. */
  sets_per_round: number;
  updated_at: string;
  updated_by: string;
}

export interface RoundsTable {
  id: string;
  process_id: string;
  number: number;
  title: string;
  /** YYYY-MM-DD. */
  starts_on: string;
  /** YYYY-MM-DD. */
  ends_on: string;
  /** Shown only to invitees who acknowledged the rules. */
  venue: string;
  rules: string;
  rules_hash: string;
  status: string;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface RoundInviteesTable {
  round_id: string;
  user_id: string;
}
export interface RoundAcknowledgementsTable {
  round_id: string;
  user_id: string;
  rules_hash: string;
  acknowledged_at: string;
}
export interface ConsultationsTable {
  id: string;
  process_id: string;
  round_id: string;
  compartment_id: string;
  subject: string;
  deadline: string;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
}
export interface ConsultationResponsesTable {
  consultation_id: string;
  party_id: string;
  compartment_id: string;
  kind: string;
  text: string;
  responded_by: string;
  responded_at: string;
}
export interface RoundSessionsTable {
  id: string;
  process_id: string;
  round_id: string;
  compartment_id: string;
  format: string;
  party_id: string | null;
  title: string;
  starts_at: string;
  ends_at: string;
  revision: number;
  created_by: string;
  created_at: string;
}
export interface SessionAgendaTable {
  session_id: string;
  issue_id: string;
  position: number;
}
export interface SessionAttendanceTable {
  session_id: string;
  user_id: string;
}
export interface MinutesTable {
  id: string;
  process_id: string;
  session_id: string;
  kind: string;
  compartment_id: string;
  text: string;
  hash: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}
export interface MinutesApprovalsTable {
  minutes_id: string;
  party_id: string;
  hash: string;
  approved_by: string;
  approved_at: string;
  /** 'approved', 'rejected' or 'change_requested'. */
  response: Generated<string>;
  /** Sealed: the party's comment on a rejection or a request for a change; null on an approval. */
  comment: string | null;
}
export interface ThreadsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  title: string;
  session_id: string | null;
  created_by: string;
  created_at: string;
}
export interface MessagesTable {
  id: string;
  process_id: string;
  thread_id: string;
  compartment_id: string;
  body: string;
  author_user_id: string;
  posted_at: string;
  relay_of: string | null;
  relay_of_compartment_id: string | null;
}
export interface CommuniquesTable {
  id: string;
  process_id: string;
  kind: string;
  number: number | null;
  title: string;
  text: string;
  embargo_until: string | null;
  state: string;
  compartment_id: string;
  /** The process's public compartment, set at release. */
  public_compartment_id: string | null;
  /** From when it is public (ISO 8601), set at release. */
  public_from: string | null;
  round_id: string | null;
  hash: string;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  released_at: string | null;
  released_by: string | null;
}
export interface CommuniqueApprovalsTable {
  communique_id: string;
  /** The party's id, or 'mediators'. */
  approver: string;
  party_id: string | null;
  hash: string;
  approved_by: string;
  approved_at: string;
  /** 'approved', 'rejected' or 'change_requested'. */
  response: Generated<string>;
  /** Sealed: the party's comment on a rejection or a request for a change; null on an approval. */
  comment: string | null;
}
export interface PublicStatementsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  party_id: string;
  round_id: string | null;
  agreed_line_id: string | null;
  source: string;
  stated_on: string;
  text: string;
  divergence: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** An actor outside the table, in one compartment's register (C9). Name, aliases, notes, stances sealed. */
export interface MediaActorsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  kind: string;
  name: string;
  /** JSON array of {text, language}, sealed. */
  aliases: string;
  wikidata_id: string | null;
  notes: string;
  /** JSON array of the stance history, sealed. */
  stances: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

/** An article brought in, with its analysis (JSON: mentions, quotes, suggestions), sealed. */
export interface ArticlesTable {
  id: string;
  process_id: string;
  compartment_id: string;
  title: string;
  text: string;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  language: string;
  analysis: string;
  added_by: string;
  added_at: string;
  /** The feed it came from, or null when pasted or uploaded. */
  feed_id: string | null;
}

/** A statement of an actor, confirmed by a person. Quote and source sealed. */
export interface ActorStatementsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  actor_id: string;
  quote: string;
  language: string;
  url: string | null;
  outlet: string | null;
  stated_on: string;
  stance: string;
  article_id: string | null;
  confirmed_by: string;
  confirmed_at: string;
  /** JSON array of the agenda issue ids it concerns. */
  issue_ids: string;
  revision: number;
}

/** An RSS/Atom feed the mediators follow, in one compartment. URL, title, seen keys, last error sealed. */
export interface MediaFeedsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  url: string;
  title: string;
  /** JSON array of the guids/links already taken, sealed. */
  seen: string;
  interval_minutes: number;
  last_fetched_at: string | null;
  /** never, ok or error. */
  last_status: string;
  last_error: string | null;
  articles_added: number;
  created_by: string;
  created_at: string;
  revision: number;
}

/** A process's data key of one version, wrapped (AES-256-GCM) under the master key. */
export interface DataKeysTable {
  process_id: string;
  /** 1, 2, …: a rotation adds the next one and re-encrypts every row under it. */
  version: number;
  /** Id of the master key that wraps it (first 16 hex digits of its SHA-256). */
  master_key_id: string;
  /** `k1:<iv>:<tag>:<ciphertext>`, base64url. */
  wrapped: string;
  created_at: string;
}
/**
 * The account-scope data key of one version, wrapped under the master key: it seals what belongs to
 * accounts, which belong to no process (TOTP secrets).
 */
export interface AccountKeysTable {
  /** 1, 2, …: `keys rotate --data` adds the next one and re-encrypts every account secret. */
  version: number;
  /** Id of the master key that wraps it. */
  master_key_id: string;
  /** `k1:<iv>:<tag>:<ciphertext>`, base64url. */
  wrapped: string;
  created_at: string;
}
/** One row (id 1) once every confidential column has been encrypted. */
export interface EncryptionStateTable {
  id: number;
  sealed_at: string;
}

/** A theme or subtheme of a process's implementation plan (in the plenary). */
export interface ImplThemesTable {
  id: string;
  process_id: string;
  compartment_id: string;
  code: string;
  /** Sealed. */
  name: string;
  parent_code: string | null;
  pam_type: string | null;
  pax_code: string | null;
}
/** A commitment taken from the signed text or imported (in the plenary). */
export interface CommitmentsTable {
  id: string;
  process_id: string;
  compartment_id: string;
  external_id: string;
  basis: string;
  version_id: string | null;
  version_number: number | null;
  provision_key: string | null;
  /** Sealed. */
  wording: string;
  /** JSON list of responsible party ids. */
  responsible: string;
  starts_on: string;
  deadline: string | null;
  recurrence: string;
  provision_type: string;
  theme_code: string | null;
  weight: number;
  created_at: string;
  created_by: string;
  revision: number;
}
/** Evidence for a commitment, in its submitter's compartment until released. */
export interface ImplEvidenceTable {
  id: string;
  process_id: string;
  commitment_id: string;
  compartment_id: string;
  kind: string;
  /** Sealed; null when the report is the note of the level entry `note_of` (an import). */
  text: string | null;
  /** Sealed. */
  url: string | null;
  observed_on: string;
  /** Sealed. */
  source: string;
  sha256: string;
  submitted_by: string;
  submitted_at: string;
  /** The import that stored it, or null. */
  import_id: string | null;
  /** The level entry whose note is its report (stored once, there), or null. */
  note_of: string | null;
  /** A file evidence's name (sealed), or null. */
  file_name: string | null;
  /** A file evidence's media type, recognised from its content, or null. */
  file_type: string | null;
  /** A file evidence's size in bytes, or null. */
  file_size: number | null;
}
/** The bytes of a file evidence, apart from its row so that lists never read them. */
export interface ImplEvidenceFilesTable {
  evidence_id: string;
  process_id: string;
  /** Sealed: the file's bytes in base64. */
  content: string;
}
/** A level entry: appended, never changed (in the plenary). */
export interface ImplLevelsTable {
  id: string;
  process_id: string;
  commitment_id: string;
  compartment_id: string;
  level: number;
  effective_on: string;
  /** JSON list of evidence ids. */
  evidence_ids: string;
  /** Sealed. */
  note: string;
  set_by: string;
  set_at: string;
  /** The import that stored it, or null. */
  import_id: string | null;
}
/**
 * The level entries one import gave one commitment, with the evidence each rests on, as one row
 * (a run); entries and evidence take their ids from the run's (core/implementation/level-runs.ts).
 */
export interface ImplLevelRunsTable {
  id: string;
  process_id: string;
  commitment_id: string;
  compartment_id: string;
  import_id: string;
  set_by: string;
  set_at: string;
  /** The entries' levels in history order, one digit each. */
  levels: string;
  /** Their dates (YYYY-MM-DD), comma-separated, in the same order. */
  effective_on: string;
  /** Their evidence's SHA-256 (hex), comma-separated, in the same order. */
  sha256: string;
  /** Sealed: JSON, per entry `[note, source, url or null]`. */
  details: string;
}
/** A verification or dispute of a level entry (in the plenary). */
export interface ImplVerificationsTable {
  id: string;
  process_id: string;
  commitment_id: string;
  compartment_id: string;
  level_entry_id: string;
  verdict: string;
  /** Sealed. */
  reason: string;
  by_user: string;
  at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  /** Sealed. */
  resolution: string | null;
}
/** The released public picture of a process's implementation (one per process). */
export interface ImplPublicationsTable {
  process_id: string;
  /** The public compartment. */
  compartment_id: string;
  /** The page's unguessable address. */
  slug: string;
  /** Sealed: the picture as released (JSON). */
  picture: string;
  released_at: string;
  released_by: string;
}
export interface DB {
  sign_in_versions: SignInVersionsTable;
  data_keys: DataKeysTable;
  account_keys: AccountKeysTable;
  encryption_state: EncryptionStateTable;
  rounds: RoundsTable;
  round_invitees: RoundInviteesTable;
  round_acknowledgements: RoundAcknowledgementsTable;
  consultations: ConsultationsTable;
  consultation_responses: ConsultationResponsesTable;
  round_sessions: RoundSessionsTable;
  session_agenda: SessionAgendaTable;
  session_attendance: SessionAttendanceTable;
  minutes: MinutesTable;
  minutes_approvals: MinutesApprovalsTable;
  threads: ThreadsTable;
  messages: MessagesTable;
  communiques: CommuniquesTable;
  impl_themes: ImplThemesTable;
  commitments: CommitmentsTable;
  impl_evidence: ImplEvidenceTable;
  impl_evidence_files: ImplEvidenceFilesTable;
  impl_levels: ImplLevelsTable;
  impl_level_runs: ImplLevelRunsTable;
  impl_verifications: ImplVerificationsTable;
  impl_publications: ImplPublicationsTable;
  communique_approvals: CommuniqueApprovalsTable;
  public_statements: PublicStatementsTable;
  media_actors: MediaActorsTable;
  articles: ArticlesTable;
  actor_statements: ActorStatementsTable;
  media_feeds: MediaFeedsTable;
  preferences: PreferencesTable;
  preference_submissions: PreferenceSubmissionsTable;
  suggestion_sets: SuggestionSetsTable;
  suggestion_set_inputs: SuggestionSetInputsTable;
  suggestion_consents: SuggestionConsentsTable;
  analysis_settings: AnalysisSettingsTable;
  text_drafts: TextDraftsTable;
  text_versions: TextVersionsTable;
  version_recipients: VersionRecipientsTable;
  version_signatures: VersionSignaturesTable;
  amendments: AmendmentsTable;
  agenda_issues: AgendaIssuesTable;
  issue_options: IssueOptionsTable;
  demands: DemandsTable;
  positions: PositionsTable;
  proposals: ProposalsTable;
  proposal_terms: ProposalTermsTable;
  proposal_responses: ProposalResponsesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  sign_in_throttle: SignInThrottleTable;
  sign_in_devices: SignInDevicesTable;
  processes: ProcessesTable;
  parties: PartiesTable;
  compartments: CompartmentsTable;
  memberships: MembershipsTable;
  compartment_grants: CompartmentGrantsTable;
  pending_seats: PendingSeatsTable;
  status_changes: StatusChangesTable;
  process_links: ProcessLinksTable;
  invitations: InvitationsTable;
  items: ItemsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
