import type { DB, Tx } from "../db/database.ts";
import type { PaymentBatchTable } from "../db/schema.ts";

/** The SQL of payments: batches and their lines. */

/** The reserved awards in no pending line: those a new batch of their budget would take. */
function awardsToBatch(db: DB | Tx) {
  return db
    .selectFrom("awards")
    .where("state", "=", "reserved")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("payment_lines")
            .select("id")
            .whereRef("payment_lines.award_id", "=", "awards.id")
            .where("payment_lines.state", "=", "pending"),
        ),
      ),
    );
}

/**
 * The awards a new batch of a budget takes. With `lock` (PostgreSQL), their rows are held until
 * commit, so a reversal of one of them waits and then sees its pending line — and an award
 * reversed meanwhile drops out of the batch instead of getting a line.
 */
export function unpaidAwards(db: DB | Tx, year: number, source: string, lock = false) {
  const q = awardsToBatch(db)
    .selectAll()
    .where("year", "=", year)
    .where("source", "=", source)
    .orderBy("number");
  return (lock ? q.forUpdate() : q).execute();
}

/** What a new batch of each budget would take, with whether each award has an account to pay. */
export function batchableAwards(db: DB | Tx, source: string | undefined) {
  let q = awardsToBatch(db).select(["year", "source", "amount", "bank_account_id"]);
  if (source !== undefined) q = q.where("source", "=", source);
  return q.execute();
}

export function insertPaymentBatch(trx: Tx, row: PaymentBatchTable) {
  return trx.insertInto("payment_batches").values(row).execute();
}

/** Batches, the newest first. */
export function listBatchRows(
  db: DB | Tx,
  f: { year?: number | undefined; source?: string | undefined },
) {
  let q = db.selectFrom("payment_batches").selectAll();
  if (f.year !== undefined) q = q.where("year", "=", f.year);
  if (f.source !== undefined) q = q.where("source", "=", f.source);
  return q.orderBy("created_at", "desc").execute();
}

/**
 * The lines of these batches summed in SQL by batch and state: how many, how much, and the last
 * payment date. A few rows per batch.
 */
export async function lineSumsOfBatches(db: DB | Tx, batchIds: readonly string[]) {
  const out: {
    batchId: string;
    state: string;
    lines: number;
    amount: number;
    lastPaid: string | null;
  }[] = [];
  for (let i = 0; i < batchIds.length; i += 500) {
    const rows = await db
      .selectFrom("payment_lines")
      .select((eb) => [
        "batch_id",
        "state",
        eb.fn.countAll<number>().as("lines"),
        eb.fn.sum<number>("amount").as("amount"),
        eb.fn.max("paid_date").as("last_paid"),
      ])
      .where("batch_id", "in", batchIds.slice(i, i + 500))
      .groupBy(["batch_id", "state"])
      .execute();
    for (const r of rows)
      out.push({
        batchId: r.batch_id,
        state: r.state,
        lines: Number(r.lines),
        amount: Number(r.amount),
        lastPaid: r.last_paid as string | null,
      });
  }
  return out;
}

/** A batch by its id or its number (BF-…, in either case), as an operator names it. */
export function findPaymentBatchByRef(db: DB | Tx, ref: string) {
  const number = /^bf-/i.test(ref) ? ref.toUpperCase() : ref;
  return db
    .selectFrom("payment_batches")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", ref), eb("number", "=", number)]))
    .executeTakeFirst();
}

/** The id and state of every line of a batch, in a fixed order (by id) so a rerun resumes alike. */
export function lineStatesOfBatch(db: DB | Tx, batchId: string) {
  return db
    .selectFrom("payment_lines")
    .select(["id", "state"])
    .where("batch_id", "=", batchId)
    .orderBy("id")
    .execute();
}

/** A batch's lines as finance pays them: award, organization and the account sent with. */
export function batchLines(db: DB | Tx, batchId: string) {
  return db
    .selectFrom("payment_lines")
    .innerJoin("awards", "awards.id", "payment_lines.award_id")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .leftJoin("bank_accounts", "bank_accounts.id", "payment_lines.bank_account_id")
    .select((eb) => [
      "payment_lines.id as id",
      "payment_lines.state as state",
      "payment_lines.amount as amount",
      "payment_lines.treasury_ref as treasuryRef",
      "payment_lines.paid_date as paidDate",
      "payment_lines.failure_reason as failureReason",
      "awards.number as award",
      "awards.item as item",
      "awards.clause as clause",
      "awards.awarded_on as awardedOn",
      "awards.policy_id as policyId",
      "organizations.name as organization",
      "organizations.uscc as uscc",
      // The account this line was sent with, as verified then; never the organization's latest.
      "bank_accounts.bank_name as bankName",
      "bank_accounts.account as bankAccount",
      eb
        .exists(
          eb
            .selectFrom("bank_accounts as pending")
            .select("pending.id")
            .whereRef("pending.organization_id", "=", "awards.organization_id")
            .where("pending.state", "=", "pending"),
        )
        .as("accountChangePending"),
    ])
    .where("payment_lines.batch_id", "=", batchId)
    .orderBy("awards.number")
    .execute();
}

export function findPaymentLine(db: DB | Tx, id: string) {
  return db.selectFrom("payment_lines").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The award's line still waiting for the treasury's result, if any (at most one). */
export function pendingLineOf(db: DB | Tx, awardId: string) {
  return db
    .selectFrom("payment_lines")
    .select("id")
    .where("award_id", "=", awardId)
    .where("state", "=", "pending")
    .executeTakeFirst();
}
