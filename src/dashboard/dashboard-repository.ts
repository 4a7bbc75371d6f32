import type { DB, Tx } from "../db/database.ts";

/** All SQL of the leaders' dashboard; `county` narrows every query to one county. */

const LIVE = ["reserved", "paid"] as const;

/**
 * Live awards (reserved or paid) summed in SQL by what the dashboard tallies them by: item,
 * policy, budget year and the case's county (kept on the award), from an index of the awards
 * alone. A few hundred groups, whatever the number of awards.
 */
export async function liveAwardSums(db: DB | Tx, county: string | null) {
  let q = db
    .selectFrom("awards")
    .select((eb) => [
      "awards.item",
      "awards.year",
      "awards.county",
      "awards.policy_id",
      eb.fn.countAll<number>().as("count"),
      eb.fn.sum<number>("awards.amount").as("amount"),
    ])
    .where("awards.state", "in", LIVE)
    // The city programme's awards; a county's supporting awards (四（三）) are in its finance lists.
    .where("awards.supporting", "=", 0)
    .groupBy(["awards.item", "awards.year", "awards.county", "awards.policy_id"]);
  if (county) q = q.where("awards.county", "=", county);
  return (await q.execute()).map((r) => ({
    item: r.item,
    year: r.year,
    county: r.county ?? "",
    policy_id: r.policy_id,
    count: Number(r.count),
    amount: Number(r.amount),
  }));
}

/** Budgets by year (of one year when given); a county sees its own funding source. */
export function budgetRows(db: DB | Tx, county: string | null, year: number | null) {
  let q = db.selectFrom("budgets").selectAll();
  if (county) q = q.where("source", "=", county);
  if (year !== null) q = q.where("year", "=", year);
  return q.orderBy("year").execute();
}

/**
 * Cases submitted at least once, counted by state; with `firstSubmitted` ([from, to) instants),
 * those first submitted then.
 */
export async function submittedCasesByState(
  db: DB | Tx,
  county: string | null,
  firstSubmitted: readonly [string, string] | null,
) {
  let q = db
    .selectFrom("applications")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("submitted_at", "is not", null)
    .groupBy("state");
  if (county) q = q.where("county", "=", county);
  if (firstSubmitted)
    q = q
      .where("submitted_at", ">=", firstSubmitted[0])
      .where("submitted_at", "<", firstSubmitted[1]);
  return (await q.execute()).map((r) => ({ state: r.state, count: Number(r.n) }));
}

/**
 * The review decisions leaving `fromStates`, counted by (state, the Beijing date the case came to
 * the reviewer, the date decided), from the counts kept as each decision is taken: a few thousand
 * rows for a city's decade. `decided` ([from, to) civil dates) keeps the decisions taken then.
 */
export async function reviewDecisionDays(
  db: DB | Tx,
  county: string | null,
  fromStates: readonly string[],
  decided: readonly [string, string] | null,
) {
  let q = db
    .selectFrom("review_decision_days")
    .select((eb) => [
      "from_state",
      "start_day",
      "decided_day",
      eb.fn.sum<number>("decisions").as("n"),
    ])
    .where("from_state", "in", fromStates)
    .groupBy(["from_state", "start_day", "decided_day"]);
  if (county) q = q.where("county", "=", county);
  if (decided) q = q.where("decided_day", ">=", decided[0]).where("decided_day", "<", decided[1]);
  return (await q.execute()).map((r) => ({
    fromState: r.from_state,
    startDay: r.start_day,
    decidedDay: r.decided_day,
    count: Number(r.n),
  }));
}
