import { createHash } from "node:crypto";
import type { DB, Tx } from "../db/database.ts";
import type { SessionTable } from "../db/schema.ts";

/**
 * Sessions live in the database (app processes stay stateless). The client holds a random token;
 * the server keeps only its SHA-256, which is the session's id. Every login makes a new session;
 * logout revokes it on the server; a session ends after the idle timeout or the absolute
 * lifetime (security settings).
 */

export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export function insertSession(trx: Tx, row: SessionTable) {
  return trx.insertInto("sessions").values(row).execute();
}

export function findSessionRow(db: DB | Tx, id: string) {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export function revokeSession(db: DB | Tx, id: string, at: string) {
  return db.updateTable("sessions").set({ revoked_at: at }).where("id", "=", id).execute();
}

/** Moves the idle clock of a session on. */
export function touchSession(db: DB | Tx, id: string, at: string) {
  return db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

/** Ends every open session of a user, except `keepId` (the session that asked) when given. */
export function revokeUserSessions(trx: Tx, userId: string, at: string, keepId?: string) {
  let q = trx
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepId !== undefined) q = q.where("id", "!=", keepId);
  return q.execute();
}
