import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { civilDateSchema } from "../../calculate/request.ts";
import { beijingToday } from "../../clock.ts";
import type { Context } from "../../context.ts";
import { comparePack } from "../../policies/compare-pack.ts";
import { getPack, listPacks } from "../../policies/list-packs.ts";
import { MAX_PACK_BYTES, validatePackFile } from "../../policies/pack-source.ts";
import { policyInForce } from "../../policies/policy-in-force.ts";
import { publishPack } from "../../policies/publish-pack.ts";
import { simulatePack } from "../../policies/simulate-pack.ts";
import { uploadPack } from "../../policies/upload-pack.ts";
import { actorOf } from "../auth.ts";
import { expectedVersion, ifMatchHeaders, versionField } from "../if-match.ts";
import {
  packDiffSchema,
  packPublishedSchema,
  packUploadedSchema,
  packValidationSchema,
  policyInForceSchema,
  policyRecordDetailSchema,
  policyRecordListSchema,
  simulationSchema,
} from "../responses/policy-records.ts";
import { errors, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

const source = z
  .string()
  .min(1)
  .max(MAX_PACK_BYTES)
  .describe("政策文件原文（YAML 或 JSON，格式见 docs/pack-format.md）");

/** Policy packs as data: validate, diff, what-if, upload and publish (政策管理). */
export function policyRecordRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["政策管理"];
    app.get(
      "/api/v1/policies/in-force",
      {
        schema: {
          tags: ["政策"],
          summary: "某日施行的政策；无政策施行时说明最后可申报的日期和已收录的政策（公开）",
          querystring: z.object({
            date: civilDateSchema.optional().describe("日期（默认今日）"),
          }),
          response: { 200: policyInForceSchema, ...errors(400, 403) },
        },
      },
      async (request) => policyInForce(ctx.registry, request.query.date ?? beijingToday(ctx)),
    );

    app.get(
      "/api/v1/policies/records",
      {
        schema: {
          tags,
          summary: "已收录的政策版本：草稿、已发布、已废止，及其施行期",
          response: { 200: policyRecordListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({ items: await listPacks(ctx, actorOf(request)) }),
    );

    app.get(
      "/api/v1/policies/records/:id",
      {
        schema: {
          tags,
          summary: "一个政策版本及其文件原文",
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 200: policyRecordDetailSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => getPack(ctx, actorOf(request), request.params.id),
    );

    app.post(
      "/api/v1/policies/validate",
      {
        schema: {
          tags,
          summary: "校验政策文件：一次列出全部问题及其位置（不保存）",
          body: z.object({ source }),
          response: { 200: packValidationSchema, ...errors(...SIGNED_IN, 413) },
        },
      },
      async (request) => validatePackFile(ctx, actorOf(request), request.body.source),
    );

    app.post(
      "/api/v1/policies",
      {
        schema: {
          tags,
          summary: "上传政策文件，存为草稿（新版本）；有问题时整份拒绝，不保存",
          body: z.object({ source }),
          response: { 200: packUploadedSchema, ...errors(...SIGNED_IN, 409, 413) },
        },
      },
      async (request) => uploadPack(ctx, actorOf(request), request.body.source),
    );

    app.post(
      "/api/v1/policies/diff",
      {
        schema: {
          tags,
          summary: "对比政策文件与现行政策（或 against 指定的政策）",
          body: z.object({
            source,
            against: z.string().min(1).max(100).optional().describe("对比的政策（编号或记录编号）"),
          }),
          response: { 200: packDiffSchema, ...errors(...SIGNED_IN, 404, 413) },
        },
      },
      async (request) => {
        const diff = await comparePack(
          ctx,
          actorOf(request),
          request.body.source,
          request.body.against,
        );
        return {
          ...diff,
          added: [...diff.added],
          removed: [...diff.removed],
          changed: [...diff.changed],
        };
      },
    );

    app.post(
      "/api/v1/policies/simulate",
      {
        schema: {
          tags,
          summary:
            "沙盘推演：所选事件日期内已提交且未撤回的历史申报，按草稿政策（视同当时施行）与原政策分别核定并对比；只保存推演结果",
          body: z.object({
            source,
            from: civilDateSchema.optional().describe("事件日期起（含）"),
            to: civilDateSchema.optional().describe("事件日期止（含）"),
          }),
          response: { 200: simulationSchema, ...errors(...SIGNED_IN, 413) },
        },
      },
      async (request) => simulatePack(ctx, actorOf(request), request.body),
    );

    app.post(
      "/api/v1/policies/records/:id/publish",
      {
        schema: {
          tags,
          summary:
            "发布政策草稿：effective 须与文件中的施行日期一致（确认）；同时废止其声明废止的政策和本政策的旧版本",
          params: z.object({ id: z.string().min(1).max(100) }),
          headers: ifMatchHeaders,
          body: z.object({
            effective: civilDateSchema.describe("确认的施行日期"),
            version: versionField,
          }),
          response: { 200: packPublishedSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) =>
        publishPack(ctx, actorOf(request), {
          ref: request.params.id,
          effective: request.body.effective,
          version: expectedVersion(request, request.body.version),
        }),
    );
  };
}
