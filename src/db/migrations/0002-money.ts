import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";
import { makeAppendOnly } from "./append-only.ts";

/** Working-day calendar, publicity and objections, budgets, the ledger, awards and payments. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("calendar_days")
    .addColumn("date", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("publicity_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("working_days", "integer", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();

  await db.schema
    .createTable("publicity_entries")
    .addColumn("batch_id", "text", (c) => c.notNull().references("publicity_batches.id"))
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("funding_source", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("publicity_entries_pk", ["batch_id", "application_id"])
    .execute();

  await db.schema
    .createTable("objections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("batch_id", "text", (c) => c.notNull().references("publicity_batches.id"))
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // A budget per year and funding source; its balances are kept with the postings that make them
  // and guarded here: nothing reserved or paid beyond the total.
  await db.schema
    .createTable("budgets")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("total", "bigint", (c) => c.notNull())
    .addColumn("reserved", "bigint", (c) => c.notNull())
    .addColumn("paid", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("budgets_pk", ["year", "source"])
    .addCheckConstraint(
      "budgets_not_overspent",
      sql`total >= 0 and reserved >= 0 and paid >= 0 and reserved + paid <= total`,
    )
    .execute();

  // Double entry: every posting moves an amount from one account of a budget to another.
  // Accounts: appropriation (the fund's source) → available → reserved → paid. Append-only.
  await db.schema
    .createTable("ledger_postings")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("debit", "text", (c) => c.notNull())
    .addColumn("credit", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("award_id", "text")
    .addColumn("payment_line_id", "text")
    .addColumn("reverses", "text")
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addCheckConstraint("ledger_postings_two_accounts", sql`debit <> credit`)
    .execute();
  await makeAppendOnly(db, dialect, "ledger_postings");

  await db.schema
    .createTable("awards")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("application_id", "text", (c) => c.notNull().unique().references("applications.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("clause", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("awarded_on", "text", (c) => c.notNull())
    .addColumn("paid_on", "text")
    .addColumn("reversal_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("payment_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("payment_lines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("batch_id", "text", (c) => c.notNull().references("payment_batches.id"))
    .addColumn("award_id", "text", (c) => c.notNull().references("awards.id"))
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("treasury_ref", "text")
    .addColumn("paid_date", "text")
    .addColumn("failure_reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // An award is in at most one live line: it cannot be paid twice.
  await db.schema
    .createIndex("payment_lines_one_live_per_award")
    .on("payment_lines")
    .column("award_id")
    .unique()
    .where(sql.ref("state"), "in", sql`('pending', 'paid')`)
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
