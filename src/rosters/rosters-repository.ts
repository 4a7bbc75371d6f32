import type { Insertable } from "kysely";
import { type DatabaseHandle, type DB, insertMany, type Tx } from "../db/database.ts";
import type { RosterImportTable, RosterRowTable } from "../db/schema.ts";
import type { EarlierRow, OrganizationRef } from "./classify.ts";

/** The SQL of rosters (免申即享): imports, their rows, and what the rows are matched against. */

/** Every registered organization, as a roster row is matched to it. */
export function organizationRefs(db: DB | Tx): Promise<OrganizationRef[]> {
  return db.selectFrom("organizations").select(["id", "uscc", "name", "county"]).execute();
}

/** The keys (item and subject) already imported as matched or awaiting a name check. */
export async function earlierRows(
  db: DB | Tx,
  keys: readonly string[],
): Promise<Map<string, EarlierRow>> {
  const out = new Map<string, EarlierRow>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    // By key alone (roster_rows_key), the outcome checked here: a filter on the outcome in the
    // query would have the database scan every earlier row of that outcome instead.
    const rows = await db
      .selectFrom("roster_rows")
      .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
      .select([
        "roster_rows.key",
        "roster_rows.row",
        "roster_rows.outcome",
        "roster_imports.number",
      ])
      .where("roster_rows.key", "in", chunk)
      .execute();
    for (const r of rows)
      if (r.key && (r.outcome === "matched" || r.outcome === "needs_review"))
        out.set(r.key, { importNumber: r.number, row: r.row });
  }
  return out;
}

export function insertRosterImport(trx: Tx, row: RosterImportTable) {
  return trx.insertInto("roster_imports").values(row).execute();
}

export function insertRosterRows(
  trx: Tx,
  handle: DatabaseHandle,
  rows: readonly Insertable<RosterRowTable>[],
): Promise<void> {
  return insertMany(trx, handle, "roster_rows", rows as unknown as Record<string, unknown>[]);
}

/** Sets what the engine made of a matched row (once, at the import). */
export function setRowDecision(
  trx: Tx,
  id: string,
  decision: {
    decision: "offered" | "refused";
    reason: string | null;
    reasonCode: string | null;
    applicationId: string | null;
  },
) {
  return trx
    .updateTable("roster_rows")
    .set({
      decision: decision.decision,
      reason: decision.reason,
      reason_code: decision.reasonCode,
      application_id: decision.applicationId,
    })
    .where("id", "=", id)
    .where("decision", "is", null)
    .execute();
}

/** Completes an import with what its matched rows became. */
export function setImportOutcome(
  trx: Tx,
  id: string,
  offers: number,
  refused: number,
  completedAt: string,
) {
  return trx
    .updateTable("roster_imports")
    .set({ offers, refused, completed_at: completedAt })
    .where("id", "=", id)
    .where("completed_at", "is", null)
    .execute();
}

/** The roster row an offer was made from (its evidence). */
export function rowOfApplication(db: DB | Tx, applicationId: string) {
  return db
    .selectFrom("roster_rows")
    .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
    .select([
      "roster_rows.row",
      "roster_rows.cells",
      "roster_imports.number as importNumber",
      "roster_imports.kind",
      "roster_imports.filename",
      "roster_imports.created_at as importedAt",
    ])
    .where("roster_rows.application_id", "=", applicationId)
    .executeTakeFirst();
}

/** The offers still waiting for their organization (免申即享), oldest first. */
export function waitingOffers(db: DB | Tx) {
  return db
    .selectFrom("applications")
    .select(["id", "organization_id", "county", "created_at"])
    .where("state", "=", "offered")
    .orderBy("created_at")
    .execute();
}

/** One row with its import's number and kind. */
export function rosterRowWithImport(db: DB | Tx, id: string) {
  return db
    .selectFrom("roster_rows")
    .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
    .selectAll("roster_rows")
    .select(["roster_imports.number as importNumber", "roster_imports.kind as kind"])
    .where("roster_rows.id", "=", id)
    .executeTakeFirst();
}

/** Imports, newest first, with who imported each and how many name matches still wait. */
export function importHistory(db: DB | Tx) {
  return db
    .selectFrom("roster_imports")
    .leftJoin("users", "users.id", "roster_imports.imported_by")
    .select((eb) => [
      "roster_imports.id",
      "roster_imports.number",
      "roster_imports.kind",
      "roster_imports.policy_id",
      "roster_imports.filename",
      "roster_imports.sha256",
      "roster_imports.size",
      "roster_imports.rows",
      "roster_imports.matched",
      "roster_imports.needs_review",
      "roster_imports.unmatched",
      "roster_imports.invalid",
      "roster_imports.duplicates",
      "roster_imports.offers",
      "roster_imports.refused",
      "roster_imports.created_at",
      "roster_imports.completed_at",
      "users.display_name as importedBy",
      eb
        .selectFrom("roster_rows")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("roster_rows.import_id", "=", "roster_imports.id")
        .where("roster_rows.outcome", "=", "needs_review")
        .as("pendingReview"),
    ])
    .orderBy("roster_imports.created_at", "desc")
    .orderBy("roster_imports.number", "desc")
    .execute();
}

export function importById(db: DB | Tx, id: string) {
  return db.selectFrom("roster_imports").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface RowFilter {
  readonly importId?: string | undefined;
  readonly outcome?: string | undefined;
  readonly county?: string | undefined;
  readonly organizationId?: string | undefined;
  /** A name or USCC fragment. */
  readonly q?: string | undefined;
}

function filteredRows(db: DB | Tx, f: RowFilter) {
  let q = db
    .selectFrom("roster_rows")
    .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
    .leftJoin("organizations", "organizations.id", "roster_rows.organization_id");
  if (f.importId) q = q.where("roster_rows.import_id", "=", f.importId);
  if (f.outcome) q = q.where("roster_rows.outcome", "=", f.outcome);
  if (f.county) q = q.where("roster_rows.county", "=", f.county);
  if (f.organizationId) q = q.where("roster_rows.organization_id", "=", f.organizationId);
  if (f.q) {
    // Wildcards typed are dropped rather than escaped (the two databases escape differently).
    const like = `%${f.q.replace(/[%_\\]/g, "")}%`;
    q = q.where((eb) =>
      eb.or([
        eb("roster_rows.name", "like", like),
        eb("roster_rows.uscc", "like", like),
        eb("roster_rows.subject", "like", like),
      ]),
    );
  }
  return q;
}

/** Rows by filter, in import order then row order, a page at a time; and how many in all. */
export async function rowsPage(db: DB | Tx, f: RowFilter, offset: number, limit: number) {
  const total = await filteredRows(db, f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filteredRows(db, f)
    .leftJoin("applications", "applications.id", "roster_rows.application_id")
    .selectAll("roster_rows")
    .select([
      "roster_imports.number as importNumber",
      "roster_imports.kind as kind",
      "roster_imports.created_at as importedAt",
      "organizations.name as orgName",
      "organizations.uscc as orgUscc",
      "organizations.county as orgCounty",
      "applications.number as applicationNumber",
      "applications.state as applicationState",
    ])
    .orderBy("roster_imports.created_at", "desc")
    .orderBy("roster_rows.import_id")
    .orderBy("roster_rows.row")
    .offset(offset)
    .limit(limit)
    .execute();
  return { total: Number(total.n), rows };
}

export type StoredRow = Awaited<ReturnType<typeof rowsPage>>["rows"][number];

/** An organization's offers still waiting for it, oldest first. */
export function offersOf(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("applications")
    .select([
      "id",
      "number",
      "item",
      "subject",
      "event_date",
      "policy_id",
      "expected_amount",
      "created_at",
    ])
    .where("organization_id", "=", organizationId)
    .where("state", "=", "offered")
    .orderBy("created_at")
    .execute();
}

/**
 * The roster rows naming an organization that the engine refused for a condition: those whose
 * missing fact the organization may supply by applying itself (政策匹配).
 */
export function refusedRowsOf(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("roster_rows")
    .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
    .select([
      "roster_rows.id",
      "roster_rows.item",
      "roster_rows.subject",
      "roster_rows.event_date",
      "roster_rows.facts",
      "roster_rows.reason",
      "roster_imports.kind",
      "roster_imports.policy_id",
    ])
    .where("roster_rows.organization_id", "=", organizationId)
    .where("roster_rows.outcome", "=", "matched")
    .where("roster_rows.decision", "=", "refused")
    .where("roster_rows.reason_code", "=", "condition_not_met")
    .orderBy("roster_rows.created_at", "desc")
    .execute();
}

/** Whether a claim of that item and subject is on record for the organization (any state). */
export async function claimedSubjects(db: DB | Tx, organizationId: string) {
  const rows = await db
    .selectFrom("applications")
    .select(["item", "subject"])
    .where("organization_id", "=", organizationId)
    .where("state", "not in", ["withdrawn", "expired", "rejected"])
    .execute();
  return new Set(rows.map((r) => `${r.item}\u0000${r.subject}`));
}
