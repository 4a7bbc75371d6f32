import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { civilDateSchema } from "../../calculate/request.ts";
import type { Context } from "../../context.ts";
import { addBaseline } from "../../targets/add-baseline.ts";
import { addRecord } from "../../targets/add-record.ts";
import { addValueEvidence } from "../../targets/attach-value-evidence.ts";
import { getTarget } from "../../targets/get-target.ts";
import { targetContributions } from "../../targets/list-target-contributions.ts";
import { listTargets } from "../../targets/list-targets.ts";
import { openValueEvidence } from "../../targets/open-value-evidence.ts";
import { addValue } from "../../targets/record-target-value.ts";
import {
  baselineInputSchema,
  countyOrCity,
  recordInputSchema,
  valueInputSchema,
} from "../../targets/targets-input.ts";
import { withdrawRecord } from "../../targets/withdraw-record.ts";
import { actorOf } from "../auth.ts";
import { readUpload, sendStoredFile } from "../files.ts";
import { idParams } from "../params.ts";
import {
  targetBaselineAddedSchema,
  targetContributionsSchema,
  targetDetailSchema,
  targetListSchema,
  targetRecordAddedSchema,
  targetRecordWithdrawnSchema,
  targetValueAddedSchema,
  targetValueEvidenceSchema,
} from "../responses/targets.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

const tags = ["目标"];
const targetParams = z.object({ targetId: z.string().min(1).max(100) });

export function targetRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/targets",
      {
        schema: {
          tags,
          summary: "2025 年目标进度（二、总体目标），可按县（市、区）和日期查看",
          querystring: z.object({
            asOf: civilDateSchema.optional(),
            policy: z.string().max(100).optional(),
            county: countyOrCity.optional(),
          }),
          response: { 200: targetListSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => listTargets(ctx, actorOf(request), request.query),
    );
    app.post(
      "/api/v1/targets/baselines",
      {
        schema: {
          tags,
          summary: "登记目标基数（来源、日期）",
          body: baselineInputSchema,
          response: { 201: targetBaselineAddedSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addBaseline(ctx, actorOf(request), request.body)),
    );
    app.post(
      "/api/v1/targets/records",
      {
        schema: {
          tags,
          summary: "登记未经申报的成果（如县级政府质量奖、秘书处）",
          body: recordInputSchema,
          response: { 201: targetRecordAddedSchema, ...errors(...SIGNED_IN, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addRecord(ctx, actorOf(request), request.body)),
    );
    app.post(
      "/api/v1/targets/records/:id/withdraw",
      {
        schema: {
          tags,
          summary: "撤回登记的成果（须说明理由）",
          params: idParams,
          body: z.object({ reason: z.string().trim().min(1, "不能为空").max(1000) }),
          response: { 200: targetRecordWithdrawnSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) =>
        withdrawRecord(ctx, actorOf(request), request.params.id, request.body.reason),
    );
    app.post(
      "/api/v1/targets/values",
      {
        schema: {
          tags,
          summary: "录入人工指标数值（如抽检合格率），保留历史",
          body: valueInputSchema,
          response: { 201: targetValueAddedSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addValue(ctx, actorOf(request), request.body)),
    );
    app.post(
      "/api/v1/targets/values/:id/evidence",
      {
        schema: {
          tags,
          summary: "为录入的数值上传证明材料（multipart/form-data，字段 file）",
          params: idParams,
          response: { 201: targetValueEvidenceSchema, ...errors(...SIGNED_IN, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const upload = await readUpload(ctx, request);
        return reply
          .status(201)
          .send(await addValueEvidence(ctx, actor, request.params.id, upload));
      },
    );
    app.get(
      "/api/v1/targets/values/:id/evidence/:documentId",
      {
        schema: {
          tags,
          summary: "查看数值的证明材料",
          params: idParams.extend({ documentId: z.string().uuid() }),
          response: { 200: fileContent(), ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) => {
        const file = await openValueEvidence(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.documentId,
        );
        return sendStoredFile(reply, file);
      },
    );
    app.get(
      "/api/v1/targets/:targetId",
      {
        schema: {
          tags,
          summary: "单个目标：进度、按县分布、历史、基数与录入记录",
          params: targetParams,
          querystring: z.object({ asOf: civilDateSchema.optional() }),
          response: { 200: targetDetailSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) =>
        getTarget(ctx, actorOf(request), request.params.targetId, request.query.asOf),
    );
    app.get(
      "/api/v1/targets/:targetId/contributions",
      {
        schema: {
          tags,
          summary: "构成目标计数的奖励与登记记录",
          params: targetParams,
          querystring: z.object({
            asOf: civilDateSchema.optional(),
            county: countyOrCity.optional(),
          }),
          response: { 200: targetContributionsSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) =>
        targetContributions(ctx, actorOf(request), request.params.targetId, request.query),
    );
  };
}
