import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Context } from "../../context.ts";

export function projectRoutes(_ctx: Context): FastifyPluginAsyncZod {
  return async () => {};
}
