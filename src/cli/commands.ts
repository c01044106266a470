/**
 * `parley`: the operator's command. Each command opens the configured database (the same
 * configuration as the server), does one task through the same use cases, and exits non-zero
 * with a clear message when something is wrong.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { createUser } from '../core/usecases/accounts/create-user.js';
import { seedDemo, seedDemoIfEmpty } from '../server/demo/seed.js';
import { out, readStdin, UsageError, withRuntime } from './session.js';
import { runText, textUsage } from './text-commands.js';
import { analyzeUsage, runAnalyze } from './analyze-command.js';
import { auditUsage, runAudit } from './audit-commands.js';
import { backupUsage, runBackup, runRestore } from './backup-commands.js';
import { keysUsage, runKeys } from './key-commands.js';
import { runTrace, traceUsage } from './trace-command.js';
import { runUsers, usersUsage } from './user-commands.js';

export { UsageError };

const usage = `parley — operate a Parley server

Usage: parley <command> [options]

Commands:
  migrate                      Create or update the database schema.
  create-admin --email E --name N [--password P | --password-stdin]
                               Create a facilitator admin account.
${usersUsage}
${auditUsage}
${backupUsage}
${keysUsage}
  demo seed [--force]          Create the illustrative demo (only on an empty database unless --force).
${textUsage}
${analyzeUsage}
${traceUsage}

Commands that read or change a process act as a user: pass --token or set PARLEY_TOKEN to a
personal API token (created in the web app under Account).

The database comes from PARLEY_DATABASE_URL (default sqlite:./data/parley.db under PARLEY_DATA_DIR).`;

/** Runs one command line; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      await withRuntime(async (rt) =>
        out(`Database is at the latest schema (${rt.database.dialect}).`),
      );
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
      if (!values.email || !values.name)
        throw new UsageError('create-admin needs --email and --name.');
      const password = values['password-stdin'] ? await readStdin() : values.password;
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
    }
    case 'audit':
      return runAudit(rest);
    case 'backup':
      return runBackup(rest);
    case 'restore':
      return runRestore(rest);
    case 'keys':
      return runKeys(rest);
    case 'users':
      return runUsers(rest);
    case 'demo': {
      if (rest[0] !== 'seed') throw new UsageError('Did you mean: parley demo seed');
      const force = rest.includes('--force');
      const demo = await withRuntime((rt) =>
        force ? seedDemo(rt.deps) : seedDemoIfEmpty(rt.deps),
      );
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
    }
    case 'text':
      return runText(rest);
    case 'analyze':
      return runAnalyze(rest);
    case 'trace':
      return runTrace(rest);
    case 'version':
      out(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(usage);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

export { usage };
