import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Context } from "../../context.ts";
import { MIGRATION_NAMES, pendingMigrations } from "../../db/migrate.ts";
import { healthSchema, notReadySchema, readySchema } from "../responses/health.ts";
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

    // For the proxy and the process supervisor: 200 when this process can serve (the database
    // answers and has every migration this program knows), 503 otherwise. Never needs a session.
    app.get(
      "/api/v1/ready",
      {
        schema: {
          tags: ["运行"],
          summary: "就绪检查（访问数据库）",
          response: { 200: readySchema, 503: notReadySchema, ...errors(403) },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(ctx.database.db);
          const pending = await pendingMigrations(ctx.database);
          if (pending.length > 0)
            return reply
              .code(503)
              .send({ status: "not_ready" as const, reason: `迁移未执行：${pending.join(", ")}` });
          return {
            status: "ready" as const,
            database: ctx.database.dialect,
            migrations: MIGRATION_NAMES.length,
          };
        } catch (e) {
          return reply.code(503).send({
            status: "not_ready" as const,
            reason: `数据库不可用：${(e as Error).message ?? String(e)}`.slice(0, 300),
          });
        }
      },
    );
  };
}
