import { createHash } from "node:crypto";
import { sql } from "kysely";
import { type DatabaseHandle, type DB, type Dialect, insertMany, type Tx } from "../db/database.ts";
import type { AuditTable } from "../db/schema.ts";
import type { AuditAction } from "./actions.ts";

/**
 * The audit log: append-only (the database refuses UPDATE and DELETE) and hash-chained. Each
 * entry's hash covers its fields and the previous entry's hash, so a changed, removed or inserted
 * row breaks the chain from that entry on; the head (last seq) is kept apart, so a removed tail
 * shows too.
 */

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: AuditAction;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip?: string | null;
  readonly outcome: "success" | "denied" | "failure";
}

function entryHash(row: Omit<AuditTable, "hash">): string {
  const fields = [
    row.seq,
    row.at,
    row.actor_id,
    row.actor_role,
    row.action,
    row.target_type,
    row.target_id,
    row.before,
    row.after,
    row.ip,
    row.outcome,
    row.prev_hash,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** An entry as the chain stores it: its fields, the previous entry's hash, and its own. */
function chainRow(seq: number, prevHash: string, at: string, entry: AuditEntry): AuditTable {
  const row = {
    seq,
    at,
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
    outcome: entry.outcome,
    prev_hash: prevHash,
  };
  return { ...row, hash: entryHash(row) };
}

/** Appends an entry inside the caller's transaction, so it commits or rolls back with the change. */
export async function appendAudit(
  trx: Tx,
  dialect: Dialect,
  at: string,
  entry: AuditEntry,
): Promise<number> {
  // One writer at a time extends the chain. SQLite's BEGIN IMMEDIATE already serialises writers.
  if (dialect === "postgres") await sql`select pg_advisory_xact_lock(7310001)`.execute(trx);
  const last = await trx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const row = chainRow((last?.seq ?? 0) + 1, last?.hash ?? GENESIS_HASH, at, entry);
  await trx.insertInto("audit_log").values(row).execute();
  const head = await trx
    .updateTable("counters")
    .set({ value: row.seq })
    .where("name", "=", "audit_head")
    .executeTakeFirst();
  if (Number(head.numUpdatedRows) === 0) {
    await trx.insertInto("counters").values({ name: "audit_head", value: row.seq }).execute();
  }
  return row.seq;
}

/**
 * Appends many entries at once inside the caller's transaction (a bulk creation through the one
 * writer): one lock and one read of the head, the chain computed in order, the rows written in
 * chunks, the head moved once. The chain is the same as appending them one by one.
 */
export async function appendAuditMany(
  trx: Tx,
  handle: DatabaseHandle,
  at: string,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  if (handle.dialect === "postgres") await sql`select pg_advisory_xact_lock(7310001)`.execute(trx);
  const last = await trx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const rows: AuditTable[] = entries.map((entry) => {
    seq += 1;
    const row = chainRow(seq, prev, at, entry);
    prev = row.hash;
    return row;
  });
  await insertMany(trx, handle, "audit_log", rows as unknown as Record<string, unknown>[]);
  const head = await trx
    .updateTable("counters")
    .set({ value: seq })
    .where("name", "=", "audit_head")
    .executeTakeFirst();
  if (Number(head.numUpdatedRows) === 0) {
    await trx.insertInto("counters").values({ name: "audit_head", value: seq }).execute();
  }
}

/** Appends an entry in a transaction of its own (logins, denials). */
export async function recordAudit(
  handle: DatabaseHandle,
  at: string,
  entry: AuditEntry,
): Promise<void> {
  await handle.db.transaction().execute((trx) => appendAudit(trx, handle.dialect, at, entry));
}

export type ChainCheck =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: string;
    };

/** Walks the whole chain; names the first entry that does not hold. */
export async function verifyAuditChain(db: DB): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          entries,
          brokenAt: expectedSeq,
          reason: `第 ${expectedSeq} 条记录缺失`,
        };
      }
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          entries,
          brokenAt: row.seq,
          reason: `第 ${row.seq} 条记录的前序哈希与上一条不符`,
        };
      }
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash) {
        return {
          ok: false,
          entries,
          brokenAt: row.seq,
          reason: `第 ${row.seq} 条记录的内容与其哈希不符（被修改）`,
        };
      }
      prev = hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom("counters")
    .select("value")
    .where("name", "=", "audit_head")
    .executeTakeFirst();
  const headSeq = head?.value ?? 0;
  if (headSeq !== entries) {
    return {
      ok: false,
      entries,
      brokenAt: entries + 1,
      reason: `审计日志应有 ${headSeq} 条记录，实有 ${entries} 条（末尾记录被删除）`,
    };
  }
  return { ok: true, entries };
}
