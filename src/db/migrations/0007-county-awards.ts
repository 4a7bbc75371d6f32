import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * A county's supporting policy (四（三）) pays its part of a case from the county's budget: a
 * case may now have one award per pack that decided it (the city's, and each supporting pack of
 * its county), so an award names its pack and whether it is a supporting one, and what a final
 * approval granted under a supporting pack is kept beside the city's grant until it is awarded.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") {
    await sql`alter table awards drop constraint awards_application_id_key`.execute(db);
    await sql`alter table awards add column policy_id text not null default ''`.execute(db);
    await sql`alter table awards add column supporting integer not null default 0`.execute(db);
  } else {
    await rebuildSqliteAwards(db);
  }
  await sql`update awards set policy_id = coalesce((select a.policy_id from applications a
      where a.id = awards.application_id), '')`.execute(db);
  await db.schema
    .createIndex("awards_one_per_pack")
    .on("awards")
    .columns(["application_id", "policy_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("supplement_grants")
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("clause", "text", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("combine", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("supplement_grants_pk", ["application_id", "policy_id"])
    .execute();
}

/**
 * SQLite cannot drop a column's UNIQUE: the table is rebuilt (the documented procedure, with
 * foreign keys off while the old table is replaced and checked before they are on again).
 */
async function rebuildSqliteAwards(db: Kysely<unknown>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql`create table awards_new (
      "id" text primary key,
      "number" text not null unique,
      "application_id" text not null references "applications" ("id"),
      "organization_id" text not null references "organizations" ("id"),
      "item" text not null,
      "clause" text not null,
      "amount" bigint not null check (amount > 0),
      "year" integer not null,
      "source" text not null,
      "state" text not null,
      "awarded_on" text not null,
      "paid_on" text,
      "reversal_reason" text,
      "created_at" text not null,
      "bank_account_id" text references "bank_accounts" ("id"),
      "version" integer default 0 not null,
      "policy_id" text default '' not null,
      "supporting" integer default 0 not null)`.execute(db);
    await sql`insert into awards_new (id, number, application_id, organization_id, item, clause,
        amount, year, source, state, awarded_on, paid_on, reversal_reason, created_at,
        bank_account_id, version)
      select id, number, application_id, organization_id, item, clause, amount, year, source,
        state, awarded_on, paid_on, reversal_reason, created_at, bank_account_id, version
      from awards`.execute(db);
    await sql`drop table awards`.execute(db);
    await sql`alter table awards_new rename to awards`.execute(db);
    await sql`create index "awards_item_state" on "awards" ("item", "state")`.execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error("awards: foreign keys broken by the rebuild");
    await sql`commit`.execute(db);
  } catch (e) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw e;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
