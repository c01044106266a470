/**
 * Encryption at rest benchmark (issue 7): what AES-256-GCM costs per value, and what it adds to
 * reading and searching a compartment of 200 notes through the items repository, against the same
 * repository with a pass-through sealer (what it did before encryption: the same SQL, no crypto)
 * and, for search, against the SQL LIKE it used to run.
 *
 * Run: npx tsx bench/at-rest.ts
 *
 * SQLite in memory (the figures are about the CPU cost of the crypto, not the disk).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { asId, type CompartmentId } from '../src/core/shared/ids.js';
import type { Item } from '../src/core/items/model.js';
import { loadConfig } from '../src/server/config.js';
import type { ProcessBox, Sealer } from '../src/server/db/data-keys.js';
import { itemsRepository } from '../src/server/db/items-repository.js';
import type { DB } from '../src/server/db/schema.js';
import { startRuntime } from '../src/server/runtime.js';
import { openText, sealText, type Place } from '../src/server/security/at-rest.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median over `rounds` of the time of `fn`, in milliseconds. */
async function time(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

/** A sealer that stores text as it is: the repository as it was before encryption at rest. */
const passThrough: Sealer = (() => {
  const box: ProcessBox = {
    sealAt: (_p, text) => text,
    openAt: (_p, stored) => stored,
    row: () => ({ seal: (_c, text) => text, open: (_c, stored) => stored }),
  };
  const accounts = {
    seal: (_p: unknown, text: string) => text,
    open: (_p: unknown, s: string) => s,
  };
  return {
    reader: async () => box,
    writer: async () => box,
    accountReader: async () => accounts,
    accountWriter: async () => accounts,
  };
})();

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown cpu'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);

// 1. One value: seal and open a 2 KB body.
{
  const key = randomBytes(32);
  const place: Place = {
    processId: randomUUID(),
    table: 'items',
    column: 'body',
    row: [randomUUID()],
  };
  const body = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '
    .repeat(36)
    .slice(0, 2048);
  const stored = sealText(key, 1, place, body);
  const n = 20_000;
  const seal = await time(7, () => {
    for (let i = 0; i < n; i++) sealText(key, 1, place, body);
  });
  const open = await time(7, () => {
    for (let i = 0; i < n; i++) openText(() => key, place, stored);
  });
  console.log(
    `2 KB body: seal ${((seal * 1000) / n).toFixed(1)} µs, open ${((open * 1000) / n).toFixed(1)} µs ` +
      `(median of 7 × ${n}); stored as ${stored.length} characters`,
  );
}

// 2. A compartment of 200 notes, encrypted and not.
{
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-at-rest-'));
  const rt = await startRuntime(
    loadConfig({
      PARLEY_DATA_DIR: dir,
      PARLEY_DATABASE_URL: ':memory:',
      PARLEY_LOG_LEVEL: 'silent',
    }),
    { webRoot: null },
  );
  try {
    const db = rt.database.db as Kysely<DB>;
    const now = new Date().toISOString();
    const user = randomUUID();
    await db
      .insertInto('users')
      .values({
        id: user,
        email: 'bench@example.org',
        display_name: 'Bench',
        password_hash: 'x',
        is_admin: 0,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        created_at: now,
      } as never)
      .execute();
    const processes = { sealed: randomUUID(), plain: randomUUID() };
    const compartments = { sealed: randomUUID(), plain: randomUUID() };
    for (const k of ['sealed', 'plain'] as const) {
      await db
        .insertInto('processes')
        .values({
          id: processes[k],
          codename: `BENCH-${k}`,
          title: 'Bench',
          status: 'active',
          require_totp: 0,
          created_at: now,
        } as never)
        .execute();
      await db
        .insertInto('compartments')
        .values({ id: compartments[k], process_id: processes[k], kind: 'caucus', party_id: null })
        .execute();
    }
    const note = (k: 'sealed' | 'plain', i: number): Item => ({
      id: asId(randomUUID()),
      processId: asId(processes[k]),
      compartmentId: asId(compartments[k]),
      kind: 'note',
      title: `Note ${i}: ${i % 20 === 0 ? 'ceasefire line' : 'electoral calendar'}`,
      body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(36).slice(0, 2048),
      authorUserId: asId(user),
      createdAt: now,
      updatedAt: new Date(Date.parse(now) + i).toISOString(),
      revision: 1,
    });
    await rt.deps.db.transaction(async (s) => {
      for (let i = 0; i < 200; i++) await s.items.insertItem(note('sealed', i));
    });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++)
        await itemsRepository(trx, passThrough, rt.database.dialect).insertItem(note('plain', i));
    });

    const list = (k: 'sealed' | 'plain', text?: string) => {
      const visible = [asId<'Compartment'>(compartments[k]) as CompartmentId];
      const q = {
        processId: asId<'Process'>(processes[k]),
        visible,
        compartmentId: visible[0],
        text,
        limit: 200,
      };
      return k === 'sealed'
        ? rt.deps.db.transaction((s) => s.items.listItems(q))
        : db
            .transaction()
            .execute((trx) => itemsRepository(trx, passThrough, rt.database.dialect).listItems(q));
    };
    // The search as it was: SQL LIKE over plain titles and bodies.
    const like = () =>
      db
        .selectFrom('items')
        .selectAll()
        .where('compartment_id', '=', compartments.plain)
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['title']), 'like', '%ceasefire%'),
            eb(eb.fn('lower', ['body']), 'like', '%ceasefire%'),
          ]),
        )
        .orderBy('updated_at', 'desc')
        .limit(200)
        .execute();

    if ((await list('sealed')).length !== 200 || (await list('sealed', 'CEASEFIRE')).length !== 10)
      throw new Error('the encrypted compartment does not read back');
    for (let i = 0; i < 20; i++) await Promise.all([list('sealed'), list('plain'), like()]);
    const rounds = 101;
    const figures = {
      listPlain: await time(rounds, () => list('plain')),
      listSealed: await time(rounds, () => list('sealed')),
      searchLike: await time(rounds, like),
      searchSealed: await time(rounds, () => list('sealed', 'ceasefire')),
    };
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    console.log(
      `list 200 notes (2 KB each): ${ms(figures.listPlain)} without encryption, ${ms(figures.listSealed)} with ` +
        `(+${ms(figures.listSealed - figures.listPlain)}, ${(((figures.listSealed - figures.listPlain) / 200) * 1000).toFixed(1)} µs a note)`,
    );
    console.log(
      `search them (10 hits): SQL LIKE ${ms(figures.searchLike)}, decrypt-then-match ${ms(figures.searchSealed)} (median of ${rounds})`,
    );
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function tmpdir(): string {
  return os.tmpdir();
}
