import type { DB, Tx } from "../db/database.ts";
import type {
  AssessmentRunTable,
  AssessmentSchemeTable,
  AssessmentValueTable,
} from "../db/schema.ts";

/** All SQL of the county assessment (四（一）): schemes, entered values, runs and raw values. */

// ── schemes ──────────────────────────────────────────────────────────────────

/** The year's latest scheme version, 0 when the year has none. */
export async function latestSchemeVersion(db: DB | Tx, year: number): Promise<number> {
  const row = await db
    .selectFrom("assessment_schemes")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export function insertScheme(trx: Tx, row: AssessmentSchemeTable) {
  return trx.insertInto("assessment_schemes").values(row).execute();
}

/** Schemes, newest year and version first. */
export function schemeRows(db: DB | Tx, year?: number) {
  let q = db
    .selectFrom("assessment_schemes")
    .selectAll()
    .orderBy("year", "desc")
    .orderBy("version", "desc");
  if (year !== undefined) q = q.where("year", "=", year);
  return q.execute();
}

/** A year's scheme: the given version, or the latest. */
export function schemeRow(db: DB | Tx, year: number, version?: number) {
  const q = db.selectFrom("assessment_schemes").selectAll().where("year", "=", year);
  return (
    version === undefined ? q.orderBy("version", "desc").limit(1) : q.where("version", "=", version)
  ).executeTakeFirst();
}

export function schemeRowById(db: DB | Tx, id: string) {
  return db.selectFrom("assessment_schemes").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The indicators (JSON) of every version of a year's scheme. */
export function schemeIndicatorsOfYear(db: DB | Tx, year: number) {
  return db
    .selectFrom("assessment_schemes")
    .select("indicators")
    .where("year", "=", year)
    .execute();
}

// ── values entered by the city ───────────────────────────────────────────────

export function insertAssessmentValue(trx: Tx, row: AssessmentValueTable) {
  return trx.insertInto("assessment_values").values(row).execute();
}

/** Entered values of one indicator of a year, in entry order (the last per county counts). */
export function enteredValues(db: DB | Tx, year: number, indicatorId: string) {
  return db
    .selectFrom("assessment_values")
    .select(["county", "value"])
    .where("year", "=", year)
    .where("indicator_id", "=", indicatorId)
    .orderBy("seq")
    .execute();
}

// ── raw values read from the records ─────────────────────────────────────────

/** Live awards (reserved or paid) made within [from, to] (civil dates), by application county. */
export function awardTotalsByCounty(
  db: DB | Tx,
  from: string,
  to: string,
  items: readonly string[] | undefined,
) {
  let q = db
    .selectFrom("awards")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .select((eb) => [
      "applications.county as county",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("awards.amount").as("amount"),
    ])
    .where("awards.state", "in", ["reserved", "paid"])
    // The city's awards: a county's supporting awards (四（三）) are its own money.
    .where("awards.supporting", "=", 0)
    .where("awards.awarded_on", ">=", from)
    .where("awards.awarded_on", "<=", to)
    .groupBy("applications.county");
  if (items) q = q.where("awards.item", "in", [...items]);
  return q.execute();
}

/** Objections upheld within [from, to) (instants), by the county of the application. */
export function upheldObjectionsByCounty(db: DB | Tx, from: string, to: string) {
  return db
    .selectFrom("objections")
    .innerJoin("applications", "applications.id", "objections.application_id")
    .select((eb) => ["applications.county as county", eb.fn.countAll<number>().as("n")])
    .where("objections.state", "=", "upheld")
    .where("objections.resolved_at", ">=", from)
    .where("objections.resolved_at", "<", to)
    .groupBy("applications.county")
    .execute();
}

/**
 * First-instance decisions within [from, to) (instants): approve, return or reject taken from
 * 已提交 or 县级初审中.
 */
export function firstInstanceDecisions(db: DB | Tx, from: string, to: string) {
  return db
    .selectFrom("application_events")
    .innerJoin("applications", "applications.id", "application_events.application_id")
    .select([
      "application_events.application_id as applicationId",
      "application_events.seq as seq",
      "application_events.created_at as at",
      "applications.county as county",
    ])
    .where("application_events.action", "in", ["approve", "return", "reject"])
    .where("application_events.from_state", "in", ["submitted", "county_review"])
    .where("application_events.created_at", ">=", from)
    .where("application_events.created_at", "<", to)
    .execute();
}

/** Every submission (and resubmission) of the given cases, 500 cases to a query. */
export async function submissionsOf(db: DB | Tx, applicationIds: readonly string[]) {
  const out: { applicationId: string; seq: number; at: string }[] = [];
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await db
      .selectFrom("application_events")
      .select(["application_id", "seq", "created_at"])
      .where("action", "=", "submit")
      .where("application_id", "in", applicationIds.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.push({ applicationId: r.application_id, seq: Number(r.seq), at: r.created_at });
  }
  return out;
}

// ── runs ─────────────────────────────────────────────────────────────────────

export function insertRun(trx: Tx, row: AssessmentRunTable) {
  return trx.insertInto("assessment_runs").values(row).execute();
}

function runsQuery(db: DB | Tx) {
  return db
    .selectFrom("assessment_runs")
    .innerJoin("assessment_schemes", "assessment_schemes.id", "assessment_runs.scheme_id")
    .selectAll("assessment_runs")
    .select("assessment_schemes.version as version");
}

/** Runs with their scheme version, newest first. */
export function runRows(db: DB | Tx, year?: number) {
  let q = runsQuery(db).orderBy("assessment_runs.created_at", "desc").orderBy("assessment_runs.id");
  if (year !== undefined) q = q.where("assessment_runs.year", "=", year);
  return q.execute();
}

export function runRowById(db: DB | Tx, id: string) {
  return runsQuery(db).where("assessment_runs.id", "=", id).executeTakeFirst();
}

export function latestRunRow(db: DB | Tx, year: number) {
  return runsQuery(db)
    .where("assessment_runs.year", "=", year)
    .orderBy("assessment_runs.created_at", "desc")
    .orderBy("assessment_runs.id")
    .limit(1)
    .executeTakeFirst();
}
