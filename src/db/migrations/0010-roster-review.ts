import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * 免申即享, second part, and the officials' inbox.
 * - A roster row matched by name only (needs_review) is confirmed or rejected by an official
 *   through the one writer: the row gains a version, who reviewed it, when and why; and the code of
 *   the engine's reason when a matched row is refused (a fact the roster lacks is the
 *   enterprise's to supply: 政策匹配).
 * - An import is written a batch at a time and completed at the end (completed_at).
 * - A notice may be addressed to the officials who act next on a case (the county's officials,
 *   the city's, finance) instead of the organization: its audience and county.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("roster_rows")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("roster_rows").addColumn("reason_code", "text").execute();
  await db.schema.alterTable("roster_rows").addColumn("reviewed_by", "text").execute();
  await db.schema.alterTable("roster_rows").addColumn("reviewed_at", "text").execute();
  await db.schema.alterTable("roster_rows").addColumn("review_comment", "text").execute();
  // The keys of a new roster are looked up among every earlier row (the unique index is partial,
  // matched rows only, and cannot answer for the rows that wait for a name check).
  await db.schema
    .createIndex("roster_rows_key")
    .on("roster_rows")
    .column("key")
    .where(sql.ref("key"), "is not", null)
    .execute();
  await db.schema
    .createIndex("roster_rows_organization")
    .on("roster_rows")
    .column("organization_id")
    .execute();

  // An import is written a batch at a time; it is complete when its counts and audit entry are.
  await db.schema.alterTable("roster_imports").addColumn("completed_at", "text").execute();
  // Imports made before were written whole in one transaction.
  await db
    .updateTable("roster_imports" as never)
    .set({ completed_at: sql`created_at` } as never)
    .execute();

  // NULL: the organization's own inbox; county, city or finance: those officials'.
  await db.schema.alterTable("notices").addColumn("audience", "text").execute();
  await db.schema.alterTable("notices").addColumn("county", "text").execute();
  // Only the officials' notices are read by audience: the organizations' are left out of it.
  await db.schema
    .createIndex("notices_audience")
    .on("notices")
    .columns(["audience", "county", "created_at"])
    .where(sql.ref("audience"), "is not", null)
    .execute();
}
