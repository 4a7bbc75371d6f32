import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { nextCounter } from "../db/counters.ts";
import type { Tx } from "../db/database.ts";
import type { BudgetTable } from "../db/schema.ts";

/**
 * The ledger. Money only moves between the accounts of one budget (year × funding source):
 *
 *   appropriation ──set──▶ available ──award──▶ reserved ──pay──▶ paid
 *                 ◀─lower──           ◀cancel──          ◀─reverse (recovered)
 *
 * Every move is one append-only posting (debit account → credit account, a positive integer
 * amount) and one guarded update of the budget's balances in the same transaction; the update
 * must touch exactly one row, and the budgets table's CHECK constraint (reserved + paid ≤ total)
 * backs it up. `verifyLedger` recomputes every balance from the postings.
 */
export type Account = "appropriation" | "available" | "reserved" | "paid";

export interface BudgetKey {
  readonly year: number;
  readonly source: string;
}

export interface Move {
  readonly from: Account;
  readonly to: Account;
  readonly amount: number;
  readonly kind: string;
  readonly awardId?: string | null;
  readonly paymentLineId?: string | null;
  /** A public project's tranche (三（三）4). */
  readonly trancheId?: string | null;
  readonly reverses?: string | null;
  readonly actorId: string;
  readonly note?: string | null;
}

/** The balance changes of each allowed move, and the guard that must hold for it. */
function guardedUpdate(trx: Tx, key: BudgetKey, move: Move) {
  const a = move.amount;
  const q = trx
    .updateTable("budgets")
    .where("year", "=", key.year)
    .where("source", "=", key.source);
  switch (`${move.from}>${move.to}`) {
    case "appropriation>available":
      return q.set({ total: sql`total + ${a}` });
    case "available>appropriation":
      return q
        .set({ total: sql`total - ${a}` })
        .where(sql`total - ${a}`, ">=", sql`reserved + paid`);
    case "available>reserved":
      return q
        .set({ reserved: sql`reserved + ${a}` })
        .where(sql`reserved + paid + ${a}`, "<=", sql.ref("total"));
    case "reserved>paid":
      return q
        .set({ reserved: sql`reserved - ${a}`, paid: sql`paid + ${a}` })
        .where("reserved", ">=", a);
    case "reserved>available":
      return q.set({ reserved: sql`reserved - ${a}` }).where("reserved", ">=", a);
    case "paid>available":
      return q.set({ paid: sql`paid - ${a}` }).where("paid", ">=", a);
    default:
      throw new Error(`no such move: ${move.from} → ${move.to}`);
  }
}

/** Moves money; false (and nothing written) when the guard refuses it. */
export async function moveMoney(
  trx: Tx,
  key: BudgetKey,
  move: Move,
  at: string,
): Promise<string | null> {
  if (!Number.isSafeInteger(move.amount) || move.amount <= 0)
    throw new Error("amounts are positive integer yuan");
  const result = await guardedUpdate(trx, key, move).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  const id = randomUUID();
  await trx
    .insertInto("ledger_postings")
    .values({
      seq: await nextCounter(trx, "ledger_seq"),
      id,
      at,
      year: key.year,
      source: key.source,
      debit: move.from,
      credit: move.to,
      amount: move.amount,
      kind: move.kind,
      award_id: move.awardId ?? null,
      payment_line_id: move.paymentLineId ?? null,
      tranche_id: move.trancheId ?? null,
      reverses: move.reverses ?? null,
      actor_id: move.actorId,
      note: move.note ?? null,
    })
    .execute();
  return id;
}

export interface Budget extends BudgetKey {
  readonly total: number;
  readonly reserved: number;
  readonly paid: number;
  readonly remaining: number;
}

export async function readBudget(trx: Tx, key: BudgetKey): Promise<Budget | undefined> {
  const row = await trx
    .selectFrom("budgets")
    .selectAll()
    .where("year", "=", key.year)
    .where("source", "=", key.source)
    .executeTakeFirst();
  return row ? toBudget(row) : undefined;
}

export function toBudget(row: BudgetTable): Budget {
  const total = Number(row.total);
  const reserved = Number(row.reserved);
  const paid = Number(row.paid);
  return {
    year: row.year,
    source: row.source,
    total,
    reserved,
    paid,
    remaining: total - reserved - paid,
  };
}

/** Creates a budget at zero if there is none (its total then comes from postings only). */
export async function ensureBudgetRow(trx: Tx, key: BudgetKey): Promise<boolean> {
  const inserted = await trx
    .insertInto("budgets")
    .values({ year: key.year, source: key.source, total: 0, reserved: 0, paid: 0 })
    .onConflict((oc) => oc.columns(["year", "source"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}
