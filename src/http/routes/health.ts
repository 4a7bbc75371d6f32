import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Context } from "../../context.ts";

export function healthRoutes(ctx: Context, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/v1/health", { schema: { tags: ["运行"], summary: "健康检查" } }, async () => {
      await sql`select 1`.execute(ctx.database.db);
      return {
        status: "ok",
        version,
        database: ctx.database.dialect,
        policies: ctx.registry.packs.map((p) => p.id),
      };
    });
  };
}
