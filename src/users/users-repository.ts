import { sql } from "kysely";
import type { Role } from "../auth/roles.ts";
import type { DB, Dialect, Tx } from "../db/database.ts";
import type { UserTable } from "../db/schema.ts";
import type { County } from "../organizations/counties.ts";

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string | null;
  readonly county: County | null;
  readonly disabled: boolean;
  readonly lockedUntil: string | null;
  readonly passwordChangedAt: string;
  readonly createdAt: string;
}

export function toUser(row: UserTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organizationId: row.organization_id,
    county: row.county as County | null,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
  };
}

export function findUserRowByUsername(db: DB | Tx, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findUserRow(db: DB | Tx, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUserRows(db: DB | Tx, filter: { role?: Role | undefined }) {
  let q = db.selectFrom("users").selectAll().orderBy("username");
  if (filter.role) q = q.where("role", "=", filter.role);
  return q.execute();
}

export function insertUser(trx: Tx, row: UserTable) {
  return trx.insertInto("users").values(row).execute();
}

export function updateUser(trx: Tx, id: string, patch: Partial<UserTable>) {
  return trx.updateTable("users").set(patch).where("id", "=", id).executeTakeFirst();
}

/** Counts a failed sign-in against the account: a signal for the security admin, never a lock. */
export function countFailedLogin(db: DB | Tx, id: string) {
  return db
    .updateTable("users")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export function countUsersWithRole(db: DB | Tx, role: Role) {
  return db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", role)
    .executeTakeFirstOrThrow();
}

/** The PostgreSQL advisory lock of changes to administrators (the audit chain holds 7310001). */
const ADMINISTRATORS_LOCK = 7310101;

/**
 * Makes changes that could take an administrator away (disabling, a new role) run one at a time,
 * until the caller's transaction ends; what the caller reads after it is then current. SQLite's
 * BEGIN IMMEDIATE already lets one writer in at a time.
 */
export async function lockAdministrators(trx: Tx, dialect: Dialect): Promise<void> {
  if (dialect === "postgres")
    await sql`select pg_advisory_xact_lock(${sql.lit(ADMINISTRATORS_LOCK)})`.execute(trx);
}

export async function countEnabledWithRole(db: DB | Tx, role: Role): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", role)
    .where("disabled", "=", 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The names of the organizations accounts are bound to, by id. */
export async function organizationNames(
  db: DB | Tx,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
