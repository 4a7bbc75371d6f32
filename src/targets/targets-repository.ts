import type { DB, Tx } from "../db/database.ts";
import type { TargetBaselineTable, TargetRecordTable, TargetValueTable } from "../db/schema.ts";

/** All SQL of the 2025 targets (二): baselines, records, values and the awards they count. */

// ── baselines ────────────────────────────────────────────────────────────────

export function insertBaseline(trx: Tx, row: TargetBaselineTable) {
  return trx.insertInto("target_baselines").values(row).execute();
}

/** Baselines of the targets in entry order (the last of a county is its baseline). */
export function baselinesOf(db: DB | Tx, targetIds: readonly string[]) {
  return db
    .selectFrom("target_baselines")
    .selectAll()
    .where("target_id", "in", [...targetIds])
    .orderBy("seq")
    .execute();
}

/** One target's baselines, newest entry first. */
export function baselineHistory(db: DB | Tx, targetId: string) {
  return db
    .selectFrom("target_baselines")
    .selectAll()
    .where("target_id", "=", targetId)
    .orderBy("seq", "desc")
    .execute();
}

// ── records ──────────────────────────────────────────────────────────────────

export function insertRecord(trx: Tx, row: TargetRecordTable) {
  return trx.insertInto("target_records").values(row).execute();
}

/** The live (not withdrawn) record of a key under a target, if any. */
export function liveRecordOf(db: DB | Tx, targetId: string, subjectKey: string) {
  return db
    .selectFrom("target_records")
    .select("id")
    .where("target_id", "=", targetId)
    .where("subject_key", "=", subjectKey)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
}

export function findRecord(db: DB | Tx, id: string) {
  return db.selectFrom("target_records").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Withdraws a record only if still live; returns the number of rows changed (0 or 1). */
export async function markRecordWithdrawn(
  trx: Tx,
  id: string,
  withdrawal: { at: string; by: string; reason: string },
): Promise<number> {
  const done = await trx
    .updateTable("target_records")
    .set({
      withdrawn_at: withdrawal.at,
      withdrawn_by: withdrawal.by,
      withdrawn_reason: withdrawal.reason,
    })
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}

/** Live records of the targets. */
export function liveRecordsOf(db: DB | Tx, targetIds: readonly string[]) {
  return db
    .selectFrom("target_records")
    .selectAll()
    .where("target_id", "in", [...targetIds])
    .where("withdrawn_at", "is", null)
    .execute();
}

// ── values ───────────────────────────────────────────────────────────────────

export function insertValue(trx: Tx, row: TargetValueTable) {
  return trx.insertInto("target_values").values(row).execute();
}

export function valuesOf(db: DB | Tx, targetIds: readonly string[]) {
  return db
    .selectFrom("target_values")
    .selectAll()
    .where("target_id", "in", [...targetIds])
    .execute();
}

/** One target's values, newest entry first. */
export function valueHistory(db: DB | Tx, targetId: string) {
  return db
    .selectFrom("target_values")
    .selectAll()
    .where("target_id", "=", targetId)
    .orderBy("seq", "desc")
    .execute();
}

export function findValueId(db: DB | Tx, id: string) {
  return db.selectFrom("target_values").select("id").where("id", "=", id).executeTakeFirst();
}

// ── awards counted for targets ───────────────────────────────────────────────

/** Live awards (reserved or paid) of the items under the pack, with what a contribution shows. */
export function liveAwardsOfItems(db: DB | Tx, policyId: string, items: readonly string[]) {
  if (items.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("awards")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .select([
      "awards.number",
      "awards.item",
      "applications.subject",
      "applications.event_date",
      "applications.county",
      "organizations.uscc",
      "organizations.name",
    ])
    .where("awards.item", "in", [...items])
    .where("awards.state", "in", ["reserved", "paid"])
    .where("awards.supporting", "=", 0)
    .where("applications.policy_id", "=", policyId)
    .execute();
}
