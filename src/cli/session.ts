/** What every CLI command shares: the runtime, the acting user, and how it prints. */
import type { Actor } from '../core/access/policy.js';
import { DomainError } from '../core/shared/errors.js';
import { findUnacceptedText } from '../contract/accepted-text.js';
import { asId, type ProcessId } from '../core/shared/ids.js';
import { authenticate } from '../core/usecases/accounts/authenticate.js';
import { listProcesses } from '../core/usecases/process/list-processes.js';
import { loadConfig } from '../server/config.js';
import { startRuntime, type Runtime } from '../server/runtime.js';

/** A mistake in the command line. */
export class UsageError extends Error {}

/** Prints a line to stdout. */
export const out = (line: string) => process.stdout.write(`${line}\n`);

/** Opens the configured database for one command and closes it afterwards. */
export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/**
 * The user a command acts as, from a personal API token (`--token` or PARLEY_TOKEN): commands
 * that read or change a process go through the same access policy as the web app.
 */
export async function actingUser(rt: Runtime, token: string | undefined): Promise<Actor> {
  const secret = token ?? rt.deps.config.apiToken;
  if (!secret)
    throw new UsageError(
      'This command acts as a user: pass --token or set PARLEY_TOKEN (create one in the web app under Account).',
    );
  const auth = await authenticate(rt.deps, { type: 'token', token: secret });
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'The API token is not valid or was revoked.');
  return auth.actor;
}

/** A process the actor is a member of, by id or codename (case-insensitive). */
export async function processNamed(
  rt: Runtime,
  actor: Actor,
  name: string | undefined,
): Promise<ProcessId> {
  if (!name) throw new UsageError('Name the process with --process (its codename or id).');
  const mine = await listProcesses(rt.deps, { actor });
  const found = mine.find(
    (p) => p.process.id === name || p.process.codename.toLowerCase() === name.toLowerCase(),
  );
  if (!found) throw new DomainError('NOT_FOUND', `Process ${name} not found`);
  return asId(found.process.id);
}

/**
 * Text a command stores (a file's, a password from stdin, the arguments), refused with a usage
 * error naming where it came from if it holds a character Parley does not accept — the rule the
 * API applies to every request (`contract/accepted-text.ts`).
 */
export function acceptedText(text: string, where: string): string {
  const found = findUnacceptedText(text, where);
  if (found) throw new UsageError(`${found.path} ${found.message}.`);
  return text;
}

/** Reads stdin to its end. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A whole number from an option, or a usage error naming it. */
export function whole(value: string | undefined, option: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--${option} needs a whole number (1, 2, …).`);
  return n;
}
