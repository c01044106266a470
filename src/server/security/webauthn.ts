/**
 * The WebAuthn port over @simplewebauthn/server, for one relying party id and origin from the
 * configuration. Every failure of the library (a wrong origin or challenge, a bad signature, a
 * counter that went back, a response that does not even decode) becomes `{ ok: false, reason }`.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { PasskeyCredential, WebAuthn } from '../../core/ports.js';

/** How long the browser waits for the person (the challenge itself lives longer). */
const timeoutMs = 120_000;

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : 'the response is malformed');
const descriptor = (c: PasskeyCredential) => ({ id: c.credentialId, transports: c.transports });

/** WebAuthn for Parley's relying party: its id (a host name) and the origin pages come from. */
export function simpleWebAuthn(rp: { rpId: string; origin: string; rpName?: string }): WebAuthn {
  return {
    async registrationOptions(input) {
      return generateRegistrationOptions({
        rpName: rp.rpName ?? 'Parley',
        rpID: rp.rpId,
        userName: input.userName,
        userDisplayName: input.displayName,
        // The user handle a discoverable passkey returns: our user id, which says nothing else.
        userID: new TextEncoder().encode(input.userId),
        timeout: timeoutMs,
        attestationType: 'none',
        excludeCredentials: input.exclude.map(descriptor),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      }) as unknown as ReturnType<WebAuthn['registrationOptions']>;
    },
    async verifyRegistration(input) {
      try {
        const result = await verifyRegistrationResponse({
          response: input.response,
          expectedChallenge: input.expectedChallenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpId,
          requireUserVerification: false,
        });
        if (!result.verified) return { ok: false, reason: 'the attestation did not verify' };
        const { credential } = result.registrationInfo;
        return {
          ok: true,
          credential: {
            credentialId: credential.id,
            publicKey: toBase64Url(credential.publicKey),
            counter: credential.counter,
            transports: credential.transports ?? input.response.response.transports ?? [],
          },
        };
      } catch (e) {
        return { ok: false, reason: reasonOf(e) };
      }
    },
    async authenticationOptions(input) {
      return generateAuthenticationOptions({
        rpID: rp.rpId,
        timeout: timeoutMs,
        allowCredentials: input.allow.map(descriptor),
        userVerification: input.userVerification,
      }) as unknown as ReturnType<WebAuthn['authenticationOptions']>;
    },
    async verifyAuthentication(input) {
      try {
        const result = await verifyAuthenticationResponse({
          response: input.response,
          expectedChallenge: input.expectedChallenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpId,
          credential: {
            id: input.credential.credentialId,
            publicKey: fromBase64Url(input.credential.publicKey),
            counter: input.credential.counter,
            transports: input.credential.transports,
          },
          requireUserVerification: input.requireUserVerification,
        });
        if (!result.verified) return { ok: false, reason: 'the signature did not verify' };
        return { ok: true, newCounter: result.authenticationInfo.newCounter };
      } catch (e) {
        return { ok: false, reason: reasonOf(e) };
      }
    },
  };
}
