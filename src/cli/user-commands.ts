/** `parley users …`: operators' tasks on accounts. */
import { parseArgs } from 'node:util';
import { resetSignIn } from '../core/usecases/accounts/reset-sign-in.js';
import { acceptedText, out, readStdin, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the user commands. */
export const usersUsages: readonly CommandUsage[] = [
  {
    name: 'users reset-sign-in',
    synopsis: '--email E --password-stdin',
    summary:
      'Recover an account whose passkey or authenticator was lost: set the new password read from stdin, remove its passkeys and TOTP, and revoke its sessions and API tokens, in one audited transaction.',
    options: [
      ['--email E', 'The e-mail address of the account (any case).'],
      [
        '--password-stdin',
        'Read the new password from standard input (never on the command line: shell history and ps would keep it).',
      ],
    ],
  },
];

/** A count with its noun, singular or plural. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Runs `parley users <sub> …`. */
export async function runUsers(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'reset-sign-in')
    throw new UsageError('Did you mean: parley users reset-sign-in --email E --password-stdin');
  let values: { email?: string; password?: string; 'password-stdin'?: boolean };
  try {
    values = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        // Known only to be refused with the reason, rather than as an unknown option.
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`users: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!values.email) throw new UsageError('users reset-sign-in needs --email.');
  // Only from stdin: a password on the command line would stay in the shell history and `ps`.
  if (values.password !== undefined || !values['password-stdin'])
    throw new UsageError(
      'users reset-sign-in takes the new password from stdin only (--password-stdin), never on the command line.',
    );
  const password = acceptedText(await readStdin(), 'the password on standard input');
  const reset = await withRuntime((rt) =>
    resetSignIn(rt.deps, { email: values.email ?? '', password }),
  );
  out(`Reset the sign-in of ${reset.email} (${reset.userId}): new password set.`);
  out(
    `Removed ${count(reset.passkeysRemoved, 'passkey')}; ${reset.totpDisabled ? 'turned TOTP off' : 'TOTP was not on'}; revoked ${count(reset.sessionsRevoked, 'session')} and ${count(reset.tokensRevoked, 'API token')}.`,
  );
  out(
    'They now sign in with the new password alone and should register a new passkey: processes that require one stay closed to them until they do.',
  );
  return 0;
}
