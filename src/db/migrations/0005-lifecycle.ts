import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/** The records whose state one writer moves; each gets a version for optimistic concurrency. */
const VERSIONED = [
  "organizations",
  "bank_accounts",
  "publicity_batches",
  "publicity_entries",
  "objections",
  "awards",
  "payment_lines",
  "project_calls",
  "project_proposals",
  "project_tranches",
  "project_publicity_entries",
  "project_objections",
  "settings",
] as const;

/**
 * One way to change state: every record with a life carries a version that each change bumps, and
 * every change of a record other than an application (whose steps stay in application_events)
 * leaves a row in record_events, written in the same transaction as the change and its audit entry.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const table of VERSIONED) {
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema
    .createTable("record_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("data", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    // The case a record belongs to (its award, payment lines, publicity entry, objections), so
    // the case timeline reads them all with its own steps.
    .addColumn("application_id", "text")
    .addUniqueConstraint("record_events_seq", ["record_type", "record_id", "seq"])
    .execute();
  await sql`create index record_events_application on record_events (application_id)
    where application_id is not null`.execute(db);
}
