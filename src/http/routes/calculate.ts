import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { calculateParsed } from "../../calculate/calculate.ts";
import { calculateRequestSchema } from "../../calculate/request.ts";
import type { Context } from "../../context.ts";
import { calculateResponseSchema, errors } from "../schemas.ts";

export function calculateRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/calculate",
      {
        schema: {
          tags: ["政策计算"],
          summary: "按计算契约核定一个组织的申报",
          description:
            "按提交时间（相同则按申报编号）先后核定；结果按请求顺序返回。trace=true 时附上每条申报的核查过程。",
          querystring: z.object({
            trace: z.enum(["true", "false"]).optional(),
            include: z
              .enum(["supplements"])
              .optional()
              .describe(
                "supplements：另附所在县（市、区）配套政策（四（三））的核定；默认不附，答复与 v1 契约完全一致",
              ),
          }),
          body: calculateRequestSchema,
          // 403: a request that carries a session needs its CSRF token (and an unexpired password).
          response: { 200: calculateResponseSchema, ...errors(400, 403, 413) },
        },
      },
      async (request) =>
        calculateParsed(ctx.registry, request.body, {
          trace: request.query.trace === "true",
          supplements: request.query.include === "supplements",
        }),
    );
  };
}
