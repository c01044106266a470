/**
 * The audit event catalogue. Each kind names what happened and the shape of its data.
 * Stored shapes are frozen: once an event kind has been written, its data shape never changes
 * (add a new kind instead), because the hash chain covers the stored bytes forever.
 * Data carries ids and set-up values only, never the body of confidential material.
 */
export interface AuditEvents {
  'user.created': { isAdmin: boolean };
  'session.signed_in': { method: 'password' | 'password+totp' };
  'session.signed_out': Record<string, never>;
  'token.created': { tokenId: string; name: string };
  'token.revoked': { tokenId: string };
  'totp.enabled': Record<string, never>;
  'totp.disabled': Record<string, never>;
  'passkey.registered': { passkeyId: string; name: string };
  'passkey.renamed': { passkeyId: string; name: string };
  'passkey.removed': { passkeyId: string };
  /** A sign-in with a passkey: after the password (second factor) or on its own (passwordless). */
  'session.signed_in_with_passkey': { passkeyId: string; method: 'password+passkey' | 'passkey' };
  'process.created': { codename: string };
  'process.updated': { fields: string[] };
  'process.status_changed': { from: string; to: string; reason: string; partyId: string | null };
  'process.link_added': { label: string; linkedProcessId: string | null };
  'party.added': { partyId: string; code: string };
  'party.status_changed': { partyId: string; from: string; to: string; reason: string };
  'membership.added': { userId: string; role: string; partyId: string | null };
  'membership.role_changed': { userId: string; from: string; to: string; partyId: string | null };
  'membership.removed': { userId: string; role: string };
  'grant.added': { userId: string; compartmentId: string };
  /**
   * A seat in a delegation or the mediator team, or a grant of one of their rooms, now awaits the
   * consent of those who hold the room; filed under that room (the party's caucus, the mediators'
   * room), so that only they are told. The seat events below share this shape.
   */
  'seat.requested': SeatEventData;
  /** Those who hold the room (or the first head or lead mediator, appointed) confirmed the seat. */
  'seat.confirmed': SeatEventData;
  /** The seat was declined by those who hold the room, withdrawn by its initiator, or refused. */
  'seat.declined': SeatEventData;
  /** The head of delegation made a delegation member an admin, who confirms seats (in the caucus). */
  'delegation_admin.granted': { userId: string; partyId: string };
  /** The head of delegation withdrew a delegation member's admin mandate (in the caucus). */
  'delegation_admin.revoked': { userId: string; partyId: string };
  'invitation.created': { invitationId: string; role: string; partyId: string | null };
  'invitation.accepted': { invitationId: string; userId: string };
  'invitation.revoked': { invitationId: string };
  /**
   * Someone accepted the invitation "with a new account" on the e-mail of an existing account: it
   * is held for that account's owner to accept signed in. Names neither the account nor the e-mail.
   */
  'invitation.held': { invitationId: string };
  'item.created': { itemId: string };
  'item.updated': { itemId: string; revision: number };
  'item.read': { itemId: string };
  'item.released': { itemId: string; from: string; to: string };
  'compartment.listed': { query: string | null };
  /** A search in a compartment. Its words are not kept: they may quote confidential material. */
  'compartment.searched': Record<string, never>;
  'audit.read': Record<string, never>;
  'issue.added': { issueId: string; options: number };
  'demand.recorded': { demandId: string; partyId: string };
  'position.recorded': { positionId: string; issueId: string };
  'proposal.tabled': { proposalId: string; round: number; respondsTo: string | null };
  'proposal.responded': { proposalId: string; kind: string; counterProposalId: string | null };
  'text.read': { revision: number };
  'text.edited': { revision: number; edit: string };
  'version.published': { versionId: string; number: number; hash: string; recipients: number };
  'version.read': { versionId: string; number: number };
  'version.signed': { versionId: string; partyId: string; hash: string };
  'version.exported': { versionId: string; number: number; format: string; copyId: string };
  'amendment.proposed': { amendmentId: string; provision: string };
  'amendment.decided': { amendmentId: string; outcome: string };
  'preferences.saved': { partyId: string; revision: number; method: string };
  'preferences.shared': { partyId: string; shared: boolean };
  'analysis.viewed': { viewer: string; proposalId: string | null };
  /** A party submitted its draft ratings as submission `number` (in its caucus). */
  'preferences.submitted': { partyId: string; number: number; revision: number };
  /**
   * The mediator team published suggestion set `number` (in the plenary: every party is told).
   * Nothing derived from any party's ratings or submissions: each party reads its own part.
   */
  'suggestions.published': { setId: string; number: number; roundId: string | null };
  /** A head of delegation consented to publishing set `setNumber` beyond the bound (its channel). */
  'suggestions.consented': { partyId: string; setNumber: number };
  /** The organisers set how many suggestion sets a round allows (process set-up: every member). */
  'suggestions.bound_set': { setsPerRound: number };
  /** Someone read the suggestion sets (where: the reader's own room). */
  'suggestions.viewed': { viewer: string };
  // Rounds and sessions (C3).
  'round.created': { roundId: string; number: number };
  'round.updated': { roundId: string; fields: string[]; rulesHash: string };
  'round.invitees_changed': { roundId: string; invitees: number };
  'round.status_changed': { roundId: string; from: string; to: string };
  'round.acknowledged': { roundId: string; rulesHash: string };
  'round.viewed': { roundId: string; venue: boolean };
  'consultation.opened': { roundId: string; consultationId: string; deadline: string };
  'consultation.closed': { roundId: string; consultationId: string };
  'consultation.responded': { consultationId: string; partyId: string; kind: string };
  'session.scheduled': { sessionId: string; roundId: string; format: string };
  'session.attendance_recorded': { sessionId: string; attendees: number; revision: number };
  'minutes.written': {
    minutesId: string;
    sessionId: string;
    kind: string;
    revision: number;
    hash: string;
    approvalsReset: number;
  };
  'minutes.approved': { minutesId: string; partyId: string; hash: string };
  /** A party rejected plenary minutes or asked for a change (the comment is not logged). */
  'minutes.objected': {
    minutesId: string;
    partyId: string;
    hash: string;
    objection: 'rejected' | 'change_requested';
  };
  /**
   * Written before audit scopes (no longer written): its session count covered sessions in the
   * exporter's caucus, readable by organisers who may not read that caucus. See `calendar.issued`.
   */
  'calendar.exported': { rounds: number; sessions: number };
  /**
   * A member downloaded their personal calendar. No counts: what it held depends on compartments
   * the readers of this entry may not read (a party's caucus sessions).
   */
  'calendar.issued': Record<string, never>;
  // Messages and communiqués (C8).
  'thread.started': { threadId: string; sessionId: string | null };
  'thread.read': { threadId: string };
  'message.posted': { messageId: string; threadId: string };
  'message.relayed': { messageId: string; relayOf: string; from: string; to: string };
  'communique.drafted': { communiqueId: string; kind: string; hash: string };
  'communique.edited': {
    communiqueId: string;
    revision: number;
    hash: string;
    approvalsReset: number;
  };
  'communique.circulated': { communiqueId: string; from: string; to: string; hash: string };
  'communique.approved': { communiqueId: string; partyId: string | null; hash: string };
  /** A party rejected a circulated wording or asked for a change (the comment is not logged). */
  'communique.objected': {
    communiqueId: string;
    partyId: string;
    hash: string;
    objection: 'rejected' | 'change_requested';
  };
  'communique.released': {
    communiqueId: string;
    number: number | null;
    hash: string;
    publicFrom: string;
  };
  /** A release withdrawn before it was public (in its undo window or embargo); it gave back its number. */
  'communique.withdrawn': {
    communiqueId: string;
    number: number | null;
    hash: string;
    /** When it would have been public. */
    publicFrom: string;
  };
  'statement.logged': { statementId: string; partyId: string; agreedLineId: string | null };
  'statement.divergence_raised': { statementId: string; agreedLineId: string };
  /** An actor outside the table was registered in a compartment's register (C9). */
  'media_actor.registered': { actorId: string };
  /** A person set an actor's stance towards the process (the stance itself is sealed). */
  'media_actor.stance_changed': { actorId: string };
  /** An actor's register entry, stance history and timeline were read. */
  'media_actor.read': { actorId: string };
  /** An actor's register entry was released to a wider compartment. */
  'media_actor.released': { actorId: string; from: string; to: string };
  /** An article was brought in and analysed (language, mentions, quotes). */
  'article.added': { articleId: string };
  /** An article and its analysis were read. */
  'article.read': { articleId: string };
  /** A person confirmed a quote as an actor's statement. */
  'actor_statement.confirmed': { statementId: string; actorId: string; articleId: string | null };
  /** The actors, the media view or the feeds were listed; one entry per compartment that contributed. */
  'media.listed': { what: 'actors' | 'media' | 'feeds' };
  /** A person edited an actor's name, kind, aliases, Wikidata id or notes (the values are sealed). */
  'media_actor.edited': { actorId: string };
  /** A person set the agenda issues a confirmed statement concerns. */
  'actor_statement.issues_set': { statementId: string; issueIds: string[] };
  /** A feed was added: the server fetches it on its schedule into this compartment. */
  'media_feed.added': { feedId: string };
  /** A feed was removed; the articles it brought in stay. */
  'media_feed.removed': { feedId: string };
  /** A feed was fetched (by the schedule when no person is named): how many articles it added. */
  'media_feed.fetched': { feedId: string; added: number; ok: boolean };
  // Implementation (C10): commitments, levels and verifications in the plenary; evidence in
  // its submitter's compartment until released.
  /** The mediators defined a theme of the implementation plan. */
  'theme.defined': { themeId: string; code: string };
  /** The mediators changed a theme's name, parent or mappings (`fields` names which). */
  'theme.edited': { themeId: string; code: string; fields: string[] };
  /** The mediators removed a theme that no commitment and no subtheme used. */
  'theme.removed': { themeId: string; code: string };
  /** A commitment was created from a provision of a version (null for an import). */
  'commitment.created': {
    commitmentId: string;
    externalId: string;
    basis: string;
    versionId: string | null;
    provision: string | null;
  };
  /** A commitment's wording, parties, dates, type, theme or weight changed. */
  'commitment.edited': { commitmentId: string; revision: number };
  /** Evidence submitted, in the submitter's compartment. */
  'evidence.submitted': { evidenceId: string; commitmentId: string; sha256: string };
  /** Evidence released to a wider compartment. */
  'evidence.released': { evidenceId: string; from: string; to: string };
  /** A file evidence downloaded, in the compartment the evidence is in. */
  'evidence.read': { evidenceId: string; commitmentId: string };
  /**
   * A level entry appended: from `effectiveOn` the commitment is at `level`, on the cited
   * evidence, recorded at `setAt` (the entry's own time: entries of one group commit share the
   * audit entry's `at`). These entries alone give the level as of any date, as known at any time.
   * Entries written before `setAt` was recorded here fall back on `at`.
   */
  'level.set': {
    commitmentId: string;
    entryId: string;
    level: number;
    effectiveOn: string;
    evidenceIds: string[];
    setAt?: string;
  };
  /** A guarantor or observer verified or disputed a level entry. */
  'level.verified': { verificationId: string; entryId: string; verdict: string };
  /** A dispute of a level entry was resolved. */
  'level.dispute_resolved': { verificationId: string; entryId: string };
  /** A CSV import applied (counts of what it created and changed, all in the plenary). */
  'implementation.imported': { created: number; updated: number; levels: number };
  /**
   * The level entries (each with its evidence) an import stored, in one entry instead of a
   * `level.set` and an `evidence.submitted` per row: every row stored carries `importId`, and
   * `sha256` is the SHA-256 of their canonical rows (core/implementation/imported-levels.ts), so
   * the levels as of any date stay reproducible from the log.
   */
  'levels.imported': { importId: string; levels: number; sha256: string };
  /** Implementation data exported in a format. */
  'implementation.exported': { format: string };
  /**
   * The implementation picture, or parts of it, released to the public accountability page (what
   * was released and how many commitments it shows; `again`: it replaced an earlier release).
   */
  'implementation.published': {
    parts: { themes: string[] | null; commitments: boolean; progress: boolean };
    commitments: number;
    again: boolean;
  };
  /** The public accountability page withdrawn. */
  'implementation.withdrawn': Record<string, never>;
  /** A member read the implementation picture (`what`: commitments, a commitment, progress). */
  'implementation.read': { what: string; commitmentId: string | null };
  // Operators (the `parley` command; no actor, no process).
  /**
   * `parley keys rotate`: the data keys re-wrapped under a new master key (ids only: first 16 hex
   * digits of each key's SHA-256); with `dataKeys`, new data keys and every value re-encrypted.
   */
  'keys.rotated': {
    masterKeyId: string;
    previousMasterKeyId: string;
    dataKeys: boolean;
    processes: number;
    values: number;
  };
  /**
   * `parley users reset-sign-in`: an operator gave a member who lost their passkey or
   * authenticator a new password, removing their passkeys and TOTP and revoking their open
   * sessions and API tokens (counts of each; `totpDisabled` says whether TOTP had been on).
   */
  'account.sign_in_reset': {
    userId: string;
    passkeysRemoved: number;
    totpDisabled: boolean;
    sessionsRevoked: number;
    tokensRevoked: number;
  };
}

/** What every seat event records: the seat, whom it is for, what it opens and who asked for it. */
export interface SeatEventData {
  /** The pending seat. */
  seatId: string;
  /** Who would take the seat. */
  userId: string;
  /** invitation, role_change or grant. */
  origin: string;
  /** The role it gives (null for a grant). */
  role: string | null;
  /** The party of a delegation seat. */
  partyId: string | null;
  /** The room a grant opens. */
  compartmentId: string | null;
  /** Who asked for it. */
  initiatedBy: string;
}

/** Every kind of audit event. */
export type AuditKind = keyof AuditEvents;

/** Every kind once; the compiler checks the list is complete (for catalogues that name each). */
const everyKind: { [K in keyof AuditEvents]: true } = {
  'user.created': true,
  'session.signed_in': true,
  'session.signed_out': true,
  'token.created': true,
  'token.revoked': true,
  'totp.enabled': true,
  'totp.disabled': true,
  'passkey.registered': true,
  'passkey.renamed': true,
  'passkey.removed': true,
  'session.signed_in_with_passkey': true,
  'process.created': true,
  'process.updated': true,
  'process.status_changed': true,
  'process.link_added': true,
  'party.added': true,
  'party.status_changed': true,
  'membership.added': true,
  'membership.role_changed': true,
  'membership.removed': true,
  'grant.added': true,
  'seat.requested': true,
  'seat.confirmed': true,
  'seat.declined': true,
  'delegation_admin.granted': true,
  'delegation_admin.revoked': true,
  'invitation.created': true,
  'invitation.accepted': true,
  'invitation.revoked': true,
  'invitation.held': true,
  'item.created': true,
  'item.updated': true,
  'item.read': true,
  'item.released': true,
  'compartment.listed': true,
  'compartment.searched': true,
  'audit.read': true,
  'issue.added': true,
  'demand.recorded': true,
  'position.recorded': true,
  'proposal.tabled': true,
  'proposal.responded': true,
  'text.read': true,
  'text.edited': true,
  'version.published': true,
  'version.read': true,
  'version.signed': true,
  'version.exported': true,
  'amendment.proposed': true,
  'amendment.decided': true,
  'preferences.saved': true,
  'preferences.shared': true,
  'analysis.viewed': true,
  'preferences.submitted': true,
  'suggestions.published': true,
  'suggestions.consented': true,
  'suggestions.bound_set': true,
  'suggestions.viewed': true,
  'round.created': true,
  'round.updated': true,
  'round.invitees_changed': true,
  'round.status_changed': true,
  'round.acknowledged': true,
  'round.viewed': true,
  'consultation.opened': true,
  'consultation.closed': true,
  'consultation.responded': true,
  'session.scheduled': true,
  'session.attendance_recorded': true,
  'minutes.written': true,
  'minutes.approved': true,
  'minutes.objected': true,
  'calendar.exported': true,
  'calendar.issued': true,
  'thread.started': true,
  'thread.read': true,
  'message.posted': true,
  'message.relayed': true,
  'communique.drafted': true,
  'communique.edited': true,
  'communique.circulated': true,
  'communique.approved': true,
  'communique.objected': true,
  'communique.released': true,
  'communique.withdrawn': true,
  'statement.logged': true,
  'statement.divergence_raised': true,
  'media_actor.registered': true,
  'media_actor.stance_changed': true,
  'media_actor.read': true,
  'media_actor.released': true,
  'article.added': true,
  'article.read': true,
  'actor_statement.confirmed': true,
  'media.listed': true,
  'media_actor.edited': true,
  'actor_statement.issues_set': true,
  'media_feed.added': true,
  'media_feed.removed': true,
  'media_feed.fetched': true,
  'theme.defined': true,
  'theme.edited': true,
  'theme.removed': true,
  'commitment.created': true,
  'commitment.edited': true,
  'evidence.submitted': true,
  'evidence.released': true,
  'evidence.read': true,
  'level.set': true,
  'level.verified': true,
  'level.dispute_resolved': true,
  'implementation.imported': true,
  'levels.imported': true,
  'implementation.exported': true,
  'implementation.published': true,
  'implementation.withdrawn': true,
  'implementation.read': true,
  'keys.rotated': true,
  'account.sign_in_reset': true,
};

/** The kinds of audit events. */
export const auditKinds = Object.keys(everyKind) as Array<keyof AuditEvents>;

/**
 * The kinds that record a read, not a change: audited like every act, but nobody needs to
 * refresh for them, so the live hub sends none of them — else a reader of a compartment would be
 * told each time another reads it. A new reading kind belongs here (a test holds every kind named
 * `.read`, `.viewed`, `.listed`, `.searched`, `.exported` or `.issued` to it).
 */
export const readKinds: ReadonlySet<AuditKind> = new Set<AuditKind>([
  'item.read',
  'text.read',
  'version.read',
  'compartment.listed',
  'compartment.searched',
  'audit.read',
  'analysis.viewed',
  'suggestions.viewed',
  'version.exported',
  'round.viewed',
  'thread.read',
  'calendar.exported',
  'calendar.issued',
  'media_actor.read',
  'article.read',
  'media.listed',
  'implementation.read',
  'implementation.exported',
  'evidence.read',
]);

/** An event to append: what happened, who did it, where, and to what. */
export type AuditEvent = {
  [K in AuditKind]: {
    /** What happened. */
    kind: K;
    /** Its data; shape fixed by the catalogue. */
    data: AuditEvents[K];
    /** Who did or saw it; null for the system (seeding, migrations). */
    actorUserId: string | null;
    /** The process it concerns, if any. */
    processId: string | null;
    /** The compartment of the material it concerns, if any: the audit view obeys it. */
    compartmentId: string | null;
  };
}[AuditKind];

/** A stored audit entry: the event, its position and its link in the hash chain. */
export interface AuditEntry {
  /** Position in the log, 1-based, without gaps. */
  seq: number;
  /** When it was appended (ISO 8601). */
  at: string;
  /** Who did or saw it. */
  actorUserId: string | null;
  /** The process concerned. */
  processId: string | null;
  /** The compartment concerned. */
  compartmentId: string | null;
  /** What happened. */
  kind: string;
  /** Canonical JSON of the event's data, exactly as hashed. */
  data: string;
  /** Hash of the previous entry (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over prevHash and this entry's fields. */
  hash: string;
}
