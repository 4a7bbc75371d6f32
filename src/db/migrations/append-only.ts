import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/** Makes the database itself refuse UPDATE and DELETE (and TRUNCATE) on a table. */
export async function makeAppendOnly(
  db: Kysely<unknown>,
  dialect: Dialect,
  table: string,
): Promise<void> {
  const name = sql.raw(table);
  if (dialect === "sqlite") {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${name}
      begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${name}
      begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    return;
  }
  await sql`create or replace function append_only() returns trigger language plpgsql as $$
    begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${name}
    for each row execute function append_only()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${name}
    for each statement execute function append_only()`.execute(db);
}
