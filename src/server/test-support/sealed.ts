/** Reading every encrypted column of a database, for the encryption-at-rest and rotation tests. */
import type { Database } from '../db/connect.js';
import type { DataKeys } from '../db/data-keys.js';
import { sealedColumns, selectSealed, type SealedTableName } from '../db/sealed-columns.js';

/** One encrypted value: where it is, as stored, and (when keys were given) decrypted. */
export interface SealedValue {
  /** `table.column row-key`. */
  where: string;
  /** The stored text (a ciphertext). */
  stored: string;
  /** The plain text, decrypted with the keys given; null without keys. */
  plain: string | null;
}

/** Every value of every encrypted column, sorted by place and plain text. */
export async function sealedValues(
  database: Database,
  dataKeys: DataKeys | null,
): Promise<SealedValue[]> {
  const sealer = dataKeys?.bind(database.db);
  const found: SealedValue[] = [];
  for (const table of Object.keys(sealedColumns) as SealedTableName[]) {
    const spec = sealedColumns[table];
    for (const row of await selectSealed(database.db, table)) {
      const key = spec.key.map((k) => String(row[k]));
      const processId = String(row.parley_process);
      const box = sealer ? await sealer.reader(processId) : null;
      for (const column of spec.columns as readonly string[]) {
        const stored = row[column];
        if (stored === null || stored === undefined) continue;
        found.push({
          where: `${table}.${column} ${key.join('/')}`,
          stored: String(stored),
          plain: box ? box.openAt({ processId, table, column, row: key }, String(stored)) : null,
        });
      }
    }
  }
  const order = (v: SealedValue) => `${v.where}\u0000${v.plain ?? v.stored}`;
  return found.sort((a, b) => order(a).localeCompare(order(b)));
}
