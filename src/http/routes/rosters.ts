import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { importRoster, listRosterKinds } from "../../rosters/import-roster.ts";
import { MAX_ROSTER_BYTES } from "../../rosters/roster-file.ts";
import { rosterTemplate } from "../../rosters/roster-template.ts";
import { actorOf } from "../auth.ts";
import { sendXlsx } from "../files.ts";
import { rosterKindsSchema, rosterReportSchema } from "../responses/rosters.ts";
import { errors, fileContent, SIGNED_IN } from "../schemas.ts";

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
  };
}
