import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { dashboard } from "../../dashboard/dashboard.ts";
import { actorOf } from "../auth.ts";
import { dashboardSchema } from "../responses/dashboard.ts";
import { errors } from "../schemas.ts";

export function dashboardRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/dashboard",
      {
        schema: {
          tags: ["目标"],
          summary:
            "领导看板：奖励按县/类别/年度、预算执行、申报状态、各审核环节平均工作日（汇总，无个人信息）；可按年度查看",
          querystring: z.object({
            year: z.coerce
              .number()
              .int()
              .min(2000)
              .max(2100)
              .optional()
              .describe("只看该年度：奖励与预算按预算年度，申报按首次提交，审核按决定日期"),
          }),
          response: { 200: dashboardSchema, ...errors(401, 403) },
        },
      },
      async (request) => dashboard(ctx, actorOf(request), request.query),
    );
  };
}
