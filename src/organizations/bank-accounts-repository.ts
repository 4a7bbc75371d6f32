import type { DB, Tx } from "../db/database.ts";
import type { BankState } from "./bank-account-states.ts";

/** The SQL of payment accounts. Their states are written by the one writer (applyTransition) only. */

/** The verified account of an organization, if any. */
export function verifiedAccount(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("bank_accounts")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("state", "=", "verified")
    .executeTakeFirst();
}

/** The pending request of an organization, if any. */
export function pendingAccount(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("bank_accounts")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("state", "=", "pending")
    .executeTakeFirst();
}

/** One account with its organization's name, code and county (the scope it is decided in). */
export function findAccountWithOrganization(db: DB | Tx, id: string) {
  return db
    .selectFrom("bank_accounts")
    .innerJoin("organizations", "organizations.id", "bank_accounts.organization_id")
    .selectAll("bank_accounts")
    .select([
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
    ])
    .where("bank_accounts.id", "=", id)
    .executeTakeFirst();
}

/**
 * The awards of the organization not yet paid now follow `accountId`; a line already in a batch
 * keeps the account it was sent with. Returns how many awards moved.
 */
export async function pointUnpaidAwardsTo(
  trx: Tx,
  organizationId: string,
  accountId: string,
): Promise<number> {
  const moved = await trx
    .updateTable("awards")
    .set({ bank_account_id: accountId })
    .where("organization_id", "=", organizationId)
    .where("state", "=", "reserved")
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** The requests in one state, oldest first, with the account each would replace and who asked. */
export function listAccountRows(
  db: DB,
  filter: { state: BankState; county: string | null; limit: number },
) {
  let q = db
    .selectFrom("bank_accounts")
    .innerJoin("organizations", "organizations.id", "bank_accounts.organization_id")
    .leftJoin("bank_accounts as cur", (j) =>
      j
        .onRef("cur.organization_id", "=", "bank_accounts.organization_id")
        .on("cur.state", "=", "verified"),
    )
    .leftJoin("users", "users.id", "bank_accounts.requested_by")
    .selectAll("bank_accounts")
    .select([
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
      "cur.bank_name as cur_bank_name",
      "cur.account as cur_account",
      "users.username as requester",
    ])
    .where("bank_accounts.state", "=", filter.state)
    .orderBy("bank_accounts.requested_at")
    .limit(filter.limit);
  if (filter.county) q = q.where("organizations.county", "=", filter.county);
  return q.execute();
}
