/** `parley keys …`: the master key and the data keys of encryption at rest. */
import { parseArgs } from 'node:util';
import { rotateKeys } from '../server/key-rotation.js';
import { masterKeyFileName } from '../server/security/master-key.js';
import { out, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the key commands. */
export const keysUsages: readonly CommandUsage[] = [
  {
    name: 'keys status',
    synopsis: '',
    summary:
      "Name the master key in use (its id, where it comes from) and count the processes' data keys it wraps.",
    options: [],
  },
  {
    name: 'keys rotate',
    synopsis: '[--data]',
    summary: `Re-wrap every data key under a new master key (the old key file is kept as ${masterKeyFileName}.<date>.old: backups taken before need it); with --data, also give every process a new data key and re-encrypt every confidential value, in one transaction. Stop the server first.`,
    options: [
      ['--data', 'Also give every process a new data key and re-encrypt every confidential value.'],
    ],
  },
];

/** Runs `parley keys <sub> …`. */
export async function runKeys(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let values: { data?: boolean };
  try {
    values = parseArgs({ args: rest, options: { data: { type: 'boolean' } } }).values;
  } catch (error) {
    throw new UsageError(`keys: ${error instanceof Error ? error.message : String(error)}`);
  }
  switch (sub) {
    case 'status':
      return withRuntime(async (rt) => {
        const master = rt.dataKeys.master;
        const rows = await rt.database.db
          .selectFrom('data_keys')
          .select(['process_id', 'version'])
          .execute();
        out(
          `Master key ${master.id}, from ${master.source === 'env' ? 'PARLEY_MASTER_KEY' : `${rt.deps.config.dataDir}/${masterKeyFileName}`}.`,
        );
        out(
          `It wraps ${rows.length} data keys of ${new Set(rows.map((r) => r.process_id)).size} processes.`,
        );
        return 0;
      });
    case 'rotate':
      return withRuntime(async (rt) => {
        const data = values.data === true;
        const master = rt.dataKeys.master;
        out(
          `Rotating master key ${master.id}${data ? ' and every data key (re-encrypting every confidential value)' : ''}…`,
        );
        const result = await rotateKeys(
          {
            database: rt.database,
            dataKeys: rt.dataKeys,
            config: rt.deps.config,
            clock: rt.deps.clock,
          },
          {
            data,
            progress: (table, rows) =>
              out(`  ${table.padEnd(24)} ${String(rows).padStart(8)} rows`),
          },
        );
        if (data)
          out(
            `Re-encrypted ${result.values} values under ${result.dataKeys} new data keys (one per process).`,
          );
        out(
          `The data keys of ${result.processes} processes are wrapped under master key ${result.masterKeyId}; ${result.previousMasterKeyId} no longer opens them.`,
        );
        if (result.newMasterKey === null) {
          out(`New master key: ${result.keyFile} (mode 0600).`);
          if (result.oldKeyFile)
            out(
              `Old master key kept as ${result.oldKeyFile}: backups taken before this rotation need it; keep it apart with them.`,
            );
        } else {
          out(
            'The master key comes from PARLEY_MASTER_KEY. Set it to the new key before starting Parley:',
          );
          out(`  PARLEY_MASTER_KEY=${result.newMasterKey}`);
          out(
            `(also saved in ${result.keyFile}, mode 0600: delete it once your secret store holds the key. Backups taken before this rotation need the old key.)`,
          );
        }
        return 0;
      });
    default:
      throw new UsageError('Did you mean: parley keys status, or parley keys rotate [--data]');
  }
}
