/**
 * Accounts: the people who sign in, and the ways they are signed in — browser sessions, personal
 * API tokens, passkeys and the WebAuthn challenges that register and use them. The rules of
 * signing in (lifetimes, limits, what a credential proves) are in `sign-in.ts` beside this file;
 * the stores that keep these are ports (`AccountStore`, `PasskeyStore` in `core/ports.ts`).
 */
import type { ChallengeId, PasskeyId, SessionId, TokenId, UserId } from '../shared/ids.js';

/** A user account. */
export interface User {
  /** Stable id. */
  id: UserId;
  /** Sign-in e-mail, lowercased. */
  email: string;
  /** Name shown to others. */
  displayName: string;
  /** argon2id hash. */
  passwordHash: string;
  /** System administrator (facilitator admin). */
  isAdmin: boolean;
  /** TOTP secret when a second factor is enabled or being set up. */
  totpSecret: string | null;
  /** Whether TOTP is confirmed and required at sign-in. */
  totpEnabled: boolean;
  /** The last time step a TOTP code was accepted for: a code is single-use. */
  totpLastStep: number | null;
  /** Created (ISO 8601). */
  createdAt: string;
}

/** A signed-in browser session; only the hash of its token is stored. */
export interface Session {
  /** Stable id. */
  id: SessionId;
  /** Whose session. */
  userId: UserId;
  /** SHA-256 of the cookie token. */
  tokenHash: string;
  /** The CSRF token that cookie-authenticated writes must echo in a header. */
  csrfToken: string;
  /** Whether it was opened with a second factor. */
  mfa: boolean;
  /** Whether it was opened with a passkey (phishing-resistant; some processes require it). */
  passkey: boolean;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Hard expiry (ISO 8601). */
  expiresAt: string;
  /** Revoked at sign-out (ISO 8601). */
  revokedAt: string | null;
}

/** A personal API token for the CLI and scripts; only its hash is stored. */
export interface ApiToken {
  /** Stable id, also the token's public prefix. */
  id: TokenId;
  /** Whose token. */
  userId: UserId;
  /** What it is for, chosen by the user. */
  name: string;
  /** SHA-256 of the secret part. */
  tokenHash: string;
  /** Whether it was created in a session opened with a passkey: it then counts as one. */
  viaPasskey: boolean;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Last used (ISO 8601). */
  lastUsedAt: string | null;
  /** Revoked (ISO 8601). */
  revokedAt: string | null;
}

/** A passkey (WebAuthn credential) registered to an account. */
export interface Passkey {
  /** Stable id (ours, not the authenticator's). */
  id: PasskeyId;
  /** Whose passkey. */
  userId: UserId;
  /** The authenticator's credential id, base64url. */
  credentialId: string;
  /** The credential's public key (COSE), base64url. */
  publicKey: string;
  /** The signature counter last seen; a later assertion must exceed it when the authenticator counts. */
  counter: number;
  /** How the browser can reach the authenticator (internal, hybrid, usb, nfc, ble). */
  transports: string[];
  /** The name the user gave it, e.g. "Work laptop". */
  name: string;
  /** Registered (ISO 8601). */
  createdAt: string;
  /** Last used to sign in (ISO 8601). */
  lastUsedAt: string | null;
}

/** What a WebAuthn challenge was issued for. */
export type ChallengePurpose = 'register' | 'sign_in';

/** A pending WebAuthn challenge: short-lived, and taken (deleted) by its first use. */
export interface WebAuthnChallenge {
  /** Stable id, sent back by the browser with its answer. */
  id: ChallengeId;
  /** Registration or sign-in. */
  purpose: ChallengePurpose;
  /** The account it was issued to; null for a passwordless sign-in (any account's passkey). */
  userId: UserId | null;
  /** The base64url challenge the authenticator must sign. */
  challenge: string;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Expires (ISO 8601). */
  expiresAt: string;
}
