import type { Kysely } from "kysely";

/**
 * Running several app processes on one database.
 *
 * - Rate limits counted in the database (one window per limited route and client), so that a
 *   client meets the same limit whichever process answers it.
 * - Scheduled jobs leased in the database: one process runs a job at a time, and a job due every
 *   ten minutes runs once in ten minutes however many processes there are. Each run is kept
 *   (when, by which process, how it ended) for operators.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limit_windows")
    .addColumn("key", "text", (c) => c.primaryKey())
    // Milliseconds since the epoch: the window's start.
    .addColumn("started_ms", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("job_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text")
    .addColumn("leased_until", "text")
    .addColumn("last_started_at", "text")
    .addColumn("last_finished_at", "text")
    .execute();

  await db.schema
    .createTable("job_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    // running, ok or failed
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .execute();
  await db.schema
    .createIndex("job_runs_name")
    .on("job_runs")
    .columns(["name", "started_at"])
    .execute();
}
