import { sql } from "kysely";
import type { DatabaseHandle, DB, Tx } from "../db/database.ts";
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

/** One claim a what-if re-decides, as read. */
export interface HistoricalClaimRow {
  readonly number: string;
  readonly organizationId: string;
  readonly item: string;
  readonly subject: string;
  readonly project: string | null;
  readonly eventDate: string;
  readonly submittedAt: string;
  readonly facts: string;
}

/**
 * The claims a what-if re-decides: every case that reached submission and was not withdrawn, with
 * an event date in the range, one organization's after another (by its index), streamed: a
 * decade of claims is never held at once.
 */
export function eachHistoricalClaim(
  handle: DatabaseHandle,
  range: { from?: string | undefined; to?: string | undefined },
  visit: (row: HistoricalClaimRow) => void,
): Promise<number> {
  let q = handle.db
    .selectFrom("applications")
    .select([
      "number",
      "organization_id",
      "item",
      "subject",
      "project",
      "event_date",
      "submitted_at",
      "facts",
    ])
    .where("submitted_at", "is not", null)
    .where("state", "not in", ["draft", "withdrawn"]);
  if (range.from) q = q.where("event_date", ">=", range.from);
  if (range.to) q = q.where("event_date", "<=", range.to);
  return handle.each(q.orderBy("organization_id").compile(), (r) =>
    visit({
      number: r[0] as string,
      organizationId: r[1] as string,
      item: r[2] as string,
      subject: r[3] as string,
      project: r[4] as string | null,
      eventDate: r[5] as string,
      submittedAt: r[6] as string,
      facts: r[7] as string,
    }),
  );
}

/** Every organization's name, code and county, by id. */
export async function organizationsOf(db: DB | Tx) {
  const rows = await db
    .selectFrom("organizations")
    .select(["id", "uscc", "name", "county"])
    .execute();
  return new Map(rows.map((r) => [r.id, { uscc: r.uscc, name: r.name, county: r.county }]));
}
