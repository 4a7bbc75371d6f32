import type { DB, Tx } from "../db/database.ts";
import type { NoticeTable } from "../db/schema.ts";

/** The SQL of the in-app inbox. */

export async function insertNotice(trx: Tx, row: NoticeTable): Promise<void> {
  await trx.insertInto("notices").values(row).execute();
}

/** An organization's notices, newest first, each with when this user read it (null: unread). */
export function noticeRowsFor(db: DB, organizationId: string, userId: string) {
  return db
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
    ])
    .where("notices.organization_id", "=", organizationId)
    .orderBy("notices.created_at", "desc")
    .orderBy("notices.id")
    .execute();
}

/** Whether the notice exists and is the organization's. */
export async function noticeOf(db: DB, organizationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom("notices")
    .select("id")
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
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
