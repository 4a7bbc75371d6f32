import type { DB, Tx } from "../db/database.ts";
import type { ExclusionTable, OrganizationTable } from "../db/schema.ts";

export function findOrganizationRow(db: DB | Tx, id: string) {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
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
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("name", "like", like), eb("uscc", "like", like)]));
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

export function updateOrganizationRow(trx: Tx, id: string, patch: Partial<OrganizationTable>) {
  return trx.updateTable("organizations").set(patch).where("id", "=", id).execute();
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
