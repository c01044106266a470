/**
 * The typed API client: a fetch wrapper that sends the session cookie, adds the session's CSRF
 * token to every write, and turns every error answer into an ApiError with the API's code,
 * message and details. The endpoint functions below are typed from the shared contract.
 */
import type {
  AccessChange,
  CompartmentAudience,
  AcceptedInvitation,
  PendingSeat,
  AcceptInvitationRequest,
  Acknowledgement,
  AddIssueRequest,
  AddPartyRequest,
  AgendaIssue,
  Amendment,
  Analysis,
  AnalysisQuery,
  ApiToken,
  AttendanceRequest,
  AuditQuery,
  ChangePartyStatusRequest,
  ChangeStatusRequest,
  Communique,
  CommuniqueList,
  Commitment,
  CommitmentTimeline,
  CreateCommitmentsRequest,
  DefineThemeRequest,
  EditThemeRequest,
  EditCommitmentRequest,
  Theme,
  EvidenceView,
  ImplementationPlan,
  ImplementationProgress,
  ImportReport,
  Publication,
  PublicPicture,
  ReleasePublicRequest,
  SetLevelRequest,
  SubmitEvidenceFileRequest,
  SubmitEvidenceRequest,
  VerifyLevelRequest,
  ConsultationAnswerRequest,
  ConsultationResponse,
  CreatedInvitation,
  CreatedToken,
  CreateInvitationRequest,
  CreateNoteRequest,
  CreateProcessRequest,
  CreateRoundRequest,
  DecideAmendmentRequest,
  DecidedAmendment,
  Demand,
  DraftCommuniqueRequest,
  EditCommuniqueRequest,
  Edited,
  ErrorBody,
  ExportFormat,
  ExportLanguage,
  Invitation,
  InvitationPreview,
  Item,
  ListItemsQuery,
  LogStatementRequest,
  MediaActor,
  MediaFeed,
  EditActorRequest,
  UploadArticleRequest,
  AddFeedRequest,
  FeedFetch,
  MediaActorDetail,
  MediaArticle,
  ActorStatement,
  MediaView,
  RegisterActorRequest,
  AddArticleRequest,
  ConfirmStatementRequest,
  MediaQuery,
  Message,
  Minutes,
  MinutesKind,
  NegotiationRecord,
  Party,
  Passkey,
  PasskeyChallenge,
  Position,
  PreferencesAnswer,
  Submission,
  SuggestionSet,
  SuggestionSets,
  ProcessLink,
  ProcessLinkRequest,
  ProcessSummary,
  ProcessView,
  Proposal,
  ProposalAnswer,
  ProposeAmendmentRequest,
  PublishRequest,
  RecordDemandRequest,
  RecordPositionRequest,
  RelayRequest,
  ReleaseItemRequest,
  RespondRequest,
  Round,
  RoundDetail,
  RoundSession,
  RoundStatusRequest,
  SavePreferencesRequest,
  ScheduleSessionRequest,
  Session,
  SetInviteesRequest,
  Signature,
  SignInRequest,
  StartThreadRequest,
  Statement,
  TableProposalRequest,
  TextDiff,
  TextEditRequest,
  TextVersion,
  ThreadSummary,
  ThreadWithMessages,
  TotpSetup,
  UpdateProcessRequest,
  UpdateItemRequest,
  UpdateRoundRequest,
  Verification,
  VersionSummary,
  WorkingText,
  WriteMinutesRequest,
  SearchResult,
  AuditList,
} from './types.js';

/** An error answer of the API (or a network failure, with code NETWORK and status 0). */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The API's stable code, e.g. STALE_REVISION. */
    readonly code: string,
    message: string,
    /** The API's structured details, e.g. the current state on a stale edit. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whether a value is an ApiError with the given code. */
export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined>;

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Requests in flight, so the shell can show a progress bar while anything is loading.
let inFlight = 0;
const activityListeners = new Set<() => void>();
const setInFlight = (n: number) => {
  inFlight = n;
  for (const l of activityListeners) l();
};

/** Subscribes to the number of requests in flight (for useSyncExternalStore). */
export const activity = {
  subscribe(listener: () => void): () => void {
    activityListeners.add(listener);
    return () => activityListeners.delete(listener);
  },
  getSnapshot: (): number => inFlight,
};

let sessionLostListener: (() => void) | null = null;

/** Called when the server says the session is gone (expired or revoked elsewhere). */
export function onSessionLost(listener: (() => void) | null): void {
  sessionLostListener = listener;
}

/** Tells the app its session is gone, learnt outside an API answer (the live connection's close). */
export function reportSessionLost(): void {
  sessionLostListener?.();
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, `${v}`);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function call<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  setInFlight(inFlight + 1);
  try {
    let response: Response;
    try {
      response = await fetch(withQuery(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = (json as Partial<ErrorBody> | undefined)?.error;
      const e = new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? (response.statusText || `HTTP ${response.status}`),
        error?.details,
      );
      if (e.code === 'UNAUTHENTICATED' && path !== '/api/session') sessionLostListener?.();
      throw e;
    }
    return json as T;
  } finally {
    setInFlight(inFlight - 1);
  }
}

/** A file the API sent: its bytes and the name it suggested. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** Fetches a file (an export) with the session cookie; errors become ApiErrors like any call. */
async function download(path: string, query: Query, fallbackName: string): Promise<DownloadedFile> {
  setInFlight(inFlight + 1);
  try {
    let response: Response;
    try {
      response = await fetch(withQuery(path, query), {
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    if (!response.ok) {
      let error: Partial<ErrorBody['error']> | undefined;
      try {
        error = ((await response.json()) as Partial<ErrorBody>).error;
      } catch {
        error = undefined;
      }
      throw new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? (response.statusText || `HTTP ${response.status}`),
        error?.details,
      );
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    // The exact name (RFC 8187's filename*, UTF-8) where the server gives one, else the plain one.
    const exact = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
    let filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    if (exact)
      try {
        filename = decodeURIComponent(exact);
      } catch {
        // a malformed encoding: keep the plain name
      }
    return { blob: await response.blob(), filename };
  } finally {
    setInFlight(inFlight - 1);
  }
}

const enc = encodeURIComponent;
const p = (processId: string) => `/api/processes/${enc(processId)}`;

/** Every endpoint the web app uses, typed from the contract. */
export const api = {
  session: {
    get: () => call<Session>('GET', '/api/session'),
    signIn: (body: SignInRequest) => call<Session>('POST', '/api/session', { body }),
    signOut: () => call<{ ok: true }>('DELETE', '/api/session'),
  },
  tokens: {
    list: () => call<{ tokens: ApiToken[] }>('GET', '/api/me/tokens'),
    create: (name: string) => call<CreatedToken>('POST', '/api/me/tokens', { body: { name } }),
    revoke: (tokenId: string) => call<{ ok: true }>('DELETE', `/api/me/tokens/${enc(tokenId)}`),
  },
  passkeys: {
    list: () => call<{ passkeys: Passkey[] }>('GET', '/api/account/passkeys'),
    registrationOptions: () =>
      call<PasskeyChallenge>('POST', '/api/account/passkeys/options', { body: {} }),
    register: (body: { challengeId: string; name: string; response: unknown }) =>
      call<Passkey>('POST', '/api/account/passkeys', { body }),
    rename: (passkeyId: string, name: string) =>
      call<Passkey>('PATCH', `/api/account/passkeys/${enc(passkeyId)}`, { body: { name } }),
    remove: (passkeyId: string) =>
      call<{ ok: true }>('DELETE', `/api/account/passkeys/${enc(passkeyId)}`),
    /** With e-mail and password: the passkey as second factor; without: a passkey on its own. */
    signInOptions: (credentials: { email: string; password: string } | null) =>
      call<PasskeyChallenge>('POST', '/api/session/passkey/options', { body: credentials ?? {} }),
    signIn: (body: { challengeId: string; response: unknown }) =>
      call<Session>('POST', '/api/session/passkey', { body }),
  },
  totp: {
    setup: () => call<TotpSetup>('POST', '/api/me/totp/setup', { body: {} }),
    confirm: (code: string) =>
      call<{ ok: true }>('POST', '/api/me/totp/confirm', { body: { code } }),
    disable: (code: string) =>
      call<{ ok: true }>('POST', '/api/me/totp/disable', { body: { code } }),
  },
  processes: {
    list: () => call<{ processes: ProcessSummary[] }>('GET', '/api/processes'),
    create: (body: CreateProcessRequest) =>
      call<ProcessSummary>('POST', '/api/processes', { body }),
    get: (processId: string) => call<ProcessView>('GET', p(processId)),
    audience: (processId: string, compartmentId: string) =>
      call<CompartmentAudience>(
        'GET',
        `${p(processId)}/compartments/${enc(compartmentId)}/audience`,
      ),
    changeStatus: (processId: string, body: ChangeStatusRequest) =>
      call<{ ok: true }>('POST', `${p(processId)}/status`, { body }),
    addParty: (processId: string, body: AddPartyRequest) =>
      call<Party>('POST', `${p(processId)}/parties`, { body }),
    changePartyStatus: (processId: string, partyId: string, body: ChangePartyStatusRequest) =>
      call<Party>('POST', `${p(processId)}/parties/${enc(partyId)}/status`, { body }),
    addLink: (processId: string, body: ProcessLinkRequest) =>
      call<ProcessLink>('POST', `${p(processId)}/links`, { body }),
    update: (processId: string, body: UpdateProcessRequest) =>
      call<{ ok: true }>('PATCH', p(processId), { body }),
  },
  invitations: {
    list: (processId: string) =>
      call<{ invitations: Invitation[] }>('GET', `${p(processId)}/invitations`),
    create: (processId: string, body: CreateInvitationRequest) =>
      call<CreatedInvitation>('POST', `${p(processId)}/invitations`, { body }),
    revoke: (processId: string, invitationId: string) =>
      call<{ ok: true }>('DELETE', `${p(processId)}/invitations/${enc(invitationId)}`),
    preview: (secret: string) => call<InvitationPreview>('GET', `/api/invitations/${enc(secret)}`),
    accept: (secret: string, body: AcceptInvitationRequest) =>
      call<AcceptedInvitation>('POST', `/api/invitations/${enc(secret)}/accept`, { body }),
  },
  rounds: {
    list: (processId: string) => call<{ rounds: Round[] }>('GET', `${p(processId)}/rounds`),
    get: (processId: string, roundId: string) =>
      call<RoundDetail>('GET', `${p(processId)}/rounds/${enc(roundId)}`),
    create: (processId: string, body: CreateRoundRequest) =>
      call<Round>('POST', `${p(processId)}/rounds`, { body }),
    update: (processId: string, roundId: string, body: UpdateRoundRequest) =>
      call<Round>('PATCH', `${p(processId)}/rounds/${enc(roundId)}`, { body }),
    setInvitees: (processId: string, roundId: string, body: SetInviteesRequest) =>
      call<Round>('PUT', `${p(processId)}/rounds/${enc(roundId)}/invitees`, { body }),
    changeStatus: (processId: string, roundId: string, body: RoundStatusRequest) =>
      call<Round>('POST', `${p(processId)}/rounds/${enc(roundId)}/status`, { body }),
    acknowledge: (processId: string, roundId: string, rulesHash: string) =>
      call<Acknowledgement>('POST', `${p(processId)}/rounds/${enc(roundId)}/acknowledgement`, {
        body: { rulesHash },
      }),
    answerConsultation: (processId: string, roundId: string, body: ConsultationAnswerRequest) =>
      call<ConsultationResponse>(
        'POST',
        `${p(processId)}/rounds/${enc(roundId)}/consultation/responses`,
        { body },
      ),
    scheduleSession: (processId: string, roundId: string, body: ScheduleSessionRequest) =>
      call<RoundSession>('POST', `${p(processId)}/rounds/${enc(roundId)}/sessions`, { body }),
    recordAttendance: (
      processId: string,
      roundId: string,
      sessionId: string,
      body: AttendanceRequest,
    ) =>
      call<RoundSession>(
        'PUT',
        `${p(processId)}/rounds/${enc(roundId)}/sessions/${enc(sessionId)}/attendance`,
        { body },
      ),
    writeMinutes: (
      processId: string,
      roundId: string,
      sessionId: string,
      kind: MinutesKind,
      body: WriteMinutesRequest,
    ) =>
      call<Minutes>(
        'PUT',
        `${p(processId)}/rounds/${enc(roundId)}/sessions/${enc(sessionId)}/minutes/${kind}`,
        { body },
      ),
    approveMinutes: (
      processId: string,
      roundId: string,
      sessionId: string,
      kind: MinutesKind,
      hash: string,
    ) =>
      call<Minutes>(
        'POST',
        `${p(processId)}/rounds/${enc(roundId)}/sessions/${enc(sessionId)}/minutes/${kind}/approvals`,
        { body: { hash } },
      ),
    objectToMinutes: (
      processId: string,
      roundId: string,
      sessionId: string,
      kind: MinutesKind,
      body: { hash: string; kind: 'rejected' | 'change_requested'; comment: string },
    ) =>
      call<Minutes>(
        'POST',
        `${p(processId)}/rounds/${enc(roundId)}/sessions/${enc(sessionId)}/minutes/${kind}/objections`,
        { body },
      ),
    /** My calendar across every process (iCalendar); a plain link downloads it with the cookie. */
    calendarUrl: '/api/me/calendar.ics',
  },
  messages: {
    threads: (processId: string, compartmentId?: string) =>
      call<{ threads: ThreadSummary[] }>('GET', `${p(processId)}/threads`, {
        query: { compartmentId },
      }),
    thread: (processId: string, threadId: string) =>
      call<ThreadWithMessages>('GET', `${p(processId)}/threads/${enc(threadId)}`),
    startThread: (processId: string, body: StartThreadRequest) =>
      call<ThreadWithMessages>('POST', `${p(processId)}/threads`, { body }),
    post: (processId: string, threadId: string, body: string) =>
      call<Message>('POST', `${p(processId)}/threads/${enc(threadId)}/messages`, {
        body: { body },
      }),
    relay: (processId: string, messageId: string, body: RelayRequest) =>
      call<Message>('POST', `${p(processId)}/messages/${enc(messageId)}/relay`, { body }),
  },
  implementation: {
    plan: (processId: string) => call<ImplementationPlan>('GET', `${p(processId)}/implementation`),
    create: (processId: string, body: CreateCommitmentsRequest) =>
      call<Commitment[]>('POST', `${p(processId)}/implementation/commitments`, { body }),
    defineTheme: (processId: string, body: DefineThemeRequest) =>
      call<Theme>('POST', `${p(processId)}/implementation/themes`, { body }),
    editTheme: (processId: string, themeId: string, body: EditThemeRequest) =>
      call<Theme>('PATCH', `${p(processId)}/implementation/themes/${enc(themeId)}`, { body }),
    removeTheme: (processId: string, themeId: string) =>
      call<{ ok: true }>('DELETE', `${p(processId)}/implementation/themes/${enc(themeId)}`),
    editCommitment: (processId: string, commitmentId: string, body: EditCommitmentRequest) =>
      call<Commitment>('PATCH', `${p(processId)}/implementation/commitments/${enc(commitmentId)}`, {
        body,
      }),
    timeline: (processId: string, commitmentId: string, query: { asOf?: string } = {}) =>
      call<CommitmentTimeline>(
        'GET',
        `${p(processId)}/implementation/commitments/${enc(commitmentId)}`,
        { query },
      ),
    submitEvidence: (processId: string, commitmentId: string, body: SubmitEvidenceRequest) =>
      call<EvidenceView>(
        'POST',
        `${p(processId)}/implementation/commitments/${enc(commitmentId)}/evidence`,
        { body },
      ),
    submitEvidenceFile: (
      processId: string,
      commitmentId: string,
      body: SubmitEvidenceFileRequest,
    ) =>
      call<EvidenceView>(
        'POST',
        `${p(processId)}/implementation/commitments/${enc(commitmentId)}/evidence/file`,
        { body },
      ),
    evidenceFile: (processId: string, evidenceId: string, fallbackName: string) =>
      download(`${p(processId)}/implementation/evidence/${enc(evidenceId)}/file`, {}, fallbackName),
    releaseEvidence: (processId: string, evidenceId: string) =>
      call<EvidenceView>(
        'POST',
        `${p(processId)}/implementation/evidence/${enc(evidenceId)}/release`,
      ),
    setLevel: (processId: string, commitmentId: string, body: SetLevelRequest) =>
      call<unknown>(
        'POST',
        `${p(processId)}/implementation/commitments/${enc(commitmentId)}/levels`,
        { body },
      ),
    verify: (processId: string, commitmentId: string, body: VerifyLevelRequest) =>
      call<unknown>(
        'POST',
        `${p(processId)}/implementation/commitments/${enc(commitmentId)}/verifications`,
        { body },
      ),
    resolve: (processId: string, verificationId: string, resolution: string) =>
      call<unknown>(
        'POST',
        `${p(processId)}/implementation/verifications/${enc(verificationId)}/resolution`,
        { body: { resolution } },
      ),
    progress: (processId: string, query: { from?: string; to?: string } = {}) =>
      call<ImplementationProgress>('GET', `${p(processId)}/implementation/progress`, { query }),
    export: (processId: string, format: 'commitments.csv' | 'levels.csv' | 'json' | 'pam.csv') =>
      download(`${p(processId)}/implementation/export`, { format }, `implementation-${format}`),
    import: (processId: string, commitmentsCsv: string, levelsCsv: string | null) =>
      call<ImportReport>('POST', `${p(processId)}/implementation/import`, {
        body: { commitmentsCsv, levelsCsv },
      }),
    publication: (processId: string) =>
      call<Publication>('GET', `${p(processId)}/implementation/publication`),
    release: (processId: string, body: ReleasePublicRequest) =>
      call<Publication>('PUT', `${p(processId)}/implementation/publication`, { body }),
    withdraw: (processId: string) =>
      call<unknown>('DELETE', `${p(processId)}/implementation/publication`),
    /** A public page, read without an account. */
    publicPage: (slug: string) =>
      call<PublicPicture>('GET', `/api/public/implementation/${enc(slug)}`),
  },
  communiques: {
    list: (processId: string) => call<CommuniqueList>('GET', `${p(processId)}/communiques`),
    draft: (processId: string, body: DraftCommuniqueRequest) =>
      call<Communique>('POST', `${p(processId)}/communiques`, { body }),
    edit: (processId: string, communiqueId: string, body: EditCommuniqueRequest) =>
      call<Communique>('PATCH', `${p(processId)}/communiques/${enc(communiqueId)}`, { body }),
    circulate: (processId: string, communiqueId: string, hash: string) =>
      call<Communique>('POST', `${p(processId)}/communiques/${enc(communiqueId)}/circulation`, {
        body: { hash },
      }),
    approve: (processId: string, communiqueId: string, hash: string) =>
      call<Communique>('POST', `${p(processId)}/communiques/${enc(communiqueId)}/approvals`, {
        body: { hash },
      }),
    object: (
      processId: string,
      communiqueId: string,
      body: { hash: string; kind: 'rejected' | 'change_requested'; comment: string },
    ) =>
      call<Communique>('POST', `${p(processId)}/communiques/${enc(communiqueId)}/objections`, {
        body,
      }),
    release: (processId: string, communiqueId: string, hash: string, holdMinutes = 0) =>
      call<Communique>('POST', `${p(processId)}/communiques/${enc(communiqueId)}/release`, {
        body: { hash, holdMinutes },
      }),
    withdraw: (processId: string, communiqueId: string, hash: string) =>
      call<Communique>('POST', `${p(processId)}/communiques/${enc(communiqueId)}/withdrawal`, {
        body: { hash },
      }),
    logStatement: (processId: string, body: LogStatementRequest) =>
      call<Statement>('POST', `${p(processId)}/statements`, { body }),
    raiseDivergence: (processId: string, statementId: string, note: string) =>
      call<Statement>('POST', `${p(processId)}/statements/${enc(statementId)}/divergence`, {
        body: { note },
      }),
  },
  media: {
    actors: (processId: string) => call<{ actors: MediaActor[] }>('GET', `${p(processId)}/actors`),
    actor: (processId: string, actorId: string) =>
      call<MediaActorDetail>('GET', `${p(processId)}/actors/${enc(actorId)}`),
    register: (processId: string, body: RegisterActorRequest) =>
      call<MediaActor>('POST', `${p(processId)}/actors`, { body }),
    addArticle: (processId: string, body: AddArticleRequest) =>
      call<MediaArticle>('POST', `${p(processId)}/articles`, { body }),
    confirm: (processId: string, body: ConfirmStatementRequest) =>
      call<ActorStatement>('POST', `${p(processId)}/media/statements`, { body }),
    view: (processId: string, query: MediaQuery = {}) =>
      call<MediaView>('GET', `${p(processId)}/media`, { query }),
    article: (processId: string, articleId: string) =>
      call<MediaArticle>('GET', `${p(processId)}/articles/${enc(articleId)}`),
    upload: (processId: string, body: UploadArticleRequest) =>
      call<MediaArticle>('POST', `${p(processId)}/articles/upload`, { body }),
    editActor: (processId: string, actorId: string, body: EditActorRequest) =>
      call<MediaActor>('PATCH', `${p(processId)}/actors/${enc(actorId)}`, { body }),
    setIssues: (processId: string, statementId: string, issueIds: string[], baseRevision: number) =>
      call<ActorStatement>('PUT', `${p(processId)}/media/statements/${enc(statementId)}/issues`, {
        body: { issueIds, baseRevision },
      }),
    feeds: (processId: string) => call<{ feeds: MediaFeed[] }>('GET', `${p(processId)}/feeds`),
    addFeed: (processId: string, body: AddFeedRequest) =>
      call<MediaFeed>('POST', `${p(processId)}/feeds`, { body }),
    fetchFeed: (processId: string, feedId: string) =>
      call<FeedFetch>('POST', `${p(processId)}/feeds/${enc(feedId)}/fetch`),
    removeFeed: (processId: string, feedId: string) =>
      call<{ ok: true }>('DELETE', `${p(processId)}/feeds/${enc(feedId)}`),
  },
  items: {
    list: (processId: string, query: ListItemsQuery = {}) =>
      call<{ items: Item[] }>('GET', `${p(processId)}/items`, { query }),
    get: (processId: string, itemId: string) =>
      call<Item>('GET', `${p(processId)}/items/${enc(itemId)}`),
    createNote: (processId: string, compartmentId: string, body: CreateNoteRequest) =>
      call<Item>('POST', `${p(processId)}/compartments/${enc(compartmentId)}/notes`, { body }),
    update: (processId: string, itemId: string, body: UpdateItemRequest) =>
      call<Item>('PATCH', `${p(processId)}/items/${enc(itemId)}`, { body }),
    release: (processId: string, itemId: string, body: ReleaseItemRequest) =>
      call<Item>('POST', `${p(processId)}/items/${enc(itemId)}/release`, { body }),
  },
  accessChanges: {
    list: (processId: string) =>
      call<{ changes: AccessChange[] }>('GET', `${p(processId)}/access-changes`),
  },
  seats: {
    list: (processId: string) => call<{ seats: PendingSeat[] }>('GET', `${p(processId)}/seats`),
    confirm: (processId: string, seatId: string) =>
      call<{ ok: true }>('POST', `${p(processId)}/seats/${enc(seatId)}/confirm`),
    decline: (processId: string, seatId: string) =>
      call<{ ok: true }>('POST', `${p(processId)}/seats/${enc(seatId)}/decline`),
    setDelegationAdmin: (processId: string, userId: string, delegationAdmin: boolean) =>
      call<{ ok: true }>('PUT', `${p(processId)}/members/${enc(userId)}/delegation-admin`, {
        body: { delegationAdmin },
      }),
  },
  search: {
    run: (processId: string, q: string) =>
      call<SearchResult>('GET', `${p(processId)}/search`, { query: { q } }),
  },
  audit: {
    list: (processId: string, query: AuditQuery = {}) =>
      call<AuditList>('GET', `${p(processId)}/audit`, { query }),
  },
  record: {
    get: (processId: string) => call<NegotiationRecord>('GET', `${p(processId)}/record`),
    addIssue: (processId: string, body: AddIssueRequest) =>
      call<AgendaIssue>('POST', `${p(processId)}/issues`, { body }),
    recordDemand: (processId: string, body: RecordDemandRequest) =>
      call<Demand>('POST', `${p(processId)}/demands`, { body }),
    recordPosition: (processId: string, body: RecordPositionRequest) =>
      call<Position>('POST', `${p(processId)}/positions`, { body }),
    tableProposal: (processId: string, body: TableProposalRequest) =>
      call<Proposal>('POST', `${p(processId)}/proposals`, { body }),
    respond: (processId: string, proposalId: string, body: RespondRequest) =>
      call<ProposalAnswer>('POST', `${p(processId)}/proposals/${enc(proposalId)}/responses`, {
        body,
      }),
  },
  text: {
    draft: (processId: string) => call<WorkingText>('GET', `${p(processId)}/text`),
    edit: (processId: string, body: TextEditRequest) =>
      call<Edited>('POST', `${p(processId)}/text/edits`, { body }),
    versions: (processId: string) =>
      call<{ versions: VersionSummary[] }>('GET', `${p(processId)}/text/versions`),
    publish: (processId: string, body: PublishRequest) =>
      call<VersionSummary>('POST', `${p(processId)}/text/versions`, { body }),
    version: (processId: string, n: number) =>
      call<TextVersion>('GET', `${p(processId)}/text/versions/${n}`),
    diff: (processId: string, from: number, to: number) =>
      call<TextDiff>('GET', `${p(processId)}/text/diff`, { query: { from, to } }),
    /** A copy issued to me; its fixed wording (headers, legend, status marks) in `lang`. */
    export: (processId: string, n: number, format: ExportFormat, lang: ExportLanguage) =>
      download(
        `${p(processId)}/text/versions/${n}/export`,
        { format, lang },
        `version-${n}.${format}`,
      ),
    sign: (processId: string, n: number, versionHash: string) =>
      call<Signature>('POST', `${p(processId)}/text/versions/${n}/signatures`, {
        body: { versionHash },
      }),
    verify: (processId: string, n: number) =>
      call<Verification>('GET', `${p(processId)}/text/versions/${n}/verification`),
  },
  amendments: {
    list: (processId: string) =>
      call<{ amendments: Amendment[] }>('GET', `${p(processId)}/amendments`),
    propose: (processId: string, body: ProposeAmendmentRequest) =>
      call<Amendment>('POST', `${p(processId)}/amendments`, { body }),
    decide: (processId: string, amendmentId: string, body: DecideAmendmentRequest) =>
      call<DecidedAmendment>('POST', `${p(processId)}/amendments/${enc(amendmentId)}/decision`, {
        body,
      }),
  },
  preferences: {
    get: (processId: string) => call<PreferencesAnswer>('GET', `${p(processId)}/preferences`),
    save: (processId: string, body: SavePreferencesRequest) =>
      call<PreferencesAnswer>('PUT', `${p(processId)}/preferences`, { body }),
    share: (processId: string, shared: boolean) =>
      call<PreferencesAnswer>('POST', `${p(processId)}/preferences/sharing`, { body: { shared } }),
    submissions: (processId: string) =>
      call<{ submissions: Submission[] }>('GET', `${p(processId)}/preferences/submissions`),
    submit: (processId: string, revision: number) =>
      call<{ submission: Submission }>('POST', `${p(processId)}/preferences/submissions`, {
        body: { revision },
      }),
  },
  suggestions: {
    list: (processId: string) => call<SuggestionSets>('GET', `${p(processId)}/suggestion-sets`),
    publish: (processId: string) =>
      call<{ set: SuggestionSet }>('POST', `${p(processId)}/suggestion-sets`),
    consent: (processId: string) =>
      call<{ setNumber: number }>('POST', `${p(processId)}/suggestion-sets/consents`),
    setBound: (processId: string, setsPerRound: number) =>
      call<{ setsPerRound: number }>('PUT', `${p(processId)}/suggestion-sets/bound`, {
        body: { setsPerRound },
      }),
  },
  analysis: {
    get: (processId: string, query: AnalysisQuery = {}) =>
      call<Analysis>('GET', `${p(processId)}/analysis`, { query }),
  },
};
