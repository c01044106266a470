/**
 * The Ed25519 key that signs audit tree heads. Generated at first start in the data directory,
 * readable by its owner only; its id is the first 16 hex digits of the SHA-256 of the public key.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A signing key and what verifiers need. */
export interface TreeHeadKey {
  /** Short id of the key, written into every signed head. */
  keyId: string;
  /** The public key in PEM, for parties to keep. */
  publicKeyPem: string;
  /** Signs bytes. */
  sign(bytes: Uint8Array): Uint8Array;
  /** Verifies a signature made by this key. */
  verify(bytes: Uint8Array, signature: Uint8Array): boolean;
}

/** The file name of the key inside the data directory. */
export const keyFileName = 'audit-signing-key.pem';

function fromPrivate(privateKey: KeyObject): TreeHeadKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
    verify: (bytes, signature) => verify(null, bytes, publicKey, signature),
  };
}

/** Loads the key from the data directory, creating it (mode 0600) on first use. */
export function loadOrCreateTreeHeadKey(dataDir: string): TreeHeadKey {
  const file = join(dataDir, keyFileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return fromPrivate(createPrivateKey(readFileSync(file)));
}

/** A verifier for heads signed by the key whose public PEM is given (for witnesses). */
export function verifierFor(
  publicKeyPem: string,
): (bytes: Uint8Array, signature: Uint8Array) => boolean {
  const key = createPublicKey(publicKeyPem);
  return (bytes, signature) => verify(null, bytes, key, signature);
}
