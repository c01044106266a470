/**
 * A sign-in version per user, kept by the database: every insert, update or delete of the user's
 * row, sessions, memberships or compartment grants increments it in the same transaction, whoever
 * writes (any server instance, the CLI, a restore script). A server may then reuse a session it
 * resolved earlier while the version it read then is still the version now. Triggers rather than
 * application code, so that no write path can forget it.
 * Frozen in time; imports nothing from the app.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The tables whose rows resolving a session reads, with the column naming the user. */
const watched: ReadonlyArray<readonly [table: string, userColumn: string]> = [
  ['users', 'id'],
  ['sessions', 'user_id'],
  ['memberships', 'user_id'],
  ['compartment_grants', 'user_id'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_versions')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function parley_bump_sign_in_version() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'DELETE' then
          insert into sign_in_versions (user_id, version) values (to_jsonb(new) ->> tg_argv[0], 1)
            on conflict (user_id) do update set version = sign_in_versions.version + 1;
        end if;
        if tg_op <> 'INSERT' then
          insert into sign_in_versions (user_id, version) values (to_jsonb(old) ->> tg_argv[0], 1)
            on conflict (user_id) do update set version = sign_in_versions.version + 1;
        end if;
        return null;
      end $$`.execute(db);
    for (const [table, column] of watched)
      await sql`create trigger ${sql.raw(`${table}_sign_in_version`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function parley_bump_sign_in_version(${sql.lit(column)})`.execute(db);
    return;
  }
  for (const [table, column] of watched)
    for (const [op, rows] of [
      ['insert', ['new']],
      ['update', ['old', 'new']],
      ['delete', ['old']],
    ] as const) {
      const bumps = rows.map(
        (row) =>
          `insert into sign_in_versions (user_id, version) values (${row}.${column}, 1) ` +
          'on conflict (user_id) do update set version = version + 1;',
      );
      await sql`create trigger ${sql.raw(`${table}_sign_in_version_${op}`)}
        after ${sql.raw(op)} on ${sql.table(table)}
        begin ${sql.raw(bumps.join(' '))} end`.execute(db);
    }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const [table] of watched)
      await sql`drop trigger ${sql.raw(`${table}_sign_in_version`)} on ${sql.table(table)}`.execute(
        db,
      );
    await sql`drop function parley_bump_sign_in_version()`.execute(db);
  } else {
    for (const [table] of watched)
      for (const op of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_sign_in_version_${op}`)}`.execute(db);
  }
  await db.schema.dropTable('sign_in_versions').execute();
}
