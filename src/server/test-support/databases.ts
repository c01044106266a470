/**
 * The databases the repository and HTTP suites run on: embedded SQLite always, and PostgreSQL
 * when a server answers at PARLEY_TEST_DATABASE_URL (default: the local test database). Each
 * PostgreSQL suite gets its own fresh schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database a suite can run on. */
export interface TestDatabase {
  /** sqlite or postgres. */
  name: 'sqlite' | 'postgres';
  /** URL for openDatabase. */
  url: string;
  /** Creates a fresh schema (PostgreSQL) and returns its name and a cleanup. */
  fresh(): Promise<{ schema?: string; drop(): Promise<void> }>;
}

/** The PostgreSQL URL tests use. */
export const postgresTestUrl =
  process.env.PARLEY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers; says so once when it does not. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({
      connectionString: postgresTestUrl,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      console.log(
        `PostgreSQL not reachable at ${postgresTestUrl}: PostgreSQL suites skipped, SQLite suites run.`,
      );
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  url: ':memory:',
  fresh: async () => ({ drop: async () => undefined }),
};

const postgres: TestDatabase = {
  name: 'postgres',
  url: postgresTestUrl,
  fresh: async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: postgresTestUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    return {
      schema,
      drop: async () => {
        const c = new pg.Client({ connectionString: postgresTestUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
};

/**
 * SQLite in a file, as a real instance runs (browser journeys): the file lives in a temporary
 * directory of its own, removed when the test Parley closes.
 */
export function sqliteFile(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'parley-db-'));
  return {
    name: 'sqlite',
    url: `sqlite:${join(dir, 'parley.db')}`,
    fresh: async () => ({ drop: async () => rmSync(dir, { recursive: true, force: true }) }),
  };
}

/** SQLite, plus PostgreSQL when reachable: for `describe.each`. */
export async function testDatabases(): Promise<TestDatabase[]> {
  return (await postgresReachable()) ? [sqlite, postgres] : [sqlite];
}
