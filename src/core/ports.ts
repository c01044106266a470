/**
 * The ports the use cases need: small interfaces implemented by the server (Kysely repositories,
 * Node's crypto, the system clock) and by test fakes. Use cases receive exactly the ports they use.
 */
import type { ApiToken, Passkey, Session, User, WebAuthnChallenge } from './accounts/model.js';
import type { FingerprintKey } from './trace/fingerprint.js';
import type { ThrottleState } from './accounts/sign-in.js';
import type { SessionCache } from './accounts/session-cache.js';
import type { AnalyzeOptions } from './analysis/analyze.js';
import type { AnalysisView, Viewer } from './analysis/disclosure.js';
import type { Domain } from './analysis/domain.js';
import type { AuditEntry, AuditEvent } from './audit/catalogue.js';
import type { AuditScopeName, ScopedAuditEntry } from './audit/scope.js';
import type { SignedTreeHead } from './audit/tree-head.js';
import type { Compartment } from './access/compartments.js';
import type { Item } from './items/model.js';
import type { StoredPreferences, StoredSubmission } from './analysis/stored.js';
import type { AnalysisSettings, SuggestionSet } from './analysis/suggestion-sets.js';
import type { AmendmentOutcome } from './text/amendment.js';
import type {
  StoredAmendment,
  StoredSignature,
  StoredVersion,
  WorkingDraft,
} from './text/stored.js';
import type { AgendaIssue, Demand, Position, Proposal, ProposalResponse } from './record/model.js';
import type {
  Acknowledgement,
  Consultation,
  ConsultationResponse,
  Minutes,
  MinutesApproval,
  MinutesKind,
  MinutesObjection,
  Round,
  RoundSession,
} from './rounds/model.js';
import type { Message, Thread, ThreadSummary } from './messages/model.js';
import type {
  Communique,
  CommuniqueApproval,
  CommuniqueObjection,
  PublicStatement,
} from './communiques/model.js';
import type {
  ActorStatement,
  ActorStatementId,
  Article,
  ArticleId,
  FeedEntry,
  FeedId,
  FeedProblemCode,
  MediaActor,
  MediaActorId,
  MediaFeed,
} from './media/model.js';
import type {
  Commitment,
  Evidence,
  LevelEntry,
  Theme,
  Verification,
} from './implementation/model.js';
import type { LevelHistory } from './implementation/history.js';
import type { ImportedLevel } from './implementation/imported-levels.js';
import type { LevelRun } from './implementation/level-runs.js';
import type { Level } from './implementation/pam.js';
import type { Publication } from './implementation/public-picture.js';
import type {
  Invitation,
  Membership,
  Party,
  PendingSeat,
  Process,
  ProcessLink,
  Role,
  StatusChange,
} from './process/model.js';
import type {
  CompartmentId,
  InvitationId,
  ItemId,
  PartyId,
  ProcessId,
  ProposalId,
  SessionId,
  TokenId,
  UserId,
  VersionId,
  AmendmentId,
  CommuniqueId,
  ConsultationId,
  MessageId,
  MinutesId,
  RoundId,
  RoundSessionId,
  StatementId,
  ThreadId,
  PasskeyId,
  ChallengeId,
  SeatId,
  CommitmentId,
  EvidenceId,
  LevelEntryId,
  VerificationId,
  ThemeId,
} from './shared/ids.js';

/** Current time, injected so tests control it. */
export interface Clock {
  /** Now. */
  now(): Date;
}

/** Fresh identifiers and secrets. */
export interface Ids {
  /** A new unique id (UUID). */
  newId(): string;
  /** A new secret token of at least 128 random bits, URL-safe. */
  newSecret(): string;
}

/** Hashing for passwords, tokens and the audit chain. */
export interface Hashing {
  /** argon2id hash of a password. */
  hashPassword(password: string): Promise<string>;
  /** Checks a password against an argon2id hash. */
  verifyPassword(hash: string, password: string): Promise<boolean>;
  /**
   * SHA-256 in hex, for tokens (high-entropy secrets need no slow hash) and the audit chain; of a
   * text's UTF-8 bytes, of bytes as they are (an uploaded file), or of texts one after the other
   * (a long canonical text given line by line, never joined into one string).
   */
  sha256(data: string | Uint8Array | Iterable<string>): string;
}

/** Time-based one-time passwords (RFC 6238). */
export interface Totp {
  /** A new base32 secret. */
  newSecret(): string;
  /** The otpauth:// URI to show as a QR code or paste into an authenticator. */
  uri(secret: string, account: string): string;
  /** The 30-second time step the code matches (±1 step), or null if it matches none. */
  matchStep(secret: string, code: string, at: Date): number | null;
}

/** Passkeys and pending WebAuthn challenges. */
export interface PasskeyStore {
  insertPasskey(p: Passkey): Promise<void>;
  /** A user's passkeys, oldest first. */
  listPasskeys(userId: UserId): Promise<Passkey[]>;
  findPasskey(id: PasskeyId): Promise<Passkey | undefined>;
  findPasskeyByCredentialId(credentialId: string): Promise<Passkey | undefined>;
  renamePasskey(id: PasskeyId, name: string): Promise<void>;
  /** Records a sign-in with the passkey: its new counter and the time. */
  recordPasskeyUse(id: PasskeyId, counter: number, at: string): Promise<void>;
  deletePasskey(id: PasskeyId): Promise<void>;
  /** Deletes every passkey of a user (an operator's account recovery); returns how many. */
  deletePasskeysOf(userId: UserId): Promise<number>;
  insertChallenge(c: WebAuthnChallenge): Promise<void>;
  /** Deletes the challenge and returns it if it was still there: only one caller ever gets it. */
  takeChallenge(id: ChallengeId): Promise<WebAuthnChallenge | undefined>;
  /** Deletes the challenges that expired before a time. */
  deleteExpiredChallenges(before: string): Promise<void>;
}

/** What the verifier needs of a stored passkey. */
export interface PasskeyCredential {
  /** The authenticator's credential id, base64url. */
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  /** Signature counter last seen. */
  counter: number;
  /** Transports, to help the browser find the authenticator. */
  transports: string[];
}

/** The browser's answer to navigator.credentials.create(), as JSON with base64url fields. */
export interface PasskeyRegistrationResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    authenticatorData?: string;
    transports?: string[];
    publicKeyAlgorithm?: number;
    publicKey?: string;
  };
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, unknown>;
}

/** The browser's answer to navigator.credentials.get(), as JSON with base64url fields. */
export interface PasskeyAssertionResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, unknown>;
}

/** Options for navigator.credentials.create() or get(): opaque to the core, passed to the browser. */
export type WebAuthnOptions = { challenge: string } & Record<string, unknown>;

/** A verification's outcome: what was verified, or why not (for the person, in English). */
export type Verified<T> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * WebAuthn (passkeys): the options a browser needs, and verification of what it answers, for this
 * server's relying party id and origin. Implemented by the server over @simplewebauthn/server.
 */
export interface WebAuthn {
  /** Options to create a passkey for an account, excluding the ones it already has. */
  registrationOptions(input: {
    userId: UserId;
    userName: string;
    displayName: string;
    exclude: readonly PasskeyCredential[];
  }): Promise<WebAuthnOptions>;
  /** Verifies a new passkey against the challenge, the origin and the relying party id. */
  verifyRegistration(input: {
    response: PasskeyRegistrationResponse;
    expectedChallenge: string;
  }): Promise<Verified<{ credential: PasskeyCredential }>>;
  /** Options to sign in, with the passkeys allowed (none: any discoverable passkey). */
  authenticationOptions(input: {
    allow: readonly PasskeyCredential[];
    userVerification: 'required' | 'preferred';
  }): Promise<WebAuthnOptions>;
  /** Verifies a sign-in: challenge, origin, relying party id, signature and counter. */
  verifyAuthentication(input: {
    response: PasskeyAssertionResponse;
    expectedChallenge: string;
    credential: PasskeyCredential;
    requireUserVerification: boolean;
  }): Promise<Verified<{ newCounter: number }>>;
}

/** Users, sessions and tokens. */
export interface AccountStore {
  findUserByEmail(email: string): Promise<User | undefined>;
  findUserById(id: UserId): Promise<User | undefined>;
  insertUser(user: User): Promise<void>;
  /** Replaces a user's password hash (argon2id). */
  updatePassword(id: UserId, passwordHash: string): Promise<void>;
  updateTotp(
    id: UserId,
    fields: Pick<User, 'totpSecret' | 'totpEnabled' | 'totpLastStep'>,
  ): Promise<void>;
  /**
   * Records that a TOTP code of time step `step` was used, only if no code of that step or a later
   * one was (`totpLastStep` null or below it), in one conditional write, so that of two attempts
   * with the same code at the same moment only one can claim it. Answers whether it did.
   */
  claimTotpStep(id: UserId, step: number): Promise<boolean>;
  countUsers(): Promise<number>;
  insertSession(session: Session): Promise<void>;
  findSessionByTokenHash(hash: string): Promise<Session | undefined>;
  findSession(id: SessionId): Promise<Session | undefined>;
  /**
   * A version of everything that resolving a user's session reads: the user, their sessions,
   * memberships and compartment grants. Every write to any of them changes it in the same
   * transaction (database triggers), so what was read at one version is still true while it stays.
   */
  signInVersion(userId: UserId): Promise<string>;
  revokeSession(id: SessionId, at: string): Promise<void>;
  /** Revokes a user's sessions still open at a time (not revoked, not expired); returns how many. */
  revokeOpenSessions(userId: UserId, at: string): Promise<number>;
  insertToken(token: ApiToken): Promise<void>;
  findToken(id: TokenId): Promise<ApiToken | undefined>;
  listTokens(userId: UserId): Promise<ApiToken[]>;
  revokeToken(id: TokenId, at: string): Promise<void>;
  /** Revokes every API token of a user not yet revoked; returns how many. */
  revokeOpenTokens(userId: UserId, at: string): Promise<number>;
  touchToken(id: TokenId, at: string): Promise<void>;
  /**
   * Locks the throttle rows of these keys until the transaction ends (creating fresh ones), and
   * returns their states in the order given: a concurrent reservation on the same key waits here,
   * so attempts are counted one after the other.
   */
  lockThrottle(keys: readonly string[]): Promise<ThrottleState[]>;
  /** Stores throttle states (of keys locked in the same transaction). */
  saveThrottle(states: readonly ThrottleState[]): Promise<void>;
  /** Forgets a throttle key (an operator's reset of the account's sign-in). */
  clearThrottle(key: string): Promise<void>;
  /** Remembers a browser an account has fully signed in from, by its device token's hash. */
  insertDevice(device: { tokenHash: string; userId: UserId; createdAt: string }): Promise<void>;
  /** The account a device token was issued to, if any. */
  findDeviceUser(tokenHash: string): Promise<UserId | undefined>;
  /** Forgets every device of an account; returns how many. */
  deleteDevicesOf(userId: UserId): Promise<number>;
}

/** Processes, parties, memberships, links, status history and invitations. */
export interface ProcessStore {
  insertProcess(p: Process): Promise<void>;
  findProcess(id: ProcessId): Promise<Process | undefined>;
  updateProcess(p: Process): Promise<void>;
  /** The processes a user is a member of. */
  listProcessesOf(userId: UserId): Promise<Process[]>;
  insertParty(p: Party): Promise<void>;
  updateParty(p: Party): Promise<void>;
  listParties(processId: ProcessId): Promise<Party[]>;
  membershipsOf(userId: UserId): Promise<Membership[]>;
  listMembers(processId: ProcessId): Promise<Array<Membership & { displayName: string }>>;
  insertMembership(m: Membership): Promise<void>;
  updateMembershipRole(
    processId: ProcessId,
    userId: UserId,
    role: Role,
    partyId: PartyId | null,
  ): Promise<void>;
  deleteMembership(processId: ProcessId, userId: UserId): Promise<void>;
  insertGrant(processId: ProcessId, userId: UserId, compartmentId: CompartmentId): Promise<void>;
  insertStatusChange(processId: ProcessId, change: StatusChange): Promise<void>;
  listStatusChanges(processId: ProcessId): Promise<StatusChange[]>;
  insertLink(processId: ProcessId, link: ProcessLink): Promise<void>;
  listLinks(processId: ProcessId): Promise<ProcessLink[]>;
  insertInvitation(i: Invitation): Promise<void>;
  findInvitationByTokenHash(hash: string): Promise<Invitation | undefined>;
  findInvitation(id: InvitationId): Promise<Invitation | undefined>;
  listInvitations(processId: ProcessId): Promise<Invitation[]>;
  markInvitation(
    id: InvitationId,
    fields: { usedAt?: string; revokedAt?: string; heldFor?: UserId },
  ): Promise<void>;
  /** Records a seat or grant awaiting consent. */
  insertPendingSeat(seat: PendingSeat): Promise<void>;
  /** The seats of a process awaiting consent, oldest first. */
  listPendingSeats(processId: ProcessId): Promise<PendingSeat[]>;
  /** Removes a seat once confirmed or declined. */
  deletePendingSeat(id: SeatId): Promise<void>;
  /** Removes every seat awaiting consent for one person in a process (they left it). */
  deletePendingSeatsOf(processId: ProcessId, userId: UserId): Promise<void>;
  /** Makes a delegation member a delegation admin, or no longer one. */
  setDelegationAdmin(processId: ProcessId, userId: UserId, admin: boolean): Promise<void>;
}

/** The compartments of a process and the items in them. Reads take the readable compartment ids. */
export interface ItemStore {
  insertCompartment(c: Compartment): Promise<void>;
  listCompartments(processId: ProcessId): Promise<Compartment[]>;
  findCompartment(id: CompartmentId): Promise<Compartment | undefined>;
  insertItem(item: Item): Promise<void>;
  /** An item, only if it lies in one of the visible compartments. */
  findItem(id: ItemId, visible: readonly CompartmentId[]): Promise<Item | undefined>;
  /** Items in the visible compartments, newest first, optionally narrowed and searched. */
  listItems(query: {
    processId: ProcessId;
    visible: readonly CompartmentId[];
    compartmentId?: CompartmentId;
    text?: string;
    limit: number;
  }): Promise<Item[]>;
  /** Item counts per compartment, over the visible compartments only. */
  countItems(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<Map<CompartmentId, number>>;
  /** Writes a new revision if the stored one is still `expectedRevision`; false otherwise. */
  updateItem(item: Item, expectedRevision: number): Promise<boolean>;
}

/** The append-only audit log. */
export interface AuditLog {
  /**
   * Records an event in the current transaction: it is appended, chained to the previous entry,
   * when the use case's work is done, just before the commit (with the events of the other
   * transactions that share that commit, so the log's head, which every writer's entries share, is
   * locked only briefly). Reads of the log in the same transaction do not see it yet.
   */
  append(event: AuditEvent): Promise<void>;
  /** Every entry of one kind, oldest first (for operators: tracing issued copies). */
  listByKind(kind: AuditEntry['kind']): Promise<AuditEntry[]>;
  /** The entry with this number in this audit scope, if the scope has one. */
  findInScope(scope: AuditScopeName, scopeSeq: number): Promise<ScopedAuditEntry | undefined>;
  /** How many entries an audit scope holds (committed ones; 0 for a scope without entries). */
  scopeSize(scope: AuditScopeName): Promise<number>;
  /** The sequence number of the log's last entry (0 while it is empty). */
  lastSeq(): Promise<number>;
  /** Up to `limit` entries after `seq`, oldest first: how the live hub follows the log. */
  listAfter(seq: number, limit: number): Promise<AuditEntry[]>;
  /** The entries of one process of the given kinds, oldest first (set-up history, not material). */
  listProcessKinds(
    processId: ProcessId,
    kinds: readonly AuditEntry['kind'][],
  ): Promise<AuditEntry[]>;
  /**
   * The entries of one process whose compartment (if any) is visible, newest first, before the
   * entry of global seq `beforeSeq` if given (the use case resolves a member's cursor to it).
   */
  listForProcess(query: {
    processId: ProcessId;
    visible: readonly CompartmentId[];
    limit: number;
    beforeSeq?: number;
    /** Narrows the list (every field optional); applied in the query. */
    filter?: AuditFilter;
  }): Promise<ScopedAuditEntry[]>;
}

/** What an audit list may be narrowed to: one person, one kind, one compartment, a period. */
export interface AuditFilter {
  /** Only this person's acts. */
  actorUserId?: string;
  /** Only this kind of event. */
  kind?: string;
  /** Only entries about this compartment (the use case has checked that it is visible). */
  compartmentId?: CompartmentId;
  /** Only entries at or after this time (ISO 8601). */
  fromAt?: string;
  /** Only entries before this time (ISO 8601). */
  beforeAt?: string;
}

/** The negotiation record. Compartmented reads take the readable compartment ids. */
export interface RecordStore {
  insertIssue(issue: AgendaIssue): Promise<void>;
  /** The agenda in order, with options in order. */
  listIssues(processId: ProcessId): Promise<AgendaIssue[]>;
  insertDemand(d: Demand): Promise<void>;
  listDemands(processId: ProcessId): Promise<Demand[]>;
  insertPosition(p: Position): Promise<void>;
  listPositions(processId: ProcessId, visible: readonly CompartmentId[]): Promise<Position[]>;
  insertProposal(p: Proposal): Promise<void>;
  findProposal(id: ProposalId, visible: readonly CompartmentId[]): Promise<Proposal | undefined>;
  /** Proposals in the visible compartments, by round then time. */
  listProposals(processId: ProcessId, visible: readonly CompartmentId[]): Promise<Proposal[]>;
  insertResponse(r: ProposalResponse): Promise<void>;
  /** Responses to the given proposals (the caller passes only proposals it may see). */
  listResponses(proposalIds: readonly ProposalId[]): Promise<ProposalResponse[]>;
}

/** The negotiating text. Version and amendment reads take the readable compartment ids. */
export interface TextStore {
  findDraft(processId: ProcessId): Promise<WorkingDraft | undefined>;
  /** Writes the draft if the stored revision is still `expectedRevision` (null: none yet). */
  saveDraft(draft: WorkingDraft, expectedRevision: number | null): Promise<boolean>;
  insertVersion(v: StoredVersion): Promise<void>;
  /** Published versions in the visible compartments, by number. */
  listVersions(processId: ProcessId, visible: readonly CompartmentId[]): Promise<StoredVersion[]>;
  /** The highest version number, over every compartment (numbering is per process). */
  latestVersionNumber(processId: ProcessId): Promise<number>;
  insertSignature(s: StoredSignature): Promise<void>;
  /** Signatures on the given versions. */
  listSignatures(versionIds: readonly VersionId[]): Promise<StoredSignature[]>;
  insertAmendment(a: StoredAmendment): Promise<void>;
  listAmendments(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<StoredAmendment[]>;
  /** Records the mediators' decision on a pending amendment; false if it was no longer pending. */
  decideAmendment(id: AmendmentId, outcome: AmendmentOutcome, decidedAt: string): Promise<boolean>;
}

/** Parties' private ratings. */
export interface PreferenceStore {
  /** One party's ratings, only if they lie in a visible compartment. */
  find(
    processId: ProcessId,
    partyId: PartyId,
    visible: readonly CompartmentId[],
  ): Promise<StoredPreferences | undefined>;
  /**
   * Every party's ratings, unfiltered: only for the engine inside the analysis use case, whose
   * result passes the disclosure rules (core/analysis/disclosure) before anyone sees it.
   */
  listForEngine(processId: ProcessId): Promise<StoredPreferences[]>;
  /** Writes the ratings if the stored revision is still `expectedRevision` (null: none yet). */
  save(p: StoredPreferences, expectedRevision: number | null): Promise<boolean>;
  /** Stores a new submission; false if its number was taken meanwhile. Submissions never change. */
  addSubmission(s: StoredSubmission): Promise<boolean>;
  /** One party's submissions, newest first, only if they lie in a visible compartment. */
  listSubmissions(
    processId: ProcessId,
    partyId: PartyId,
    visible: readonly CompartmentId[],
  ): Promise<StoredSubmission[]>;
  /**
   * Every party's latest submission, unfiltered: only for publishing a suggestion set, whose
   * result is stored and shown per reader by the disclosure rules.
   */
  latestSubmissions(processId: ProcessId): Promise<StoredSubmission[]>;
  /**
   * The number of each party's latest submission (parties without one left out), read without
   * opening any rating: for the next number, and for the mediators' count since the last set.
   */
  submissionCounts(processId: ProcessId): Promise<{ partyId: PartyId; latest: number }[]>;
}

/**
 * Published suggestion sets, the parties' consents to a publication beyond the bound, and the
 * bound. Sets are immutable once added.
 */
export interface SuggestionStore {
  /** Stores a published set with every party's part; false if its number was taken meanwhile. */
  addSet(set: SuggestionSet & { compartmentId: CompartmentId }): Promise<boolean>;
  /**
   * The process's sets in a visible compartment, oldest first, with the parts of `inputsOf` only,
   * and their numbers only for `numbersOf`: a reader never loads a party's part it may not see.
   */
  listSets(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    reader: { inputsOf: readonly PartyId[]; numbersOf: readonly PartyId[] },
  ): Promise<SuggestionSet[]>;
  /** How many sets were published in a round (null: before the first round), whoever may see them. */
  countSets(processId: ProcessId, roundId: RoundId | null): Promise<number>;
  /** The number of the latest set (0 before the first), whoever may see it. */
  lastSetNumber(processId: ProcessId): Promise<number>;
  /** The submission each party's part of the latest set used (none before the first set). */
  lastInputs(processId: ProcessId): Promise<{ partyId: PartyId; submissionNumber: number }[]>;
  /** The process's settings (the defaults when none were set). */
  settings(processId: ProcessId): Promise<AnalysisSettings>;
  /** Sets the process's settings. */
  saveSettings(
    processId: ProcessId,
    settings: AnalysisSettings,
    by: UserId,
    at: string,
  ): Promise<void>;
  /** Records a party's consent to the publication of set `setNumber`; false if it had consented. */
  addConsent(c: {
    processId: ProcessId;
    partyId: PartyId;
    setNumber: number;
    by: UserId;
    at: string;
  }): Promise<boolean>;
  /** The parties that consented to the publication of set `setNumber`, among `parties`. */
  listConsents(
    processId: ProcessId,
    setNumber: number,
    parties: readonly PartyId[],
  ): Promise<PartyId[]>;
}

/**
 * Rounds, sessions, minutes, consultations and acknowledgements. Rounds themselves are known to
 * every member (their venue is withheld by the use cases); sessions, minutes, consultations and
 * responses live in compartments, so their reads take the readable compartment ids.
 */
export interface RoundStore {
  insertRound(r: Round): Promise<void>;
  /** Writes the round if the stored revision is still `expectedRevision`; false otherwise. */
  updateRound(r: Round, expectedRevision: number): Promise<boolean>;
  /** A round with its invitees. */
  findRound(id: RoundId): Promise<Round | undefined>;
  /** The rounds of a process by number, with their invitees. */
  listRounds(processId: ProcessId): Promise<Round[]>;
  /** The highest round number of a process (0 when none). */
  latestRoundNumber(processId: ProcessId): Promise<number>;
  insertAcknowledgement(a: Acknowledgement): Promise<void>;
  /** One user's acknowledgements of the given rounds (every rules hash they acknowledged). */
  listAcknowledgements(userId: UserId, roundIds: readonly RoundId[]): Promise<Acknowledgement[]>;
  insertConsultation(c: Consultation): Promise<void>;
  /** Closes the round's open consultation, if any; returns it. */
  closeConsultation(roundId: RoundId, at: string): Promise<Consultation | undefined>;
  /** The round's open consultation, regardless of compartments (for its deadline and state). */
  findOpenConsultation(roundId: RoundId): Promise<Consultation | undefined>;
  /** Consultations of the given rounds in the visible compartments, oldest first. */
  listConsultations(
    roundIds: readonly RoundId[],
    visible: readonly CompartmentId[],
  ): Promise<Consultation[]>;
  /** Inserts or replaces a party's answer to a consultation. */
  saveConsultationResponse(r: ConsultationResponse): Promise<void>;
  /** Answers to the given consultations in the visible compartments. */
  listConsultationResponses(
    consultationIds: readonly ConsultationId[],
    visible: readonly CompartmentId[],
  ): Promise<ConsultationResponse[]>;
  insertSession(s: RoundSession): Promise<void>;
  /** A session, only if it lies in a visible compartment. */
  findSession(
    id: RoundSessionId,
    visible: readonly CompartmentId[],
  ): Promise<RoundSession | undefined>;
  /** Sessions of a process (optionally of some rounds) in the visible compartments, by start. */
  listSessions(query: {
    processId: ProcessId;
    visible: readonly CompartmentId[];
    roundIds?: readonly RoundId[];
  }): Promise<RoundSession[]>;
  /** Replaces a session's attendance if its revision is still `expectedRevision`; false otherwise. */
  saveAttendance(session: RoundSession, expectedRevision: number): Promise<boolean>;
  /** One kind of minutes of a session, only if they lie in a visible compartment. */
  findMinutes(
    sessionId: RoundSessionId,
    kind: MinutesKind,
    visible: readonly CompartmentId[],
  ): Promise<Minutes | undefined>;
  /** Writes minutes if the stored revision is still `expectedRevision` (null: none yet); false otherwise. */
  saveMinutes(m: Minutes, expectedRevision: number | null): Promise<boolean>;
  /** Minutes of the given sessions in the visible compartments. */
  listMinutes(
    sessionIds: readonly RoundSessionId[],
    visible: readonly CompartmentId[],
  ): Promise<Minutes[]>;
  /** Records a party's approval, replacing any earlier one by the party (of an older text). */
  insertMinutesApproval(a: MinutesApproval): Promise<void>;
  /** Deletes every approval of the minutes (their text changed); returns how many there were. */
  clearMinutesApprovals(minutesId: MinutesId): Promise<number>;
  /** Approvals of the given minutes (the caller passes only minutes it may see). */
  listMinutesApprovals(minutesIds: readonly MinutesId[]): Promise<MinutesApproval[]>;
  /** Records a party's rejection or request for a change, replacing its earlier answer. */
  insertMinutesObjection(o: MinutesObjection): Promise<void>;
  /** Rejections and requests for a change of the given minutes (only minutes the caller may see). */
  listMinutesObjections(minutesIds: readonly MinutesId[]): Promise<MinutesObjection[]>;
}

/** Threads and messages; every read takes the readable compartment ids. */
export interface MessageStore {
  insertThread(t: Thread): Promise<void>;
  /** A thread, only if it lies in a visible compartment. */
  findThread(id: ThreadId, visible: readonly CompartmentId[]): Promise<Thread | undefined>;
  /** Threads in the visible compartments (optionally one), most recently active first. */
  listThreads(query: {
    processId: ProcessId;
    visible: readonly CompartmentId[];
    compartmentId?: CompartmentId;
  }): Promise<ThreadSummary[]>;
  insertMessage(m: Message): Promise<void>;
  /** A message, only if it lies in a visible compartment. */
  findMessage(id: MessageId, visible: readonly CompartmentId[]): Promise<Message | undefined>;
  /** The messages of a thread in a visible compartment, oldest first. */
  listMessages(threadId: ThreadId, visible: readonly CompartmentId[]): Promise<Message[]>;
}

/**
 * Actors, articles and confirmed statements (C9). Every read takes the readable compartment ids
 * and returns only rows in them, so what may not be seen is never loaded.
 */
export interface MediaStore {
  insertActor(a: MediaActor): Promise<void>;
  /** Writes it if the stored revision is still `expectedRevision`; false otherwise. */
  updateActor(a: MediaActor, expectedRevision: number): Promise<boolean>;
  /** One actor, only if visible. */
  findActor(id: MediaActorId, visible: readonly CompartmentId[]): Promise<MediaActor | undefined>;
  /** The visible actors of a process, oldest first. */
  listActors(processId: ProcessId, visible: readonly CompartmentId[]): Promise<MediaActor[]>;
  insertArticle(a: Article): Promise<void>;
  /** One article, only if visible. */
  findArticle(id: ArticleId, visible: readonly CompartmentId[]): Promise<Article | undefined>;
  /** The visible articles of a process, newest first. */
  listArticles(processId: ProcessId, visible: readonly CompartmentId[]): Promise<Article[]>;
  insertStatement(s: ActorStatement): Promise<void>;
  /** The visible statements of a process, by date said then confirmation. */
  listStatements(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<ActorStatement[]>;
  /** One statement, only if visible. */
  findStatement(
    id: ActorStatementId,
    visible: readonly CompartmentId[],
  ): Promise<ActorStatement | undefined>;
  /** Writes it if the stored revision is still `expectedRevision`; false otherwise. */
  updateStatement(s: ActorStatement, expectedRevision: number): Promise<boolean>;
  insertFeed(f: MediaFeed): Promise<void>;
  /** Writes it if the stored revision is still `expectedRevision`; false otherwise. */
  updateFeed(f: MediaFeed, expectedRevision: number): Promise<boolean>;
  /** Removes a feed (its articles stay). */
  deleteFeed(id: FeedId): Promise<void>;
  /** One feed, only if visible. */
  findFeed(id: FeedId, visible: readonly CompartmentId[]): Promise<MediaFeed | undefined>;
  /** The visible feeds of a process, oldest first. */
  listFeeds(processId: ProcessId, visible: readonly CompartmentId[]): Promise<MediaFeed[]>;
  /**
   * Every feed of every process, with what the scheduler needs to tell which are due and nothing
   * sealed: the server's own schedule, never shown to anyone.
   */
  listFeedSchedule(): Promise<
    Array<
      Pick<MediaFeed, 'id' | 'processId' | 'compartmentId' | 'intervalMinutes' | 'lastFetchedAt'>
    >
  >;
}

/** Why a feed could not be read, for people: a code to translate and its detail. */
export interface FeedProblem {
  /** What kind of problem. */
  code: FeedProblemCode;
  /** The detail (a status code, a size limit, the parser's words). */
  detail: string;
  /** The whole of it in English, for the API and the CLI. */
  message: string;
}

/** What reading a feed gave: its title and entries, or the problem. */
export type FeedReading =
  { ok: true; title: string; entries: FeedEntry[] } | { ok: false; problem: FeedProblem };

/**
 * Fetches an RSS or Atom feed over the network and reads it, within limits of size and time. A
 * feed's own fault (unreachable, too slow, too large, not a feed) is an answer, never a throw.
 */
export interface FeedReader {
  read(url: string): Promise<FeedReading>;
}

/**
 * Communiqués, press lines and public statements. A released communiqué is visible in its stored
 * compartment, and in the public compartment from `publicFrom`: reads take the time as well as
 * the readable compartment ids.
 */
export interface CommuniqueStore {
  insertCommunique(c: Communique): Promise<void>;
  /** Writes it if the stored revision is still `expectedRevision`; false otherwise. */
  updateCommunique(c: Communique, expectedRevision: number): Promise<boolean>;
  /** One, only if visible (in a visible compartment, or public by `now` with public visible). */
  findCommunique(
    id: CommuniqueId,
    visible: readonly CompartmentId[],
    now: string,
  ): Promise<Communique | undefined>;
  /** Those visible, drafts and circulated first, then released by number and time. */
  listCommuniques(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    now: string,
  ): Promise<Communique[]>;
  /** The highest communiqué number of a process (0 when none). */
  latestCommuniqueNumber(processId: ProcessId): Promise<number>;
  /** Records an approval, replacing any earlier one by the same approver (of an older wording). */
  insertApproval(a: CommuniqueApproval): Promise<void>;
  /** Deletes every approval (the wording changed); returns how many there were. */
  clearApprovals(communiqueId: CommuniqueId): Promise<number>;
  /** Approvals of the given communiqués (the caller passes only those it may see). */
  listApprovals(communiqueIds: readonly CommuniqueId[]): Promise<CommuniqueApproval[]>;
  /** Records a party's objection, replacing its earlier approval or objection. */
  insertObjection(o: CommuniqueObjection): Promise<void>;
  /** Objections to the given communiqués (the caller passes only those it may see). */
  listObjections(communiqueIds: readonly CommuniqueId[]): Promise<CommuniqueObjection[]>;
  insertStatement(s: PublicStatement): Promise<void>;
  /** Writes a statement's divergence note. */
  updateStatement(s: PublicStatement): Promise<void>;
  /** A statement, only if it lies in a visible compartment. */
  findStatement(
    id: StatementId,
    visible: readonly CompartmentId[],
  ): Promise<PublicStatement | undefined>;
  /** Statements in the visible compartments, by date. */
  listStatements(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<PublicStatement[]>;
}

/**
 * Implementation (C10): themes, commitments, evidence, level entries and verifications. Every read
 * takes the readable compartment ids; commitments, levels and verifications live in the plenary,
 * evidence in its submitter's compartment until released.
 */
export interface ImplementationStore {
  insertTheme(t: Theme): Promise<void>;
  /** The process's themes, if the plenary is visible. */
  listThemes(processId: ProcessId, visible: readonly CompartmentId[]): Promise<Theme[]>;
  /** A theme, if its compartment is visible. */
  findTheme(id: ThemeId, visible: readonly CompartmentId[]): Promise<Theme | undefined>;
  /**
   * Writes a theme's name, parent and mappings if the stored theme still has `expected`'s (its
   * code never changes); false if another change came first.
   */
  updateTheme(t: Theme, expected: Theme): Promise<boolean>;
  /** How many visible commitments and subthemes of the process use a theme's code. */
  countThemeUses(
    processId: ProcessId,
    code: string,
    visible: readonly CompartmentId[],
  ): Promise<{ commitments: number; subthemes: number }>;
  /**
   * Locks the process's themes with these codes until the transaction ends and answers the codes
   * of those that exist (one removed meanwhile is missing), so that what a use case checks of them
   * next stays true until it commits. A theme in `use` (named by a commitment being written, or as
   * a parent) cannot meanwhile be removed or placed under another; one in `change` (being removed,
   * or placed under another) waits for the transactions using or changing it and holds off new
   * ones. Read what a rule needs after this call, not before: it sees what the lock waited for.
   */
  lockThemes(
    processId: ProcessId,
    codes: { use: readonly string[]; change: readonly string[] },
    visible: readonly CompartmentId[],
  ): Promise<string[]>;
  /** Deletes a theme if no commitment and no subtheme uses its code; false otherwise. */
  deleteTheme(t: Theme): Promise<boolean>;
  /** Inserts commitments (several at once for an import). */
  insertCommitments(cs: readonly Commitment[]): Promise<void>;
  /** Writes it if the stored revision is still `expectedRevision`; false otherwise. */
  updateCommitment(c: Commitment, expectedRevision: number): Promise<boolean>;
  findCommitment(
    id: CommitmentId,
    visible: readonly CompartmentId[],
  ): Promise<Commitment | undefined>;
  /** Visible commitments, by external id. */
  listCommitments(processId: ProcessId, visible: readonly CompartmentId[]): Promise<Commitment[]>;
  /** Inserts evidence (several at once for an import). */
  insertEvidence(es: readonly Evidence[]): Promise<void>;
  findEvidence(id: EvidenceId, visible: readonly CompartmentId[]): Promise<Evidence | undefined>;
  /** Visible evidence of the process (or of one commitment), by date observed. */
  listEvidence(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    commitmentId?: CommitmentId,
  ): Promise<Evidence[]>;
  /** Moves a piece of evidence to another compartment (a release). */
  moveEvidence(id: EvidenceId, compartmentId: CompartmentId): Promise<void>;
  /** Keeps the bytes of a file evidence (inserted with `insertEvidence` just before). */
  insertEvidenceFile(e: Evidence, content: Uint8Array): Promise<void>;
  /** The bytes of a file evidence the actor may see (filtered like the evidence), or undefined. */
  readEvidenceFile(
    id: EvidenceId,
    visible: readonly CompartmentId[],
  ): Promise<Uint8Array | undefined>;
  /** Appends level entries (several at once for an import). */
  insertLevelEntries(es: readonly LevelEntry[]): Promise<void>;
  /** Visible level entries of the process (or of one commitment), in recording order. */
  listLevelEntries(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    commitmentId?: CommitmentId,
  ): Promise<LevelEntry[]>;
  /**
   * The visible level entries as the roll-ups need them (no note, nothing decrypted): a roll-up
   * over hundreds of thousands of entries should not open each one.
   */
  listLevelFacts(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<Array<Pick<LevelEntry, 'id' | 'commitmentId' | 'level' | 'effectiveOn' | 'setAt'>>>;
  /**
   * The visible level entries as a history (grouped by commitment, in history order, column by
   * column; nothing decrypted), grouped and ordered by the database: what the roll-ups of a whole
   * agreement read. With `knownAt`, only the entries recorded by then.
   */
  readLevelHistory(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    knownAt?: string,
  ): Promise<LevelHistory>;
  /**
   * Stores an import's level entries and their evidence as runs (one per commitment, named by the
   * import), so that the import's single audit entry, which holds the SHA-256 of their rows,
   * names them. Every read of level entries and evidence gives a run's as entries and evidence.
   */
  insertLevelRuns(runs: readonly LevelRun[]): Promise<void>;
  /** The level entries an import stored, with their evidence's hashes (nothing decrypted). */
  listImportedLevels(processId: ProcessId, importId: string): Promise<ImportedLevel[]>;
  /**
   * What a re-import compares a level row on without decrypting anything: each visible entry's
   * commitment, date, level and its first evidence's SHA-256.
   */
  listLevelKeys(
    processId: ProcessId,
    visible: readonly CompartmentId[],
  ): Promise<
    Array<{
      id: LevelEntryId;
      commitmentId: CommitmentId;
      effectiveOn: string;
      level: Level;
      evidenceSha256: string;
    }>
  >;
  /** The notes of the given visible entries (only these are decrypted). */
  openLevelNotes(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    ids: ReadonlySet<string>,
  ): Promise<Map<string, string>>;
  /**
   * The dates visible evidence speaks of, per commitment (nothing decrypted); with `between`, only
   * those within it (inclusive), the latest per commitment: what the silent flag asks.
   */
  listEvidenceDates(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    between?: { from: string; to: string },
  ): Promise<Array<{ commitmentId: CommitmentId; observedOn: string }>>;
  insertVerification(v: Verification): Promise<void>;
  findVerification(
    id: VerificationId,
    visible: readonly CompartmentId[],
  ): Promise<Verification | undefined>;
  /** Records the resolution of a dispute; false if it was already resolved. */
  resolveVerification(
    id: VerificationId,
    fields: { resolvedAt: string; resolvedBy: UserId; resolution: string },
  ): Promise<boolean>;
  /** Visible verifications of the process (or of one commitment), oldest first. */
  listVerifications(
    processId: ProcessId,
    visible: readonly CompartmentId[],
    commitmentId?: CommitmentId,
  ): Promise<Verification[]>;
  /** The process's released public picture, if any (the public page's content). */
  findPublication(processId: ProcessId): Promise<Publication | undefined>;
  /** The released public picture behind a page address, if any. */
  findPublicationBySlug(slug: string): Promise<Publication | undefined>;
  /** Stores the process's released picture, replacing the one before. */
  savePublication(p: Publication): Promise<void>;
  /** Withdraws the process's public picture; false if none was released. */
  deletePublication(processId: ProcessId): Promise<boolean>;
}

/** Everything a use case can touch inside one transaction. */
export interface Stores {
  accounts: AccountStore;
  passkeys: PasskeyStore;
  processes: ProcessStore;
  items: ItemStore;
  record: RecordStore;
  text: TextStore;
  preferences: PreferenceStore;
  suggestions: SuggestionStore;
  rounds: RoundStore;
  messages: MessageStore;
  communiques: CommuniqueStore;
  media: MediaStore;
  implementation: ImplementationStore;
  audit: AuditLog;
}

/** Runs work in one database transaction: all of it commits, or none. */
export interface UnitOfWork {
  /** Runs fn in a transaction; the audit events it appends commit with its changes. */
  transaction<T>(fn: (stores: Stores) => Promise<T>): Promise<T>;
  /**
   * Runs lookups on one connection without a transaction (PostgreSQL: no BEGIN and COMMIT round
   * trips), for a read that changes nothing and needs no snapshot across its statements, such as
   * resolving a session on every request. Appending an audit event there throws.
   */
  read<T>(fn: (stores: Stores) => Promise<T>): Promise<T>;
}

/**
 * The decision-support engine. It may take seconds on a large agenda, so the server runs it off
 * the request's thread; the result is already cut down to what the viewer may see.
 */
export interface AnalysisEngine {
  analyzeFor(domain: Domain, options: AnalyzeOptions, viewer: Viewer): Promise<AnalysisView>;
}

/**
 * The audit log as Merkle trees (RFC 9162): signed heads and proofs, for one audit scope (what
 * members witness) or, with scope null, for the global log (the operator's).
 */
export interface AuditTreePort {
  /** The current signed tree head of a scope (or of the global log). */
  head(scope: AuditScopeName | null): Promise<SignedTreeHead>;
  /** A consistency proof between two sizes of a scope's tree, as hex nodes. */
  consistency(scope: AuditScopeName | null, oldSize: number, newSize: number): Promise<string[]>;
  /** An inclusion proof for entry `seq` (its number in the scope) in the tree of `size` entries. */
  inclusion(scope: AuditScopeName | null, seq: number, size: number): Promise<string[]>;
}

/**
 * Every port a use case can be given. A use case names exactly the ones it uses, always in the
 * same form: `deps: Deps<'db' | 'clock'>`.
 */
export interface Ports {
  db: UnitOfWork;
  clock: Clock;
  ids: Ids;
  hashing: Hashing;
  totp: Totp;
  webAuthn: WebAuthn;
  auditTree: AuditTreePort;
  engine: AnalysisEngine;
  fingerprintKey: FingerprintKey;
  feeds: FeedReader;
  /** Sessions resolved earlier, reused while the user's sign-in version stays the same. */
  sessionCache: SessionCache;
}

/** The ports a use case uses, by name: the one way a use case types its `deps`. */
export type Deps<K extends keyof Ports> = Pick<Ports, K>;
