/**
 * Configuration: the one module that reads process.env. Validated once, every problem reported at
 * once, frozen, passed down. Defaults make `npm start` work with no set-up.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseNetwork } from './security/destination-guard.js';
import { decodeMasterKey } from './security/master-key.js';

/** Whether one entry of PARLEY_TRUSTED_PROXIES is an address, a CIDR range, or a named range. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (version === 4 ? 32 : 128);
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  PARLEY_DATA_DIR: z.string().default('data'),
  PARLEY_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|:memory:|postgres(ql)?:\/\/.+)$/, {
      error: 'must be sqlite:PATH, :memory: or postgres://…',
    })
    .optional(),
  PARLEY_PUBLIC_URL: z
    .url({ error: 'must be a URL such as https://parley.example.org' })
    .default('http://localhost:8080'),
  PARLEY_PASSKEY_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/, { error: 'must be a host name such as parley.example.org' })
    .optional(),
  PARLEY_DEMO: z.enum(['on', 'off']).default('on'),
  PARLEY_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('warn'),
  PARLEY_METRICS_TOKEN: z
    .string()
    .trim()
    .min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' })
    .regex(/^[\x21-\x7e]+$/, { error: 'must be printable ASCII without spaces' })
    .optional(),
  PARLEY_METRICS_LISTEN: z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, {
      error: 'must be HOST:PORT, such as 127.0.0.1:9464',
    })
    .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, {
      error: 'the port must be at most 65535',
    })
    .optional(),
  PARLEY_TOKEN: z.string().optional(),
  PARLEY_TRUSTED_PROXIES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    )
    .refine((entries) => entries.every(isProxyEntry), {
      error:
        'must be a comma-separated list of addresses or CIDR ranges, such as 10.0.0.5,10.1.0.0/16',
    })
    .optional(),
  PARLEY_FEED_ALLOW_NETWORKS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    )
    .check((ctx) => {
      const bad = ctx.value.filter((e) => parseNetwork(e) === null);
      if (bad.length > 0)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `must be a comma-separated list of CIDR ranges, such as 10.20.0.0/16,192.168.5.0/24; not a range: ${bad.join(', ')}`,
        });
    })
    .optional(),
  PARLEY_EVIDENCE_FILE_MAX_MIB: z.coerce
    .number({ error: 'must be a whole number of MiB, such as 10' })
    .int({ error: 'must be a whole number of MiB, such as 10' })
    .min(1, { error: 'must be at least 1 (MiB)' })
    .max(100, { error: 'must be at most 100 (MiB)' })
    .default(10),
  PARLEY_MASTER_KEY: z
    .string()
    .refine((v) => decodeMasterKey(v) !== null, {
      error: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
});

/** Parley's configuration. */
export interface Config {
  /** TCP port to listen on. */
  port: number;
  /** Address to listen on. */
  host: string;
  /** Where the SQLite database and keys live. */
  dataDir: string;
  /** Database URL: sqlite:PATH (default), or postgres://… */
  databaseUrl: string;
  /** The address people use; decides cookie security and the allowed Origin. */
  publicUrl: string;
  /** Whether cookies are Secure and `__Host-` prefixed (true when publicUrl is https). */
  secureCookies: boolean;
  /** Passkeys' relying party id: the public URL's host name, or a parent domain of it. */
  passkeyRpId: string;
  /** The origin passkeys are accepted from: the public URL's scheme, host and port. */
  passkeyOrigin: string;
  /** Create the illustrative demo on an empty database. */
  demo: boolean;
  /** Log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * The operator's bearer token for `GET /metrics` on the main address, from
   * PARLEY_METRICS_TOKEN; null: the main address serves no metrics. A secret: never logged, never
   * sent. It is no account's token: a member's session or API token never reads the metrics.
   */
  metricsToken: string | null;
  /**
   * A second address (host and port) serving `GET /metrics` alone, to whoever reaches it, from
   * PARLEY_METRICS_LISTEN; null: none. Bind it to an interface only the monitoring can reach.
   */
  metricsListen: { host: string; port: number } | null;
  /**
   * The master key that wraps the data keys, base64, from PARLEY_MASTER_KEY; null: the key file in
   * dataDir (created at first start). A secret: never logged, never sent.
   */
  masterKey: string | null;
  /**
   * The personal API token `parley` commands act with when no `--token` is given, from
   * PARLEY_TOKEN. A secret: never logged, never sent.
   */
  apiToken: string | null;
  /**
   * The reverse proxies whose X-Forwarded-For is believed for the client address (addresses, CIDR
   * ranges, or `loopback`, `linklocal`, `uniquelocal`), from PARLEY_TRUSTED_PROXIES; empty: the
   * TCP peer is the client. Sign-in throttling counts per client address.
   */
  trustedProxies: readonly string[];
  /**
   * Networks (CIDR ranges) that feeds are fetched from although private or reserved, from
   * PARLEY_FEED_ALLOW_NETWORKS; empty: feeds are fetched from public addresses only.
   */
  feedAllowNetworks: readonly string[];
  /**
   * The largest file accepted as evidence of a commitment's implementation, in bytes, from
   * PARLEY_EVIDENCE_FILE_MAX_MIB (10 MiB unless set; at most 100).
   */
  evidenceFileMaxBytes: number;
}

/** `HOST:PORT` (an IPv6 host in brackets) as a host and a port. */
function hostAndPort(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  return {
    host: value.slice(0, at).replace(/^\[(.*)\]$/, '$1'),
    port: Number(value.slice(at + 1)),
  };
}

/** Reads and validates the environment; throws one error listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.')}: ${i.message}`)
      .join('\n');
    throw new Error(`Parley's configuration is invalid:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PARLEY_DATA_DIR);
  const publicUrl = e.PARLEY_PUBLIC_URL.replace(/\/$/, '');
  const { hostname, origin } = new URL(publicUrl);
  const passkeyRpId = e.PARLEY_PASSKEY_RP_ID ?? hostname;
  // A browser accepts a relying party id only if it is the page's host or a parent domain of it.
  if (passkeyRpId !== hostname && !hostname.endsWith(`.${passkeyRpId}`))
    throw new Error(
      `Parley's configuration is invalid:\n  PARLEY_PASSKEY_RP_ID: must be ${hostname} or a parent domain of it (the host of PARLEY_PUBLIC_URL)`,
    );
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.PARLEY_DATABASE_URL ?? `sqlite:${resolve(dataDir, 'parley.db')}`,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    passkeyRpId,
    passkeyOrigin: origin,
    demo: e.PARLEY_DEMO === 'on',
    logLevel: e.PARLEY_LOG_LEVEL,
    metricsToken: e.PARLEY_METRICS_TOKEN ?? null,
    metricsListen: e.PARLEY_METRICS_LISTEN ? hostAndPort(e.PARLEY_METRICS_LISTEN) : null,
    masterKey: e.PARLEY_MASTER_KEY?.trim() ?? null,
    apiToken: e.PARLEY_TOKEN?.trim() || null,
    trustedProxies: Object.freeze(e.PARLEY_TRUSTED_PROXIES ?? []),
    feedAllowNetworks: Object.freeze(e.PARLEY_FEED_ALLOW_NETWORKS ?? []),
    evidenceFileMaxBytes: e.PARLEY_EVIDENCE_FILE_MAX_MIB * 1024 * 1024,
  });
}
