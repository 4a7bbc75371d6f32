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
    link: z.string().nullable().describe("点击后打开的页面（如申报详情），无则为 null"),
  })
  .meta({ id: "Notice", description: "站内通知" });

export const noticeListSchema = z
  .object({
    unread: z.number().int().describe("当前用户未读的通知数（不受筛选和条数限制影响）"),
    items: z.array(noticeSchema),
  })
  .meta({ id: "NoticeList", description: "本单位的站内通知（最新在前）" });

export const preferencesSchema = z
  .object({
    email: z.string().max(200).nullable().describe("接收邮件通知的电子邮箱"),
    emailEnabled: z.boolean().describe("是否接收邮件通知"),
    phone: z.string().max(20).nullable().describe("接收短信通知的手机号"),
    smsEnabled: z.boolean().describe("是否接收短信通知"),
  })
  .meta({
    id: "NotificationPreferences",
    description: "消息中心之外的通知渠道（站内消息总会保留）",
  });

export const noticeReadSchema = z.object({ ok: z.literal(true) }).describe("已标记为已读");
