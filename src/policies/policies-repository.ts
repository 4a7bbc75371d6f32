import { sql } from "kysely";
import type { DB, Tx } from "../db/database.ts";
import type { PolicySimulationTable } from "../db/schema.ts";

/** The SQL of policy packs on record and of what-if runs. */

/** Every pack on record, oldest first (by effective day, then pack id and revision). */
export function packRows(db: DB | Tx) {
  return db
    .selectFrom("policy_packs")
    .selectAll()
    .orderBy("effective")
    .orderBy("pack_id")
    .orderBy("revision")
    .execute();
}

/** A pack on record by its row id, or by its pack id (the newest revision). */
export function findPackRow(db: DB | Tx, ref: string) {
  return db
    .selectFrom("policy_packs")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", ref), eb("pack_id", "=", ref)]))
    .orderBy("revision", "desc")
    .executeTakeFirst();
}

/**
 * The packs that govern: of each pack id, its newest revision that was ever published (a
 * correction replaces the revision before it; a pack repealed by a successor still governs the
 * days before the successor's).
 */
export async function governingPackRows(db: DB | Tx) {
  const rows = await db
    .selectFrom("policy_packs")
    .select(["id", "pack_id", "revision", "content", "state", "jurisdiction"])
    .where("state", "<>", "draft")
    .orderBy("pack_id")
    .orderBy("revision", "desc")
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.pack_id) && seen.add(r.pack_id));
}

/**
 * What changes whenever the governing set does: the number of packs out of draft and the sum of
 * their versions (every publication and repeal bumps one). One indexed read, cheap enough to ask
 * on every request.
 */
export async function packGeneration(db: DB | Tx): Promise<string> {
  const row = await db
    .selectFrom("policy_packs")
    .select([sql<number>`count(*)`.as("n"), sql<number>`coalesce(sum(version), 0)`.as("v")])
    .where("state", "<>", "draft")
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.v}`;
}

/** The next revision number of a pack id (1 for a new one). */
export async function nextRevision(trx: Tx, packId: string): Promise<number> {
  const row = await trx
    .selectFrom("policy_packs")
    .select(sql<number | null>`max(revision)`.as("r"))
    .where("pack_id", "=", packId)
    .executeTakeFirst();
  return Number(row?.r ?? 0) + 1;
}

export function insertSimulation(db: DB | Tx, row: PolicySimulationTable) {
  return db.insertInto("policy_simulations").values(row).execute();
}

export function findSimulation(db: DB | Tx, id: string) {
  return db.selectFrom("policy_simulations").selectAll().where("id", "=", id).executeTakeFirst();
}

export function recentSimulations(db: DB | Tx, limit: number) {
  return db
    .selectFrom("policy_simulations")
    .select([
      "id",
      "draft_pack_id",
      "draft_sha256",
      "from_date",
      "to_date",
      "claims",
      "delta_yuan",
      "created_by",
      "created_at",
    ])
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/**
 * The claims a what-if re-decides: every case that reached submission and was not withdrawn, with
 * an event date in the range, in submission order, with its organization.
 */
export function historicalClaimRows(db: DB | Tx, from: string | undefined, to: string | undefined) {
  let q = db
    .selectFrom("applications")
    .innerJoin("organizations", "organizations.id", "applications.organization_id")
    .select([
      "applications.number as number",
      "applications.organization_id as organizationId",
      "organizations.uscc as uscc",
      "organizations.name as name",
      "organizations.county as county",
      "applications.item as item",
      "applications.subject as subject",
      "applications.project as project",
      "applications.event_date as eventDate",
      "applications.submitted_at as submittedAt",
      "applications.facts as facts",
    ])
    .where("applications.submitted_at", "is not", null)
    .where("applications.state", "not in", ["draft", "withdrawn"]);
  if (from) q = q.where("applications.event_date", ">=", from);
  if (to) q = q.where("applications.event_date", "<=", to);
  return q
    .orderBy("applications.organization_id")
    .orderBy("applications.submitted_at")
    .orderBy("applications.submission_seq")
    .execute();
}
