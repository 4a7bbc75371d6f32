import type { DB, Dialect, Tx } from "../db/database.ts";
import type { AwardState } from "./states.ts";

/** The SQL of awards, and of the grant a case gives back when it ends after approval. */

export function findAward(db: DB | Tx, id: string) {
  return db.selectFrom("awards").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Reads an award inside the transaction; on PostgreSQL it holds the row until commit. */
export function lockAward(trx: Tx, dialect: Dialect, id: string) {
  let q = trx.selectFrom("awards").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The account finance verified for the organization, if any (at most one is verified). */
export async function verifiedAccountOf(db: DB | Tx, organizationId: string) {
  const row = await db
    .selectFrom("bank_accounts")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("state", "=", "verified")
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface AwardFilter {
  readonly year?: number | undefined;
  readonly source?: string | undefined;
  readonly state?: AwardState | undefined;
  readonly organizationId?: string | undefined;
}

/**
 * Awards with their organization, the policy their case was decided under (for the item's name)
 * and the pending payment batch holding them, if any (an award is in at most one), by number.
 */
export function listAwardRows(
  db: DB | Tx,
  f: AwardFilter,
  page?: { limit: number; offset: number; after?: string | undefined },
) {
  let q = db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .leftJoin("payment_lines", (join) =>
      join
        .onRef("payment_lines.award_id", "=", "awards.id")
        .on("payment_lines.state", "=", "pending"),
    )
    .leftJoin("payment_batches", "payment_batches.id", "payment_lines.batch_id")
    .selectAll("awards")
    .select([
      "organizations.name as organization_name",
      "organizations.uscc as uscc",
      "organizations.county as county",
      "payment_batches.id as pending_batch_id",
      "payment_batches.number as pending_batch_number",
    ])
    .orderBy("awards.number");
  if (f.year) q = q.where("awards.year", "=", f.year);
  if (f.source) q = q.where("awards.source", "=", f.source);
  if (f.state) q = q.where("awards.state", "=", f.state);
  if (f.organizationId) q = q.where("awards.organization_id", "=", f.organizationId);
  if (page?.after !== undefined) q = q.where("awards.number", ">", page.after);
  if (page) q = q.limit(page.limit).offset(page.after !== undefined ? 0 : page.offset);
  return q.execute();
}

/** How many awards match, counted in SQL. */
export async function countAwardRows(db: DB | Tx, f: AwardFilter): Promise<number> {
  let q = db.selectFrom("awards").select((eb) => eb.fn.countAll<number>().as("n"));
  if (f.year) q = q.where("year", "=", f.year);
  if (f.source) q = q.where("source", "=", f.source);
  if (f.state) q = q.where("state", "=", f.state);
  if (f.organizationId) q = q.where("organization_id", "=", f.organizationId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * A budget's awards as the treasury's payment list shows them, by number: with the verified
 * account each award will be paid to, never an unverified change.
 */
export function awardPaymentRows(db: DB | Tx, f: { year: number; source: string }) {
  return db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .leftJoin("bank_accounts", "bank_accounts.id", "awards.bank_account_id")
    .select([
      "organizations.name",
      "organizations.uscc",
      "bank_accounts.bank_name",
      "bank_accounts.account as bank_account",
      "awards.number",
      "awards.amount",
      "awards.item",
      "awards.clause",
      "awards.awarded_on",
      "awards.state",
      "awards.policy_id",
    ])
    .where("awards.year", "=", f.year)
    .where("awards.source", "=", f.source)
    .orderBy("awards.number")
    .execute();
}

export function findGrant(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("grants")
    .selectAll()
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

export function deleteGrant(trx: Tx, applicationId: string) {
  return trx.deleteFrom("grants").where("application_id", "=", applicationId).execute();
}

/** What the case's county supporting packs granted (四（三）), deleted with the city's grant. */
export function deleteSupplementGrants(trx: Tx, applicationId: string) {
  return trx
    .deleteFrom("supplement_grants")
    .where("application_id", "=", applicationId)
    .returningAll()
    .execute();
}

/** Gives a grant's amount back to the organization's use of a cap. */
export function returnCapUsage(
  trx: Tx,
  use: { organizationId: string; policyId: string; capId: string; amount: number },
) {
  return trx
    .updateTable("cap_usage")
    .set((eb) => ({ used: eb("used", "-", use.amount) }))
    .where("organization_id", "=", use.organizationId)
    .where("policy_id", "=", use.policyId)
    .where("cap_id", "=", use.capId)
    .execute();
}

/** An award's id by its number (JL-2025-000123). */
export async function awardIdByNumber(db: DB | Tx, number: string): Promise<string> {
  const row = await db
    .selectFrom("awards")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}
