/**
 * Configuration: the one module that reads process.env. Validated once, every problem reported at
 * once, frozen, passed down. Defaults make `npm start` work with no set-up.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

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
  PARLEY_DEMO: z.enum(['on', 'off']).default('on'),
  PARLEY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
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
  /** Create the illustrative demo on an empty database. */
  demo: boolean;
  /** Log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
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
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.PARLEY_DATABASE_URL ?? `sqlite:${resolve(dataDir, 'parley.db')}`,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    demo: e.PARLEY_DEMO === 'on',
    logLevel: e.PARLEY_LOG_LEVEL,
  });
}
