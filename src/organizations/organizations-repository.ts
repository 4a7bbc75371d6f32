import { contains } from "../db/contains.ts";
import type { DB, Tx } from "../db/database.ts";
import type { ExclusionTable, OrganizationTable } from "../db/schema.ts";

export function findOrganizationRow(db: DB | Tx, id: string) {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Many organizations by id at once (who they are and where), by id. */
export async function organizationRowsById(db: DB | Tx, ids: readonly string[]) {
  const out = new Map<string, { id: string; uscc: string; name: string; county: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom("organizations")
      .select(["id", "uscc", "name", "county"])
      .where("id", "in", ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

export function findOrganizationRowByUscc(db: DB | Tx, uscc: string) {
  return db.selectFrom("organizations").selectAll().where("uscc", "=", uscc).executeTakeFirst();
}

/** Locks the organization's row for the rest of the transaction (PostgreSQL; SQLite is serial). */
export async function lockOrganization(trx: Tx, dialect: "sqlite" | "postgres", id: string) {
  let q = trx.selectFrom("organizations").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listOrganizationRows(
  db: DB | Tx,
  filter: { county?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom("organizations");
  if (filter.county) q = q.where("county", "=", filter.county);
  if (filter.q) {
    const text = filter.q;
    q = q.where((eb) => eb.or([contains("name", text), contains("uscc", text)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("name")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export function insertOrganization(trx: Tx, row: OrganizationTable) {
  return trx.insertInto("organizations").values(row).execute();
}

/**
 * Writes an edit only if the organization is still at the version it was read at, and bumps the
 * version; 1 if it was written, 0 if another change came first.
 */
export async function updateOrganizationIfVersion(
  trx: Tx,
  id: string,
  version: number,
  patch: Partial<Omit<OrganizationTable, "id" | "version">>,
): Promise<number> {
  const result = await trx
    .updateTable("organizations")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The organization's copy of its verified payment account: a change of the record, so a version. */
export async function setOrganizationAccount(
  trx: Tx,
  id: string,
  bankName: string,
  account: string,
): Promise<void> {
  await trx
    .updateTable("organizations")
    .set((eb) => ({
      bank_name: bankName,
      bank_account: account,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** The exclusions in force on `day`, which block new applications. */
export function activeExclusionRows(db: DB | Tx, organizationId: string, day: string) {
  return db
    .selectFrom("organization_exclusions")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("lifted_at", "is", null)
    .where("effective_date", "<=", day)
    .execute();
}

/** Lifts an exclusion still in force; 1 if it was lifted. */
export async function liftExclusionRow(
  trx: Tx,
  organizationId: string,
  exclusionId: string,
  at: string,
  by: string,
): Promise<number> {
  const result = await trx
    .updateTable("organization_exclusions")
    .set({ lifted_at: at, lifted_by: by })
    .where("id", "=", exclusionId)
    .where("organization_id", "=", organizationId)
    .where("lifted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function exclusionRows(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("organization_exclusions")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("created_at")
    .execute();
}

export function insertExclusion(trx: Tx, row: ExclusionTable) {
  return trx.insertInto("organization_exclusions").values(row).execute();
}
