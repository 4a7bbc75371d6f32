import { sql } from "kysely";
import type { Dialect, Tx } from "./database.ts";

/** The next value of a named counter, inside the caller's transaction (row-locked on PostgreSQL). */
export async function nextCounter(trx: Tx, name: string): Promise<number> {
  const row = await trx
    .insertInto("counters")
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** `n` next values of a named counter at once (their first), inside the caller's transaction. */
export async function reserveCounter(trx: Tx, name: string, n: number): Promise<number> {
  const row = await trx
    .insertInto("counters")
    .values({ name, value: n })
    .onConflict((oc) =>
      oc.column("name").doUpdateSet({ value: sql<number>`counters.value + ${n}` }),
    )
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value) - n + 1;
}

/**
 * A strictly increasing instant (epoch ms) for submissions: never earlier than `nowMs`, always
 * later than the one before. "First applied" (五、附则) is then never a tie.
 */
export function nextSubmissionMillis(trx: Tx, dialect: Dialect, nowMs: number): Promise<number> {
  return nextInstantMillis(trx, dialect, "submission_clock", nowMs);
}

/** A strictly increasing instant (epoch ms) on the clock `name`: never earlier than `nowMs`. */
export async function nextInstantMillis(
  trx: Tx,
  dialect: Dialect,
  name: string,
  nowMs: number,
): Promise<number> {
  const larger =
    dialect === "postgres"
      ? sql<number>`greatest(counters.value + 1, excluded.value)`
      : sql<number>`max(counters.value + 1, excluded.value)`;
  const row = await trx
    .insertInto("counters")
    .values({ name, value: nowMs })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: larger }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
