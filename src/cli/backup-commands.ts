/** `parley backup` and `parley restore`: operator commands over the configured database. */
import { parseArgs } from 'node:util';
import { createBackup, openForBackup, restoreBackup } from '../server/backup.js';
import { loadConfig } from '../server/config.js';
import { masterKeyFileName } from '../server/security/master-key.js';
import { out, UsageError } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the backup command. */
export const backupUsage: CommandUsage = {
  name: 'backup',
  synopsis: '--out DIR',
  summary:
    "Back up the database (SQLite online backup, or pg_dump) and the data directory's keys into a new directory, with a manifest of SHA-256s and the audit log's length and head. The master key is not copied: keep it apart (the command names its id).",
  options: [['--out DIR', 'A new or empty directory to write the backup to.']],
};

/** Usage of the restore command. */
export const restoreUsage: CommandUsage = {
  name: 'restore',
  synopsis: '--from DIR [--force]',
  summary:
    "Check a backup's manifest and restore it into the configured database and data directory (a non-empty target only with --force; stop the server first), then verify the audit log against the manifest.",
  options: [
    ['--from DIR', 'A directory written by parley backup.'],
    ['--force', 'Replace the database and keys already in the target.'],
  ],
};

/** Runs an option parser, turning node's parse errors into usage errors. */
function parsed<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs `parley backup --out DIR`. */
export async function runBackup(args: string[]): Promise<number> {
  const { values } = parsed('backup', () =>
    parseArgs({ args, options: { out: { type: 'string' } } }),
  );
  if (!values.out) throw new UsageError('backup needs --out DIR (a new or empty directory).');
  const config = loadConfig();
  const database = openForBackup(config);
  try {
    const { dir, manifest, masterKeyIds } = await createBackup({ config, database }, values.out);
    out(
      `Backed up the ${manifest.dialect} database and ${manifest.files.length - 1} keys to ${dir}.`,
    );
    out(
      `Audit log verified in the copy: ${manifest.audit.entries} entries, head ${manifest.audit.head}.`,
    );
    for (const f of manifest.files)
      out(`  ${f.name.padEnd(24)} ${String(f.bytes).padStart(12)} bytes  sha256 ${f.sha256}`);
    if (masterKeyIds.length > 0)
      out(
        `Its confidential material is encrypted under master key ${masterKeyIds.join(', ')}, which the backup does NOT hold: keep that key (PARLEY_MASTER_KEY, or ${config.dataDir}/${masterKeyFileName}) safe and apart from the backup; without it a restore cannot be read.`,
      );
    out('The backup holds the signing and fingerprint keys: keep it owner-only.');
    return 0;
  } finally {
    await database.close();
  }
}

/** Runs `parley restore --from DIR [--force]`. */
export async function runRestore(args: string[]): Promise<number> {
  const { values } = parsed('restore', () =>
    parseArgs({ args, options: { from: { type: 'string' }, force: { type: 'boolean' } } }),
  );
  if (!values.from)
    throw new UsageError('restore needs --from DIR (a directory written by parley backup).');
  const config = loadConfig();
  const result = await restoreBackup(config, values.from, { force: values.force === true });
  out(
    `Restored the ${result.manifest.dialect} backup of ${result.manifest.createdAt} into ${result.target}${result.replaced ? ' (replacing what was there)' : ''}.`,
  );
  out(
    `Audit log verified: ${result.audit.entries} entries, head ${result.audit.head} (as in the backup's manifest).`,
  );
  const { needed, configured, opens } = result.masterKey;
  if (needed.length > 0 && opens)
    out(`Master key ${configured} (configured) opens the restored confidential material.`);
  else if (needed.length > 0)
    out(
      `WARNING: the restored confidential material is encrypted under master key ${needed.join(', ')}, and ${configured ? `the configured key ${configured} does not open it` : 'no master key is configured'}. Put that key in ${config.dataDir}/${masterKeyFileName} (mode 0600), or set PARLEY_MASTER_KEY, before starting Parley.`,
    );
  return 0;
}
