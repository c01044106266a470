/**
 * The wire types of the API, inferred from the shared zod contract. Only types are imported, so
 * zod itself stays out of the browser bundle; the server validates every request and answer.
 */
import type { z } from 'zod';
import type * as analysis from '../../contract/analysis.js';
import type * as auth from '../../contract/auth.js';
import type * as common from '../../contract/common.js';
import type * as communiques from '../../contract/communiques.js';
import type * as media from '../../contract/media.js';
import type * as implementation from '../../contract/implementation.js';
import type * as items from '../../contract/items.js';
import type * as messages from '../../contract/messages.js';
import type * as passkeys from '../../contract/passkeys.js';
import type * as processes from '../../contract/processes.js';
import type * as record from '../../contract/record.js';
import type * as rounds from '../../contract/rounds.js';
import type * as search from '../../contract/search.js';
import type * as text from '../../contract/text.js';
import { partyStatuses, processStatuses, roles } from '../../core/process/model.js';

export { partyStatuses, processStatuses, roles };

/** The signed-in session with its CSRF token. */
export type Session = z.infer<typeof auth.sessionResponse>;
/** The signed-in user. */
export type User = z.infer<typeof auth.userResponse>;
/** Sign-in body. */
export type SignInRequest = z.input<typeof auth.signInRequest>;
/** A personal API token (never its secret). */
export type ApiToken = z.infer<typeof auth.tokenResponse>;
/** A new token with its secret, shown once. */
export type CreatedToken = z.infer<typeof auth.createdTokenResponse>;
/** A TOTP secret being set up. */
export type TotpSetup = z.infer<typeof auth.totpSetupResponse>;
/** One of my passkeys (never its key). */
export type Passkey = z.infer<typeof passkeys.passkeyResponse>;
/** A started passkey registration or sign-in: options for the browser, and the id to answer with. */
export type PasskeyChallenge = z.infer<typeof passkeys.passkeyChallengeResponse>;
/** Change-process body (codename, title, what members must sign in with). */
export type UpdateProcessRequest = z.input<typeof processes.updateProcessRequest>;

/** Every error answer. */
export type ErrorBody = z.infer<typeof common.errorResponse>;

/** A process's status. */
export type ProcessStatus = z.infer<typeof processes.processStatus>;
/** A party's standing. */
export type PartyStatus = z.infer<typeof processes.partyStatus>;
/** A role in a process. */
export type Role = z.infer<typeof processes.role>;
/** A kind of compartment. */
export type CompartmentKind = z.infer<typeof processes.compartmentKind>;
/** A process in my list. */
export type ProcessSummary = z.infer<typeof processes.processSummary>;
/** A process as I may see it. */
export type ProcessView = z.infer<typeof processes.processResponse>;
/** A party. */
export type Party = z.infer<typeof processes.partyResponse>;
/** A member. */
export type Member = z.infer<typeof processes.memberResponse>;
/** A compartment I may read, with its item count. */
export type Compartment = z.infer<typeof processes.compartmentResponse>;
/** One entry of the status history. */
export type StatusChange = z.infer<typeof processes.statusChangeResponse>;
/** A link to an earlier process. */
export type ProcessLink = z.infer<typeof processes.processLinkResponse>;
/** Create-process body. */
export type CreateProcessRequest = z.input<typeof processes.createProcessRequest>;
/** Change-status body. */
export type ChangeStatusRequest = z.input<typeof processes.changeStatusRequest>;
/** Add-party body. */
export type AddPartyRequest = z.input<typeof processes.addPartyRequest>;
/** Party standing body. */
export type ChangePartyStatusRequest = z.input<typeof processes.changePartyStatusRequest>;
/** Process link body. */
export type ProcessLinkRequest = z.input<typeof processes.processLinkRequest>;
/** An invitation (never its secret). */
export type Invitation = z.infer<typeof processes.invitationResponse>;
/** A new invitation with its secret, shown once. */
export type CreatedInvitation = z.infer<typeof processes.createdInvitationResponse>;
/** Issue-invitation body. */
export type CreateInvitationRequest = z.input<typeof processes.createInvitationRequest>;
/** What an invitation link offers. */
export type InvitationPreview = z.infer<typeof processes.invitationPreviewResponse>;
/** Accept-invitation body. */
export type AcceptInvitationRequest = z.input<typeof processes.acceptInvitationRequest>;

/** A note (or, later, another item) in a compartment. */
export type Item = z.infer<typeof items.itemResponse>;
/** List/search query (as the server reads it; numbers are sent as query text). */
export type ListItemsQuery = z.infer<typeof items.listItemsQuery>;
/** Create-note body. */
export type CreateNoteRequest = z.input<typeof items.createNoteRequest>;
/** Edit body. */
export type UpdateItemRequest = z.input<typeof items.updateItemRequest>;
/** Release body. */
export type ReleaseItemRequest = z.input<typeof items.releaseItemRequest>;
/** One audit entry. */
export type AuditEntry = z.infer<typeof items.auditEntryResponse>;
/** A change of who may read what, as I may see it. */
export type AccessChange = z.infer<typeof processes.accessChangeResponse>;
/** A seat or grant awaiting the consent of those who hold the room it opens. */
export type PendingSeat = z.infer<typeof processes.pendingSeatResponse>;
/** The answer to accepting an invitation. */
export type AcceptedInvitation = z.infer<typeof processes.acceptedInvitationResponse>;
/** Audit paging query (as the server reads it). */
export type AuditQuery = z.infer<typeof items.auditQuery>;

/** The negotiation record as I may see it. */
export type NegotiationRecord = z.infer<typeof record.recordResponse>;
/** An agenda issue with its options. */
export type AgendaIssue = z.infer<typeof record.issueResponse>;
/** A party's public demand. */
export type Demand = z.infer<typeof record.demandResponse>;
/** My party's private position. */
export type Position = z.infer<typeof record.positionResponse>;
/** A tabled proposal with its responses. */
export type Proposal = z.infer<typeof record.proposalResponse>;
/** A party's answer to a proposal. */
export type ProposalAnswer = z.infer<typeof record.proposalResponseEntry>;
/** Who proposed which option on which issue, in which round. */
export type TimelineEntry = z.infer<typeof record.timelineEntryResponse>;
/** Add-issue body. */
export type AddIssueRequest = z.input<typeof record.addIssueRequest>;
/** Record-demand body. */
export type RecordDemandRequest = z.input<typeof record.recordDemandRequest>;
/** Record-position body. */
export type RecordPositionRequest = z.input<typeof record.recordPositionRequest>;
/** Table-proposal body. */
export type TableProposalRequest = z.input<typeof record.tableProposalRequest>;
/** Respond-to-proposal body. */
export type RespondRequest = z.input<typeof record.respondRequest>;

/** The negotiating text's structure. */
export type NegotiatingText = z.infer<typeof text.negotiatingText>;
/** A chapter of the text. */
export type TextChapter = NegotiatingText['chapters'][number];
/** A provision of the text. */
export type TextProvision = TextChapter['provisions'][number];
/** A piece of a provision's wording. */
export type TextSegment = TextProvision['body'][number];
/** Who holds a bracket or an alternative. */
export type Holder = Extract<TextSegment, { kind: 'bracket' }>['holder'];
/** A provision's status. */
export type ProvisionStatus = z.infer<typeof text.provisionStatus>;
/** Counts, signatures and the "nothing is agreed" banner. */
export type OverallState = z.infer<typeof text.overallStateResponse>;
/** The working draft (mediator team). */
export type WorkingText = z.infer<typeof text.workingTextResponse>;
/** One edit of the working draft. */
export type TextEditRequest = z.input<typeof text.textEditRequest>;
/** The kinds of edit. */
export type TextEdit = TextEditRequest['edit'];
/** The draft's revision after an edit. */
export type Edited = z.infer<typeof text.editedResponse>;
/** Publish body. */
export type PublishRequest = z.input<typeof text.publishRequest>;
/** A published version in a list. */
export type VersionSummary = z.infer<typeof text.versionSummary>;
/** One published version with its text. */
export type TextVersion = z.infer<typeof text.versionResponse>;
/** Diff and comparison of two versions. */
export type TextDiff = z.infer<typeof text.diffResponse>;
/** A signature. */
export type Signature = z.infer<typeof text.signedResponse>;
/** A re-check of a version and its signatures. */
export type Verification = z.infer<typeof text.verifyResponse>;
/** An amendment a party proposed. */
export type Amendment = z.infer<typeof text.amendmentResponse>;
/** What an amendment changes. */
export type AmendmentChange = z.input<typeof text.amendmentChange>;
/** Propose-amendment body. */
export type ProposeAmendmentRequest = z.input<typeof text.proposeAmendmentRequest>;
/** Decide-amendment body. */
export type DecideAmendmentRequest = z.input<typeof text.decideAmendmentRequest>;
/** The decision's result. */
export type DecidedAmendment = z.infer<typeof text.decidedAmendmentResponse>;
/** Export formats. */
export type ExportFormat = z.infer<typeof text.exportQuery>['format'];
/** The language of an exported copy's fixed wording. */
export type ExportLanguage = z.input<typeof text.exportQuery>['lang'] & string;

/** My party's ratings (null before the first save). */
export type PreferencesAnswer = z.infer<typeof analysis.preferencesResponse>;
/** Saved ratings. */
export type Preferences = NonNullable<PreferencesAnswer['preferences']>;
/** Save-ratings body. */
export type SavePreferencesRequest = z.input<typeof analysis.savePreferencesRequest>;
/** Ratings as entered: numbers or rankings. */
export type PreferenceEntry = SavePreferencesRequest['entry'];
/** Analysis query (as the server reads it). */
export type AnalysisQuery = z.infer<typeof analysis.analysisQuery>;
/** The analysis as I may see it. */
export type Analysis = z.infer<typeof analysis.analysisResponse>;
/** The mediator team's view. */
export type MediatorAnalysis = Extract<Analysis['view'], { kind: 'mediator' }>;
/** A party's view. */
export type PartyAnalysis = Extract<Analysis['view'], { kind: 'party' }>;
/** One of my party's submissions of its ratings. */
export type Submission = z.infer<typeof analysis.submissionsResponse>['submissions'][number];
/** The published suggestion sets as I may see them, and the bound on publications. */
export type SuggestionSets = z.infer<typeof analysis.suggestionSetsResponse>;
/** One published suggestion set. */
export type SuggestionSet = SuggestionSets['sets'][number];
/** A solution concept. */
export type SolutionKind = MediatorAnalysis['solutions'][number]['kind'];

/** Fails to compile when a list misses a member of its union. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

/**
 * The runtime lists come from the domain (src/core/process/model.ts); these checks make sure the
 * domain's lists and the contract's unions name the same values.
 */
export const listsMatchContract: [
  Covers<Role, (typeof roles)[number]>,
  Covers<(typeof roles)[number], Role>,
  Covers<ProcessStatus, (typeof processStatuses)[number]>,
  Covers<(typeof processStatuses)[number], ProcessStatus>,
  Covers<PartyStatus, (typeof partyStatuses)[number]>,
  Covers<(typeof partyStatuses)[number], PartyStatus>,
] = [true, true, true, true, true, true];

/** A round of talks as I may see it (the venue withheld unless I am invited and acknowledged). */
export type Round = z.infer<typeof rounds.roundResponse>;

/** A round opened after acknowledging its rules: its sessions and consultations I may see. */
export type RoundDetail = z.infer<typeof rounds.roundDetailResponse>;
/** Where a round stands. */
export type RoundStatus = z.infer<typeof rounds.roundStatus>;
/** The venue, or why it is withheld. */
export type Venue = z.infer<typeof rounds.venueResponse>;
/** A session of a round as I may see it. */
export type RoundSession = z.infer<typeof rounds.sessionResponse>;
/** Plenary, caucus, bilateral, shuttle or proximity. */
export type SessionFormat = z.infer<typeof rounds.sessionFormat>;
/** Minutes of a session with the approvals of their current text. */
export type Minutes = z.infer<typeof rounds.minutesResponse>;
/** The mediators' own minutes, or the plenary's. */
export type MinutesKind = z.infer<typeof rounds.minutesKind>;
/** A consultation with principals and the answers I may see. */
export type Consultation = RoundDetail['consultations'][number];
/** A party's answer to a consultation. */
export type ConsultationResponse = z.infer<typeof rounds.consultationResponseEntry>;
/** Accept, accept with reservations, or counter-text. */
export type ConsultationAnswerKind = z.infer<typeof rounds.consultationAnswer>;
/** A recorded acknowledgement of a round's rules. */
export type Acknowledgement = z.infer<typeof rounds.acknowledgementResponse>;
/** Create-round body. */
export type CreateRoundRequest = z.input<typeof rounds.createRoundRequest>;
/** Update-round body. */
export type UpdateRoundRequest = z.input<typeof rounds.updateRoundRequest>;
/** Invitation-list body. */
export type SetInviteesRequest = z.input<typeof rounds.setInviteesRequest>;
/** Round-status body. */
export type RoundStatusRequest = z.input<typeof rounds.roundStatusRequest>;
/** Schedule-session body. */
export type ScheduleSessionRequest = z.input<typeof rounds.scheduleSessionRequest>;
/** Attendance body. */
export type AttendanceRequest = z.input<typeof rounds.attendanceRequest>;
/** Write-minutes body. */
export type WriteMinutesRequest = z.input<typeof rounds.writeMinutesRequest>;
/** Consultation-answer body. */
export type ConsultationAnswerRequest = z.input<typeof rounds.consultationAnswerRequest>;

/** A thread as a list shows it. */
export type ThreadSummary = z.infer<typeof messages.threadSummaryResponse>;
/** A thread. */
export type Thread = z.infer<typeof messages.threadResponse>;
/** A thread with its messages. */
export type ThreadWithMessages = z.infer<typeof messages.threadResponseWithMessages>;
/** A message as I may see it (a relay shaped for its reader). */
export type Message = z.infer<typeof messages.messageResponse>;
/** Start-thread body. */
export type StartThreadRequest = z.input<typeof messages.startThreadRequest>;
/** Relay body. */
export type RelayRequest = z.input<typeof messages.relayRequest>;

/** Communiqués and statements I may see. */
export type CommuniqueList = z.infer<typeof communiques.communiqueListResponse>;
/** A communiqué or press line as I may see it now. */
export type Communique = z.infer<typeof communiques.communiqueResponse>;
/** Communiqué or press line. */
export type CommuniqueKind = z.infer<typeof communiques.communiqueKind>;
/** Drafted, circulated or released. */
export type CommuniqueState = z.infer<typeof communiques.communiqueState>;
/** A public statement logged beside the agreed line. */
export type Statement = z.infer<typeof communiques.statementResponse>;
/** Draft body. */
export type DraftCommuniqueRequest = z.input<typeof communiques.draftCommuniqueRequest>;
/** Edit body. */
export type EditCommuniqueRequest = z.input<typeof communiques.editCommuniqueRequest>;
/** Log-statement body. */
export type LogStatementRequest = z.input<typeof communiques.logStatementRequest>;

/** An actor outside the table, with its stance history. */
export type MediaActor = z.infer<typeof media.actorResponse>;
/** An actor with its timeline. */
export type MediaActorDetail = z.infer<typeof media.actorDetailResponse>;
/** An article and what the analysis found. */
export type MediaArticle = z.infer<typeof media.articleResponse>;
/** A confirmed statement of an actor. */
export type ActorStatement = z.infer<typeof media.actorStatementResponse>;
/** The media view. */
export type MediaView = z.infer<typeof media.mediaViewResponse>;
/** Register-actor body. */
export type RegisterActorRequest = z.input<typeof media.registerActorRequest>;
/** Add-article body. */
export type AddArticleRequest = z.input<typeof media.addArticleRequest>;
/** Confirm-statement body. */
export type ConfirmStatementRequest = z.input<typeof media.confirmStatementRequest>;
/** The media view's filters. */
export type MediaQuery = z.input<typeof media.mediaQuery>;
/** Edit-actor body. */
export type EditActorRequest = z.input<typeof media.editActorRequest>;
/** Upload-article body. */
export type UploadArticleRequest = z.input<typeof media.uploadArticleRequest>;
/** A feed the team follows. */
export type MediaFeed = z.infer<typeof media.feedResponse>;
/** Add-feed body. */
export type AddFeedRequest = z.input<typeof media.addFeedRequest>;
/** A fetch of a feed. */
export type FeedFetch = z.infer<typeof media.feedFetchResponse>;
/** The implementation plan: themes and commitments with where they stand. */
export type ImplementationPlan = z.infer<typeof implementation.commitmentListResponse>;
/** A commitment with its level, disputes and flags. */
export type CommitmentSummary = z.infer<typeof implementation.commitmentSummaryResponse>;
/** A commitment. */
export type Commitment = z.infer<typeof implementation.commitmentResponse>;
/** A commitment's timeline. */
export type CommitmentTimeline = z.infer<typeof implementation.commitmentTimelineResponse>;
/** Create-commitments body. */
export type CreateCommitmentsRequest = z.input<typeof implementation.createCommitmentsRequest>;
/** A theme or subtheme of the plan. */
export type Theme = z.infer<typeof implementation.themeResponse>;
/** Define-theme body. */
export type DefineThemeRequest = z.input<typeof implementation.defineThemeRequest>;
/** Edit-theme body: everything but the code, and the theme as it was opened. */
export type EditThemeRequest = z.input<typeof implementation.editThemeRequest>;
/** Edit-commitment body. */
export type EditCommitmentRequest = z.input<typeof implementation.editCommitmentRequest>;
/** Submit-evidence body. */
export type SubmitEvidenceRequest = z.input<typeof implementation.submitEvidenceRequest>;
/** Upload-a-file-as-evidence body. */
export type SubmitEvidenceFileRequest = z.input<typeof implementation.submitEvidenceFileRequest>;
/** Set-level body. */
export type SetLevelRequest = z.input<typeof implementation.setLevelRequest>;
/** Verify-level body. */
export type VerifyLevelRequest = z.input<typeof implementation.verifyLevelRequest>;
/** A piece of evidence. */
export type EvidenceView = z.infer<typeof implementation.evidenceResponse>;
/** The progress picture. */
export type ImplementationProgress = z.infer<typeof implementation.progressResponse>;
/** A released public accountability page, as anyone reads it. */
export type PublicPicture = z.infer<typeof implementation.publicPictureResponse>;
/** The process's public page: its address and picture, or nothing released. */
export type Publication = z.infer<typeof implementation.publicationResponse>;
/** Release-to-the-public body. */
export type ReleasePublicRequest = z.input<typeof implementation.releasePublicRequest>;
/** What an import did. */
export type ImportReport = z.infer<typeof implementation.importResponse>;
/** Who reads a compartment: what an outward action into it reaches. */
export type CompartmentAudience = z.infer<typeof processes.compartmentAudienceResponse>;

/** A search's answer: matches grouped by kind, with the matched ranges. */
export type SearchResult = z.infer<typeof search.searchResponse>;
/** One match of a search. */
export type SearchHit = z.infer<typeof search.searchHitResponse>;
/** A page of the audit log with the things its entries name, by id. */
export type AuditList = z.infer<typeof items.auditListResponse>;
