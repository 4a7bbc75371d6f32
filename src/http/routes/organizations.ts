import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import {
  addExclusion,
  createOrganization,
  exclusionInputSchema,
  getOrganization,
  liftExclusion,
  listOrganizations,
  organizationInputSchema,
  organizationPatchSchema,
  updateOrganization,
} from "../../organizations/organizations.ts";
import { actorOf } from "../auth.ts";
import { idParams, pageQuery } from "../params.ts";

export function organizationRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["组织"];
    app.get(
      "/api/v1/organizations",
      {
        schema: {
          tags,
          summary: "组织列表（按角色范围）",
          querystring: pageQuery.extend({
            county: z.string().optional(),
            q: z.string().max(100).optional(),
          }),
        },
      },
      async (request) => listOrganizations(ctx, actorOf(request), request.query),
    );
    app.post(
      "/api/v1/organizations",
      { schema: { tags, summary: "登记组织（审核人员）", body: organizationInputSchema } },
      async (request, reply) =>
        reply.status(201).send(await createOrganization(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/organizations/:id",
      { schema: { tags, summary: "组织详情", params: idParams } },
      async (request) => getOrganization(ctx, actorOf(request), request.params.id),
    );
    app.patch(
      "/api/v1/organizations/:id",
      {
        schema: { tags, summary: "修改组织信息", params: idParams, body: organizationPatchSchema },
      },
      async (request) => updateOrganization(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/v1/organizations/:id/exclusions",
      {
        schema: {
          tags,
          summary: "登记不予支持情形（严重失信、亩均 D 档等）",
          params: idParams,
          body: exclusionInputSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addExclusion(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      "/api/v1/organizations/:id/exclusions/:exclusionId/lift",
      {
        schema: {
          tags,
          summary: "解除不予支持情形",
          params: idParams.extend({ exclusionId: z.string().uuid() }),
        },
      },
      async (request) =>
        liftExclusion(ctx, actorOf(request), request.params.id, request.params.exclusionId),
    );
  };
}
