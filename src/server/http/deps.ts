/** What the HTTP layer is built from: the core's ports and the configuration. */
import type { Config } from '../config.js';
import type { AnalysisEngine, AuditTreePort, CoreDeps, Totp, WebAuthn } from '../../core/ports.js';
import type { FingerprintKey } from '../../core/trace/fingerprint.js';
import type { LiveHub } from '../realtime/hub.js';

/** The dependencies of buildApp. */
export interface AppDeps extends CoreDeps {
  totp: Totp;
  /** Passkeys: options for the browser and verification, for the configured relying party. */
  webAuthn: WebAuthn;
  /** The audit log as a Merkle tree. */
  auditTree: AuditTreePort;
  /** The decision-support engine (on its own thread). */
  engine: AnalysisEngine;
  /** The secret that fingerprints each issued copy. */
  fingerprintKey: FingerprintKey;
  config: Readonly<Config>;
  /** The live-updates hub, or null to serve no WebSocket (most tests). */
  live: LiveHub | null;
  /** Where the built web app lives (index.html), or null to serve the API only. */
  webRoot: string | null;
}
