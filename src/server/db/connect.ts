/**
 * Opens the database named by the configuration: embedded SQLite (WAL, synchronous=FULL, foreign
 * keys on) by default, PostgreSQL when the URL says so. Migrates to the latest schema.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

/** Which engine is behind a Kysely instance; a few statements differ. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database. */
export interface Database {
  /** The query builder. */
  db: Kysely<DB>;
  /** Which engine. */
  dialect: Dialect;
  /** The raw SQLite handle, for online backup and integrity checks. */
  sqlite: SQLite.Database | null;
  /** The PostgreSQL connection pool (its use is reported in the metrics); absent for SQLite. */
  pool?: pg.Pool;
  /** The PostgreSQL schema Parley lives in (public unless configured); null for SQLite. */
  schema: string | null;
  /** Closes every connection. */
  close(): Promise<void>;
}

// PostgreSQL's bigint (int8) fits our counters; answer it as a number, not a string.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a database by URL: `sqlite:PATH`, `:memory:`, or `postgres://…`. */
export function openDatabase(url: string, options: { schema?: string } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on('connect', namePreparedStatements);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      sqlite: null,
      pool,
      schema: options.schema ?? 'public',
      close: () => db.destroy(),
    };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') ownerOnly(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', sqlite, schema: null, close: () => db.destroy() };
}

/** How many prepared statements a SQLite connection keeps (Parley issues a few hundred shapes). */
export const statementCacheSize = 1000;

/**
 * The SQLite handle as Kysely's driver sees it, with its statements prepared once per SQL text and
 * kept: the driver prepares every statement it runs, and parsing and planning it again took more
 * time than running it. Parley issues a few hundred shapes; should a connection ever see more than
 * `statementCacheSize` (texts that embed values), the oldest prepared leaves first. A statement
 * is run synchronously and is free again when `all` or `run` returns; one still being iterated
 * (`busy`) is never handed out twice: a fresh one is prepared instead.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(text: string) {
      const kept = statements.get(text);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (!kept) {
        statements.set(text, statement);
        if (statements.size > statementCacheSize) {
          const oldest = statements.keys().next();
          if (!oldest.done) statements.delete(oldest.value);
        }
      }
      return statement;
    },
  };
}

/** How many named prepared statements a PostgreSQL connection keeps at most. */
export const preparedStatementsPerConnection = 500;

/**
 * Makes every parameterized statement on a PostgreSQL connection a named prepared statement, one
 * per SQL text: PostgreSQL parses and plans it on its first use on that connection and then only
 * binds and executes it (the extended protocol's Bind/Execute instead of Parse/Bind/Execute).
 * Statements without parameters (BEGIN, COMMIT, DDL) are sent as before. Past
 * `preparedStatementsPerConnection` texts, new ones are sent unnamed, so a connection's memory on
 * the server stays bounded.
 */
function namePreparedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && !rest.length) {
      let name = names.get(text);
      if (!name && names.size < preparedStatementsPerConnection) {
        name = `parley_${names.size}`;
        names.set(text, name);
      }
      if (name) return query({ name, text, values });
    }
    return query(text, values, ...rest);
  }) as typeof client.query;
}

/**
 * Makes a SQLite database file readable by its owner only, before anything is written to it.
 * SQLite would create it 0644 (less the umask), and gives the files beside it (`-wal`, `-shm`,
 * `-journal`) the mode of the database file: so the file is created here, empty (an empty file is
 * an empty database), with mode 0600, in a directory created 0700, and an existing file from an
 * older Parley, with whatever companions it has, loses group and other access.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its own tables in every schema unless told which: with another schema on
    // the same server already migrated, it would skip creating them here and fail on the lock.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether the database answers (used to skip PostgreSQL suites where no server runs). */
export async function ping(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
