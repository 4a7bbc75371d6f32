import type { DB, Tx } from "../db/database.ts";

/**
 * Every read of the reports. The reports show organizations by name, code and county only: no
 * query here selects a contact, and bank accounts only when the caller asks for them (finance).
 */

export interface AwardFilter {
  readonly year?: number | undefined;
  /** The organization's county. */
  readonly county: string | null;
  /** The budget that pays. */
  readonly source: string | null;
}

/** Awards with the policy they were decided under and their organization, by award number. */
export function awardRows(
  db: DB | Tx,
  f: AwardFilter,
  page?: { after: string | null; limit: number },
) {
  let q = db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .select([
      "awards.number",
      "awards.item",
      "awards.clause",
      "awards.amount",
      "awards.year",
      "awards.source",
      "awards.state",
      "awards.awarded_on",
      "awards.paid_on",
      "awards.policy_id",
      "organizations.name",
      "organizations.uscc",
      "organizations.county",
    ])
    .orderBy("awards.number");
  if (f.year !== undefined) q = q.where("awards.year", "=", f.year);
  if (f.county) q = q.where("organizations.county", "=", f.county);
  if (f.source) q = q.where("awards.source", "=", f.source);
  if (page) {
    if (page.after !== null) q = q.where("awards.number", ">", page.after);
    q = q.limit(page.limit);
  }
  return q.execute();
}

export interface PaymentLineFilter {
  readonly year: number;
  readonly county: string | null;
  readonly source: string | null;
  /** Whether to read the bank account each line was sent with (finance only). */
  readonly withBank: boolean;
}

/** The payment lines of a budget year, by batch and award number. */
export function paymentLineRows(db: DB | Tx, f: PaymentLineFilter) {
  let q = db
    .selectFrom("payment_lines")
    .innerJoin("payment_batches", "payment_batches.id", "payment_lines.batch_id")
    .innerJoin("awards", "awards.id", "payment_lines.award_id")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .select([
      "payment_batches.number as batch",
      "payment_batches.source as source",
      "awards.number as award",
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
      "payment_lines.amount as amount",
      "payment_lines.state as state",
      "payment_lines.treasury_ref as treasuryRef",
      "payment_lines.paid_date as paidDate",
      "payment_lines.failure_reason as failureReason",
    ])
    // The account each line was sent with (verified then), not the organization's latest.
    .$if(f.withBank, (qb) =>
      qb
        .leftJoin("bank_accounts", "bank_accounts.id", "payment_lines.bank_account_id")
        .select(["bank_accounts.bank_name as bankName", "bank_accounts.account as bankAccount"]),
    )
    .where("payment_batches.year", "=", f.year)
    .orderBy("payment_batches.number")
    .orderBy("awards.number");
  if (f.county) q = q.where("organizations.county", "=", f.county);
  if (f.source) q = q.where("payment_batches.source", "=", f.source);
  return q.execute();
}

/**
 * The awards' publicity batches that start in `year` (a batch belongs to the year it starts in,
 * as its number GS-<year>-… says). Public projects' publicity (kind "projects") is not among them.
 */
export function awardPublicityBatches(db: DB | Tx, year: number) {
  return db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("kind", "=", "awards")
    .where("start_date", ">=", `${year}-01-01`)
    .where("start_date", "<=", `${year}-12-31`)
    .orderBy("number")
    .execute();
}

/** The entries of these batches with their case and organization, by case number. */
export function publicityEntryRows(
  db: DB | Tx,
  batchIds: readonly string[],
  county: string | null,
) {
  if (batchIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom("publicity_entries")
    .innerJoin("applications", "applications.id", "publicity_entries.application_id")
    .innerJoin("organizations", "organizations.id", "applications.organization_id")
    .select([
      "publicity_entries.batch_id as batchId",
      "publicity_entries.application_id as applicationId",
      "applications.number as number",
      "organizations.name as organization",
      "organizations.county as county",
      "applications.item as item",
      "applications.policy_id as policyId",
      "publicity_entries.amount as amount",
      "publicity_entries.funding_source as fundingSource",
      "publicity_entries.outcome as outcome",
    ])
    .where("publicity_entries.batch_id", "in", batchIds)
    .orderBy("applications.number");
  if (county) q = q.where("organizations.county", "=", county);
  return q.execute();
}

/**
 * The objections to these batches, to be counted: the objector's name and contact are not read.
 */
export function objectionStates(db: DB | Tx, batchIds: readonly string[]) {
  if (batchIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("objections")
    .select(["batch_id", "application_id", "state"])
    .where("batch_id", "in", batchIds)
    .execute();
}

/** How many applications first submitted in [from, to) are in each state now. */
export async function applicationCountsByState(
  db: DB | Tx,
  f: { readonly from: string; readonly to: string; readonly county: string | null },
) {
  let q = db
    .selectFrom("applications")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("submitted_at", ">=", f.from)
    .where("submitted_at", "<", f.to)
    .groupBy("state");
  if (f.county) q = q.where("county", "=", f.county);
  return (await q.execute()).map((r) => ({ state: r.state, count: Number(r.n) }));
}

/** The budgets of a year; only `source`'s when given. */
export function budgetRowsOfYear(db: DB | Tx, year: number, source: string | null) {
  let q = db.selectFrom("budgets").selectAll().where("year", "=", year);
  if (source) q = q.where("source", "=", source);
  return q.execute();
}

/** The proposals to a call with their organization's name; only `county`'s when given. */
export function proposalRowsOfCall(db: DB | Tx, callId: string, county: string | null) {
  let q = db
    .selectFrom("project_proposals")
    .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
    .select([
      "project_proposals.id",
      "project_proposals.number",
      "project_proposals.rank",
      "project_proposals.score_micro",
      "project_proposals.category",
      "project_proposals.title",
      "project_proposals.requested",
      "project_proposals.funded_amount",
      "project_proposals.state",
      "project_proposals.decision_note",
      "project_proposals.county",
      "organizations.name",
    ])
    .where("project_proposals.call_id", "=", callId);
  if (county) q = q.where("project_proposals.county", "=", county);
  return q.execute();
}

/** The experts' total scores (in hundredths) of one proposal. */
export function proposalScoreTotals(db: DB | Tx, proposalId: string) {
  return db
    .selectFrom("project_scores")
    .select("total_centi")
    .where("proposal_id", "=", proposalId)
    .execute();
}

/** Count and amount of the live awards (reserved or paid) per budget year, summed in SQL. */
export async function liveAwardSumsByYear(
  db: DB | Tx,
  f: { county: string | null; source: string | null },
) {
  let q = db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .select((eb) => [
      "awards.year",
      eb.fn.countAll<number>().as("count"),
      eb.fn.sum<number>("awards.amount").as("amount"),
    ])
    .where("awards.state", "in", ["reserved", "paid"])
    .groupBy("awards.year")
    .orderBy("awards.year");
  if (f.county) q = q.where("organizations.county", "=", f.county);
  if (f.source) q = q.where("awards.source", "=", f.source);
  return (await q.execute()).map((r) => ({
    year: Number(r.year),
    count: Number(r.count),
    amount: Number(r.amount),
  }));
}
