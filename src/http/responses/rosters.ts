import { z } from "zod";
import { OUTCOMES } from "../../rosters/classify.ts";

/** What the roster routes answer (src/http/routes/rosters.ts): 免申即享. */

export const rosterCountsSchema = z
  .object({
    rows: z.number().int().describe("数据行数"),
    matched: z.number().int().describe("已匹配：统一社会信用代码为已注册组织"),
    needsReview: z
      .number()
      .int()
      .describe("待核对名称：无代码或代码未注册，但名称与唯一一个已注册组织相同"),
    unmatched: z.number().int().describe("未注册"),
    invalid: z.number().int().describe("无效（单元格无法识别）"),
    duplicates: z.number().int().describe("重复：本文件已有或已导入过同一奖励项目与对象"),
    offers: z.number().int().describe("新生成的待确认奖励（预览时为 0）"),
    refused: z.number().int().describe("政策引擎不予核定的已匹配行（预览时为 0）"),
  })
  .meta({ id: "RosterCounts", description: "名单导入计数" });

const rosterRowSchema = z.object({
  row: z.number().int().describe("表格中的行号（表头为第 1 行）"),
  outcome: z.enum(OUTCOMES),
  uscc: z.string().nullable(),
  name: z.string().nullable().describe("名单所写的组织名称"),
  organization: z
    .object({ id: z.string(), name: z.string(), uscc: z.string(), county: z.string() })
    .nullable()
    .describe("匹配到（或按名称建议）的已注册组织"),
  county: z
    .string()
    .nullable()
    .describe("未注册组织按其统一社会信用代码的登记机关所在县（市、区）"),
  item: z.string().nullable(),
  subject: z.string().nullable(),
  eventDate: z.string().nullable(),
  column: z.string().nullable().describe("无效行首个问题所在的列（表头）"),
  message: z.string().nullable(),
  decision: z.enum(["offered", "refused"]).nullable(),
  reason: z.string().nullable().describe("政策引擎不予核定的理由"),
  application: z.object({ id: z.string(), number: z.string() }).nullable(),
});

export const rosterReportSchema = z
  .object({
    import: z.object({ id: z.string(), number: z.string() }).nullable().describe("预览时为 null"),
    kind: z.object({ id: z.string(), title: z.string(), policy: z.string() }),
    filename: z.string(),
    sha256: z.string().nullable(),
    counts: rosterCountsSchema,
    rows: z.array(rosterRowSchema).readonly(),
  })
  .meta({ id: "RosterReport", description: "名单预览或导入的结果，逐行" });

export const rosterKindsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        publisher: z.string(),
        ref: z.string(),
        policy: z.string(),
        headers: z.array(z.string()).describe("表头，按模板顺序"),
      }),
    ),
  })
  .meta({ id: "RosterKinds", description: "现行政策定义的名单类型（免申即享）" });
