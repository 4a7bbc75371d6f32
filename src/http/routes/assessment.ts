import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentValueInputSchema,
  runInputSchema,
  schemeInputSchema,
} from "../../assessment/assessment-input.ts";
import { getRun, listRuns } from "../../assessment/read-runs.ts";
import { getScheme, listSchemes } from "../../assessment/read-schemes.ts";
import { addAssessmentValue } from "../../assessment/record-assessment-value.ts";
import { runAssessment } from "../../assessment/run-assessment.ts";
import { saveScheme } from "../../assessment/save-scheme.ts";
import { verifyRun } from "../../assessment/verify-run.ts";
import type { Context } from "../../context.ts";
import { actorOf } from "../auth.ts";
import { idParams } from "../params.ts";
import {
  assessmentRunCheckSchema,
  assessmentRunListSchema,
  assessmentRunSchema,
  assessmentSchemeListSchema,
  assessmentSchemeSchema,
  assessmentValueSchema,
} from "../responses/assessment.ts";
import { errors, SIGNED_IN } from "../schemas.ts";

const year = z.coerce
  .number({ error: "应为年度（整数）" })
  .int("应为年度（整数）")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

/** The county assessment of 四（一）: schemes, values entered by the city, runs and their check. */
export function assessmentRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["县级考核"];
    app.get(
      "/api/v1/assessment/schemes",
      {
        schema: {
          tags,
          summary: "考核方案（各年度各版本，新版本在前）",
          querystring: z.object({ year: year.optional() }),
          response: { 200: assessmentSchemeListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({
        items: await listSchemes(ctx, actorOf(request), request.query.year),
      }),
    );
    app.post(
      "/api/v1/assessment/schemes",
      {
        schema: {
          tags,
          summary:
            "保存年度考核方案（生成新版本，旧版本不变；权重之和须为 100；baseVersion 须为该年度当前最新版本，否则 409 stale_version）",
          body: schemeInputSchema,
          response: { 201: assessmentSchemeSchema, ...errors(...SIGNED_IN, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await saveScheme(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/assessment/schemes/:year",
      {
        schema: {
          tags,
          summary: "某年度的考核方案（默认最新版本）",
          params: z.object({ year }),
          querystring: z.object({
            version: z.coerce
              .number()
              .int()
              .min(1, "应为版本号（正整数）")
              .max(1_000_000, "版本号过大")
              .optional(),
          }),
          response: { 200: assessmentSchemeSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) =>
        getScheme(ctx, actorOf(request), request.params.year, request.query.version),
    );
    app.post(
      "/api/v1/assessment/values",
      {
        schema: {
          tags,
          summary: "录入人工指标的数值（同一县再次录入以最新为准）",
          body: assessmentValueInputSchema,
          response: { 201: assessmentValueSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addAssessmentValue(ctx, actorOf(request), request.body)),
    );
    app.post(
      "/api/v1/assessment/runs",
      {
        schema: {
          tags,
          summary: "按方案计算年度考核得分与排名（保存输入与结果）",
          body: runInputSchema,
          response: { 201: assessmentRunSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await runAssessment(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/assessment/runs",
      {
        schema: {
          tags,
          summary: "考核计算记录（新的在前）",
          querystring: z.object({ year: year.optional() }),
          response: { 200: assessmentRunListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({ items: await listRuns(ctx, actorOf(request), request.query.year) }),
    );
    app.get(
      "/api/v1/assessment/runs/:id",
      {
        schema: {
          tags,
          summary: "一次考核计算：各县得分、排名与逐项计算过程",
          params: idParams,
          response: { 200: assessmentRunSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => getRun(ctx, actorOf(request), request.params.id),
    );
    app.get(
      "/api/v1/assessment/runs/:id/verify",
      {
        schema: {
          tags,
          summary: "核对：用保存的输入与方案版本重新计分，与保存的结果比较",
          params: idParams,
          response: { 200: assessmentRunCheckSchema, ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request) => verifyRun(ctx, actorOf(request), request.params.id),
    );
  };
}
