import type { DB, Tx } from "../db/database.ts";

/** The SQL of case publicity: the entries of a batch and the cases on them. */

export type CaseEntryRow = Awaited<ReturnType<typeof publicCaseEntries>>[number];

export function publicCaseEntries(db: DB, batchId: string) {
  return db
    .selectFrom("publicity_entries")
    .innerJoin("applications", "applications.id", "publicity_entries.application_id")
    .innerJoin("organizations", "organizations.id", "applications.organization_id")
    .select([
      "applications.id as applicationId",
      "applications.number as number",
      "applications.item as item",
      "applications.policy_id as policyId",
      "organizations.name as organization",
      "organizations.county as county",
      "publicity_entries.amount as amount",
      "publicity_entries.outcome as outcome",
      // What the county's supporting packs granted the case (四（三）), publicised with it.
      (eb) =>
        eb
          .selectFrom("supplement_grants")
          .select((s) => s.fn.coalesce(s.fn.sum<number>("amount"), s.lit(0)).as("n"))
          .whereRef("supplement_grants.application_id", "=", "applications.id")
          .as("countyAmount"),
    ])
    .where("publicity_entries.batch_id", "=", batchId)
    .orderBy("applications.number")
    .execute();
}

export function findCaseEntry(db: DB | Tx, batchId: string, applicationId: string) {
  return db
    .selectFrom("publicity_entries")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

/** Undecided entries (no outcome yet, or waiting for budget), first applied first (五、附则). */
export async function undecidedCaseEntries(db: DB, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("publicity_entries")
    .innerJoin("applications", "applications.id", "publicity_entries.application_id")
    .select("publicity_entries.application_id")
    .where("publicity_entries.batch_id", "=", batchId)
    .where((eb) =>
      eb.or([
        eb("publicity_entries.outcome", "is", null),
        eb("publicity_entries.outcome", "=", "waiting_budget"),
      ]),
    )
    .orderBy("applications.submitted_at")
    .orderBy("applications.number")
    .execute();
  return rows.map((r) => r.application_id);
}

/** The note of an entry (why it waits); not its state, which only the writer moves. */
export async function noteCaseEntry(trx: Tx, batchId: string, applicationId: string, note: string) {
  await trx
    .updateTable("publicity_entries")
    .set({ note })
    .where("batch_id", "=", batchId)
    .where("application_id", "=", applicationId)
    .execute();
}

/** The latest publicity of a case, for the explicit award. */
export function latestCaseEntry(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("publicity_entries")
    .innerJoin("publicity_batches", "publicity_batches.id", "publicity_entries.batch_id")
    .select(["publicity_entries.batch_id as batchId", "publicity_batches.end_date as endDate"])
    .where("publicity_entries.application_id", "=", applicationId)
    .orderBy("publicity_batches.end_date", "desc")
    .executeTakeFirst();
}

export function awardOfCase(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("awards")
    .select(["id", "number", "amount", "year", "source"])
    .where("application_id", "=", applicationId)
    .where("supporting", "=", 0)
    .executeTakeFirstOrThrow();
}
