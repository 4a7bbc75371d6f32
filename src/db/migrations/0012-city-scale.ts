import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * A city's years of data.
 *
 * Indexes for the lookups that scanned a whole table once a city's years were in it: a case's
 * evidence (on every submission), an organization's users (every notice), a payment batch's
 * lines, an organization's awards (the case page), a user's sessions, a case's objections, a
 * call's proposals, an award's pending payment line, a year's awards in order, the awards waiting
 * to be paid. And for the case lists: counted by state from an index (of the city, or of a
 * county), and a page of the most recently updated found in index order instead of sorting every
 * case.
 *
 * An award keeps the county of its case (set when it is made, filled here for the awards made
 * before), so that the dashboard sums the awards from an index of them alone.
 *
 * The review decisions counted by their two dates (review-decisions.ts keeps the counts as each
 * decision is taken), filled here from the events already recorded: the dashboard's review times
 * read these few rows instead of every event.
 */
const INDEXES: readonly [name: string, table: string, columns: readonly string[]][] = [
  ["evidence_application", "evidence", ["application_id"]],
  ["users_organization", "users", ["organization_id"]],
  ["payment_lines_batch", "payment_lines", ["batch_id", "state", "amount", "paid_date"]],
  ["awards_organization", "awards", ["organization_id"]],
  ["sessions_user", "sessions", ["user_id"]],
  ["objections_application", "objections", ["application_id"]],
  ["project_proposals_call", "project_proposals", ["call_id"]],
  ["payment_lines_award", "payment_lines", ["award_id", "state"]],
  ["awards_year_number", "awards", ["year", "number"]],
  ["awards_state", "awards", ["state", "year", "source"]],
  ["applications_recent", "applications", ["updated_at", "id", "submitted_at"]],
  ["applications_county_recent", "applications", ["county", "updated_at"]],
  ["applications_state_counts", "applications", ["state", "submitted_at"]],
  ["applications_county_counts", "applications", ["county", "state", "submitted_at"]],
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();

  await db.schema.alterTable("awards").addColumn("county", "text").execute();
  await sql`update awards set county = (select county from applications where applications.id = awards.application_id)`.execute(
    db,
  );
  await db.schema
    .createIndex("awards_sums")
    .on("awards")
    .columns(["state", "supporting", "item", "year", "county", "policy_id", "amount"])
    .execute();

  await db.schema
    .createTable("review_decision_days")
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("start_day", "text", (c) => c.notNull())
    .addColumn("decided_day", "text", (c) => c.notNull())
    .addColumn("decisions", "integer", (c) => c.notNull().check(sql`decisions > 0`))
    .addPrimaryKeyConstraint("review_decision_days_key", [
      "from_state",
      "county",
      "start_day",
      "decided_day",
    ])
    .execute();
  const day = (column: string) =>
    dialect === "postgres"
      ? sql`to_char((${sql.ref(column)})::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
      : sql`date(${sql.ref(column)}, '+8 hours')`;
  // The decision left a review state by a reviewer's action; the event before it entered that
  // state (review-decisions.ts).
  await sql`
    insert into review_decision_days (from_state, county, start_day, decided_day, decisions)
    select e.from_state, a.county, ${day("p.created_at")}, ${day("e.created_at")}, count(*)
    from application_events e
    join application_events p on p.application_id = e.application_id and p.seq = e.seq - 1
    join applications a on a.id = e.application_id
    where e.from_state in ('submitted', 'county_review', 'city_review')
      and e.action in ('accept', 'approve', 'return', 'reject')
    group by e.from_state, a.county, ${day("p.created_at")}, ${day("e.created_at")}
  `.execute(db);
}
