/** Passkeys (WebAuthn): registration, my passkeys, and signing in with one. */
import { z } from 'zod';
import { idSchema, text, timestamp } from './common.js';

/** A base64url field of a WebAuthn answer, bounded. */
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'must be base64url' });

const attachment = z.enum(['platform', 'cross-platform']).optional();
const extensionResults = z.record(z.string(), z.unknown()).default({});

/** What navigator.credentials.create() answered, as @simplewebauthn/browser sends it. */
export const registrationResponse = z.object({
  /** Credential id. */
  id: base64url(1400).min(1),
  /** The same id. */
  rawId: base64url(1400).min(1),
  type: z.literal('public-key'),
  response: z.object({
    /** The client data the authenticator signed over. */
    clientDataJSON: base64url(8000),
    /** CBOR attestation object: authenticator data and the attestation statement. */
    attestationObject: base64url(64000),
    /** Authenticator data, when the browser gives it separately. */
    authenticatorData: base64url(64000).optional(),
    /** How the authenticator can be reached. */
    transports: z.array(z.string().max(30)).max(10).optional(),
    /** COSE algorithm of the new key. */
    publicKeyAlgorithm: z.number().int().optional(),
    /** The new public key (SPKI), when the browser gives it. */
    publicKey: base64url(8000).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

/** What navigator.credentials.get() answered, as @simplewebauthn/browser sends it. */
export const authenticationResponse = z.object({
  /** Credential id. */
  id: base64url(1400).min(1),
  /** The same id. */
  rawId: base64url(1400).min(1),
  type: z.literal('public-key'),
  response: z.object({
    /** The client data the authenticator signed over. */
    clientDataJSON: base64url(8000),
    /** Authenticator data: relying party hash, flags, counter. */
    authenticatorData: base64url(8000),
    /** The signature over authenticator data and the client data's hash. */
    signature: base64url(2000),
    /** The account's handle, from a discoverable passkey. */
    userHandle: base64url(200).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

/** Options for navigator.credentials.create() or get(): passed to @simplewebauthn/browser as is. */
export const webAuthnOptions = z.looseObject({
  /** The challenge the authenticator signs, base64url. */
  challenge: z.string(),
});

/** A started registration or sign-in. */
export const passkeyChallengeResponse = z.object({
  /** Send it back with the browser's answer. */
  challengeId: idSchema,
  /** For @simplewebauthn/browser's startRegistration() or startAuthentication(). */
  options: webAuthnOptions,
});

export const registerPasskeyRequest = z.object({
  /** From the options. */
  challengeId: idSchema,
  /** A name to recognise it by, e.g. "Work laptop". */
  name: text(100),
  /** The browser's answer. */
  response: registrationResponse,
});

export const renamePasskeyRequest = z.object({ /** The new name. */ name: text(100) });
export const passkeyParams = z.object({ passkeyId: idSchema });

export const passkeyResponse = z.object({
  /** Passkey id. */
  id: idSchema,
  /** Its name. */
  name: z.string(),
  /** How the browser reaches it (internal, hybrid, usb, nfc, ble). */
  transports: z.array(z.string()),
  /** Registered. */
  createdAt: timestamp,
  /** Last used to sign in. */
  lastUsedAt: timestamp.nullable(),
});
export const passkeyListResponse = z.object({ passkeys: z.array(passkeyResponse) });

/**
 * Starts a passkey sign-in: with e-mail and password, the passkey is the second factor; with
 * neither, any passkey registered in Parley signs in on its own (it must verify its user).
 */
export const passkeySignInOptionsRequest = z
  .object({
    /** Sign-in e-mail (with the password). */
    email: z.string().trim().min(3).max(320).optional(),
    /** Password (with the e-mail). */
    password: z.string().min(1).max(1024).optional(),
  })
  .refine((v) => (v.email === undefined) === (v.password === undefined), {
    error: 'give both e-mail and password, or neither for a passkey on its own',
  });

export const passkeySignInRequest = z.object({
  /** From the options. */
  challengeId: idSchema,
  /** The browser's answer. */
  response: authenticationResponse,
});
