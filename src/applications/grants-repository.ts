import type { DB, Tx } from "../db/database.ts";
import type { GrantTable, SupplementGrantTable } from "../db/schema.ts";

/**
 * The SQL of what a final approval records: the grant and the organization's use of a cap.
 * Their unique indexes and the cap's CHECK are the database's half of the engine's rules, so a
 * violation reaches the caller as the driver's error.
 */

/** One grant per item and subject in the system, one per project of an organization. */
export function insertGrant(trx: Tx, row: GrantTable) {
  return trx.insertInto("grants").values(row).execute();
}

/** What a county supporting pack granted for the case at its final approval (四（三）). */
export function insertSupplementGrant(trx: Tx, row: SupplementGrantTable) {
  return trx.insertInto("supplement_grants").values(row).execute();
}

/** The case's supporting grants, in the order of their packs. */
export function supplementGrantsOf(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("supplement_grants")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("policy_id")
    .execute();
}

export interface CapKey {
  readonly organizationId: string;
  readonly policyId: string;
  readonly capId: string;
}

/** The organization's use of a cap, created at zero with its limit unless it already exists. */
export function ensureCapUsage(trx: Tx, key: CapKey, limitYuan: number) {
  return trx
    .insertInto("cap_usage")
    .values({
      organization_id: key.organizationId,
      cap_id: key.capId,
      policy_id: key.policyId,
      used: 0,
      limit_yuan: limitYuan,
    })
    .onConflict((oc) => oc.columns(["organization_id", "policy_id", "cap_id"]).doNothing())
    .execute();
}

/**
 * Adds an amount to the use of a cap only while it stays within the limit; true when it did.
 * The guard and the CHECK both hold: two approvals that passed each other cannot both fit.
 */
export async function addToCapUsage(trx: Tx, key: CapKey, amount: number): Promise<boolean> {
  const result = await trx
    .updateTable("cap_usage")
    .set((eb) => ({ used: eb("used", "+", amount) }))
    .where("organization_id", "=", key.organizationId)
    .where("policy_id", "=", key.policyId)
    .where("cap_id", "=", key.capId)
    .where((eb) => eb(eb("used", "+", amount), "<=", eb.ref("limit_yuan")))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
