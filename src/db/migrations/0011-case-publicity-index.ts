import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * A case's publicity entries by the case: the award of a case reads its latest 公示 entry, and
 * without this index every award scanned all the entries of every batch.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex("publicity_entries_application")
    .on("publicity_entries")
    .column("application_id")
    .execute();
}
