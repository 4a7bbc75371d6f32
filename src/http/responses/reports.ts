import { z } from "zod";

/** What the report routes answer (src/http/routes/reports.ts). */

export const reportKindListSchema = z
  .object({
    items: z.array(
      z
        .object({
          kind: z.string().describe("报表类型，用于导出地址"),
          title: z.string().describe("报表名称"),
          description: z.string().describe("报表内容说明"),
          year: z.enum(["required", "optional"]).describe("年度参数是否必填"),
          bySource: z.boolean().describe("是否可按资金来源 source 筛选"),
        })
        .meta({ id: "ReportKind", description: "可导出的报表类型" }),
    ),
  })
  .meta({ id: "ReportKindList", description: "当前用户可导出的报表类型" });
