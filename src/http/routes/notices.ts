import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { listNotices, markNoticeRead } from "../../notices/notices.ts";
import { actorOf } from "../auth.ts";
import { idParams } from "../params.ts";
import { noticeListSchema, noticeReadSchema } from "../responses/notices.ts";
import { errors, SIGNED_IN } from "../schemas.ts";

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
  };
}
