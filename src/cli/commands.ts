/**
 * `parley`: the operator's command. Each command opens the configured database (the same
 * configuration as the server), does one task through the same use cases, and exits non-zero
 * with a clear message when something is wrong. Commands are dispatched from one table that
 * pairs each with its usage, so every command answers `--help` and `parley help` lists them all.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { createUser } from '../core/usecases/accounts/create-user.js';
import { seedDemo, seedDemoIfEmpty } from '../server/demo/seed.js';
import { acceptedText, out, readStdin, UsageError, withRuntime } from './session.js';
import { runText, textUsages } from './text-commands.js';
import { mediaUsages, runMedia } from './media-commands.js';
import { implementationUsages, runImplementation } from './implementation-commands.js';
import { analyzeUsage, runAnalyze } from './analyze-command.js';
import { auditUsages, runAudit } from './audit-commands.js';
import { backupUsage, restoreUsage, runBackup, runRestore } from './backup-commands.js';
import { keysUsages, runKeys } from './key-commands.js';
import { runTrace, traceUsage } from './trace-command.js';
import { runUsers, usersUsages } from './user-commands.js';
import { asksForHelp, commandLine, helpText, listingOf, type CommandUsage } from './usage.js';

export { UsageError };

/** A `parley` command: how it is used, and what runs it. */
interface Command {
  /** Its usage: its entry in `parley help` and its own `--help`. */
  readonly usage: CommandUsage;
  /** Runs it with the arguments after its name; resolves to the exit code. */
  readonly run: (args: string[]) => Promise<number>;
}

/** A subcommand run by its group's dispatcher: `audit verify …` runs `runAudit(['verify', …])`. */
function sub(usage: CommandUsage, runGroup: (args: string[]) => Promise<number>): Command {
  const word = usage.name.split(' ').slice(1).join(' ');
  return { usage, run: (args) => runGroup([word, ...args]) };
}

const migrate: Command = {
  usage: {
    name: 'migrate',
    synopsis: '',
    summary: 'Create or update the database schema.',
    options: [],
  },
  run: async () => {
    await withRuntime(async (rt) =>
      out(`Database is at the latest schema (${rt.database.dialect}).`),
    );
    return 0;
  },
};

const createAdmin: Command = {
  usage: {
    name: 'create-admin',
    synopsis: '--email E --name N [--password P | --password-stdin]',
    summary: 'Create a facilitator admin account.',
    options: [
      ['--email E', 'The e-mail address the admin signs in with.'],
      ['--name N', 'The name shown for the admin.'],
      ['--password P', 'The password (kept by shell history and ps: prefer --password-stdin).'],
      ['--password-stdin', 'Read the password from standard input.'],
    ],
  },
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
    if (!values.email || !values.name)
      throw new UsageError('create-admin needs --email and --name.');
    const password = values['password-stdin']
      ? acceptedText(await readStdin(), 'the password on standard input')
      : values.password;
    if (!password) throw new UsageError('create-admin needs --password or --password-stdin.');
    const user = await withRuntime((rt) =>
      createUser(rt.deps, {
        email: values.email ?? '',
        displayName: values.name ?? '',
        password,
        isAdmin: true,
      }),
    );
    out(`Created facilitator admin ${user.email} (${user.id}).`);
    return 0;
  },
};

const demoSeed: Command = {
  usage: {
    name: 'demo seed',
    synopsis: '[--force]',
    summary: 'Create the illustrative demo (only on an empty database unless --force).',
    options: [['--force', 'Add the demo even when the database already has accounts.']],
  },
  run: async (args) => {
    const force = args.includes('--force');
    const demo = await withRuntime((rt) => (force ? seedDemo(rt.deps) : seedDemoIfEmpty(rt.deps)));
    if (!demo) {
      out(
        'The database already has accounts; the demo was not created (use --force to add it anyway).',
      );
      return 0;
    }
    out(`Created the illustrative demo "${demo.codename}". Accounts:`);
    for (const a of demo.accounts)
      out(`  ${a.role.padEnd(34)} ${a.email.padEnd(32)} ${a.password}`);
    return 0;
  },
};

const version: Command = {
  usage: { name: 'version', synopsis: '', summary: 'Print the version of Parley.', options: [] },
  run: async () => {
    out(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    return 0;
  },
};

const help: Command = {
  usage: {
    name: 'help',
    synopsis: '[COMMAND]',
    summary: 'List every command, or print how one command is used.',
    options: [['COMMAND', 'A command or a group of commands, e.g. audit verify, or audit.']],
  },
  run: async (args) => {
    if (args.length === 0) out(usage);
    else out(helpFor(args));
    return 0;
  },
};

/** Every command, in the order `parley help` lists them: nothing runs that is not here. */
export const commands: readonly Command[] = [
  migrate,
  createAdmin,
  ...usersUsages.map((u) => sub(u, runUsers)),
  ...auditUsages.map((u) => sub(u, runAudit)),
  { usage: backupUsage, run: runBackup },
  { usage: restoreUsage, run: runRestore },
  ...keysUsages.map((u) => sub(u, runKeys)),
  demoSeed,
  ...textUsages.map((u) => sub(u, runText)),
  ...mediaUsages.map((u) => sub(u, runMedia)),
  ...implementationUsages.map((u) => sub(u, runImplementation)),
  { usage: analyzeUsage, run: runAnalyze },
  { usage: traceUsage, run: runTrace },
  version,
  help,
];

/** What `parley help` prints: every command with its summary. */
const usage = `parley — operate a Parley server

Usage: parley <command> [options]
       parley <command> --help       how one command is used

Commands:
${commands.map((c) => listingOf(c.usage)).join('\n')}

Commands that read or change a process act as a user: pass --token or set PARLEY_TOKEN to a
personal API token (created in the web app under Account).

The database comes from PARLEY_DATABASE_URL (default sqlite:./data/parley.db under PARLEY_DATA_DIR).`;

/** The command named by the first words of `argv` (the longest name that matches). */
function commandNamed(argv: readonly string[]): Command | undefined {
  let found: Command | undefined;
  for (const c of commands) {
    const words = c.usage.name.split(' ');
    if (
      words.every((w, i) => argv[i] === w) &&
      (found?.usage.name.length ?? 0) < c.usage.name.length
    )
      found = c;
  }
  return found;
}

/** The commands of a group, e.g. every `audit …` command for `audit`. */
function groupNamed(word: string | undefined): Command[] {
  return commands.filter((c) => c.usage.name.split(' ')[0] === word);
}

/** The help of the command (or group of commands) that `words` name. */
function helpFor(words: readonly string[]): string {
  const command = commandNamed(words);
  if (command) return helpText(command.usage);
  const group = groupNamed(words[0]);
  if (group.length > 0) return group.map((c) => helpText(c.usage)).join('\n\n');
  throw new UsageError(`Unknown command "${words.join(' ')}".`);
}

/** Runs one command line; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    out(usage);
    return 0;
  }
  argv.forEach((arg, i) => acceptedText(arg, `argument ${i + 1}`));
  const command = commandNamed(argv);
  if (command) {
    const args = argv.slice(command.usage.name.split(' ').length);
    if (asksForHelp(args)) {
      out(helpText(command.usage));
      return 0;
    }
    return command.run(args);
  }
  const group = groupNamed(first);
  if (group.length === 0) throw new UsageError(`Unknown command "${first}".`);
  if (asksForHelp(rest)) {
    out(helpFor([first]));
    return 0;
  }
  throw new UsageError(
    `Did you mean: ${group.map((c) => `parley ${commandLine(c.usage)}`).join(', or ')}`,
  );
}

export { usage };
