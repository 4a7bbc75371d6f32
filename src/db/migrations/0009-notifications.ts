import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

/**
 * Notifications through a transactional outbox: a message is written in the same transaction as
 * the state change it tells of (the organization's in-app notice, and one outbox row per user and
 * channel they take); a worker delivers the outbox afterwards, with retries, under a lease so that
 * one process sends each row. Each user's channels and addresses are their own preferences.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // The organization's inbox (消息中心) takes every message; a message links to its case.
  await db.schema.alterTable("notices").addColumn("link", "text").execute();
  await db.schema.alterTable("notices").addColumn("application_id", "text").execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("notice_id", "text", (c) => c.notNull().references("notices.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    // pending → sent, or failed after the last attempt; a lease marks the row being sent.
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_at", "text", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["state", "next_at"]).execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("email", "text")
    .addColumn("email_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("phone", "text")
    .addColumn("sms_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unsubscribe_token", "text", (c) => c.notNull().unique())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
