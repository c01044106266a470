/** What the HTTP layer is built from: the core's ports and the configuration. */
import type { Config } from '../config.js';
import type { Ports } from '../../core/ports.js';
import type { LiveHub } from '../realtime/hub.js';
import type { Metrics } from '../metrics.js';

/** The dependencies of buildApp. */
export interface AppDeps extends Ports {
  config: Readonly<Config>;
  /** The live-updates hub, or null to serve no WebSocket (most tests). */
  live: LiveHub | null;
  /** The operator's metrics (`GET /metrics`). */
  metrics: Metrics;
  /** Where the built web app lives (index.html), or null to serve the API only. */
  webRoot: string | null;
}
