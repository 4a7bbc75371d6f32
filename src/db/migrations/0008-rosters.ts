import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * 免申即享: the rosters officials import, each row's outcome, and the offer a matched row became.
 * An import and its rows are written once; only a row's name review (an official confirming or
 * rejecting a name match) changes afterwards. One matched row per item and subject ever: importing
 * the same or an overlapping roster again creates nothing twice.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("roster_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("encoding", "text")
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("matched", "integer", (c) => c.notNull())
    .addColumn("needs_review", "integer", (c) => c.notNull())
    .addColumn("unmatched", "integer", (c) => c.notNull())
    .addColumn("invalid", "integer", (c) => c.notNull())
    .addColumn("duplicates", "integer", (c) => c.notNull())
    .addColumn("offers", "integer", (c) => c.notNull())
    .addColumn("refused", "integer", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("roster_rows")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("import_id", "text", (c) => c.notNull().references("roster_imports.id"))
    .addColumn("row", "integer", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("uscc", "text")
    .addColumn("name", "text")
    .addColumn("county", "text")
    .addColumn("item", "text")
    .addColumn("subject", "text")
    .addColumn("event_date", "text")
    .addColumn("facts", "text")
    .addColumn("key", "text")
    .addColumn("cells", "text", (c) => c.notNull())
    .addColumn("column_name", "text")
    .addColumn("message", "text")
    // What the engine made of a matched row: offered (the case) or refused (with its reason).
    .addColumn("decision", "text")
    .addColumn("reason", "text")
    .addColumn("application_id", "text", (c) => c.references("applications.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("roster_rows_import")
    .on("roster_rows")
    .columns(["import_id", "row"])
    .unique()
    .execute();
  await db.schema
    .createIndex("roster_rows_one_match")
    .on("roster_rows")
    .column("key")
    .unique()
    .where(sql.ref("outcome"), "=", "matched")
    .execute();
  await db.schema
    .createIndex("roster_rows_outcome")
    .on("roster_rows")
    .columns(["outcome", "county"])
    .execute();
  await db.schema
    .createIndex("roster_rows_application")
    .on("roster_rows")
    .column("application_id")
    .execute();
}
