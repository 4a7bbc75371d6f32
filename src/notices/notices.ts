import { randomUUID } from "node:crypto";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  type Inbox,
  insertNotice,
  markRead,
  noticeOf,
  noticeRowsFor,
  unreadCount,
} from "./notices-repository.ts";

/**
 * The in-app inbox of an organization: what the system tells its users (an account change asked
 * for, verified or refused). A notice is written in the transaction of the change it reports, so
 * there is never a change without its notice or a notice of a change that did not happen.
 */

export const NOTICE_KINDS = {
  "bank.requested": "收款账户变更申请",
  "bank.verified": "收款账户已核实",
  "bank.rejected": "收款账户变更未通过",
  "bank.withdrawn": "收款账户变更已撤回",
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

export async function postNotice(
  trx: Tx,
  at: string,
  notice: { organizationId: string; kind: NoticeKind; body: string },
): Promise<string> {
  const id = randomUUID();
  await insertNotice(trx, {
    id,
    organization_id: notice.organizationId,
    kind: notice.kind,
    title: NOTICE_KINDS[notice.kind],
    body: notice.body,
    created_at: at,
    link: null,
    application_id: null,
  });
  return id;
}

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  /** The page it opens (its case), if any. */
  link: string | null;
}

/**
 * The actor's inbox (消息中心): an enterprise user's is the organization's; a county's officials
 * share their county's, the city's officials the city's, finance staff theirs (city or county).
 * Other roles are told nothing and have an empty inbox.
 */
export function inboxOf(actor: Actor): Inbox | null {
  switch (actor.role) {
    case "enterprise":
      return actor.organizationId ? { organizationId: actor.organizationId } : null;
    case "county_official":
      return actor.county ? { audience: "county", county: actor.county } : null;
    case "city_official":
      return { audience: "city", county: null };
    case "finance":
      return { audience: "finance", county: actor.county };
    default:
      return null;
  }
}

function readableInbox(actor: Actor): Inbox | null {
  if (actor.role === "enterprise") {
    requireAccess(actor, "notice.read", { organizationId: actor.organizationId ?? "" });
  }
  return inboxOf(actor);
}

/** The actor's notices, newest first, with whether this user has read each, and how many not. */
export async function listNotices(
  ctx: Context,
  actor: Actor,
  filter: { unread?: boolean | undefined; limit: number },
): Promise<{ unread: number; items: Notice[] }> {
  const inbox = readableInbox(actor);
  if (!inbox) return { unread: 0, items: [] };
  const db = ctx.database.db;
  const [rows, unread] = await Promise.all([
    noticeRowsFor(db, inbox, actor.userId, filter.limit, filter.unread === true),
    unreadCount(db, inbox, actor.userId),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    createdAt: r.created_at,
    read: r.read_at !== null,
    link: r.link,
  }));
  return {
    unread,
    items,
  };
}

/** Marks one notice of the actor's inbox read for this user (again: no change). */
export async function markNoticeRead(ctx: Context, actor: Actor, id: string): Promise<void> {
  const inbox = readableInbox(actor);
  if (!inbox || !(await noticeOf(ctx.database.db, inbox, id)))
    throw new AppError("not_found", "通知不存在", "id");
  await markRead(ctx.database.db, id, actor.userId, instant(ctx));
}
