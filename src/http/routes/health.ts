import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Context } from "../../context.ts";
import { healthSchema } from "../responses/health.ts";
import { errors } from "../schemas.ts";

export function healthRoutes(ctx: Context, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/health",
      {
        schema: {
          tags: ["运行"],
          summary: "健康检查",
          // 403: a session whose password has expired is refused everywhere but the account routes.
          response: { 200: healthSchema, ...errors(403) },
        },
      },
      async () => {
        await sql`select 1`.execute(ctx.database.db);
        return {
          status: "ok" as const,
          version,
          database: ctx.database.dialect,
          policies: ctx.registry.packs.map((p) => p.id),
        };
      },
    );
  };
}
