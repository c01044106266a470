/** Branded identifiers: a ProcessId cannot be passed where a PartyId is expected. */
declare const brand: unique symbol;

/** A string that the type system knows to be an id of kind K. */
export type Id<K extends string> = string & { readonly [brand]: K };

export type UserId = Id<'User'>;
export type ProcessId = Id<'Process'>;
export type PartyId = Id<'Party'>;
export type CompartmentId = Id<'Compartment'>;
export type ItemId = Id<'Item'>;
export type InvitationId = Id<'Invitation'>;
export type SessionId = Id<'Session'>;
export type TokenId = Id<'Token'>;
export type MembershipId = Id<'Membership'>;
/** A seat or grant awaiting the consent of those who hold the room it opens. */
export type SeatId = Id<'Seat'>;
/** A passkey (WebAuthn credential) registered to an account; ours, not the authenticator's id. */
export type PasskeyId = Id<'Passkey'>;
/** A pending WebAuthn challenge (short-lived, single use). */
export type ChallengeId = Id<'Challenge'>;

/** Treats a string that came from a trusted place (the database, a validated request) as an id. */
export function asId<K extends string>(value: string): Id<K> {
  return value as Id<K>;
}
/** A chapter of a negotiating text; stable across versions, unlike its number. */
export type ChapterId = Id<'Chapter'>;
/** A provision of a negotiating text; stable across versions, so diffs match provisions by it. */
export type ProvisionId = Id<'Provision'>;
/** A numbered version of a negotiating text. */
export type VersionId = Id<'Version'>;
/** An amendment a party proposed to a provision. */
export type AmendmentId = Id<'Amendment'>;
/** An agenda issue of a process. */
export type IssueId = Id<'Issue'>;
/** One option of an agenda issue. */
export type OptionId = Id<'Option'>;
/** A party's recorded public demand. */
export type DemandId = Id<'Demand'>;
/** A party's private position. */
export type PositionId = Id<'Position'>;
/** A tabled proposal (package of options). */
export type ProposalId = Id<'Proposal'>;
/** A round of talks (C3): dates, a venue only its invitees see, sessions. */
export type RoundId = Id<'Round'>;
/** A session within a round (plenary, caucus, bilateral, shuttle, proximity); not a sign-in session. */
export type RoundSessionId = Id<'RoundSession'>;
/** The minutes of one session, of one kind (the mediators' or the plenary's). */
export type MinutesId = Id<'Minutes'>;
/** A consultation with principals opened in a round, with its deadline. */
export type ConsultationId = Id<'Consultation'>;
/** A thread of messages in one compartment. */
export type ThreadId = Id<'Thread'>;
/** One message of a thread. */
export type MessageId = Id<'Message'>;
/** A joint communiqué or press line. */
export type CommuniqueId = Id<'Communique'>;
/** A party's public statement, logged beside the agreed line. */
export type StatementId = Id<'Statement'>;
/** A suggestion set the mediator team published. */
export type SuggestionSetId = Id<'SuggestionSet'>;
/** A commitment made in an agreement, tracked through its implementation (C10). */
export type CommitmentId = Id<'Commitment'>;
/** A theme (or subtheme) of a process's implementation plan. */
export type ThemeId = Id<'Theme'>;
/** A piece of evidence submitted for a commitment. */
export type EvidenceId = Id<'Evidence'>;
/** One recorded move of a commitment's implementation level. */
export type LevelEntryId = Id<'LevelEntry'>;
/** A guarantor's or observer's verification or dispute of a level. */
export type VerificationId = Id<'Verification'>;
