import { z } from "zod";
import { NOTICE_KINDS } from "../../notices/notices.ts";

/** What the notice routes answer (src/http/routes/notices.ts). */

export const noticeSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe(`类型：${Object.keys(NOTICE_KINDS).join("、")}`),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    read: z.boolean().describe("当前用户是否已读"),
  })
  .meta({ id: "Notice", description: "站内通知" });

export const noticeListSchema = z
  .object({
    unread: z.number().int().describe("当前用户未读的通知数（不受筛选和条数限制影响）"),
    items: z.array(noticeSchema),
  })
  .meta({ id: "NoticeList", description: "本单位的站内通知（最新在前）" });

export const noticeReadSchema = z.object({ ok: z.literal(true) }).describe("已标记为已读");
