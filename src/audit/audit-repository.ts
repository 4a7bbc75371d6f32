import type { DB, Tx } from "../db/database.ts";

/** Reading the audit log. Entries are written only by the append-only store (audit-log.ts). */

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  outcome?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of entries matching the filter, newest first, and how many match in all. */
export async function listAuditRows(db: DB | Tx, filter: AuditFilter) {
  let q = db.selectFrom("audit_log");
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.actorId) q = q.where("actor_id", "=", filter.actorId);
  if (filter.outcome) q = q.where("outcome", "=", filter.outcome);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("seq", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}
