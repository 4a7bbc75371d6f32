import { contains } from "../db/contains.ts";
import type { DB, Tx } from "../db/database.ts";

/** Reading the audit log. Entries are written only by the append-only store (audit-log.ts). */

export interface AuditFilter {
  /** Any of these actions (an empty list matches nothing). */
  actions?: readonly string[] | undefined;
  /** Any of these actors (an empty list matches nothing). */
  actorIds?: readonly string[] | undefined;
  outcome?: string | undefined;
}

function filtered(db: DB | Tx, filter: AuditFilter) {
  let q = db.selectFrom("audit_log");
  if (filter.actions) q = q.where("action", "in", filter.actions.length ? filter.actions : [""]);
  if (filter.actorIds)
    q = q.where("actor_id", "in", filter.actorIds.length ? filter.actorIds : [""]);
  if (filter.outcome) q = q.where("outcome", "=", filter.outcome);
  return q;
}

/** One page of entries matching the filter, newest first, and how many match in all. */
export async function listAuditRows(
  db: DB | Tx,
  filter: AuditFilter & { limit: number; offset: number; before?: number | undefined },
) {
  const q = filtered(db, filter);
  // The chain numbers its entries 1, 2, 3… without a gap (verifyAuditChain checks it): unfiltered,
  // the last number is the count, read from the key instead of counting every entry.
  const unfiltered = !filter.actions && !filter.actorIds && !filter.outcome;
  const total = unfiltered
    ? await db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.coalesce(eb.fn.max<number>("seq"), eb.lit(0)).as("n"))
        .executeTakeFirstOrThrow()
    : await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  // Keyset paging: entries older than the last one seen (newer ones never shift the pages).
  const page = filter.before === undefined ? q : q.where("seq", "<", filter.before);
  const rows = await page
    .selectAll()
    .orderBy("seq", "desc")
    .limit(filter.limit)
    .offset(filter.before === undefined ? filter.offset : 0)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Up to `limit` entries matching the filter before `before` (all when none), newest first. */
export async function auditRowsBefore(
  db: DB | Tx,
  filter: AuditFilter,
  before: number | undefined,
  limit: number,
) {
  const q = filtered(db, filter);
  return (before === undefined ? q : q.where("seq", "<", before))
    .selectAll()
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
}

/**
 * The ids an 操作人 search means: accounts whose user name or name contains the text, and the
 * text itself (an id typed in full, or "operator" for a command run on the server).
 */
export async function actorIdsMatching(db: DB | Tx, text: string): Promise<string[]> {
  const needle = text.trim();
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([contains("username", needle), contains("display_name", needle)]))
    .execute();
  return [...new Set([needle, ...rows.map((r) => r.id)])];
}
