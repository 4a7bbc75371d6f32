import { type DatabaseHandle, type DB, insertMany, type Tx } from "../db/database.ts";
import type { NoticeTable } from "../db/schema.ts";

/** The SQL of the in-app inbox. */

export async function insertNotice(trx: Tx, row: NoticeTable): Promise<void> {
  await trx.insertInto("notices").values(row).execute();
}

export function insertNotices(
  trx: Tx,
  handle: DatabaseHandle,
  rows: readonly NoticeTable[],
): Promise<void> {
  return insertMany(trx, handle, "notices", rows as unknown as Record<string, unknown>[]);
}

/** Whose inbox: an organization's own, or the officials' of an audience (and county). */
export type Inbox =
  | { readonly organizationId: string }
  | { readonly audience: "county" | "city" | "finance"; readonly county: string | null };

function inInbox<T>(query: T, inbox: Inbox): T {
  // biome-ignore lint/suspicious/noExplicitAny: one filter for the several query shapes over notices
  const q = query as any;
  if ("organizationId" in inbox) {
    return q
      .where("notices.organization_id", "=", inbox.organizationId)
      .where("notices.audience", "is", null);
  }
  const byAudience = q.where("notices.audience", "=", inbox.audience);
  if (inbox.audience === "city") return byAudience;
  return inbox.county === null
    ? byAudience.where("notices.county", "is", null)
    : byAudience.where("notices.county", "=", inbox.county);
}

/** How many of an inbox's notices this user has not read. */
export async function unreadCount(db: DB, inbox: Inbox, userId: string): Promise<number> {
  const q = db
    .selectFrom("notices")
    .leftJoin("notice_reads", (j) =>
      j.onRef("notice_reads.notice_id", "=", "notices.id").on("notice_reads.user_id", "=", userId),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("notice_reads.read_at", "is", null);
  const row = await inInbox(q, inbox).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * An inbox's notices, newest first, each with when this user read it (null: unread); only the
 * unread ones when asked.
 */
export function noticeRowsFor(
  db: DB,
  inbox: Inbox,
  userId: string,
  limit = 500,
  unreadOnly = false,
) {
  let q = db
    .selectFrom("notices")
    .leftJoin("notice_reads", (j) =>
      j.onRef("notice_reads.notice_id", "=", "notices.id").on("notice_reads.user_id", "=", userId),
    )
    .select([
      "notices.id",
      "notices.kind",
      "notices.title",
      "notices.body",
      "notices.created_at",
      "notices.link",
      "notice_reads.read_at",
    ]);
  if (unreadOnly) q = q.where("notice_reads.read_at", "is", null);
  return inInbox(q, inbox)
    .orderBy("notices.created_at", "desc")
    .orderBy("notices.id")
    .limit(limit)
    .execute();
}

/** Whether the notice exists and is in the inbox. */
export async function noticeOf(db: DB, inbox: Inbox, id: string): Promise<boolean> {
  const row = await inInbox(
    db.selectFrom("notices").select("id").where("id", "=", id),
    inbox,
  ).executeTakeFirst();
  return row !== undefined;
}

/** Marks a notice read for one user; reading it again changes nothing. */
export async function markRead(db: DB, id: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto("notice_reads")
    .values({ notice_id: id, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(["notice_id", "user_id"]).doNothing())
    .execute();
}
