import type {} from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  applicationInputSchema,
  applicationPatchSchema,
} from "../../applications/application-input.ts";
import {
  createApplication,
  getApplication,
  listApplications,
  previewApplication,
  updateApplication,
} from "../../applications/applications.ts";
import { addEvidence, openEvidence, removeEvidence } from "../../applications/evidence.ts";
import { exportApplications } from "../../applications/export-applications.ts";
import { ACTION_NAMES, ACTIONS, type Action, STATES } from "../../applications/states.ts";
import { transitionApplication } from "../../applications/transition-application.ts";
import type { Context } from "../../context.ts";
import { confirmOffer } from "../../rosters/confirm-offer.ts";
import { actorOf } from "../auth.ts";
import { readUpload, sendStoredFile, sendXlsx } from "../files.ts";
import { expectedVersion, ifMatchHeaders, VERSION_HELP, versionField } from "../if-match.ts";
import { cursorQuery, idParams, pageQuery } from "../params.ts";
import {
  applicationDetailSchema,
  applicationListSchema,
  applicationSchema,
  applicationStepResultSchema,
  casePreviewSchema,
  evidenceSchema,
} from "../responses/applications.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

/** The list's filters, the same for a page of it and for its export. */
const listFilters = z.object({
  county: z.string().optional(),
  organizationId: z.string().uuid().optional().describe("只列该组织的申报"),
  item: z.string().max(20).optional(),
  state: z.enum(STATES).optional(),
  waiting: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true：只列等待当前用户办理的申报（见 waitingStates）"),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional(),
});

export function applicationRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["申报与审核"];
    app.get(
      "/api/v1/applications",
      {
        schema: {
          tags,
          summary: "申报列表（按角色范围），可按县、组织、项目、状态、待办、年度、关键词筛选并分页",
          querystring: pageQuery.extend(listFilters.shape).extend(cursorQuery.shape),
          response: { 200: applicationListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listApplications(ctx, actorOf(request), request.query),
    );
    app.get(
      "/api/v1/applications/export",
      {
        schema: {
          tags,
          summary: "导出当前筛选：与申报列表相同的筛选条件下的全部申报（不分页），.xlsx",
          querystring: listFilters,
          response: {
            200: fileContent("申报列表 .xlsx（符合筛选条件的全部申报）"),
            ...errors(...SIGNED_IN),
          },
        },
      },
      async (request, reply) => {
        const file = await exportApplications(ctx, actorOf(request), request.query);
        return sendXlsx(reply, file);
      },
    );
    app.post(
      "/api/v1/applications",
      {
        schema: {
          tags,
          summary: "新建申报草稿（企业用户）",
          body: applicationInputSchema,
          // 404: no such organization; 409: the organization is excluded from applying.
          response: { 201: applicationSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApplication(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/applications/:id",
      {
        schema: {
          tags,
          summary: "申报详情：材料、审核步骤及每步的引擎决定与核查过程",
          params: idParams,
          response: { 200: applicationDetailSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => getApplication(ctx, actorOf(request), request.params.id),
    );
    app.patch(
      "/api/v1/applications/:id",
      {
        schema: {
          tags,
          summary: "修改草稿或退回补正的申报（须带读取时的版本号 version）",
          description: VERSION_HELP,
          params: idParams,
          headers: ifMatchHeaders,
          // The version sits beside the fields; the fields' own rule (at least one) ignores it.
          body: applicationPatchSchema.and(z.object({ version: versionField })),
          response: { 200: applicationSchema, ...errors(...RECORD_CHANGE, 413) },
        },
      },
      async (request) => {
        const { version, ...patch } = request.body;
        return updateApplication(
          ctx,
          actorOf(request),
          request.params.id,
          patch,
          expectedVersion(request, version),
        );
      },
    );
    app.post(
      "/api/v1/applications/:id/preview",
      {
        schema: {
          tags,
          summary: "政策引擎预估（不保存）",
          params: idParams,
          response: { 200: casePreviewSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => previewApplication(ctx, actorOf(request), request.params.id),
    );
    // Each step of the review is its own operation (searchable, documented on its own), all
    // served by the one use case that moves a case.
    const STEP_SUMMARIES: Record<Action, string> = {
      submit: "提交（企业；至少一份证明材料；退回补正后再次提交保留首次提交时间）",
      withdraw: "撤回（企业；审核通过之前）",
      accept: "受理（县级审核人员）",
      approve: "审核通过（县级初审通过转市级复审；市级复审通过即核定奖励）",
      return: "退回补正（须填写意见）",
      reject: "不予通过（须填写意见）",
      confirm: "确认申领（企业；免申即享的待确认奖励，确认后进入县级初审，首次提交时间为确认之时）",
      decline: "放弃（企业；免申即享的待确认奖励）",
    };
    for (const action of ACTIONS) {
      app.post(
        `/api/v1/applications/:id/${action}`,
        {
          schema: {
            tags,
            summary: `${ACTION_NAMES[action]}：${STEP_SUMMARIES[action]}`,
            operationId: `${action}Application`,
            params: idParams,
            body: z
              .object({
                comment: z.string().trim().max(2000).optional().describe("审核意见"),
                commitment: z
                  .boolean()
                  .optional()
                  .describe("确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实"),
              })
              .nullish(),
            // 409: not open in the case's state, the organization excluded, or refused by the engine
            // or by a grant already made (pay once, one per project, caps).
            response: { 200: applicationStepResultSchema, ...errors(...RECORD_CHANGE, 413) },
          },
        },
        async (request) =>
          action === "confirm"
            ? confirmOffer(ctx, actorOf(request), request.params.id, {
                commitment: request.body?.commitment,
              })
            : transitionApplication(
                ctx,
                actorOf(request),
                request.params.id,
                action,
                request.body?.comment || null,
              ),
      );
    }
    app.post(
      "/api/v1/applications/:id/evidence",
      {
        schema: {
          tags,
          summary: "上传证明材料（PDF、JPEG、PNG，multipart/form-data，字段 file）",
          params: idParams,
          response: { 201: evidenceSchema, ...errors(...RECORD_CHANGE, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const upload = await readUpload(ctx, request);
        return reply.status(201).send(await addEvidence(ctx, actor, request.params.id, upload));
      },
    );
    app.delete(
      "/api/v1/applications/:id/evidence/:evidenceId",
      {
        schema: {
          tags,
          summary: "删除证明材料（仅草稿或退回补正的申报）；答复被删除的材料",
          params: idParams.extend({ evidenceId: z.string().uuid() }),
          response: { 200: evidenceSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) =>
        removeEvidence(ctx, actorOf(request), request.params.id, request.params.evidenceId),
    );
    app.get(
      "/api/v1/applications/:id/evidence/:evidenceId",
      {
        schema: {
          tags,
          summary: "查看证明材料",
          params: idParams.extend({ evidenceId: z.string().uuid() }),
          response: { 200: fileContent(), ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) => {
        const file = await openEvidence(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.evidenceId,
        );
        return sendStoredFile(reply, file);
      },
    );
  };
}
