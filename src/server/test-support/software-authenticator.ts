/**
 * A software passkey authenticator for tests: an ES256 key pair from Node's crypto, and the bytes a
 * real authenticator and browser would send — "none" attestation on creation, and assertions
 * signed over authenticatorData ‖ SHA-256(clientDataJSON) — so the server's real WebAuthn
 * verification runs on them. Built from the WebAuthn Level 3 specification, not from the verifier.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/** Options as the server sends them; an authenticator reads the challenge, rp.id, user.id, rpId. */
type Options = { challenge: string } & Record<string, unknown>;

/** What a test may change to play a misbehaving browser or authenticator. */
export interface Tampering {
  /** The origin the "browser" writes into clientDataJSON. */
  origin?: string;
  /** The relying party id whose hash goes into authenticatorData. */
  rpId?: string;
  /** The challenge written into clientDataJSON instead of the one asked for. */
  challenge?: string;
  /** The signature counter to report instead of the next one. */
  counter?: number;
  /** User verified (UV flag); true unless told otherwise. */
  userVerified?: boolean;
}

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

/** Minimal canonical CBOR (RFC 8949) for the few shapes WebAuthn needs. */
function cbor(value: Cbor): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) {
      const b = Buffer.alloc(3);
      b[0] = (major << 5) | 25;
      b.writeUInt16BE(n, 1);
      return b;
    }
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([
    head(5, value.size),
    ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]),
  ]);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Buffer) => data.toString('base64url');

/** One passkey held by a software authenticator (a test's "device"). */
export class SoftwareAuthenticator {
  /** The credential id, base64url. */
  readonly credentialId: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly rawId: Buffer;
  private userHandle = '';
  /** The signature counter, incremented at every assertion as real authenticators do. */
  counter = 0;

  constructor(
    /** The origin the "browser" runs on, e.g. http://localhost:8080. */
    readonly origin: string,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.rawId = randomBytes(16);
    this.credentialId = b64url(this.rawId);
  }

  private rpIdOf(optionsRpId: string | undefined, tampering: Tampering): string {
    return tampering.rpId ?? optionsRpId ?? new URL(this.origin).hostname;
  }

  private clientData(
    type: 'webauthn.create' | 'webauthn.get',
    challenge: string,
    t: Tampering,
  ): Buffer {
    return Buffer.from(
      JSON.stringify({
        type,
        challenge: t.challenge ?? challenge,
        origin: t.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }

  private flags(t: Tampering, attested: boolean): number {
    // UP (user present) always; UV (user verified) unless told otherwise; AT with a new key.
    return 0x01 | (t.userVerified === false ? 0 : 0x04) | (attested ? 0x40 : 0);
  }

  /** The COSE_Key (RFC 9053) of the public key: EC2, ES256, P-256, x and y. */
  private coseKey(): Buffer {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
  }

  /** Answers navigator.credentials.create(): a new passkey with "none" attestation. */
  create(options: Options, tampering: Tampering = {}) {
    const rp = options.rp as { id?: string } | undefined;
    this.userHandle = (options.user as { id: string } | undefined)?.id ?? '';
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(tampering.counter ?? this.counter);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.rawId.length);
    const authData = Buffer.concat([
      sha256(this.rpIdOf(rp?.id, tampering)),
      Buffer.from([this.flags(tampering, true)]),
      counter,
      Buffer.alloc(16), // AAGUID: zeros, as "none" attestation allows
      idLength,
      this.rawId,
      this.coseKey(),
    ]);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, tampering)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  /** Answers navigator.credentials.get(): an assertion signed with the passkey's private key. */
  get(options: Options, tampering: Tampering = {}) {
    if (tampering.counter === undefined) this.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(tampering.counter ?? this.counter);
    const authData = Buffer.concat([
      sha256(this.rpIdOf(options.rpId as string | undefined, tampering)),
      Buffer.from([this.flags(tampering, false)]),
      counter,
    ]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, tampering);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      this.privateKey,
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: this.userHandle,
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }
}
