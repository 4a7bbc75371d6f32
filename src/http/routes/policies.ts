import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { civilDateSchema } from "../../calculate/request.ts";
import { catalogItems, policySummary } from "../../catalog/catalog.ts";
import { AppError } from "../../errors.ts";
import type { PolicyRegistry } from "../../policy/registry.ts";

export function policyRoutes(registry: PolicyRegistry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/policies",
      {
        schema: {
          tags: ["政策"],
          summary: "已收录的政策及其施行期、上限、目标和法律解读",
        },
      },
      async () => ({ current: registry.current.id, policies: registry.packs.map(policySummary) }),
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
        },
      },
      async (request) => {
        const pack = registry.pack(request.params.id);
        if (!pack) throw new AppError("not_found", `没有政策 ${request.params.id}`, "id");
        return {
          policy: policySummary(pack),
          items: catalogItems(pack, request.query.asOf ?? pack.effective),
        };
      },
    );
  };
}
