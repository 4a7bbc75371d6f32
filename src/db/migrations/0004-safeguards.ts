import { type Kysely, sql } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * Safeguards against fraud and abuse: verified payment accounts (an award is paid only to an
 * account finance checked), in-app notices to an organization, login throttling kept in the
 * database (so several processes share it), and objections that can be de-duplicated and limited
 * per source.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // Every account an organization has asked to be paid to. A row is written once as `pending`,
  // then decided by finance (`verified` or `rejected`) or withdrawn; a verified account that a
  // newer verified one replaces becomes `superseded`. The row itself never changes its account.
  await db.schema
    .createTable("bank_accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("bank_name", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_role", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("bank_accounts_org_state")
    .on("bank_accounts")
    .columns(["organization_id", "state"])
    .execute();
  // At most one pending request and one verified account per organization, by the database.
  await sql`create unique index bank_accounts_one_pending on bank_accounts (organization_id)
    where state = 'pending'`.execute(db);
  await sql`create unique index bank_accounts_one_verified on bank_accounts (organization_id)
    where state = 'verified'`.execute(db);

  // The account an award will be paid to, and the one a payment line was sent to.
  await db.schema
    .alterTable("awards")
    .addColumn("bank_account_id", "text", (c) => c.references("bank_accounts.id"))
    .execute();
  await db.schema
    .alterTable("payment_lines")
    .addColumn("bank_account_id", "text", (c) => c.references("bank_accounts.id"))
    .execute();

  // Accounts registered before this migration were entered by officials or the operator at
  // registration: they become the verified accounts, so nothing in progress stops paying.
  await sql`insert into bank_accounts (id, organization_id, bank_name, account, state,
      requested_by, requested_role, requested_at, decided_by, decided_at, note)
    select 'ba-' || id, id, coalesce(bank_name, ''), bank_account, 'verified', 'migration',
      'operator', updated_at, 'migration', updated_at, '迁移前已登记的账户'
    from organizations where bank_account is not null`.execute(db);
  await sql`update awards set bank_account_id = (select b.id from bank_accounts b
      where b.organization_id = awards.organization_id and b.state = 'verified')`.execute(db);
  await sql`update payment_lines set bank_account_id = (select a.bank_account_id from awards a
      where a.id = payment_lines.award_id)`.execute(db);

  // Notices to an organization's users (the in-app inbox), and who has read them.
  await db.schema
    .createTable("notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("notices_org")
    .on("notices")
    .columns(["organization_id", "created_at"])
    .execute();
  await db.schema
    .createTable("notice_reads")
    .addColumn("notice_id", "text", (c) => c.notNull().references("notices.id"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notice_reads_pk", ["notice_id", "user_id"])
    .execute();

  // Failed sign-in attempts per key (an account at an address, or an address), in a window.
  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("blocked_until", "text")
    .execute();

  // Objections: who sent them (a hash of the source address) and what they say (a hash of the
  // case, objector and reason), so an identical objection is answered with the first one.
  for (const table of ["objections", "project_objections"]) {
    await db.schema.alterTable(table).addColumn("source", "text").execute();
    await db.schema.alterTable(table).addColumn("fingerprint", "text").execute();
    await db.schema
      .createIndex(`${table}_fingerprint`)
      .on(table)
      .columns(["batch_id", "fingerprint"])
      .unique()
      .execute();
    await db.schema
      .createIndex(`${table}_source`)
      .on(table)
      .columns(["batch_id", "source"])
      .execute();
  }
}
