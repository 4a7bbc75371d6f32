import type { DB, Tx } from "../db/database.ts";

/** All SQL of the leaders' dashboard; `county` narrows every query to one county. */

const LIVE = ["reserved", "paid"] as const;

/** Live awards (reserved or paid) with what they are tallied by. */
export function liveAwards(db: DB | Tx, county: string | null) {
  let q = db
    .selectFrom("awards")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .select([
      "awards.item",
      "awards.amount",
      "awards.year",
      "awards.state",
      "applications.county",
      "applications.policy_id",
    ])
    .where("awards.state", "in", LIVE)
    // The city programme's awards; a county's supporting awards (四（三）) are in its finance lists.
    .where("awards.supporting", "=", 0);
  if (county) q = q.where("applications.county", "=", county);
  return q.execute();
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

/** Every case event, in order per case. */
export function caseEvents(db: DB | Tx, county: string | null) {
  let q = db
    .selectFrom("application_events")
    .innerJoin("applications", "applications.id", "application_events.application_id")
    .select([
      "application_events.application_id",
      "application_events.seq",
      "application_events.action",
      "application_events.from_state",
      "application_events.to_state",
      "application_events.created_at",
    ]);
  if (county) q = q.where("applications.county", "=", county);
  return q.orderBy("application_events.application_id").orderBy("application_events.seq").execute();
}
