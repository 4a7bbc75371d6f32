import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { exportReport } from "../../reports/export-report.ts";
import { availableReports, REPORTS } from "../../reports/report-kinds.ts";
import { reportQuerySchema } from "../../reports/report-params.ts";
import { actorOf } from "../auth.ts";
import { sendXlsxFile } from "../files.ts";
import { reportKindListSchema } from "../responses/reports.ts";
import { errors, fileContent, SIGNED_IN } from "../schemas.ts";

export function reportRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["报表"];
    app.get(
      "/api/v1/reports",
      {
        schema: {
          tags,
          summary: "当前用户可导出的报表类型",
          response: { 200: reportKindListSchema, ...errors(401, 403) },
        },
      },
      async (request) => ({ items: availableReports(actorOf(request)) }),
    );
    app.get(
      "/api/v1/reports/:kind",
      {
        schema: {
          tags,
          summary: `导出报表（.xlsx）：${Object.entries(REPORTS)
            .map(([kind, d]) => `${kind} ${d.title}`)
            .join("、")}；县级用户只能导出本县`,
          params: z.object({ kind: z.string().min(1).max(50) }),
          querystring: reportQuerySchema,
          // 404: no report of this kind.
          response: { 200: fileContent(), ...errors(...SIGNED_IN, 404) },
        },
      },
      async (request, reply) => {
        const file = await exportReport(ctx, actorOf(request), request.params.kind, request.query);
        return sendXlsxFile(reply, file);
      },
    );
  };
}
