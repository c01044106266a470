import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from './connect.js';
import { fixedQuery } from './fixed-query.js';

const database = openDatabase(':memory:');
await migrateToLatest(database);
const { db, dialect } = database;
await db
  .insertInto('sign_in_versions')
  .values([
    { user_id: 'ada', version: 3 },
    { user_id: 'bo', version: 7 },
  ])
  .execute();
afterAll(() => database.close());

describe('a fixed query', () => {
  it('answers each call with its own values, as the query built afresh would', async () => {
    const versionOf = fixedQuery((d, userId: string) =>
      d.selectFrom('sign_in_versions').select('version').where('user_id', '=', userId),
    );
    expect(await versionOf(db, dialect, 'ada')).toEqual([{ version: 3 }]);
    expect(await versionOf(db, dialect, 'bo')).toEqual([{ version: 7 }]);
    expect(await versionOf(db, dialect, 'nobody')).toEqual([]);
    // Inside a transaction too.
    await db.transaction().execute(async (trx) => {
      expect(await versionOf(trx, dialect, 'bo')).toEqual([{ version: 7 }]);
    });
  });

  it('refuses, on its first call, a query that binds anything but its arguments', async () => {
    const computed = fixedQuery((d, userId: string) =>
      d.selectFrom('sign_in_versions').select('version').where('user_id', '=', userId.trim()),
    );
    await expect(computed(db, dialect, ' ada ')).rejects.toThrow(/not a fixed query/);
    const extra = fixedQuery((d, userId: string) =>
      d
        .selectFrom('sign_in_versions')
        .select('version')
        .where('user_id', '=', userId)
        .where('version', '>', 0),
    );
    await expect(extra(db, dialect, 'ada')).rejects.toThrow(/not a fixed query/);
  });
});
