import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { BANK_STATES } from "../../organizations/bank-account-states.ts";
import {
  decideBankAccount,
  listBankAccountRequests,
  requestBankAccount,
  withdrawBankAccount,
} from "../../organizations/bank-accounts.ts";
import {
  addExclusion,
  createOrganization,
  exclusionInputSchema,
  getOrganization,
  liftExclusion,
  listOrganizations,
  organizationInputSchema,
  organizationPatchSchema,
  organizationInputSchema as orgInput,
  updateOrganization,
} from "../../organizations/organizations.ts";
import { actorOf } from "../auth.ts";
import { expectedVersion, ifMatchHeaders, VERSION_HELP, versionField } from "../if-match.ts";
import { idParams, pageQuery } from "../params.ts";
import {
  bankAccountChangeListSchema,
  bankAccountDecidedSchema,
  bankAccountRequestedSchema,
  bankAccountWithdrawnSchema,
  organizationListSchema,
  organizationSchema,
} from "../responses/organizations.ts";
import { errors, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

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
          response: { 200: organizationListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listOrganizations(ctx, actorOf(request), request.query),
    );
    app.post(
      "/api/v1/organizations",
      {
        schema: {
          tags,
          summary: "登记组织（审核人员）",
          body: organizationInputSchema,
          // 409: the credit code is already registered.
          response: { 201: organizationSchema, ...errors(...SIGNED_IN, 409, 413) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOrganization(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/organizations/:id",
      {
        schema: {
          tags,
          summary: "组织详情",
          params: idParams,
          response: { 200: organizationSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => getOrganization(ctx, actorOf(request), request.params.id),
    );
    app.patch(
      "/api/v1/organizations/:id",
      {
        schema: {
          tags,
          summary: "修改组织信息（须带读取时的版本号 version）",
          description: VERSION_HELP,
          params: idParams,
          headers: ifMatchHeaders,
          // The version sits beside the fields; the fields' own rule (at least one) ignores it.
          body: organizationPatchSchema.and(z.object({ version: versionField })),
          response: { 200: organizationSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) => {
        const { version, ...patch } = request.body;
        return updateOrganization(
          ctx,
          actorOf(request),
          request.params.id,
          patch,
          expectedVersion(request, version),
        );
      },
    );
    app.post(
      "/api/v1/organizations/:id/exclusions",
      {
        schema: {
          tags,
          summary: "登记不予支持情形（严重失信、亩均 D 档等）",
          params: idParams,
          body: exclusionInputSchema,
          response: { 201: organizationSchema, ...errors(...SIGNED_IN, 404, 413) },
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
          response: { 200: organizationSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) =>
        liftExclusion(ctx, actorOf(request), request.params.id, request.params.exclusionId),
    );
    app.post(
      "/api/v1/organizations/:id/bank-account",
      {
        schema: {
          tags,
          summary: "申请变更收款账户（财政核实后生效）",
          params: idParams,
          body: z.object({
            bankName: orgInput.shape.bankName.unwrap().unwrap(),
            bankAccount: orgInput.shape.bankAccount.unwrap().unwrap(),
          }),
          // 409: another change of the organization's account is being made at the same time.
          response: { 201: bankAccountRequestedSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await requestBankAccount(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      "/api/v1/bank-account-changes",
      {
        schema: {
          tags,
          summary: "收款账户变更申请（财政；默认待核实）",
          querystring: z.object({ state: z.enum(BANK_STATES).optional() }),
          response: { 200: bankAccountChangeListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listBankAccountRequests(ctx, actorOf(request), request.query),
      }),
    );
    const note = z.string().trim().max(500, "不能超过 500 个字符");
    app.post(
      "/api/v1/bank-account-changes/:id/verify",
      {
        schema: {
          tags,
          summary: "核实收款账户变更（财政；不能核实本人提交的申请）",
          params: idParams,
          body: z.object({ note: note.nullish() }).default({}),
          response: { 200: bankAccountDecidedSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) =>
        decideBankAccount(ctx, actorOf(request), request.params.id, {
          verify: true,
          note: request.body.note,
        }),
    );
    app.post(
      "/api/v1/bank-account-changes/:id/reject",
      {
        schema: {
          tags,
          summary: "不予核实收款账户变更（须填写理由）",
          params: idParams,
          body: z.object({ note: note.min(1, "请填写不予核实的理由") }),
          response: { 200: bankAccountDecidedSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) =>
        decideBankAccount(ctx, actorOf(request), request.params.id, {
          verify: false,
          note: request.body.note,
        }),
    );
    app.post(
      "/api/v1/bank-account-changes/:id/withdraw",
      {
        schema: {
          tags,
          summary: "撤回收款账户变更申请",
          params: idParams,
          response: { 200: bankAccountWithdrawnSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => withdrawBankAccount(ctx, actorOf(request), request.params.id),
    );
  };
}
