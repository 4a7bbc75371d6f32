import { sql } from "kysely";
import type { DB, Dialect, Tx } from "../db/database.ts";
import type { ObjectionState } from "./states.ts";
import type { SubjectKind } from "./subject.ts";

/** The SQL of the publicity module: batches, and the objections of either kind of subject. */

export function listBatches(db: DB) {
  return db.selectFrom("publicity_batches").selectAll().orderBy("start_date", "desc").execute();
}

export function findBatch(db: DB | Tx, id: string) {
  return db.selectFrom("publicity_batches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The open batches of a kind whose period ended before `today`, the oldest first. */
export function dueBatches(db: DB, kind: SubjectKind, today: string) {
  return db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("kind", "=", kind)
    .where("state", "=", "open")
    .where("end_date", "<", today)
    .orderBy("end_date")
    .execute();
}

/** What the city sees of an objection: not the hashes kept against repeats and floods. */
const OBJECTION_COLUMNS = [
  "id",
  "batch_id",
  "name",
  "contact",
  "reason",
  "state",
  "resolution",
  "resolved_by",
  "resolved_at",
  "created_at",
] as const;

export function caseObjections(db: DB, batchId: string) {
  return db
    .selectFrom("objections")
    .select([...OBJECTION_COLUMNS, "application_id"])
    .where("batch_id", "=", batchId)
    .orderBy("created_at")
    .execute();
}

export function projectObjections(db: DB, batchId: string) {
  return db
    .selectFrom("project_objections")
    .select([...OBJECTION_COLUMNS, "proposal_id"])
    .where("batch_id", "=", batchId)
    .orderBy("created_at")
    .execute();
}

/** An objection of either kind, with the subject it is against. */
export async function findObjection(
  db: DB | Tx,
  kind: "objection" | "project_objection",
  id: string,
): Promise<{ id: string; batchId: string; subjectId: string; state: string } | undefined> {
  if (kind === "objection") {
    const row = await db
      .selectFrom("objections")
      .select(["id", "batch_id", "application_id", "state"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && { id, batchId: row.batch_id, subjectId: row.application_id, state: row.state };
  }
  const row = await db
    .selectFrom("project_objections")
    .select(["id", "batch_id", "proposal_id", "state"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { id, batchId: row.batch_id, subjectId: row.proposal_id, state: row.state };
}

/** Whether an objection against the subject is still open (it holds the subject back). */
export async function hasOpenObjection(
  db: DB | Tx,
  kind: "objection" | "project_objection",
  subjectId: string,
): Promise<boolean> {
  const row =
    kind === "objection"
      ? await db
          .selectFrom("objections")
          .select("id")
          .where("application_id", "=", subjectId)
          .where("state", "=", "open")
          .executeTakeFirst()
      : await db
          .selectFrom("project_objections")
          .select("id")
          .where("proposal_id", "=", subjectId)
          .where("state", "=", "open")
          .executeTakeFirst();
  return row !== undefined;
}

/** The two objection tables, which share the columns the flood guard reads. */
export type ObjectionTableName = "objections" | "project_objections";

/** The int4 class of the PostgreSQL advisory locks per batch (the object is the batch's hash). */
const OBJECTIONS_LOCK_CLASS = 7310;

/**
 * Objections to one batch are written one at a time, so the identical one and the count read
 * next are current. SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
 */
export async function lockBatchObjections(
  trx: Tx,
  dialect: Dialect,
  batchId: string,
): Promise<void> {
  if (dialect === "postgres")
    await sql`select pg_advisory_xact_lock(${sql.lit(OBJECTIONS_LOCK_CLASS)}, hashtext(${batchId}))`.execute(
      trx,
    );
}

/** The objection of the batch with this fingerprint, if one was filed. */
export function findIdenticalObjection(
  db: DB | Tx,
  table: ObjectionTableName,
  batchId: string,
  fingerprint: string,
): Promise<{ id: string; state: ObjectionState } | undefined> {
  return db
    .selectFrom(table)
    .select(["id", "state"])
    .where("batch_id", "=", batchId)
    .where("fingerprint", "=", fingerprint)
    .executeTakeFirst();
}

/** How many objections of one source in the batch are still open. */
export async function countOpenObjectionsFrom(
  db: DB | Tx,
  table: ObjectionTableName,
  batchId: string,
  source: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("batch_id", "=", batchId)
    .where("source", "=", source)
    .where("state", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
