/** Sign-in, sessions, API tokens and second factors. */
import { z } from 'zod';
import { idSchema, text, timestamp } from './common.js';

export const signInRequest = z.object({
  /** Sign-in e-mail. */
  email: z.string().trim().min(3).max(320),
  /** Password. */
  password: z.string().min(1).max(1024),
  /** 6-digit TOTP code, when the account has a second factor. */
  totpCode: z
    .string()
    .regex(/^\d{6}$/, { error: 'must be 6 digits' })
    .optional(),
});

export const userResponse = z.object({
  /** User id. */
  id: idSchema,
  /** Sign-in e-mail. */
  email: z.string(),
  /** Name shown to others. */
  displayName: z.string(),
  /** Facilitator admin. */
  isAdmin: z.boolean(),
  /** Whether a second factor is enabled. */
  totpEnabled: z.boolean(),
});

export const sessionResponse = z.object({
  /** The signed-in user. */
  user: userResponse,
  /** Echo this in the `x-csrf-token` header of every cookie-authenticated write. */
  csrfToken: z.string(),
  /** Whether the session was opened with a second factor. */
  mfa: z.boolean(),
  /** Whether the session was opened with a passkey. */
  passkey: z.boolean(),
  /** When the session ends. */
  expiresAt: timestamp,
});

export const createTokenRequest = z.object({ /** What the token is for. */ name: text(100) });
export const tokenResponse = z.object({
  /** Token id. */
  id: idSchema,
  /** What it is for. */
  name: z.string(),
  /** Created. */
  createdAt: timestamp,
  /** Last used. */
  lastUsedAt: timestamp.nullable(),
  /** Revoked. */
  revokedAt: timestamp.nullable(),
});
export const createdTokenResponse = z.object({
  /** The token. */
  token: tokenResponse,
  /** The secret, shown this once: `Authorization: Bearer <secret>`. */
  secret: z.string(),
});
export const tokenListResponse = z.object({ tokens: z.array(tokenResponse) });
export const tokenParams = z.object({ tokenId: idSchema });

export const totpSetupResponse = z.object({
  /** Base32 secret to type into an authenticator. */
  secret: z.string(),
  /** otpauth:// URI for a QR code. */
  uri: z.string(),
});
export const totpCodeRequest = z.object({
  /** Current 6-digit code. */
  code: z.string().regex(/^\d{6}$/, { error: 'must be 6 digits' }),
});
