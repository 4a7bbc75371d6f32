import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { OUTCOMES } from "../../rosters/classify.ts";
import { importRoster, listRosterKinds } from "../../rosters/import-roster.ts";
import { listRosterImports } from "../../rosters/list-imports.ts";
import { policyMatches } from "../../rosters/policy-matches.ts";
import { reviewNameMatch } from "../../rosters/review-name-match.ts";
import { MAX_ROSTER_BYTES } from "../../rosters/roster-file.ts";
import { exportRosterRows, listRosterRows } from "../../rosters/roster-rows.ts";
import { rosterTemplate } from "../../rosters/roster-template.ts";
import { actorOf } from "../auth.ts";
import { sendXlsx } from "../files.ts";
import { idParams, pageQuery } from "../params.ts";
import {
  nameReviewResultSchema,
  policyMatchesSchema,
  rosterImportListSchema,
  rosterKindsSchema,
  rosterReportSchema,
  rosterRowPageSchema,
} from "../responses/rosters.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

const rowFilter = z.object({
  importId: z.string().uuid("应为导入记录编号（UUID）").optional().describe("导入记录"),
  outcome: z
    .enum(OUTCOMES)
    .optional()
    .describe("结果：matched、needsReview、unmatched、invalid、duplicate"),
  county: z.string().max(20).optional().describe("县（市、区）"),
  q: z.string().max(100).optional().describe("名称、统一社会信用代码或对象中的文字"),
});

export function rosterRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["免申即享"];
    app.get(
      "/api/v1/rosters/kinds",
      {
        schema: {
          tags,
          summary: "名单类型：各列表头与所对应的奖励项目",
          response: { 200: rosterKindsSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listRosterKinds(ctx, actorOf(request)),
    );
    app.get(
      "/api/v1/rosters/kinds/:kind/template",
      {
        schema: {
          tags,
          summary: "下载名单导入模板（.xlsx，中文表头）",
          params: z.object({ kind: z.string().max(100) }),
          response: { 200: fileContent("名单导入模板（.xlsx）"), ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const t = await rosterTemplate(ctx, actor, request.params.kind);
        return sendXlsx(reply, { name: t.filename, data: t.data });
      },
    );
    app.post(
      "/api/v1/rosters/imports",
      {
        schema: {
          tags,
          summary:
            "预览或导入名单（multipart/form-data，字段 file：.xlsx 或 .csv）；dryRun=true 只预览，不写入",
          querystring: z.object({
            kind: z.string().min(1).max(100).describe("名单类型，如 pinzibiao"),
            dryRun: z
              .enum(["true", "false"])
              .default("true")
              .transform((v) => v === "true")
              .describe("true（默认）只预览；false 导入"),
          }),
          response: { 200: rosterReportSchema, ...errors(...SIGNED_IN, 409, 413, 415) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const file = await request.file({ limits: { fileSize: MAX_ROSTER_BYTES, files: 1 } });
        if (!file) throw new AppError("missing_field", "请选择要上传的名单文件", "file");
        const data = await file.toBuffer();
        return importRoster(ctx, actor, {
          kind: request.query.kind,
          filename: file.filename,
          data,
          dryRun: request.query.dryRun,
        });
      },
    );
    app.get(
      "/api/v1/rosters/imports",
      {
        schema: {
          tags,
          summary: "名单导入记录：文件、哈希、导入人与各项计数（最新在前）",
          response: { 200: rosterImportListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listRosterImports(ctx, actorOf(request)),
    );
    app.get(
      "/api/v1/rosters/rows",
      {
        schema: {
          tags,
          summary:
            "已导入的名单记录：按导入、结果、县（市、区）或名称筛选；待核对名称与未注册组织即在其中",
          querystring: rowFilter.extend(pageQuery.shape),
          response: { 200: rosterRowPageSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listRosterRows(ctx, actorOf(request), request.query),
    );
    app.get(
      "/api/v1/rosters/rows/export",
      {
        schema: {
          tags,
          summary: "导出名单记录（.xlsx）；未注册组织另附按组织汇总的邀请名单",
          querystring: rowFilter,
          response: { 200: fileContent("名单记录（.xlsx）"), ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) => {
        const file = await exportRosterRows(ctx, actorOf(request), request.query);
        return sendXlsx(reply, { name: file.filename, data: file.data });
      },
    );
    app.post(
      "/api/v1/rosters/rows/:id/review",
      {
        schema: {
          tags,
          summary: "核对名称匹配：确认（按所匹配组织生成待确认奖励）或否定（须填写理由）",
          params: idParams,
          body: z.object({
            decision: z.enum(["confirm", "reject"]).describe("confirm 确认；reject 否定"),
            comment: z.string().max(500).nullable().optional().describe("意见；否定时必填"),
            version: z.number().int().min(0).optional().describe("所读记录的版本"),
          }),
          response: { 200: nameReviewResultSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => reviewNameMatch(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      "/api/v1/me/matches",
      {
        schema: {
          tags,
          summary: "政策匹配：本单位待确认的奖励，以及名单已列出、补充信息后可申报的奖励",
          response: { 200: policyMatchesSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => policyMatches(ctx, actorOf(request)),
    );
  };
}
