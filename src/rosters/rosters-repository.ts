import type { DB, Tx } from "../db/database.ts";
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
    const rows = await db
      .selectFrom("roster_rows")
      .innerJoin("roster_imports", "roster_imports.id", "roster_rows.import_id")
      .select(["roster_rows.key", "roster_rows.row", "roster_imports.number"])
      .where("roster_rows.key", "in", chunk)
      .where("roster_rows.outcome", "in", ["matched", "needs_review"])
      .execute();
    for (const r of rows) if (r.key) out.set(r.key, { importNumber: r.number, row: r.row });
  }
  return out;
}

export function insertRosterImport(trx: Tx, row: RosterImportTable) {
  return trx.insertInto("roster_imports").values(row).execute();
}

export async function insertRosterRows(trx: Tx, rows: readonly RosterRowTable[]) {
  // 22 columns a row: chunks stay under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("roster_rows")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Sets what the engine made of a matched row (once, at the import). */
export function setRowDecision(
  trx: Tx,
  id: string,
  decision: {
    decision: "offered" | "refused";
    reason: string | null;
    applicationId: string | null;
  },
) {
  return trx
    .updateTable("roster_rows")
    .set({
      decision: decision.decision,
      reason: decision.reason,
      application_id: decision.applicationId,
    })
    .where("id", "=", id)
    .where("decision", "is", null)
    .execute();
}

export function setImportOutcome(trx: Tx, id: string, offers: number, refused: number) {
  return trx.updateTable("roster_imports").set({ offers, refused }).where("id", "=", id).execute();
}

/** Imports, newest first. */
export function rosterImports(db: DB | Tx) {
  return db.selectFrom("roster_imports").selectAll().orderBy("created_at", "desc").execute();
}

/** The rows of one import in order; `county` narrows to one county's rows. */
export function rowsOfImport(db: DB | Tx, importId: string, county?: string) {
  let q = db.selectFrom("roster_rows").selectAll().where("import_id", "=", importId);
  if (county) q = q.where("county", "=", county);
  return q.orderBy("row").execute();
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
