import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Context } from "../../context.ts";

export function targetRoutes(_ctx: Context): FastifyPluginAsyncZod {
  return async () => {};
}
