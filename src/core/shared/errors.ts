/**
 * Domain errors. Every rule the core enforces fails with one of these codes; the server maps each
 * code to an HTTP status in one typed table, so a new code without a status does not compile.
 */
export const errorCodes = [
  /** The thing does not exist, or the actor may not know that it exists. */
  'NOT_FOUND',
  /** The actor can see the thing but may not do this to it. */
  'FORBIDDEN',
  /** No valid session or token. */
  'UNAUTHENTICATED',
  /** Sign-in failed; deliberately does not say whether the account exists. */
  'INVALID_CREDENTIALS',
  /** A second factor is needed, or the one given was wrong. */
  'TOTP_REQUIRED',
  /** The process requires members to sign in with a second factor. */
  'MFA_REQUIRED_BY_PROCESS',
  /** The account signs in with a passkey as its second factor: use it after the password. */
  'PASSKEY_REQUIRED',
  /** The process requires members to sign in with a passkey (phishing-resistant). */
  'PASSKEY_REQUIRED_BY_PROCESS',
  /** A passkey answer that does not verify: wrong origin or challenge, an expired or reused request, a bad signature, a counter that went back. */
  'PASSKEY_INVALID',
  /** Too many attempts; try again later. */
  'RATE_LIMITED',
  /** The request's shape is wrong (schema validation). */
  'INVALID_INPUT',
  /** A file over the size Parley accepts for it. */
  'TOO_LARGE',
  /** The request is well-formed but breaks a domain rule. */
  'RULE_VIOLATION',
  /** A status change that the process or party state machine does not allow. */
  'INVALID_TRANSITION',
  /** The edit started from an older revision than the current one. */
  'STALE_REVISION',
  /** The thing already exists (e.g. an e-mail address already registered). */
  'CONFLICT',
  /** The thing is immutable (e.g. a published version). */
  'IMMUTABLE',
  /** An invitation that was used, revoked or has expired. */
  'INVITATION_INVALID',
  /** A cookie-authenticated write without the CSRF token of its session. */
  'CSRF_REJECTED',
  /** The round's confidentiality rules must be acknowledged before anything in it opens. */
  'ACKNOWLEDGEMENT_REQUIRED',
] as const;

/** The closed union of domain error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error raised by a domain rule; `details` must never contain anything the caller may not see. */
export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code. */
    readonly code: ErrorCode,
    message: string,
    /** Optional structured details, shown to the caller as is. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one way to say "not found": identical for missing and for invisible things. */
export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}
