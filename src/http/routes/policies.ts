import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { civilDateSchema } from "../../calculate/request.ts";
import { catalogItems, policySummary } from "../../catalog/catalog.ts";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { policyCatalogSchema, policyListSchema } from "../responses/policies.ts";
import { errors } from "../schemas.ts";

export function policyRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/policies",
      {
        schema: {
          tags: ["政策"],
          summary: "已收录的政策及其施行期、上限、目标和法律解读",
          // 403: a session whose password has expired is refused everywhere but the account routes.
          response: { 200: policyListSchema, ...errors(403) },
        },
      },
      async () => ({
        current: ctx.registry.current.id,
        policies: ctx.registry.packs.map(policySummary),
      }),
    );

    app.get(
      "/api/v1/policies/:id/items",
      {
        schema: {
          tags: ["政策"],
          summary: "政策的奖励项目目录：金额、条款、条件、所需事实、资金承担",
          params: z.object({ id: z.string() }),
          querystring: z.object({
            asOf: civilDateSchema
              .optional()
              .meta({ description: "按该日有效的参数取金额（默认施行首日）" }),
          }),
          response: { 200: policyCatalogSchema, ...errors(400, 403, 404) },
        },
      },
      async (request) => {
        const pack = ctx.registry.pack(request.params.id);
        if (!pack) throw new AppError("not_found", `没有政策 ${request.params.id}`, "id");
        return {
          policy: policySummary(pack),
          items: catalogItems(pack, request.query.asOf ?? pack.effective),
        };
      },
    );
  };
}
