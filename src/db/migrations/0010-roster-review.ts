import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * 免申即享, second part, and the officials' inbox.
 * - A roster row matched by name only (needs_review) is confirmed or rejected by an official
 *   through the one writer: the row gains a version, who reviewed it, when and why; and the code of
 *   the engine's reason when a matched row is refused (a fact the roster lacks is the
 *   enterprise's to supply: 政策匹配).
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
  await db.schema
    .createIndex("roster_rows_organization")
    .on("roster_rows")
    .column("organization_id")
    .execute();

  // NULL: the organization's own inbox; county, city or finance: those officials'.
  await db.schema.alterTable("notices").addColumn("audience", "text").execute();
  await db.schema.alterTable("notices").addColumn("county", "text").execute();
  await db.schema
    .createIndex("notices_audience")
    .on("notices")
    .columns(["audience", "county", "created_at"])
    .execute();
}
