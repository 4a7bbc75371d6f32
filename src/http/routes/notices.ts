import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { listNotices, markNoticeRead } from "../../notices/notices.ts";
import { getPreferences, setPreferences, unsubscribe } from "../../notifications/preferences.ts";
import { actorOf } from "../auth.ts";
import { idParams } from "../params.ts";
import { noticeListSchema, noticeReadSchema, preferencesSchema } from "../responses/notices.ts";
import { errors, fileContent, SIGNED_IN } from "../schemas.ts";

export function noticeRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["通知"];
    app.get(
      "/api/v1/notices",
      {
        schema: {
          tags,
          summary: "本单位的站内通知（最新在前）",
          querystring: z.object({
            unread: z
              .enum(["true", "false"])
              .optional()
              .transform((v) => v === "true"),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: noticeListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listNotices(ctx, actorOf(request), request.query),
    );
    app.post(
      "/api/v1/notices/:id/read",
      {
        schema: {
          tags,
          summary: "标记为已读",
          params: idParams,
          response: { 200: noticeReadSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => {
        await markNoticeRead(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      "/api/v1/me/notifications",
      {
        schema: {
          tags,
          summary: "我的通知渠道：邮件、短信",
          response: { 200: preferencesSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => getPreferences(ctx, actorOf(request)),
    );
    app.put(
      "/api/v1/me/notifications",
      {
        schema: {
          tags,
          summary: "设置我的通知渠道（开启某渠道须填写其地址）",
          body: preferencesSchema,
          response: { 200: preferencesSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => setPreferences(ctx, actorOf(request), request.body),
    );
    const token = z.object({ token: z.string().max(200).describe("邮件中的退订令牌") });
    app.get(
      "/api/v1/public/unsubscribe",
      {
        schema: {
          tags,
          summary: "一键退订邮件通知（邮件中的链接；无须登录）",
          querystring: token,
          response: { 200: fileContent("退订结果页面（HTML）"), ...errors(400) },
        },
      },
      async (request, reply) => {
        const done = await unsubscribe(ctx, request.query.token);
        const text = done
          ? "已退订邮件通知。站内消息中心仍会保留每条消息；如需恢复，可在“消息设置”中重新开启。"
          : "退订链接无效或已过期。";
        return reply
          .type("text/html; charset=utf-8")
          .send(
            `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>退订邮件通知</title><body style="font-family:sans-serif;padding:24px"><h1 style="font-size:20px">台州市质量强市激励政策兑现系统</h1><p>${text}</p></body></html>`,
          );
      },
    );
    app.post(
      "/api/v1/public/unsubscribe",
      {
        schema: {
          tags,
          summary: "一键退订（RFC 8058 List-Unsubscribe-Post）",
          querystring: token,
          response: { 200: z.object({ ok: z.boolean() }), ...errors(400) },
        },
      },
      async (request) => ({ ok: await unsubscribe(ctx, request.query.token) }),
    );
  };
}
