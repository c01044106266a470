/**
 * The browser side of passkeys: @simplewebauthn/browser turns the server's options into
 * navigator.credentials.create() / get() and the answer back into JSON. Failures of the ceremony
 * itself (cancelled, already registered, no WebAuthn) become one of a few reasons the screens
 * translate; answers of the API pass through as ApiErrors.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasskeyChallenge } from '../../api/types.js';

/** Why the browser's part failed, for a translated message. */
export type CeremonyFailure = 'cancelled' | 'alreadyRegistered' | 'unsupported' | 'failed';

/** A failure of the browser's part of a passkey ceremony. */
export class CeremonyError extends Error {
  constructor(
    /** What went wrong, as a key of the `passkeys.ceremony` messages. */
    readonly reason: CeremonyFailure,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'CeremonyError';
  }
}

/** Whether this browser can use passkeys at all. */
export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

function failure(e: unknown): CeremonyError {
  if (e instanceof WebAuthnError) {
    if (e.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED')
      return new CeremonyError('alreadyRegistered', e);
    if (
      e.code === 'ERROR_CEREMONY_ABORTED' ||
      e.name === 'NotAllowedError' ||
      e.name === 'AbortError'
    )
      return new CeremonyError('cancelled', e);
  }
  if (e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError'))
    return new CeremonyError('cancelled', e);
  return new CeremonyError('failed', e);
}

/** Asks the browser to create a passkey with the server's options. */
export async function createPasskey(started: PasskeyChallenge): Promise<RegistrationResponseJSON> {
  if (!passkeysSupported()) throw new CeremonyError('unsupported', 'WebAuthn is not available');
  try {
    return await startRegistration({
      optionsJSON: started.options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
  } catch (e) {
    throw failure(e);
  }
}

/** Asks the browser to sign the server's challenge with a passkey. */
export async function getPasskeyAssertion(
  started: PasskeyChallenge,
): Promise<AuthenticationResponseJSON> {
  if (!passkeysSupported()) throw new CeremonyError('unsupported', 'WebAuthn is not available');
  try {
    return await startAuthentication({
      optionsJSON: started.options as unknown as PublicKeyCredentialRequestOptionsJSON,
    });
  } catch (e) {
    throw failure(e);
  }
}

/** Turns a ceremony failure into an error with a translated message; other errors pass as they are. */
export function useCeremonyErrors(): (error: unknown) => unknown {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) =>
      error instanceof CeremonyError ? new Error(t(`passkeys.ceremony.${error.reason}`)) : error,
    [t],
  );
}
