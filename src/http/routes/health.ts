import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PolicyRegistry } from "../../policy/registry.ts";

export function healthRoutes(registry: PolicyRegistry, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/v1/health", { schema: { tags: ["运行"], summary: "健康检查" } }, async () => ({
      status: "ok",
      version,
      policies: registry.packs.map((p) => p.id),
    }));
  };
}
