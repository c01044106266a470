/**
 * The audit scopes migration numbers the entries of an older log: each entry gets the scope its
 * hashed fields name and its rank in that scope, in global order, and the chain is untouched.
 */
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, genesisHash, verifyChain } from '../../core/audit/chain.js';
import { verifyScopes } from '../../core/audit/scope.js';
import { sha256 } from '../security/crypto.js';
import { testDatabases } from '../test-support/databases.js';
import { readWholeLog } from './audit-repository.js';
import { migrateToLatest, openDatabase, type Database } from './connect.js';
import { migrations } from './migrations/index.js';

const targets = await testDatabases();

describe.each(targets)('the audit scopes migration on $name', (target) => {
  const opened: Array<{ database: Database; drop: () => Promise<void> }> = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.database.db.destroy();
      await o.drop();
    }
  });

  it('numbers every scope of an older log in global order and leaves the chain as it was', async () => {
    const fresh = await target.fresh();
    const database = openDatabase(target.url, { schema: fresh.schema });
    opened.push({ database, drop: fresh.drop });
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '2026-12-06T13-00-audit-scopes'),
    );
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => before },
      ...(database.schema ? { migrationTableSchema: database.schema } : {}),
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const rows: Array<[string, string | null, string | null, string | null]> = [
      ['session.signed_in', 'u1', null, null],
      ['process.created', 'u1', 'p1', null],
      ['item.created', 'u1', 'p1', 'c1'],
      ['round.viewed', 'u2', 'p1', null],
      ['item.read', 'u2', 'p1', 'c1'],
      ['membership.added', 'u1', 'p1', null],
      ['calendar.exported', 'u2', 'p1', null],
      ['item.created', 'u3', 'p2', 'c9'],
      ['item.created', 'u1', 'p1', 'c1'],
    ];
    let prev = genesisHash;
    const stored = rows.map(([kind, actor, process, compartment], i) => {
      const unsigned = {
        seq: i + 1,
        at: '2026-11-30T10:00:00.000Z',
        actorUserId: actor,
        processId: process,
        compartmentId: compartment,
        kind,
        data: '{}',
        prevHash: prev,
      };
      prev = entryHash(unsigned, sha256);
      return { ...unsigned, hash: prev };
    });
    await database.db
      .insertInto('audit_log')
      .values(
        stored.map((e) => ({
          seq: e.seq,
          at: e.at,
          actor_user_id: e.actorUserId,
          process_id: e.processId,
          compartment_id: e.compartmentId,
          kind: e.kind,
          data: e.data,
          prev_hash: e.prevHash,
          hash: e.hash,
        })) as never,
      )
      .execute();

    await migrateToLatest(database);
    const log = [];
    for await (const e of readWholeLog(database.db)) log.push(e);
    expect(log.map((e) => [e.scope, e.scopeSeq])).toEqual([
      [null, null],
      ['process:p1', 1],
      ['compartment:c1', 1],
      ['member:p1:u2', 1],
      ['compartment:c1', 2],
      ['process:p1', 2],
      ['member:p1:u2', 2],
      ['compartment:c9', 1],
      ['compartment:c1', 3],
    ]);
    expect(await verifyScopes(log)).toMatchObject({ ok: true });
    expect(await verifyChain(log, sha256)).toMatchObject({ ok: true, entries: 9 });
  });
});
